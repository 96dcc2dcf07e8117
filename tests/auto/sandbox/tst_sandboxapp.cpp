// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include <AuthSession/profileregistry.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/responsemapper.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace AuthSession;

// The standalone authsession-sandbox program, driven as a user (or a CI script) drives it.
class TestSandboxApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesSignInsAndStopsOnSigterm();
    void injectsFaultsFromTheCommandLine();
    void printsHelp();
    void rejectsBadFlags_data();
    void rejectsBadFlags();

private:
    static QString program() { return QStringLiteral(AUTHSESSION_SANDBOX_BIN); }
    // Starts the program and reads the listening URL from its first line.
    static QUrl start(QProcess &process, const QStringList &arguments);
    static bool finish(QProcess &process);
    ResponseMapper::Result signIn(const Profile &profile, const QUrl &base);
};

QUrl TestSandboxApp::start(QProcess &process, const QStringList &arguments)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program(), arguments);
    if (!process.waitForStarted(10000))
        return {};
    QByteArray out;
    QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
    while (!out.contains('\n')) {
        if (!process.bytesAvailable() && !ready.wait(10000))
            return {};
        out += process.readAllStandardOutput();
    }
    const QRegularExpression re(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    const auto m = re.match(QString::fromUtf8(out));
    return m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
}

bool TestSandboxApp::finish(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return true;
    QSignalSpy finished(&process, &QProcess::finished);
    return finished.wait(10000);
}

ResponseMapper::Result TestSandboxApp::signIn(const Profile &profile, const QUrl &base)
{
    QNetworkAccessManager nam;
    RequestBuilder builder(profile, QUrl(base.toString() + QLatin1Char('/') + profile.id));
    PreparedRequest p = builder.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"));
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    QNetworkReply *reply = nam.sendCustomRequest(p.request, p.verb, p.body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const HttpAnswer answer = HttpAnswer::fromReply(reply, sentAt, QDateTime::currentDateTimeUtc());
    delete reply;
    p.wipe();
    return ResponseMapper::map(profile, ResponseMapper::SignIn, answer);
}

void TestSandboxApp::servesSignInsAndStopsOnSigterm()
{
    QProcess process;
    const QUrl base = start(process, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--access-ttl"),
                                      QStringLiteral("120"), QStringLiteral("--quiet")});
    QVERIFY2(base.isValid() && base.port() > 0, process.readAllStandardError().constData());
    const QStringList ids = ProfileRegistry::builtInIds();
    for (const QString &id : ids) {
        const Profile profile = ProfileRegistry::builtIn(id);
        const ResponseMapper::Result r = signIn(profile, base);
        QVERIFY2(r.isOk(), qPrintable(id + QLatin1String(": ") + r.error.toString()));
        QVERIFY(!r.tokens.accessToken.isEmpty());
    }
    process.terminate(); // SIGTERM
    QVERIFY(finish(process));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxApp::injectsFaultsFromTheCommandLine()
{
    QProcess process;
    const QUrl base = start(process, {QStringLiteral("--fault"), QStringLiteral("kind=status,status=503,profile=v1-auth,count=-1"),
                                      QStringLiteral("--quiet")});
    QVERIFY(base.isValid());
    const ResponseMapper::Result r = signIn(ProfileRegistry::builtIn(QStringLiteral("v1-auth")), base);
    QCOMPARE(r.error.category(), ErrorCategory::Server);
    QVERIFY(signIn(ProfileRegistry::builtIn(QStringLiteral("terralayr")), base).isOk());
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(finish(process));
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxApp::printsHelp()
{
    QProcess process;
    process.start(program(), {QStringLiteral("--help")});
    QVERIFY(finish(process));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const char *word : {"--fault", "--port", "--access-ttl", "--refresh-ttl", "--clock-skew", "--users",
                             "--profile-file", "/_admin/counters", "reject-refresh"})
        QVERIFY2(help.contains(QLatin1String(word)), word);
}

void TestSandboxApp::rejectsBadFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown flag") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::addRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("http")} << QStringLiteral("--port");
    QTest::addRow("bad fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("kind=explode")} << QStringLiteral("explode");
    QTest::addRow("missing users file") << QStringList{QStringLiteral("--users"), QStringLiteral("/nonexistent/users.json")}
                                        << QStringLiteral("users");
}

void TestSandboxApp::rejectsBadFlags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QProcess process;
    process.start(program(), arguments);
    QVERIFY(finish(process));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0); // one clear line
}

QTEST_MAIN(TestSandboxApp)
#include "tst_sandboxapp.moc"
