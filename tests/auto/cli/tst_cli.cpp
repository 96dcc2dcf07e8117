// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The `authsession` command line, run as a real process against the real `authsession-sandbox`.
#include <AuthSession/profileregistry.h>

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace AuthSession;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// A sandbox process on a free port; the port comes from its first line of output.
class Sandbox
{
public:
    bool start(const QStringList &extraArguments = {})
    {
        process.setProgram(QStringLiteral(AUTHSESSION_SANDBOX_BIN));
        process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet")}
                             + extraArguments);
        process.start();
        if (!process.waitForStarted())
            return false;
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QByteArray seen;
        while (process.waitForReadyRead(10000)) {
            seen += process.readAllStandardOutput();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                port = m.captured(1).toInt();
                return true;
            }
        }
        return false;
    }
    ~Sandbox()
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
    }
    QString baseUrl(const QString &profile) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(profile);
    }
    QUrl adminUrl(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/_admin/%2").arg(port).arg(path));
    }

    QProcess process;
    int port = 0;
};

const QStringList refreshingProfiles = {QStringLiteral("datarhei-core"), QStringLiteral("v1-auth"),
                                        QStringLiteral("oauth2-password")};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void helpListsExitCodes();
    void commandHelpListsExitCodes_data();
    void commandHelpListsExitCodes();
    void unknownOptionIsUsageError();
    void profilesListsBuiltInsAndBrokenFiles();
    void loginPrintsUserAndExpiryButNoToken_data();
    void loginPrintsUserAndExpiryButNoToken();
    void loginPrintsTokenOnlyWhenAsked();
    void wrongPasswordExits3_data();
    void wrongPasswordExits3();
    void lockedAccountExits3();
    void externalTokenSignsIn();
    void secretParameterIsRefusedOnCommandLine();
    void watchReportsRefreshesOrExpiry_data();
    void watchReportsRefreshesOrExpiry();
    void requestPrintsProtectedResource_data();
    void requestPrintsProtectedResource();
    void serverDownExits4();
    void serverErrorExits5();

    // Keychain (Secret Service) cases.
    void keptSessionTokenStatusLogout_data();
    void keptSessionTokenStatusLogout();
    void keptSessionRefreshesAcrossProcessesWithRotation();
    void keptSessionExpiredExits6();

private:
    Result run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000);
    // Runs the command again (event-driven waits in between, like QTRY_*) until \a done accepts the
    // result, at most \a timeoutMs; each run is a new process, so it is evaluated exactly once per try.
    Result runUntil(const QStringList &arguments, const std::function<bool(const Result &)> &done, int timeoutMs = 20000);
    QStringList signIn(const Sandbox &sandbox, const QString &profile, const QString &user = QStringLiteral("demo")) const;
    bool haveKeyring();
    QJsonObject admin(const Sandbox &sandbox, const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QByteArray configFilesContent() const;

    Sandbox m_sandbox;
    Sandbox m_fast; // short-lived tokens for the timer cases
    std::unique_ptr<QTemporaryDir> m_home;
    QNetworkAccessManager m_nam;
    int m_keyring = -1;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(AUTHSESSION_CLI_BIN)), AUTHSESSION_CLI_BIN);
    QVERIFY(m_sandbox.start());
    QVERIFY(m_fast.start({QStringLiteral("--access-ttl"), QStringLiteral("2")}));
}

void TestCli::init()
{
    // Every case gets its own config folder: kept accounts and user profiles never leak between cases.
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

Result TestCli::run(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(AUTHSESSION_CLI_BIN), arguments);
    Result r;
    if (!p.waitForStarted())
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Result TestCli::runUntil(const QStringList &arguments, const std::function<bool(const Result &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    Result r = run(arguments);
    while (!done(r) && !deadline.hasExpired()) {
        QTest::qWait(100);
        r = run(arguments);
    }
    return r;
}

QStringList TestCli::signIn(const Sandbox &sandbox, const QString &profile, const QString &user) const
{
    return {QStringLiteral("--profile"), profile, QStringLiteral("--base-url"), sandbox.baseUrl(profile),
            QStringLiteral("--username"), user, QStringLiteral("--password-stdin")};
}

QJsonObject TestCli::admin(const Sandbox &sandbox, const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(sandbox.adminUrl(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

bool TestCli::haveKeyring()
{
    if (m_keyring < 0) {
        m_keyring = 0;
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QProcess store;
            store.start(QStringLiteral("secret-tool"),
                        {QStringLiteral("store"), QStringLiteral("--label=authsession tst_cli probe"),
                         QStringLiteral("authsession-tst-cli"), QStringLiteral("probe")});
            if (store.waitForStarted()) {
                store.write("probe");
                store.closeWriteChannel();
                if (store.waitForFinished(20000) && store.exitStatus() == QProcess::NormalExit && store.exitCode() == 0) {
                    m_keyring = 1;
                    QProcess::execute(QStringLiteral("secret-tool"),
                                      {QStringLiteral("clear"), QStringLiteral("authsession-tst-cli"), QStringLiteral("probe")});
                }
            }
        }
    }
    return m_keyring == 1;
}

QByteArray TestCli::configFilesContent() const
{
    QByteArray all;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// ---------------------------------------------------------------------------------------------

void TestCli::helpListsExitCodes()
{
    const Result r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Exit codes:"));
    for (const char *line : {"  0  success", "  2  usage", "  3  invalid credentials", "  4  network",
                             "  5  server", "  6  session expired", "  7  storage"})
        QVERIFY2(r.out.contains(line), line);
    for (const char *command : {"profiles", "login", "watch", "request", "token", "status", "logout", "accounts"})
        QVERIFY2(r.out.contains(command), command);
}

void TestCli::commandHelpListsExitCodes_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command : {"profiles", "login", "watch", "request", "token", "status", "logout", "accounts"})
        QTest::addRow("%s", command) << QString::fromLatin1(command);
}

void TestCli::commandHelpListsExitCodes()
{
    QFETCH(QString, command);
    const Result r = run({command, QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QByteArray("Usage: authsession " + command.toUtf8())));
    QVERIFY(r.out.contains("Exit codes:"));
    QVERIFY(r.err.isEmpty());
}

void TestCli::unknownOptionIsUsageError()
{
    Result r = run({QStringLiteral("login"), QStringLiteral("--no-such-option")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("authsession: Usage: "), r.err);
    QCOMPARE(r.err.count('\n'), 1);

    r = run({QStringLiteral("no-such-command")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("authsession: Usage: "), r.err);

    r = run({});
    QCOMPARE(r.exitCode, 2);

    // A password never comes from the command line.
    r = run({QStringLiteral("login"), QStringLiteral("--profile"), QStringLiteral("v1-auth"), QStringLiteral("--password"),
             QStringLiteral("demo")});
    QCOMPARE(r.exitCode, 2);

    r = run({QStringLiteral("login"), QStringLiteral("--profile"), QStringLiteral("no-such-profile"),
             QStringLiteral("--username"), QStringLiteral("demo"), QStringLiteral("--password-stdin")},
            "demo\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("authsession: Configuration: "), r.err);
}

void TestCli::profilesListsBuiltInsAndBrokenFiles()
{
    const QString folder = m_home->filePath(QStringLiteral("config/AuthSession/authsession/profiles"));
    QVERIFY(QDir().mkpath(folder));
    QFile broken(folder + QStringLiteral("/broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"id": "broken", "signIn": {}})");
    broken.close();

    const Result r = run({QStringLiteral("profiles"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QStringList ids;
    const QJsonArray profiles = o.value(QStringLiteral("profiles")).toArray();
    for (const QJsonValue &p : profiles)
        ids.append(p.toObject().value(QStringLiteral("id")).toString());
    for (const QString &id : ProfileRegistry::builtInIds())
        QVERIFY2(ids.contains(id), qPrintable(id));
    QVERIFY(!ids.contains(QStringLiteral("broken")));
    QVERIFY2(r.err.contains(broken.fileName().toUtf8()), r.err);
    QVERIFY2(r.err.contains("$."), r.err); // the JSON path of the problem
    QCOMPARE(o.value(QStringLiteral("errors")).toArray().size(), 1);

    const Result text = run({QStringLiteral("profiles")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("v1-auth"));
}

void TestCli::loginPrintsUserAndExpiryButNoToken_data()
{
    QTest::addColumn<QString>("profile");
    for (const QString &id : ProfileRegistry::builtInIds())
        QTest::addRow("%s", qPrintable(id)) << id;
}

void TestCli::loginPrintsUserAndExpiryButNoToken()
{
    QFETCH(QString, profile);
    const Result r = run(QStringList{QStringLiteral("login")} + signIn(m_sandbox, profile), "demo\n");
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QByteArray("Signed in to " + profile.toUtf8())), r.out);
    QVERIFY2(r.out.contains("as demo"), r.out);
    QVERIFY2(r.out.contains("access expires:"), r.out);
    QVERIFY2(!r.out.contains("eyJ"), r.out); // no JWT

    const Result json = run(QStringList{QStringLiteral("login"), QStringLiteral("--json")} + signIn(m_sandbox, profile),
                            "demo\n");
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QStringLiteral("signedIn")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("profile")).toString(), profile);
    QCOMPARE(o.value(QStringLiteral("username")).toString(), QStringLiteral("demo"));
    QVERIFY(QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate).isValid());
    QVERIFY(!o.contains(QStringLiteral("accessToken")));
    QVERIFY(!json.out.contains("eyJ"));
}

void TestCli::loginPrintsTokenOnlyWhenAsked()
{
    const QString profile = QStringLiteral("v1-auth");
    const Result json = run(QStringList{QStringLiteral("login"), QStringLiteral("--json"), QStringLiteral("--print-token")}
                                + signIn(m_sandbox, profile),
                            "demo\n");
    QCOMPARE(json.exitCode, 0);
    const QString token = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("accessToken")).toString();
    QVERIFY(!token.isEmpty());

    // Text: the token alone on stdout, the summary on stderr, so $(authsession login ... --print-token) works.
    const Result text = run(QStringList{QStringLiteral("login"), QStringLiteral("--print-token")} + signIn(m_sandbox, profile),
                            "demo\n");
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count('\n'), 1);
    QVERIFY(text.out.startsWith("eyJ"));
    QVERIFY(text.err.contains("Signed in"));
    QVERIFY(!text.err.contains(text.out.trimmed()));
}

void TestCli::wrongPasswordExits3_data()
{
    loginPrintsUserAndExpiryButNoToken_data();
}

void TestCli::wrongPasswordExits3()
{
    QFETCH(QString, profile);
    const Result r = run(QStringList{QStringLiteral("login")} + signIn(m_sandbox, profile), "not-the-password\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.startsWith("authsession: InvalidCredentials: "), r.err);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.contains("not-the-password"));
}

void TestCli::lockedAccountExits3()
{
    const Result r = run(QStringList{QStringLiteral("login")} + signIn(m_sandbox, QStringLiteral("v1-auth"), QStringLiteral("locked")),
                         "locked\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.startsWith("authsession: AccountProblem: "), r.err);
}

void TestCli::externalTokenSignsIn()
{
    const QString profile = QStringLiteral("datarhei-core");
    const QStringList base{QStringLiteral("login"), QStringLiteral("--json"), QStringLiteral("--profile"), profile,
                           QStringLiteral("--base-url"), m_sandbox.baseUrl(profile), QStringLiteral("--external-token-stdin")};
    Result r = run(base, "demo-external-token\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signedIn")).toBool(), true);

    r = run(base, "wrong-external-token\n");
    QCOMPARE(r.exitCode, 3);

    // A profile without external sign-in says so.
    r = run({QStringLiteral("login"), QStringLiteral("--profile"), QStringLiteral("v1-auth"), QStringLiteral("--base-url"),
             m_sandbox.baseUrl(QStringLiteral("v1-auth")), QStringLiteral("--external-token-stdin")},
            "demo-external-token\n");
    QCOMPARE(r.exitCode, 2);
}

void TestCli::secretParameterIsRefusedOnCommandLine()
{
    const Result r = run(QStringList{QStringLiteral("login"), QStringLiteral("--set"), QStringLiteral("clientSecret=s3cret")}
                             + signIn(m_sandbox, QStringLiteral("oauth2-password")),
                         "demo\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("AUTHSESSION_PARAM_clientSecret"), r.err);

    const Result ok = run(QStringList{QStringLiteral("login"), QStringLiteral("--set"), QStringLiteral("clientId=authsession")}
                              + signIn(m_sandbox, QStringLiteral("oauth2-password")),
                          "demo\n");
    QCOMPARE(ok.exitCode, 0);
}

void TestCli::watchReportsRefreshesOrExpiry_data()
{
    loginPrintsUserAndExpiryButNoToken_data();
}

void TestCli::watchReportsRefreshesOrExpiry()
{
    QFETCH(QString, profile);
    const bool refreshes = refreshingProfiles.contains(profile);
    // oauth2-password's sandbox answers expires_in one second short of the lifetime; a 1 s token
    // gets no refresh timer by design, so it gets 3 s here.
    const int ttl = profile == QLatin1String("oauth2-password") ? 3 : 2;
    admin(m_fast, "POST", QStringLiteral("config"), {{QStringLiteral("accessTtl"), ttl}});
    const Result r = run(QStringList{QStringLiteral("watch"), QStringLiteral("--duration"), QStringLiteral("4")}
                             + signIn(m_fast, profile),
                         "demo\n");
    admin(m_fast, "POST", QStringLiteral("config"), {{QStringLiteral("accessTtl"), 2}});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    const QRegularExpression shape(QStringLiteral(
        "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (signedIn|refreshed|accessTokenAboutToExpire|refreshFailed|"
        "sessionExpired|error|signedOut)( .*)?$"));
    for (const QByteArray &line : lines)
        QVERIFY2(shape.match(QString::fromUtf8(line)).hasMatch(), line);
    QVERIFY2(lines.first().contains(" signedIn"), r.out);
    QVERIFY2(!r.out.contains("eyJ"), r.out);
    if (refreshes) {
        QVERIFY2(r.out.count(" refreshed") >= 2, r.out);
        QVERIFY2(!r.out.contains("sessionExpired"), r.out);
    } else {
        QVERIFY2(r.out.contains(" accessTokenAboutToExpire"), r.out);
        QVERIFY2(r.out.contains(" sessionExpired"), r.out);
    }

    // --json: one object per line.
    const Result json = run(QStringList{QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--duration"),
                                        QStringLiteral("1")}
                                + signIn(m_sandbox, profile),
                            "demo\n");
    QCOMPARE(json.exitCode, 0);
    const QJsonObject first = QJsonDocument::fromJson(json.out.split('\n').first()).object();
    QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("signedIn"));
    QVERIFY(QDateTime::fromString(first.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
}

void TestCli::requestPrintsProtectedResource_data()
{
    loginPrintsUserAndExpiryButNoToken_data();
}

void TestCli::requestPrintsProtectedResource()
{
    QFETCH(QString, profile);
    const Result r = run(QStringList{QStringLiteral("request")} + signIn(m_sandbox, profile)
                             + QStringList{QStringLiteral("GET"), QStringLiteral("/anything"), QStringLiteral("--verbose")},
                         "demo\n");
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("profile")).toString(), profile);
    QCOMPARE(o.value(QStringLiteral("user")).toString(), QStringLiteral("demo"));
    QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QVERIFY(o.value(QStringLiteral("path")).toString().endsWith(QLatin1String("/anything")));
    QVERIFY2(r.err.contains("HTTP 200"), r.err);

    const Result post = run(QStringList{QStringLiteral("request")} + signIn(m_sandbox, profile)
                                + QStringList{QStringLiteral("POST"), QStringLiteral("/items"), QStringLiteral("--data"),
                                              QStringLiteral("{\"a\":1}")},
                            "demo\n");
    QCOMPARE(post.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(post.out).object().value(QStringLiteral("method")).toString(), QStringLiteral("POST"));

    // Absolute URLs are refused: the token only goes to the API signed in to.
    const Result absolute = run(QStringList{QStringLiteral("request")} + signIn(m_sandbox, profile)
                                    + QStringList{QStringLiteral("GET"), QStringLiteral("http://example.com/")},
                                "demo\n");
    QCOMPARE(absolute.exitCode, 2);
}

void TestCli::serverDownExits4()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nobody listens there now
    const Result r = run({QStringLiteral("login"), QStringLiteral("--profile"), QStringLiteral("v1-auth"), QStringLiteral("--base-url"),
                          QStringLiteral("http://127.0.0.1:%1/v1-auth").arg(port), QStringLiteral("--username"),
                          QStringLiteral("demo"), QStringLiteral("--password-stdin")},
                         "demo\n");
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.startsWith("authsession: Network: "), r.err);
    QCOMPARE(r.err.count('\n'), 1);
}

void TestCli::serverErrorExits5()
{
    Sandbox failing;
    QVERIFY(failing.start({QStringLiteral("--fault"), QStringLiteral("kind=status,status=500")}));
    const Result r = run(QStringList{QStringLiteral("login")} + signIn(failing, QStringLiteral("v1-auth")), "demo\n");
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.err.startsWith("authsession: Server: "), r.err);
}

// ---------------------------------------------------------------------------------------------
// Kept sessions: need a real Secret Service (scripts/with-keyring.sh).

void TestCli::keptSessionTokenStatusLogout_data()
{
    QTest::addColumn<QString>("profile");
    for (const QString &id : ProfileRegistry::builtInIds())
        QTest::addRow("%s", qPrintable(id)) << id;
}

void TestCli::keptSessionTokenStatusLogout()
{
    if (!haveKeyring())
        QSKIP("needs a Secret Service (run inside scripts/with-keyring.sh)");
    QFETCH(QString, profile);

    Result r = run(QStringList{QStringLiteral("login"), QStringLiteral("--keep")} + signIn(m_sandbox, profile), "demo\n");
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("kept in the keychain"), r.out);

    r = run({QStringLiteral("accounts"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray accounts = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("profile")).toString(), profile);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("username")).toString(), QStringLiteral("demo"));

    // A second process prints a valid token from the keychain.
    r = run({QStringLiteral("token")});
    QCOMPARE(r.exitCode, 0);
    const QByteArray token = r.out.trimmed();
    QVERIFY(!token.isEmpty());
    QCOMPARE(r.out.count('\n'), 1);

    r = run({QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject status = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(status.value(QStringLiteral("signedIn")).toBool(), true);
    QCOMPARE(status.value(QStringLiteral("username")).toString(), QStringLiteral("demo"));
    QVERIFY(!r.out.contains(token));
    QVERIFY(!configFilesContent().contains(token)); // never in QSettings

    // The kept session serves requests without signing in again (nothing on stdin).
    r = run({QStringLiteral("request"), QStringLiteral("GET"), QStringLiteral("/kept")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("user")).toString(), QStringLiteral("demo"));

    r = run({QStringLiteral("logout")});
    QCOMPARE(r.exitCode, 0);
    r = run({QStringLiteral("token")});
    QVERIFY2(r.exitCode == 6 || r.exitCode == 2, r.err);
    QVERIFY2(r.err.startsWith("authsession: "), r.err);
    QCOMPARE(r.err.count('\n'), 1);
    r = run({QStringLiteral("token"), QStringLiteral("--profile"), profile, QStringLiteral("--base-url"),
             m_sandbox.baseUrl(profile), QStringLiteral("--username"), QStringLiteral("demo")});
    QCOMPARE(r.exitCode, 6);
    r = run({QStringLiteral("accounts"), QStringLiteral("--json")});
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("accounts")).toArray().isEmpty());
}

void TestCli::keptSessionRefreshesAcrossProcessesWithRotation()
{
    if (!haveKeyring())
        QSKIP("needs a Secret Service (run inside scripts/with-keyring.sh)");
    const QString profile = QStringLiteral("v1-auth"); // rotates its refresh token
    admin(m_fast, "DELETE", QStringLiteral("counters"));
    Result r = run(QStringList{QStringLiteral("login"), QStringLiteral("--keep")} + signIn(m_fast, profile), "demo\n");
    QCOMPARE(r.exitCode, 0);
    r = run({QStringLiteral("token")});
    QCOMPARE(r.exitCode, 0);
    const QByteArray first = r.out.trimmed();

    // Each later process finds the token about to expire, refreshes with the refresh token the
    // previous process stored, and stores the rotated one: twice in a row proves the rotation.
    r = runUntil({QStringLiteral("token")}, [&](const Result &x) { return x.exitCode != 0 || x.out.trimmed() != first; });
    QCOMPARE(r.exitCode, 0);
    const QByteArray second = r.out.trimmed();
    r = runUntil({QStringLiteral("token")}, [&](const Result &x) { return x.exitCode != 0 || x.out.trimmed() != second; });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.trimmed() != first);
    const QJsonObject counters = admin(m_fast, "GET", QStringLiteral("counters"));
    const QJsonObject refresh = counters.value(profile).toObject().value(QStringLiteral("refresh")).toObject();
    QVERIFY2(refresh.value(QStringLiteral("succeeded")).toInt() >= 2, QJsonDocument(counters).toJson());
    QCOMPARE(refresh.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(run({QStringLiteral("logout")}).exitCode, 0);
}

void TestCli::keptSessionExpiredExits6()
{
    if (!haveKeyring())
        QSKIP("needs a Secret Service (run inside scripts/with-keyring.sh)");
    const QString profile = QStringLiteral("datarhei-core");
    Result r = run(QStringList{QStringLiteral("login"), QStringLiteral("--keep")} + signIn(m_fast, profile), "demo\n");
    QCOMPARE(r.exitCode, 0);
    admin(m_fast, "POST", QStringLiteral("revoke"), {{QStringLiteral("profile"), profile}});
    // Once the access token has run out, the refresh is rejected: exit 6 and a clear line.
    r = runUntil({QStringLiteral("token")}, [](const Result &x) { return x.exitCode != 0; });
    QCOMPARE(r.exitCode, 6);
    QVERIFY2(r.err.startsWith("authsession: RefreshRejected: "), r.err);
    QVERIFY(r.out.isEmpty());
    // The Session dropped the account; later calls still say "sign in again" (6), logout is a no-op.
    r = run({QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 6);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signedIn")).toBool(), false);
    r = run({QStringLiteral("token")});
    QCOMPARE(r.exitCode, 6);
    QVERIFY2(r.err.startsWith("authsession: NotSignedIn: "), r.err);
    QCOMPARE(run({QStringLiteral("logout")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
