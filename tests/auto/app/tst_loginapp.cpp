// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// End-to-end tests of authsession-login: the real app in its own process (offscreen), on its in-process
// sandbox with short tokens, driven through the test hook (app/login/testcontrol.h): the hook fills the
// real fields and clicks the real buttons. Keychain tests need scripts/with-keyring.sh.
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

//! One running authsession-login, with the hook connected to this test.
class App
{
public:
    App(const QString &home, const QStringList &args, const QProcessEnvironment &extra = {})
    {
        static int serial = 0;
        m_serverName = QStringLiteral("tst_loginapp-%1-%2").arg(QCoreApplication::applicationPid()).arg(++serial);
        QLocalServer::removeServer(m_serverName);
        m_server.listen(m_serverName);
        QProcessEnvironment env = environment(home);
        env.insert(QStringLiteral("AUTHSESSION_LOGIN_TEST_CONTROL"), m_serverName);
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(AUTHSESSION_LOGIN_EXE), args);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    //! The environment of an app using \a home as its home folder.
    static QProcessEnvironment environment(const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        return env;
    }

    //! Waits for the app to connect its hook.
    bool connected()
    {
        if (m_socket)
            return true;
        if (!m_server.waitForNewConnection(30000))
            return false;
        m_socket = m_server.nextPendingConnection();
        return m_socket != nullptr;
    }

    //! Sends one command line and returns the answer line.
    QString command(const QString &line)
    {
        if (!connected())
            return QStringLiteral("error: the app did not connect");
        m_socket->write(line.toUtf8() + "\n");
        m_socket->flush();
        while (!m_socket->canReadLine()) {
            if (!m_socket->waitForReadyRead(15000))
                return QStringLiteral("error: no answer to ") + line;
        }
        return QString::fromUtf8(m_socket->readLine()).trimmed();
    }

    bool quit()
    {
        if (command(QStringLiteral("quit")) != QLatin1String("ok"))
            return false;
        return m_process.waitForFinished(15000) && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }

    QProcess &process() { return m_process; }

private:
    QString m_serverName;
    QLocalServer m_server;
    QLocalSocket *m_socket = nullptr;
    QProcess m_process;
};

class TestLoginApp : public QObject
{
    Q_OBJECT

private:
    static QStringList args(const QString &mode, QStringList more)
    {
        if (mode == QLatin1String("widgets"))
            more << QStringLiteral("--widgets");
        return more;
    }
    static bool haveKeyring() { return qgetenv("AUTHSESSION_TEST_KEYRING") == "1"; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(AUTHSESSION_LOGIN_EXE)), AUTHSESSION_LOGIN_EXE);
    }

    void helpListsTheOptions()
    {
        QTemporaryDir home;
        QProcess p;
        p.setProcessEnvironment(App::environment(home.path()));
        p.start(QStringLiteral(AUTHSESSION_LOGIN_EXE), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *option : {"--profile", "--environment", "--base-url", "--set", "--profile-file",
                                   "--sandbox", "--access-ttl", "--widgets"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void rejectsBadOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("ttl without sandbox") << QStringList{QStringLiteral("--access-ttl"), QStringLiteral("3")};
        QTest::addRow("ttl not a number") << QStringList{QStringLiteral("--sandbox"), QStringLiteral("--access-ttl"), QStringLiteral("x")};
        QTest::addRow("set without =") << QStringList{QStringLiteral("--set"), QStringLiteral("clientId")};
        QTest::addRow("unknown profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("no-such-provider")};
    }
    void rejectsBadOptions()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir home;
        QProcess p;
        p.setProcessEnvironment(App::environment(home.path()));
        p.start(QStringLiteral(AUTHSESSION_LOGIN_EXE), arguments);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
    }

    void signsInRefreshesAndSignsOut_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addRow("qml") << QStringLiteral("qml");
        QTest::addRow("widgets") << QStringLiteral("widgets");
    }
    void signsInRefreshesAndSignsOut()
    {
        QFETCH(QString, mode);
        QTemporaryDir home;
        App app(home.path(), args(mode, {QStringLiteral("--sandbox"), QStringLiteral("--access-ttl"), QStringLiteral("3")}));
        QVERIFY(app.connected());
        QVERIFY(app.command(QStringLiteral("hello")).contains(mode == QLatin1String("qml") ? QLatin1String("Qml") : QLatin1String("Widgets")));
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("signin"), 10000);
        QCOMPARE(app.command(QStringLiteral("state")), QStringLiteral("SignedOut"));

        // A wrong password keeps the sign-in screen and says why.
        QCOMPARE(app.command(QStringLiteral("signin demo wrong")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(!app.command(QStringLiteral("text errorLabel")).isEmpty(), 10000);
        QCOMPARE(app.command(QStringLiteral("state")), QStringLiteral("SignedOut"));

        QCOMPARE(app.command(QStringLiteral("signin demo demo")), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("session"), 10000);
        QVERIFY(app.command(QStringLiteral("state")).startsWith(QLatin1String("Signed"))
                || app.command(QStringLiteral("state")) == QLatin1String("Refreshing"));
        QCOMPARE(app.command(QStringLiteral("user")), QStringLiteral("demo"));
        QVERIFY(app.command(QStringLiteral("text headingLabel")).contains(QLatin1String("Demo")));

        // 3-second tokens: the refresh timer fires within a couple of seconds.
        QTRY_VERIFY_WITH_TIMEOUT(app.command(QStringLiteral("refreshcount")).toInt() >= 1, 20000);

        // Try an API call: a status, never a token on screen.
        QCOMPARE(app.command(QStringLiteral("click tryApiButton")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(app.command(QStringLiteral("text apiStatusLabel")).contains(QLatin1String("HTTP 200")), 10000);

        QCOMPARE(app.command(QStringLiteral("signout")), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("signin"), 10000);
        QCOMPARE(app.command(QStringLiteral("state")), QStringLiteral("SignedOut"));
        QVERIFY(app.quit());
    }

    void showsProvidersAndAbout()
    {
        QTemporaryDir home;
        // A broken user profile shows up with its problems on the Providers page.
        const QString folder = home.path() + QStringLiteral("/.config/AuthSession/authsession-login/profiles");
        QVERIFY(QDir().mkpath(folder));
        QFile broken(folder + QStringLiteral("/broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"id": "broken", "name": "Broken", "signIn": {"method": "POST"}})");
        broken.close();
        App app(home.path(), {QStringLiteral("--sandbox")});
        QVERIFY(app.connected());
        QCOMPARE(app.command(QStringLiteral("show providers")), QStringLiteral("ok"));
        QCOMPARE(app.command(QStringLiteral("page")), QStringLiteral("providers"));
        QCOMPARE(app.command(QStringLiteral("show about")), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("about"), 5000);
        QVERIFY(app.command(QStringLiteral("text licenseLabel")).contains(QLatin1String("BSD-3-Clause")));
        QVERIFY(app.quit());
    }

    void restoresKeptSession_data()
    {
        signsInRefreshesAndSignsOut_data();
    }
    void restoresKeptSession()
    {
        QFETCH(QString, mode);
        if (!haveKeyring())
            QSKIP("needs a throwaway keyring: run under scripts/with-keyring.sh");
        QTemporaryDir home;
        // Long enough tokens that the restored access token is still valid after the restart (the new
        // sandbox process does not know the old refresh token).
        const QStringList arguments = args(mode, {QStringLiteral("--sandbox"), QStringLiteral("--access-ttl"), QStringLiteral("120")});
        {
            App app(home.path(), arguments);
            QVERIFY(app.connected());
            QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("signin"), 10000);
            QCOMPARE(app.command(QStringLiteral("signin demo demo keep")), QStringLiteral("ok"));
            QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("session"), 10000);
            QCOMPARE(app.command(QStringLiteral("storage")), QString());
            QVERIFY(app.quit());
        }
        {
            App app(home.path(), arguments);
            QVERIFY(app.connected());
            QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("session"), 15000);
            QCOMPARE(app.command(QStringLiteral("state")), QStringLiteral("SignedIn"));
            QCOMPARE(app.command(QStringLiteral("user")), QStringLiteral("demo"));
            // Sign out forgets the kept session: the next start shows the sign-in screen.
            QCOMPARE(app.command(QStringLiteral("signout")), QStringLiteral("ok"));
            QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("signin"), 10000);
            QVERIFY(app.quit());
        }
        {
            App app(home.path(), arguments);
            QVERIFY(app.connected());
            QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("history")), QStringLiteral("1"), 10000); // "Nothing to restore"
            QCOMPARE(app.command(QStringLiteral("page")), QStringLiteral("signin"));
            QVERIFY(app.quit());
        }
    }

    void keepsWorkingWithoutKeychain()
    {
        QTemporaryDir home;
        QProcessEnvironment noBus;
        // No session bus: the Secret Service cannot be reached.
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-bus"));
        App app(home.path(), {QStringLiteral("--sandbox")}, noBus);
        QVERIFY(app.connected());
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("signin"), 10000);
        QCOMPARE(app.command(QStringLiteral("signin demo demo keep")), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(app.command(QStringLiteral("page")), QStringLiteral("session"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app.command(QStringLiteral("storage")).contains(QLatin1String("keychain")), 20000);
        QCOMPARE(app.command(QStringLiteral("state")), QStringLiteral("SignedIn"));
        QVERIFY(app.quit());
    }

    void secondInstanceRaisesTheFirst_data()
    {
        signsInRefreshesAndSignsOut_data();
    }
    void secondInstanceRaisesTheFirst()
    {
        QFETCH(QString, mode);
        QTemporaryDir home;
        App first(home.path(), args(mode, {QStringLiteral("--sandbox")}));
        QVERIFY(first.connected());
        QCOMPARE(first.command(QStringLiteral("raised")), QStringLiteral("0"));

        QProcess second;
        second.setProcessEnvironment(App::environment(home.path()));
        second.start(QStringLiteral(AUTHSESSION_LOGIN_EXE), args(mode, {QStringLiteral("--sandbox")}));
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(first.command(QStringLiteral("raised")), QStringLiteral("1"), 5000);
        QVERIFY(first.quit());
    }
};

QTEST_GUILESS_MAIN(TestLoginApp)
#include "tst_loginapp.moc"
