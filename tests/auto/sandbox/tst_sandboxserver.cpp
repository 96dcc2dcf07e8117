// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include <AuthSession/jwt.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/responsemapper.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace AuthSession;

class TestSandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signsInEveryProfile_data();
    void signsInEveryProfile();
    void rejectsWrongPassword_data();
    void rejectsWrongPassword();
    void reportsLockedAccount_data();
    void reportsLockedAccount();
    void refreshes_data();
    void refreshes();
    void rotatesRefreshTokens_data();
    void rotatesRefreshTokens();
    void signsInWithExternalToken();
    void rejectsUnknownExternalToken();
    void issuesDatarheiShapedJwts();
    void protectsResources();
    void acceptsJsonAndFormForTangerine();
    void checksOAuthClientId();
    void revokesOnSignOut();
    void injectsFaults_data();
    void injectsFaults();
    void appliesClockSkew();
    void adminEndpoint();
    void parsesFaultSpecs();

private:
    HttpAnswer send(PreparedRequest request);
    HttpAnswer get(const QUrl &url, const QByteArray &verb = "GET", const QByteArray &body = {});
    ResponseMapper::Result signIn(const Profile &profile, const QString &user, const QString &password,
                                  int timeout = 30000);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestSandboxServer::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen() != 0);
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestSandboxServer::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

HttpAnswer TestSandboxServer::send(PreparedRequest request)
{
    if (!request.isValid()) {
        HttpAnswer a;
        a.transportError = request.error;
        return a;
    }
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    QNetworkReply *reply = m_nam->sendCustomRequest(request.request, request.verb, request.body);
    HttpAnswer::limitSize(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    const HttpAnswer answer = HttpAnswer::fromReply(reply, sentAt, QDateTime::currentDateTimeUtc());
    reply->deleteLater();
    request.wipe();
    return answer;
}

HttpAnswer TestSandboxServer::get(const QUrl &url, const QByteArray &verb, const QByteArray &body)
{
    PreparedRequest p;
    p.request = QNetworkRequest(url);
    p.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    p.verb = verb;
    p.body = body;
    return send(p);
}

ResponseMapper::Result TestSandboxServer::signIn(const Profile &profile, const QString &user,
                                                 const QString &password, int timeout)
{
    RequestBuilder builder(profile, m_server->baseUrl(profile.id));
    builder.setTimeout(timeout);
    // Heap copies: early RequestBuilder versions wiped the caller's (read-only) literal in place
    return ResponseMapper::map(profile, ResponseMapper::SignIn,
                               send(builder.signIn(QString(user.constData(), user.size()),
                                                   QString(password.constData(), password.size()))));
}

static void addProfileRows(bool refreshOnly = false)
{
    QTest::addColumn<QString>("id");
    const QStringList ids = ProfileRegistry::builtInIds();
    for (const QString &id : ids) {
        if (!refreshOnly || ProfileRegistry::builtIn(id).hasRefresh())
            QTest::addRow("%s", qPrintable(id)) << id;
    }
}

void TestSandboxServer::signsInEveryProfile_data()
{
    addProfileRows();
}

void TestSandboxServer::signsInEveryProfile()
{
    QFETCH(QString, id);
    const Profile profile = ProfileRegistry::builtIn(id);
    QVERIFY(profile.isValid());
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
    QVERIFY(!r.tokens.accessToken.isEmpty());
    const bool hasRefresh = !profile.signIn.response.refreshToken.isEmpty()
        && profile.sandbox.value(QLatin1String("refreshToken")).toString() != QLatin1String("none");
    QCOMPARE(r.tokens.hasRefreshToken(), hasRefresh);
    if (!profile.signIn.response.user.isEmpty())
        QCOMPARE(r.tokens.user.value(QLatin1String("userid")).toString(), QStringLiteral("demo"));
    QCOMPARE(m_server->count(id, QStringLiteral("signIn")), 1);
    QCOMPARE(m_server->count(id, QStringLiteral("signIn"), QStringLiteral("succeeded")), 1);
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first().at(0).toString(), id);
    QCOMPARE(handled.first().at(1).toString(), QStringLiteral("signIn"));
}

void TestSandboxServer::rejectsWrongPassword_data()
{
    addProfileRows();
}

void TestSandboxServer::rejectsWrongPassword()
{
    QFETCH(QString, id);
    const Profile profile = ProfileRegistry::builtIn(id);
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("demo"), QStringLiteral("wrong"));
    QCOMPARE(r.error.category(), ErrorCategory::InvalidCredentials);
    QCOMPARE(m_server->count(id, QStringLiteral("signIn"), QStringLiteral("failed")), 1);
    const ResponseMapper::Result unknown = signIn(profile, QStringLiteral("nobody"), QStringLiteral("demo"));
    QCOMPARE(unknown.error.category(), ErrorCategory::InvalidCredentials);
}

void TestSandboxServer::reportsLockedAccount_data()
{
    addProfileRows();
}

void TestSandboxServer::reportsLockedAccount()
{
    QFETCH(QString, id);
    const Profile profile = ProfileRegistry::builtIn(id);
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("locked"), QStringLiteral("locked"));
    QVERIFY(r.error.isError());
    // every built-in profile tells a locked account from wrong credentials (status or error code)
    QCOMPARE(r.error.category(), ErrorCategory::AccountProblem);
}

void TestSandboxServer::refreshes_data()
{
    addProfileRows(true);
}

void TestSandboxServer::refreshes()
{
    QFETCH(QString, id);
    const Profile profile = ProfileRegistry::builtIn(id);
    const ResponseMapper::Result first = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY2(first.isOk(), qPrintable(first.error.toString()));
    RequestBuilder builder(profile, m_server->baseUrl(id));
    const ResponseMapper::Result second
        = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(first.tokens)));
    QVERIFY2(second.isOk(), qPrintable(second.error.toString()));
    QVERIFY(!second.tokens.accessToken.isEmpty());
    QVERIFY(second.tokens.accessToken != first.tokens.accessToken);
    QCOMPARE(m_server->count(id, QStringLiteral("refresh")), 1);
    QCOMPARE(m_server->count(id, QStringLiteral("refresh"), QStringLiteral("succeeded")), 1);
    QCOMPARE(m_server->count(id, QStringLiteral("signIn")), 1);

    // the new access token opens protected resources
    TokenSet tokens = second.tokens;
    if (tokens.tokenType.isEmpty())
        tokens.tokenType = first.tokens.tokenType;
    const HttpAnswer resource
        = send(builder.authorized(QStringLiteral("/protected"), "GET", {}, tokens));
    QCOMPARE(resource.status, 200);
}

void TestSandboxServer::rotatesRefreshTokens_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("oldStillWorks");
    QTest::addRow("v1-auth") << QStringLiteral("v1-auth") << false;
    QTest::addRow("oauth2-password") << QStringLiteral("oauth2-password") << false;
    QTest::addRow("datarhei-core") << QStringLiteral("datarhei-core") << true;
}

void TestSandboxServer::rotatesRefreshTokens()
{
    QFETCH(QString, id);
    QFETCH(bool, oldStillWorks);
    const Profile profile = ProfileRegistry::builtIn(id);
    const ResponseMapper::Result first = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY2(first.isOk(), qPrintable(first.error.toString()));
    RequestBuilder builder(profile, m_server->baseUrl(id));
    const ResponseMapper::Result second
        = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(first.tokens)));
    QVERIFY2(second.isOk(), qPrintable(second.error.toString()));
    if (!oldStillWorks)
        QVERIFY(second.tokens.refreshToken != first.tokens.refreshToken && second.tokens.hasRefreshToken());
    const ResponseMapper::Result again
        = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(first.tokens)));
    if (oldStillWorks) {
        QVERIFY2(again.isOk(), qPrintable(again.error.toString()));
    } else {
        QCOMPARE(again.error.category(), ErrorCategory::RefreshRejected);
        // the rotated one works
        TokenSet rotated = second.tokens;
        const ResponseMapper::Result third
            = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(rotated)));
        QVERIFY2(third.isOk(), qPrintable(third.error.toString()));
    }
}

void TestSandboxServer::signsInWithExternalToken()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    QVERIFY(profile.hasExternalSignIn());
    RequestBuilder builder(profile, m_server->baseUrl(profile.id));
    const ResponseMapper::Result r = ResponseMapper::map(
        profile, ResponseMapper::ExternalSignIn, send(builder.externalSignIn(QStringLiteral("demo-external-token"))));
    QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
    QVERIFY(!r.tokens.accessToken.isEmpty());
    QVERIFY(r.tokens.hasRefreshToken());
    QCOMPARE(Jwt::payload(r.tokens.accessToken).value(QLatin1String("sub")).toString(), QStringLiteral("demo"));
    QCOMPARE(m_server->count(profile.id, QStringLiteral("externalSignIn")), 1);
    QCOMPARE(m_server->count(profile.id, QStringLiteral("signIn")), 0);
}

void TestSandboxServer::rejectsUnknownExternalToken()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    RequestBuilder builder(profile, m_server->baseUrl(profile.id));
    const ResponseMapper::Result r = ResponseMapper::map(
        profile, ResponseMapper::ExternalSignIn, send(builder.externalSignIn(QStringLiteral("forged"))));
    QCOMPARE(r.error.category(), ErrorCategory::InvalidCredentials);
}

void TestSandboxServer::issuesDatarheiShapedJwts()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    m_server->setAccessTokenLifetime(600);
    m_server->setRefreshTokenLifetime(86400);
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
    bool ok = false;
    const QJsonObject access = Jwt::payload(r.tokens.accessToken, &ok);
    QVERIFY(ok);
    for (const char *claim : {"exp", "exi", "iat", "iss", "jti", "sub", "usefor"})
        QVERIFY2(access.contains(QLatin1String(claim)), claim);
    QCOMPARE(access.value(QLatin1String("usefor")).toString(), QStringLiteral("access"));
    QCOMPARE(access.value(QLatin1String("exi")).toInt(), 600);
    QCOMPARE(access.value(QLatin1String("sub")).toString(), QStringLiteral("demo"));
    QCOMPARE(qint64(access.value(QLatin1String("exp")).toDouble()) - qint64(access.value(QLatin1String("iat")).toDouble()), 600);
    const QJsonObject refresh = Jwt::payload(r.tokens.refreshToken, &ok);
    QVERIFY(ok);
    QCOMPARE(refresh.value(QLatin1String("usefor")).toString(), QStringLiteral("refresh"));
    QCOMPARE(refresh.value(QLatin1String("exi")).toInt(), 86400);
    // the client derives the expiry from the JWT
    QVERIFY(r.tokens.expiresAt.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(r.tokens.expiresAt) - 600) <= 5);
}

void TestSandboxServer::protectsResources()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("simple-form-login"));
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("alice"), QStringLiteral("wonderland"));
    QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
    RequestBuilder builder(profile, m_server->baseUrl(profile.id));
    const HttpAnswer ok = send(builder.authorized(QStringLiteral("/items/7?x=1"), "GET", {}, r.tokens));
    QCOMPARE(ok.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(ok.body).object();
    QCOMPARE(body.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(body.value(QLatin1String("path")).toString(), QStringLiteral("/simple-form-login/items/7"));
    QCOMPARE(get(QUrl(m_server->baseUrl(profile.id).toString() + QLatin1String("/items/7"))).status, 401);
    // a token of another profile does not open this one
    const Profile other = ProfileRegistry::builtIn(QStringLiteral("terralayr"));
    const ResponseMapper::Result t = signIn(other, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY(t.isOk());
    QCOMPARE(send(builder.authorized(QStringLiteral("/items/7"), "GET", {}, t.tokens)).status, 401);
    QCOMPARE(m_server->count(profile.id, QStringLiteral("resource")), 3);
    QCOMPARE(m_server->count(profile.id, QStringLiteral("resource"), QStringLiteral("succeeded")), 1);
}

void TestSandboxServer::acceptsJsonAndFormForTangerine()
{
    const QUrl url(m_server->baseUrl(QStringLiteral("tangerine365")).toString() + QLatin1String("/api/auth/authenticate"));
    const HttpAnswer json = get(url, "POST", R"({"username":"demo","password":"demo"})");
    QCOMPARE(json.status, 200);
    QVERIFY(!QJsonDocument::fromJson(json.body).object().value(QLatin1String("token")).toString().isEmpty());
    PreparedRequest form;
    form.request = QNetworkRequest(url);
    form.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    form.verb = "POST";
    form.body = "username=demo&password=demo";
    const HttpAnswer answer = send(form);
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    QCOMPARE(body.value(QLatin1String("success")).toBool(), true);
    QVERIFY(!body.value(QLatin1String("expire_at")).toString().isEmpty());
    QCOMPARE(body.value(QLatin1String("data")).toObject().value(QLatin1String("pwd_expire_at")).toString(),
             QStringLiteral("2036-01-01T00:00:00Z"));
}

void TestSandboxServer::checksOAuthClientId()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("oauth2-password"));
    RequestBuilder wrong(profile, m_server->baseUrl(profile.id), {{QStringLiteral("clientId"), QStringLiteral("intruder")}});
    ResponseMapper::Result r = ResponseMapper::map(profile, ResponseMapper::SignIn,
                                                   send(wrong.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"))));
    QCOMPARE(r.error.category(), ErrorCategory::Configuration);
    QCOMPARE(r.error.httpStatus(), 401);
    RequestBuilder basic(profile, m_server->baseUrl(profile.id), {{QStringLiteral("clientAuth"), QStringLiteral("basic")}});
    r = ResponseMapper::map(profile, ResponseMapper::SignIn, send(basic.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"))));
    QVERIFY2(r.isOk(), qPrintable(r.error.toString()));
    QCOMPARE(r.tokens.lifetimeSeconds(), qint64(m_server->accessTokenLifetime() - 1));
    // JSON is not what an OAuth server reads
    const QUrl url(m_server->baseUrl(profile.id).toString() + QLatin1String("/oauth/token"));
    const HttpAnswer json = get(url, "POST", R"({"grant_type":"password","username":"demo","password":"demo","client_id":"authsession"})");
    QCOMPARE(json.status, 400);
}

void TestSandboxServer::revokesOnSignOut()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("oauth2-password"));
    const ResponseMapper::Result r = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY(r.isOk());
    RequestBuilder builder(profile, m_server->baseUrl(profile.id));
    QCOMPARE(send(builder.signOut(r.tokens)).status, 200);
    QCOMPARE(m_server->count(profile.id, QStringLiteral("signOut"), QStringLiteral("succeeded")), 1);
    const ResponseMapper::Result again
        = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(r.tokens)));
    QCOMPARE(again.error.category(), ErrorCategory::RefreshRejected);
}

void TestSandboxServer::injectsFaults_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<ErrorCategory>("category");
    QTest::addColumn<int>("retryAfter");
    const auto row = [](const char *name, const char *id, const char *spec, ErrorCategory category, int retry = -1) {
        QTest::addRow("%s", name) << QString::fromLatin1(id) << QString::fromLatin1(spec) << category << retry;
    };
    row("500", "terralayr", "kind=status,status=500", ErrorCategory::Server);
    row("502", "v1-auth", "kind=status,status=502", ErrorCategory::Server);
    row("429", "oauth2-password", "kind=status,status=429,retryAfter=7", ErrorCategory::RateLimited, 7);
    row("malformed-json", "datarhei-core", "kind=malformed-json", ErrorCategory::Protocol);
    row("wrong-types", "v1-auth", "kind=wrong-types", ErrorCategory::Protocol);
    row("wrong-types-tangerine", "tangerine365", "kind=wrong-types", ErrorCategory::Protocol);
    row("empty", "simple-form-login", "kind=empty", ErrorCategory::Protocol);
    // QNetworkAccessManager resends a request once or twice when the connection closes under it:
    // the connection faults stay until cleared.
    row("drop", "terralayr", "kind=drop,count=-1", ErrorCategory::Network);
    row("truncated", "datarhei-core", "kind=truncated,count=-1", ErrorCategory::Network);
    row("delay", "oauth2-password", "kind=delay,delayMs=3000", ErrorCategory::Timeout);
    row("oversized", "tangerine365", "kind=oversized", ErrorCategory::Protocol);
    row("reject-refresh", "v1-auth", "kind=reject-refresh,endpoint=refresh", ErrorCategory::RefreshRejected);
    row("refresh-503", "datarhei-core", "kind=status,status=503,endpoint=refresh,count=1", ErrorCategory::Server);
}

void TestSandboxServer::injectsFaults()
{
    QFETCH(QString, id);
    QFETCH(QString, spec);
    QFETCH(ErrorCategory, category);
    QFETCH(int, retryAfter);
    const Profile profile = ProfileRegistry::builtIn(id);
    QString error;
    bool ok = false;
    const SandboxFault fault = SandboxFault::parse(spec + QLatin1String(",profile=") + id, &error, &ok);
    QVERIFY2(ok, qPrintable(error));

    RequestBuilder builder(profile, m_server->baseUrl(id));
    builder.setTimeout(300);
    ResponseMapper::Result r;
    if (fault.endpoint == QLatin1String("refresh")) {
        const ResponseMapper::Result first = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(first.isOk());
        m_server->addFault(fault);
        r = ResponseMapper::map(profile, ResponseMapper::Refresh, send(builder.refresh(first.tokens)));
    } else {
        m_server->addFault(fault);
        r = ResponseMapper::map(profile, ResponseMapper::SignIn,
                                send(builder.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"))));
    }
    QVERIFY2(r.error.category() == category,
             qPrintable(QStringLiteral("expected %1, got %2").arg(AuthError::categoryName(category), r.error.toString())));
    if (retryAfter >= 0)
        QCOMPARE(r.error.retryAfterSeconds(), retryAfter);
    const QString endpoint = fault.endpoint == QLatin1String("*") ? QStringLiteral("signIn") : fault.endpoint;
    // a delayed answer is a normal one, sent after the client gave up
    const bool delayed = fault.kind == SandboxFault::Kind::Delay;
    QTRY_VERIFY(m_server->count(id, endpoint, delayed ? QStringLiteral("succeeded") : QStringLiteral("failed")) >= 1);

    // once the fault is gone the same request works
    m_server->clearFaults();
    if (fault.endpoint != QLatin1String("refresh")) {
        builder.setTimeout(30000);
        const ResponseMapper::Result good = ResponseMapper::map(
            profile, ResponseMapper::SignIn, send(builder.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"))));
        QVERIFY2(good.isOk(), qPrintable(good.error.toString()));
    }
}

void TestSandboxServer::appliesClockSkew()
{
    const Profile profile = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    const ResponseMapper::Result plain = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    m_server->setClockSkew(3600);
    const ResponseMapper::Result skewed = signIn(profile, QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY(plain.isOk() && skewed.isOk());
    const auto exp = [](const QString &token) {
        return qint64(Jwt::payload(token).value(QLatin1String("exp")).toDouble());
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(qAbs(exp(plain.tokens.accessToken) - now - 300) <= 5);
    QVERIFY(qAbs(exp(skewed.tokens.accessToken) - now - 3600 - 300) <= 5);
    // the client corrects exp by the iat skew: both expire about 300 s from now locally
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(skewed.tokens.expiresAt) - 300) <= 5);
}

void TestSandboxServer::adminEndpoint()
{
    const QString admin = m_server->adminUrl().toString();
    const auto url = [&](const char *path) { return QUrl(admin + QLatin1String(path)); };

    HttpAnswer a = get(url("/faults"), "POST",
                       R"({"kind":"status","status":503,"profile":"terralayr","endpoint":"signIn","count":2})");
    QCOMPARE(a.status, 200);
    QCOMPARE(m_server->faults().size(), 1);
    QCOMPARE(get(url("/faults"), "POST", R"({"kind":"nonsense"})").status, 400);

    const Profile terralayr = ProfileRegistry::builtIn(QStringLiteral("terralayr"));
    QCOMPARE(signIn(terralayr, QStringLiteral("demo"), QStringLiteral("demo")).error.category(), ErrorCategory::Server);
    a = get(url("/counters"));
    QCOMPARE(a.status, 200);
    QJsonObject counters = QJsonDocument::fromJson(a.body).object();
    QJsonObject c = counters.value(QLatin1String("terralayr")).toObject().value(QLatin1String("signIn")).toObject();
    QCOMPARE(c.value(QLatin1String("requests")).toInt(), 1);
    QCOMPARE(c.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(c.value(QLatin1String("succeeded")).toInt(), 0);
    QVERIFY(counters.value(QLatin1String("v1-auth")).toObject().contains(QLatin1String("refresh")));

    QCOMPARE(get(url("/faults"), "DELETE").status, 200);
    QVERIFY(m_server->faults().isEmpty());
    QVERIFY(signIn(terralayr, QStringLiteral("demo"), QStringLiteral("demo")).isOk());
    QCOMPARE(m_server->count(QStringLiteral("terralayr"), QStringLiteral("signIn"), QStringLiteral("succeeded")), 1);
    QCOMPARE(get(url("/counters"), "DELETE").status, 200);
    QCOMPARE(m_server->count(QStringLiteral("terralayr"), QStringLiteral("signIn")), 0);

    // config
    a = get(url("/config"), "POST", R"({"accessTtl":42,"refreshTtl":99,"clockSkew":0})");
    QCOMPARE(a.status, 200);
    QCOMPARE(m_server->accessTokenLifetime(), 42);
    QCOMPARE(m_server->refreshTokenLifetime(), 99);
    const ResponseMapper::Result r = signIn(terralayr, QStringLiteral("demo"), QStringLiteral("demo"));
    QCOMPARE(r.tokens.lifetimeSeconds(), qint64(42));

    // revocation closes the resources
    RequestBuilder builder(terralayr, m_server->baseUrl(terralayr.id));
    QCOMPARE(send(builder.authorized(QStringLiteral("/me"), "GET", {}, r.tokens)).status, 200);
    a = get(url("/revoke"), "POST", R"({"profile":"terralayr","username":"demo"})");
    QCOMPARE(a.status, 200);
    QVERIFY(QJsonDocument::fromJson(a.body).object().value(QLatin1String("revoked")).toInt() >= 2);
    QCOMPARE(send(builder.authorized(QStringLiteral("/me"), "GET", {}, r.tokens)).status, 401);

    // profiles
    a = get(url("/profiles"));
    const QJsonArray profiles = QJsonDocument::fromJson(a.body).array();
    QCOMPARE(profiles.size(), ProfileRegistry::builtInIds().size());
    QCOMPARE(profiles.first().toObject().value(QLatin1String("baseUrl")).toString(),
             m_server->baseUrl(profiles.first().toObject().value(QLatin1String("id")).toString()).toString());
    QCOMPARE(get(url("/nothing")).status, 404);
}

void TestSandboxServer::parsesFaultSpecs()
{
    QString error;
    bool ok = false;
    SandboxFault f = SandboxFault::parse(QStringLiteral("kind=status,status=500,endpoint=refresh,count=3,profile=v1-auth"), &error, &ok);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(f.kind, SandboxFault::Kind::Status);
    QCOMPARE(f.status, 500);
    QCOMPARE(f.endpoint, QStringLiteral("refresh"));
    QCOMPARE(f.count, 3);
    QCOMPARE(f.profile, QStringLiteral("v1-auth"));
    QVERIFY(f.matches(QStringLiteral("v1-auth"), QStringLiteral("refresh")));
    QVERIFY(!f.matches(QStringLiteral("v1-auth"), QStringLiteral("signIn")));
    const SandboxFault back = SandboxFault::fromJson(f.toJson(), &error, &ok);
    QVERIFY(ok);
    QCOMPARE(back.toJson(), f.toJson());

    f = SandboxFault::parse(QStringLiteral("drop"), &error, &ok);
    QVERIFY(ok);
    QCOMPARE(f.kind, SandboxFault::Kind::Drop);
    QCOMPARE(f.profile, QStringLiteral("*"));

    for (const char *bad : {"kind=explode", "kind=status,status=abc", "kind=delay,endpoint=nowhere", "status=500",
                            "kind=status,colour=blue"}) {
        SandboxFault::parse(QLatin1String(bad), &error, &ok);
        QVERIFY2(!ok, bad);
        QVERIFY(!error.isEmpty());
    }
}

QTEST_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
