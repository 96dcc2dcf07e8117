// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Golden tests: every example request and answer of the five seed documents (tests/fixtures/seeds),
// extracted verbatim into tests/fixtures/golden/*.json, plus the mapper's edge cases. A new case is a
// new file in that folder; docs/profiles.md describes the format at "Golden tests".

#include <AuthSession/jwt.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/responsemapper.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace AuthSession;

namespace {

QString goldenFolder()
{
    return QStringLiteral(AUTHSESSION_SOURCE_DIR "/tests/fixtures/golden");
}

QString seedFolder()
{
    return QStringLiteral(AUTHSESSION_SOURCE_DIR "/tests/fixtures/seeds");
}

// Every answer of a golden case was sent and received at these fixed times: expires_in counts from
// sentAt, a JWT exp corrected by its iat counts from receivedAt.
const QDateTime &sentAt()
{
    static const QDateTime t = QDateTime(QDate(2026, 1, 15), QTime(12, 0, 0), Qt::UTC);
    return t;
}

const QDateTime &receivedAt()
{
    static const QDateTime t = sentAt().addSecs(2);
    return t;
}

QByteArray readFile(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

struct GoldenFile {
    QString name;
    QJsonObject json;
    QString error;
};

QList<GoldenFile> goldenFiles()
{
    QList<GoldenFile> result;
    const QDir dir(goldenFolder());
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        GoldenFile g;
        g.name = name.chopped(5);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readFile(dir.filePath(name)), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            g.error = QStringLiteral("not a JSON object: %1").arg(error.errorString());
        g.json = doc.object();
        result.append(g);
    }
    return result;
}

bool isRequestCase(const QJsonObject &o)
{
    return o.contains(QLatin1String("request"));
}

ResponseMapper::Kind kindFromName(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("signIn"))
        return ResponseMapper::SignIn;
    if (name == QLatin1String("refresh"))
        return ResponseMapper::Refresh;
    if (name == QLatin1String("externalSignIn"))
        return ResponseMapper::ExternalSignIn;
    *ok = false;
    return ResponseMapper::SignIn;
}

QString isoOrNull(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QStringLiteral("null");
}

QString expectedTime(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return isoOrNull(QDateTime::fromString(v.toString(), Qt::ISODate));
}

// name -> value of an application/x-www-form-urlencoded body, or an error for repeated names
QMap<QString, QString> decodeForm(const QByteArray &body, QString *error)
{
    QMap<QString, QString> result;
    if (body.isEmpty())
        return result;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        const QString k = QUrl::fromPercentEncoding(key.replace('+', ' '));
        if (result.contains(k))
            *error = QStringLiteral("field %1 sent twice").arg(k);
        result.insert(k, QUrl::fromPercentEncoding(value.replace('+', ' ')));
    }
    return result;
}

HttpAnswer answer(int status, const QByteArray &body, const QByteArray &retryAfter = {})
{
    HttpAnswer a;
    a.status = status;
    a.body = body;
    a.contentType = QByteArrayLiteral("application/json");
    a.retryAfter = retryAfter;
    a.sentAt = sentAt();
    a.receivedAt = receivedAt();
    return a;
}

} // namespace

class ResponseMapperTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void everyGoldenFileIsACase();
    void mapsGoldenAnswer_data();
    void mapsGoldenAnswer();
    void buildsGoldenRequest_data();
    void buildsGoldenRequest();
    void coversEveryExampleOfTheSeedDocuments();

    void countsExpiresInFromSentAt();
    void readsZonelessExpiryAsUtc();
    void correctsJwtExpiryBySkew();
    void passesTransportErrorsThrough();
    void reportsNoAnswerAsNetwork();
    void refreshFallsBackToSignInMapping();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void parsesTime_data();
    void parsesTime();
    void survivesTruncatedAndCorruptedAnswers();
};

void ResponseMapperTest::initTestCase()
{
    // A zone far from UTC, so that a zoneless time read as local time instead of UTC shows up.
    qputenv("TZ", "IST-5:30");
    const QDateTime probe(QDate(2026, 1, 15), QTime(12, 0), Qt::LocalTime);
    if (probe.offsetFromUtc() == 0)
        qWarning("The local time zone is UTC: zoneless times cannot be told from UTC ones here.");
    QVERIFY2(QDir(goldenFolder()).exists(), qPrintable(goldenFolder()));
}

void ResponseMapperTest::everyGoldenFileIsACase()
{
    const QList<GoldenFile> files = goldenFiles();
    QVERIFY(files.size() >= 30);
    static const QStringList answerKeys = {
        QStringLiteral("description"), QStringLiteral("source"), QStringLiteral("verbatim"), QStringLiteral("note"),
        QStringLiteral("profile"), QStringLiteral("kind"), QStringLiteral("status"), QStringLiteral("contentType"),
        QStringLiteral("retryAfter"), QStringLiteral("body"), QStringLiteral("expect")};
    static const QStringList requestKeys = {
        QStringLiteral("description"), QStringLiteral("source"), QStringLiteral("note"), QStringLiteral("profile"),
        QStringLiteral("request"), QStringLiteral("baseUrl"), QStringLiteral("parameters"), QStringLiteral("username"),
        QStringLiteral("password"), QStringLiteral("refreshToken"), QStringLiteral("accessToken"),
        QStringLiteral("externalToken"), QStringLiteral("expect")};
    static const QStringList expectKeys = {
        QStringLiteral("category"), QStringLiteral("accessToken"), QStringLiteral("refreshToken"),
        QStringLiteral("idToken"), QStringLiteral("tokenType"), QStringLiteral("scope"), QStringLiteral("expiresAt"),
        QStringLiteral("serverMessage"), QStringLiteral("serverCode"), QStringLiteral("httpStatus"),
        QStringLiteral("retryAfterSeconds"), QStringLiteral("user"), QStringLiteral("passwordExpiresAt")};
    for (const GoldenFile &g : files) {
        QVERIFY2(g.error.isEmpty(), qPrintable(g.name + QLatin1String(": ") + g.error));
        const bool request = isRequestCase(g.json);
        const QStringList &allowed = request ? requestKeys : answerKeys;
        for (const QString &key : g.json.keys())
            QVERIFY2(allowed.contains(key), qPrintable(g.name + QLatin1String(": unknown key ") + key));
        QVERIFY2(ProfileRegistry::builtIn(g.json.value(QLatin1String("profile")).toString()).isValid(),
                 qPrintable(g.name + QLatin1String(": no such built-in profile")));
        QVERIFY2(g.json.value(QLatin1String("expect")).isObject(), qPrintable(g.name + QLatin1String(": no expect")));
        if (request)
            continue;
        bool ok = false;
        kindFromName(g.json.value(QLatin1String("kind")).toString(), &ok);
        QVERIFY2(ok, qPrintable(g.name + QLatin1String(": kind must be signIn, refresh or externalSignIn")));
        QVERIFY2(g.json.value(QLatin1String("status")).isDouble(), qPrintable(g.name + QLatin1String(": no status")));
        QVERIFY2(g.json.value(QLatin1String("body")).isString(), qPrintable(g.name + QLatin1String(": body must be a string")));
        const QJsonObject expect = g.json.value(QLatin1String("expect")).toObject();
        for (const QString &key : expect.keys())
            QVERIFY2(expectKeys.contains(key), qPrintable(g.name + QLatin1String(": unknown expect key ") + key));
        // the first eight are required, so that a case states everything it expects
        for (qsizetype i = 0; i < 8; ++i)
            QVERIFY2(expect.contains(expectKeys.at(i)), qPrintable(g.name + QLatin1String(": expect lacks ") + expectKeys.at(i)));
        // a case without a note must be a verbatim example of its document
        if (!g.json.contains(QLatin1String("note")))
            QVERIFY2(g.json.value(QLatin1String("verbatim")).toBool(),
                     qPrintable(g.name + QLatin1String(": not verbatim, so it needs a note saying where it comes from")));
    }
}

void ResponseMapperTest::mapsGoldenAnswer_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    for (const GoldenFile &g : goldenFiles()) {
        if (!isRequestCase(g.json))
            QTest::addRow("%s", qPrintable(g.name)) << g.json;
    }
}

void ResponseMapperTest::mapsGoldenAnswer()
{
    QFETCH(QJsonObject, testCase);
    const QString profileId = testCase.value(QLatin1String("profile")).toString();
    const Profile profile = ProfileRegistry::builtIn(profileId);
    QVERIFY2(profile.isValid(), qPrintable(profileId));
    bool kindOk = false;
    const ResponseMapper::Kind kind = kindFromName(testCase.value(QLatin1String("kind")).toString(), &kindOk);
    QVERIFY(kindOk);
    const QString body = testCase.value(QLatin1String("body")).toString();

    if (testCase.value(QLatin1String("verbatim")).toBool()) {
        // the body is the document's example, character for character
        const QString source = testCase.value(QLatin1String("source")).toString();
        const QString document = QString::fromUtf8(readFile(seedFolder() + QLatin1Char('/') + source));
        QVERIFY2(!document.isEmpty(), qPrintable(source));
        QVERIFY2(document.contains(body), "the body is not verbatim in its source document");
    }

    HttpAnswer a = answer(testCase.value(QLatin1String("status")).toInt(), body.toUtf8(),
                          testCase.value(QLatin1String("retryAfter")).toString().toLatin1());
    a.contentType = testCase.value(QLatin1String("contentType")).toString().toLatin1();
    const ResponseMapper::Result r = ResponseMapper::map(profile, kind, a);
    const QJsonObject expect = testCase.value(QLatin1String("expect")).toObject();
    auto expected = [&expect](const char *key) { return expect.value(QLatin1String(key)).toString(); };

    QCOMPARE(AuthError::categoryName(r.error.category()), expected("category"));
    QCOMPARE(r.isOk(), expected("category") == QLatin1String("NoError"));
    QCOMPARE(r.tokens.accessToken, expected("accessToken"));
    QCOMPARE(r.tokens.refreshToken, expected("refreshToken"));
    QCOMPARE(r.tokens.idToken, expected("idToken"));
    QCOMPARE(r.tokens.tokenType, expected("tokenType"));
    QCOMPARE(r.tokens.scope, expected("scope"));
    QCOMPARE(isoOrNull(r.tokens.expiresAt), expectedTime(expect.value(QLatin1String("expiresAt"))));
    QCOMPARE(r.error.serverMessage(), expected("serverMessage"));
    if (expect.contains(QLatin1String("serverCode")))
        QCOMPARE(r.error.serverCode(), expected("serverCode"));
    if (expect.contains(QLatin1String("httpStatus")))
        QCOMPARE(r.error.httpStatus(), expect.value(QLatin1String("httpStatus")).toInt());
    if (expect.contains(QLatin1String("retryAfterSeconds")))
        QCOMPARE(r.error.retryAfterSeconds(), expect.value(QLatin1String("retryAfterSeconds")).toInt());
    if (expect.contains(QLatin1String("user")))
        QCOMPARE(r.tokens.user, expect.value(QLatin1String("user")).toObject());
    if (expect.contains(QLatin1String("passwordExpiresAt")))
        QCOMPARE(isoOrNull(r.tokens.passwordExpiresAt), expectedTime(expect.value(QLatin1String("passwordExpiresAt"))));

    if (r.isOk()) {
        QCOMPARE(r.tokens.issuedAt, sentAt());
    } else {
        QVERIFY2(r.tokens.isEmpty(), "an error must not come with tokens");
        QVERIFY(!r.error.message().isEmpty());
        // never echo a token or the raw body in the technical detail
        QVERIFY(!r.error.detail().contains(QLatin1String("eyJ")));
    }
}

void ResponseMapperTest::buildsGoldenRequest_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    for (const GoldenFile &g : goldenFiles()) {
        if (isRequestCase(g.json))
            QTest::addRow("%s", qPrintable(g.name)) << g.json;
    }
}

void ResponseMapperTest::buildsGoldenRequest()
{
    QFETCH(QJsonObject, testCase);
    auto value = [&testCase](const char *key) { return testCase.value(QLatin1String(key)).toString(); };
    const Profile profile = ProfileRegistry::builtIn(value("profile"));
    QVERIFY(profile.isValid());
    const RequestBuilder builder(profile, QUrl(value("baseUrl")),
                                 testCase.value(QLatin1String("parameters")).toObject().toVariantMap());
    TokenSet tokens;
    tokens.refreshToken = value("refreshToken");
    tokens.accessToken = value("accessToken");

    PreparedRequest p;
    const QString request = value("request");
    if (request == QLatin1String("signIn"))
        p = builder.signIn(value("username"), value("password"));
    else if (request == QLatin1String("refresh"))
        p = builder.refresh(tokens);
    else if (request == QLatin1String("externalSignIn"))
        p = builder.externalSignIn(value("externalToken"));
    else
        QFAIL(qPrintable(QLatin1String("unknown request ") + request));

    const QJsonObject expect = testCase.value(QLatin1String("expect")).toObject();
    const QString category = expect.value(QLatin1String("category")).toString(QStringLiteral("NoError"));
    QCOMPARE(AuthError::categoryName(p.error.category()), category);
    if (p.error.isError()) {
        QVERIFY(p.body.isEmpty());
        return;
    }

    QCOMPARE(QString::fromLatin1(p.verb), expect.value(QLatin1String("method")).toString());
    QCOMPARE(p.request.url().toString(), expect.value(QLatin1String("url")).toString());
    const QJsonObject headers = expect.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QByteArray name = it.key().toLatin1();
        QVERIFY2(p.request.hasRawHeader(name), name.constData());
        QCOMPARE(QString::fromUtf8(p.request.rawHeader(name)), it.value().toString());
    }
    const QJsonArray absent = expect.value(QLatin1String("absentHeaders")).toArray();
    for (const QJsonValue &h : absent)
        QVERIFY2(!p.request.hasRawHeader(h.toString().toLatin1()), qPrintable(h.toString()));
    // credentials never follow a redirect
    QCOMPARE(p.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::ManualRedirectPolicy));

    if (expect.contains(QLatin1String("json"))) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(p.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object(), expect.value(QLatin1String("json")).toObject());
    }
    if (expect.contains(QLatin1String("form"))) {
        QString error;
        const QMap<QString, QString> form = decodeForm(p.body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QMap<QString, QString> wanted;
        const QJsonObject fields = expect.value(QLatin1String("form")).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            wanted.insert(it.key(), it.value().toString());
        QCOMPARE(form, wanted);
        // a '+' must be percent-encoded, or the server reads a space
        QVERIFY(!p.body.contains('+'));
    }
    if (expect.contains(QLatin1String("body")))
        QCOMPARE(QString::fromUtf8(p.body), expect.value(QLatin1String("body")).toString());
}

// Each seed document's examples have a golden file; a document whose examples change fails here.
void ResponseMapperTest::coversEveryExampleOfTheSeedDocuments()
{
    QStringList answerSources;
    QStringList requestSources;
    int verbatim = 0;
    for (const GoldenFile &g : goldenFiles()) {
        const QString source = g.json.value(QLatin1String("source")).toString();
        (isRequestCase(g.json) ? requestSources : answerSources).append(source);
        verbatim += g.json.value(QLatin1String("verbatim")).toBool() ? 1 : 0;
    }
    // datarhei: login, Auth0 login, refresh; generic: login; v1-auth: 2 sign-in + 3 refresh answers
    QCOMPARE(verbatim, 9);
    const QStringList documents = {QStringLiteral("terralayr-auth-api.txt"), QStringLiteral("datarhei-core-login.txt"),
                                   QStringLiteral("tangerine365-authenticate.txt"), QStringLiteral("generic-auth-login.txt"),
                                   QStringLiteral("v1-auth-refreshtoken.txt")};
    for (const QString &d : documents) {
        QVERIFY2(answerSources.contains(d), qPrintable(d + QLatin1String(": no answer case")));
        QVERIFY2(requestSources.contains(d), qPrintable(d + QLatin1String(": no request case")));
    }
    QCOMPARE(answerSources.count(QStringLiteral("v1-auth-refreshtoken.txt")), 5);
}

void ResponseMapperTest::countsExpiresInFromSentAt()
{
    HttpAnswer a = answer(200, QByteArrayLiteral(R"({"access_token":"a","expires_in":60})"));
    a.receivedAt = sentAt().addSecs(30); // a slow answer: the token's minute began when we asked
    const ResponseMapper::Result r = ResponseMapper::map(ProfileRegistry::builtIn(QStringLiteral("terralayr")),
                                                         ResponseMapper::SignIn, a);
    QVERIFY(r.isOk());
    QCOMPARE(r.tokens.expiresAt, sentAt().addSecs(60));
    QCOMPARE(r.tokens.lifetimeSeconds(), 60);
}

void ResponseMapperTest::readsZonelessExpiryAsUtc()
{
    const QByteArray body = R"({"success":true,"message":"ok","token":"t","expire_at":"2026-12-01 10:00:00"})";
    const ResponseMapper::Result r = ResponseMapper::map(ProfileRegistry::builtIn(QStringLiteral("tangerine365")),
                                                         ResponseMapper::SignIn, answer(200, body));
    QVERIFY(r.isOk());
    QCOMPARE(r.tokens.expiresAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(r.tokens.expiresAt.timeSpec(), Qt::UTC);
}

void ResponseMapperTest::correctsJwtExpiryBySkew()
{
    // the server's clock is an hour ahead of ours
    const qint64 iat = receivedAt().toSecsSinceEpoch() + 3600;
    QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("u")}, {QStringLiteral("iat"), iat}, {QStringLiteral("exp"), iat + 600}};
    const QString token = Jwt::encodeHs256(claims, QByteArrayLiteral("k"));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("access_token"), token}}).toJson();
    const ResponseMapper::Result r = ResponseMapper::map(ProfileRegistry::builtIn(QStringLiteral("simple-form-login")),
                                                         ResponseMapper::SignIn, answer(200, body));
    QVERIFY(r.isOk());
    QCOMPARE(r.tokens.expiresAt, receivedAt().addSecs(600));
}

void ResponseMapperTest::passesTransportErrorsThrough()
{
    HttpAnswer a = answer(0, {});
    a.transportError = AuthError(ErrorCategory::Timeout, QStringLiteral("(api.example.com)"));
    const ResponseMapper::Result r = ResponseMapper::map(ProfileRegistry::builtIn(QStringLiteral("v1-auth")),
                                                         ResponseMapper::SignIn, a);
    QCOMPARE(r.error.category(), ErrorCategory::Timeout);
    QVERIFY(r.tokens.isEmpty());
}

void ResponseMapperTest::reportsNoAnswerAsNetwork()
{
    const ResponseMapper::Result r = ResponseMapper::map(ProfileRegistry::builtIn(QStringLiteral("v1-auth")),
                                                         ResponseMapper::Refresh, answer(0, {}));
    QCOMPARE(r.error.category(), ErrorCategory::Network);
}

void ResponseMapperTest::refreshFallsBackToSignInMapping()
{
    const Profile terralayr = ProfileRegistry::builtIn(QStringLiteral("terralayr"));
    QVERIFY(!terralayr.hasRefresh());
    QCOMPARE(&ResponseMapper::mapping(terralayr, ResponseMapper::Refresh), &terralayr.signIn.response);
    const Profile datarhei = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    QCOMPARE(&ResponseMapper::mapping(datarhei, ResponseMapper::Refresh), &datarhei.refresh.response);
    // datarhei's Auth0 login has no response section: it inherits the sign-in mapping
    QCOMPARE(ResponseMapper::mapping(datarhei, ResponseMapper::ExternalSignIn).refreshToken, QStringLiteral("/refresh_token"));
}

void ResponseMapperTest::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("seconds");
    QTest::addRow("seconds") << QByteArray("7") << 7;
    QTest::addRow("padded") << QByteArray(" 120 ") << 120;
    QTest::addRow("zero") << QByteArray("0") << 0;
    QTest::addRow("absent") << QByteArray() << -1;
    QTest::addRow("negative") << QByteArray("-3") << -1;
    QTest::addRow("letters") << QByteArray("soon") << -1;
    QTest::addRow("http-date") << QByteArray("Thu, 15 Jan 2026 12:01:02 GMT") << 60;
    QTest::addRow("http-date-past") << QByteArray("Thu, 15 Jan 2026 11:00:00 GMT") << 0;
}

void ResponseMapperTest::parsesRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, seconds);
    QCOMPARE(ResponseMapper::parseRetryAfter(header, receivedAt()), seconds);
}

void ResponseMapperTest::parsesTime_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const QString at = QStringLiteral("2026-12-01T10:00:00Z");
    QTest::addRow("auto-space") << QJsonValue(QStringLiteral("2026-12-01 10:00:00")) << QStringLiteral("auto") << at;
    QTest::addRow("auto-iso-z") << QJsonValue(QStringLiteral("2026-12-01T10:00:00Z")) << QStringLiteral("auto") << at;
    QTest::addRow("auto-iso-offset") << QJsonValue(QStringLiteral("2026-12-01T11:00:00+01:00")) << QStringLiteral("auto") << at;
    QTest::addRow("auto-iso-zoneless") << QJsonValue(QStringLiteral("2026-12-01T10:00:00")) << QStringLiteral("auto") << at;
    QTest::addRow("auto-unix") << QJsonValue(1796119200) << QStringLiteral("auto") << at;
    QTest::addRow("auto-unix-string") << QJsonValue(QStringLiteral("1796119200")) << QStringLiteral("auto") << at;
    QTest::addRow("auto-unix-ms") << QJsonValue(1796119200000.0) << QStringLiteral("auto") << at;
    QTest::addRow("unix-ms") << QJsonValue(1796119200000.0) << QStringLiteral("unix-ms") << at;
    QTest::addRow("custom") << QJsonValue(QStringLiteral("01.12.2026 10:00")) << QStringLiteral("dd.MM.yyyy HH:mm") << at;
    QTest::addRow("iso8601-rejects-space-less-garbage") << QJsonValue(QStringLiteral("tomorrow")) << QStringLiteral("iso8601") << QStringLiteral("null");
    QTest::addRow("unix-rejects-text") << QJsonValue(QStringLiteral("2026-12-01")) << QStringLiteral("unix") << QStringLiteral("null");
    QTest::addRow("empty") << QJsonValue(QString()) << QStringLiteral("auto") << QStringLiteral("null");
    QTest::addRow("bool") << QJsonValue(true) << QStringLiteral("auto") << QStringLiteral("null");
    QTest::addRow("zero") << QJsonValue(0) << QStringLiteral("auto") << QStringLiteral("null");
    QTest::addRow("negative") << QJsonValue(-5) << QStringLiteral("auto") << QStringLiteral("null");
}

void ResponseMapperTest::parsesTime()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(isoOrNull(ResponseMapper::parseTime(value, format)), expected);
}

// Every golden answer, cut short at every length and with bytes flipped, must map to tokens or an
// error without crashing (run under ASan/UBSan in CI for the full value of this test).
void ResponseMapperTest::survivesTruncatedAndCorruptedAnswers()
{
    int mapped = 0;
    for (const GoldenFile &g : goldenFiles()) {
        if (isRequestCase(g.json))
            continue;
        const Profile profile = ProfileRegistry::builtIn(g.json.value(QLatin1String("profile")).toString());
        const QByteArray body = g.json.value(QLatin1String("body")).toString().toUtf8();
        for (int status : {200, 400, 401, 429, 500}) {
            for (qsizetype n = 0; n <= body.size(); n += qMax<qsizetype>(1, body.size() / 40)) {
                for (ResponseMapper::Kind kind : {ResponseMapper::SignIn, ResponseMapper::Refresh, ResponseMapper::ExternalSignIn}) {
                    QByteArray cut = body.left(n);
                    if (n > 0 && (n % 3) == 0)
                        cut[n / 2] = char(cut.at(n / 2) ^ 0x5a);
                    const ResponseMapper::Result r = ResponseMapper::map(profile, kind, answer(status, cut, cut.left(3)));
                    QVERIFY(r.isOk() != r.tokens.isEmpty());
                    ++mapped;
                }
            }
        }
    }
    QVERIFY(mapped > 1000);
}

QTEST_GUILESS_MAIN(ResponseMapperTest)
#include "tst_responsemapper.moc"
