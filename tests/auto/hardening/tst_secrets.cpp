// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Canary test (issues 4 and 9): a canary password and the tokens the sandbox hands out never appear
// in logs at any level, QSettings, files under HOME, process command lines (ours and a child
// authsession-sandbox's) or the sandbox's own log, through sign in with "keep me signed in",
// refresh, an authorized request and sign out. With AUTHSESSION_TEST_KEYRING=1 (scripts/
// with-keyring.sh) the same runs through KeychainTokenStore. Plus white-box checks that password
// buffers are overwritten in place.
#include "../session/sessiontestutil.h"
#include "secrets_p.h"

#include <AuthSession/keychaintokenstore.h>
#include <AuthSession/memorytokenstore.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/sessionreply.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace AuthSession;

namespace {

QMutex logMutex;
QStringList capturedLog;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&logMutex);
    capturedLog.append(QString::number(int(type)) + QLatin1Char(' ') + QString::fromLatin1(context.category ? context.category : "")
                       + QLatin1Char(' ') + message);
}

QString randomCanary(const char *prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT

private:
    QString m_password;
    QString m_user;
    QStringList m_tokens; //!< every token seen (access, refresh, id), before and after refresh
    QtMessageHandler m_previous = nullptr;

    QJsonObject usersJson() const
    {
        QJsonObject user{{QStringLiteral("username"), m_user},
                         {QStringLiteral("password"), m_password},
                         {QStringLiteral("profile"), QJsonObject{{QStringLiteral("userid"), m_user},
                                                                  {QStringLiteral("email"), QStringLiteral("canary@example.com")},
                                                                  {QStringLiteral("firstname"), QStringLiteral("Canary")}}},
                         {QStringLiteral("locked"), false},
                         {QStringLiteral("externalTokens"), QJsonArray()}};
        return QJsonObject{{QStringLiteral("users"), QJsonArray{user}}};
    }

    void collect(const TokenSet &tokens)
    {
        for (const QString &t : {tokens.accessToken, tokens.refreshToken, tokens.idToken}) {
            if (t.size() >= 8 && !m_tokens.contains(t))
                m_tokens.append(t);
        }
    }

    // The canaries: the password, every token, and for JWTs their signature part alone (the
    // header and payload are not secret by themselves and repeat between tokens).
    QList<QByteArray> canaries() const
    {
        QList<QByteArray> list{m_password.toUtf8()};
        for (const QString &t : m_tokens) {
            list.append(t.toUtf8());
            const QStringList parts = t.split(QLatin1Char('.'));
            if (parts.size() == 3 && parts.at(2).size() >= 16)
                list.append(parts.at(2).toUtf8());
        }
        return list;
    }

    QString findCanary(const QByteArray &haystack) const
    {
        for (const QByteArray &c : canaries()) {
            if (haystack.contains(c))
                return QString::fromUtf8(c.left(12)) + QLatin1String("...");
        }
        return {};
    }

    // Sign in with keep signed in, refresh (when the profile can), an authorized request, sign out.
    void runSession(SandboxServer *server, const QUrl &baseUrl, const QString &id, TokenStore *store)
    {
        Session session;
        session.setProfile(ProfileRegistry::builtIn(id));
        session.setBaseUrl(baseUrl);
        session.setRequestTimeout(10000);
        session.setTokenStore(store);
        session.setKeepSignedIn(true);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(m_user, m_password);
        QVERIFY(QTest::qWaitFor([&] { return !session.isBusy(); }, 10000));
        QVERIFY2(session.state() == Session::State::SignedIn,
                 qPrintable(failed.isEmpty() ? QStringLiteral("no outcome") : failed.at(0).at(0).value<AuthError>().toString()));
        collect(session.tokens());
        if (session.hasRefreshToken() && !session.profile().refresh.path.isEmpty()) {
            QSignalSpy refreshed(&session, &Session::refreshed);
            session.refresh();
            QVERIFY(refreshed.wait(10000));
            collect(session.tokens());
        }
        SessionReply *reply = session.send(QNetworkRequest(QUrl(QStringLiteral("/resource"))));
        QSignalSpy finished(reply, &SessionReply::finished);
        QVERIFY(finished.wait(10000));
        QSignalSpy signedOut(&session, &Session::signedOut);
        session.signOut();
        QTRY_VERIFY(session.state() == Session::State::SignedOut);
        if (server)
            QTRY_VERIFY(server->count(id, QStringLiteral("signIn"), QStringLiteral("succeeded")) >= 1);
        // give a store write or delete the time to land
        QTest::qWait(50);
    }

    void checkLogs()
    {
        QMutexLocker lock(&logMutex);
        QVERIFY2(!capturedLog.isEmpty(), "the message handler captured nothing: debug output is off?");
        for (const QString &line : std::as_const(capturedLog)) {
            const QString hit = findCanary(line.toUtf8());
            QVERIFY2(hit.isEmpty(), qPrintable(QLatin1String("secret ") + hit + QLatin1String(" in log line: ") + line.left(200)));
        }
    }

    void checkCommandLines()
    {
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        int read = 0;
        for (const QString &pid : pids) {
            bool numeric = false;
            pid.toInt(&numeric);
            if (!numeric)
                continue;
            QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray cmdline = f.readAll();
            ++read;
            const QString hit = findCanary(cmdline);
            QVERIFY2(hit.isEmpty(), qPrintable(QStringLiteral("secret %1 in /proc/%2/cmdline").arg(hit, pid)));
        }
        QVERIFY(read >= 1);
    }

    void checkFilesUnder(const QString &root)
    {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // the keyring's own files are encrypted and the keyring's business
            if (path.contains(QLatin1String("/keyrings/")))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString hit = findCanary(f.read(16 * 1024 * 1024));
            QVERIFY2(hit.isEmpty(), qPrintable(QStringLiteral("secret %1 in %2").arg(hit, path)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<AuthError>();
        // every category at every level, whatever QT_LOGGING_RULES says
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        m_previous = qInstallMessageHandler(captureMessage);
        m_user = randomCanary("canary-user-");
        m_password = randomCanary("Canary-Pw-") + QStringLiteral("!\u00e4 &=+%");
        QSettings().setValue(QStringLiteral("hardening/probe"), true); // make sure a settings file exists
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(m_previous);
        std::printf("tst_secrets: %d canaries, %d log lines checked\n", int(canaries().size()), int(capturedLog.size()));
    }

    void memoryStoreEveryProfile()
    {
        SandboxServer server;
        QString error;
        QVERIFY2(server.setUsers(usersJson(), &error), qPrintable(error));
        QVERIFY(server.listen() != 0);
        MemoryTokenStore store;
        for (const QString &id : ProfileRegistry::builtInIds()) {
            runSession(&server, server.baseUrl(id), id, &store);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(m_tokens.size() >= 6);
        checkLogs();
        checkCommandLines();
        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        if (settingsFile.open(QIODevice::ReadOnly)) {
            const QString hit = findCanary(settingsFile.readAll());
            QVERIFY2(hit.isEmpty(), qPrintable(QLatin1String("secret in QSettings: ") + hit));
        }
        checkFilesUnder(QDir::homePath());
    }

    void keychainStoreEveryProfile()
    {
        if (qEnvironmentVariable("AUTHSESSION_TEST_KEYRING") != QLatin1String("1"))
            QSKIP("needs a throwaway keyring: run inside scripts/with-keyring.sh");
        SandboxServer server;
        QVERIFY(server.setUsers(usersJson()));
        QVERIFY(server.listen() != 0);
        KeychainTokenStore store(QStringLiteral("AuthSession-hardening-test"));
        for (const QString &id : ProfileRegistry::builtInIds()) {
            runSession(&server, server.baseUrl(id), id, &store);
            if (QTest::currentTestFailed())
                return;
        }
        checkLogs();
        checkCommandLines();
        // nothing outside the keyring holds a secret: every file under HOME, config and data dirs
        checkFilesUnder(QDir::homePath());
        for (const auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
                                    QStandardPaths::GenericCacheLocation}) {
            const QString dir = QStandardPaths::writableLocation(location);
            if (!dir.startsWith(QDir::homePath()))
                checkFilesUnder(dir);
        }
    }

    void childSandboxProcess()
    {
        const QString exe = qEnvironmentVariable("AUTHSESSION_SANDBOX_EXE");
        if (exe.isEmpty() || !QFile::exists(exe))
            QSKIP("authsession-sandbox was not built (AUTHSESSION_BUILD_APPS=OFF)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString usersFile = dir.filePath(QStringLiteral("users.json"));
        {
            QFile f(usersFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(usersJson()).toJson());
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        // the password travels in a file, never on the command line
        child.start(exe, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"), usersFile});
        QVERIFY(child.waitForStarted(10000));
        QByteArray output;
        quint16 port = 0;
        QVERIFY(QTest::qWaitFor([&] {
            output += child.readAll();
            const int at = output.indexOf("listening on http://127.0.0.1:");
            if (at >= 0) {
                const int start = at + int(qstrlen("listening on http://127.0.0.1:"));
                const int end = output.indexOf('\n', start);
                if (end > start)
                    port = quint16(output.mid(start, end - start).trimmed().toUInt());
            }
            return port != 0;
        }, 10000));
        MemoryTokenStore store;
        for (const QString &id : ProfileRegistry::builtInIds()) {
            runSession(nullptr, QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(id)), id, &store);
            if (QTest::currentTestFailed())
                break;
        }
        checkCommandLines(); // the child is still running
        child.terminate();
        QVERIFY(child.waitForFinished(10000));
        output += child.readAll();
        QVERIFY(output.contains("->")); // it did log the requests
        const QString hit = findCanary(output);
        QVERIFY2(hit.isEmpty(), qPrintable(QLatin1String("secret in the sandbox's log: ") + hit));
        checkLogs();
    }

    void preparedRequestWipeClearsSharedBuffer()
    {
        // RequestBuilder puts the password into the body; QNetworkAccessManager keeps a copy that
        // shares the bytes. wipe() must overwrite them in place, so the copy is zeroed too.
        RequestBuilder builder(ProfileRegistry::builtIn(QStringLiteral("v1-auth")), QUrl(QStringLiteral("http://127.0.0.1:1/v1-auth")));
        PreparedRequest p = builder.signIn(QStringLiteral("demo"), m_password);
        QVERIFY(p.isValid());
        QVERIFY(p.body.contains(m_password.toUtf8()) || p.body.contains(QUrl::toPercentEncoding(m_password)));
        const QByteArray heldByNetwork = p.body; // shares the heap buffer
        QCOMPARE(heldByNetwork.constData(), p.body.constData());
        const qsizetype size = heldByNetwork.size();
        p.wipe();
        QVERIFY(p.body.isEmpty());
        QCOMPARE(heldByNetwork.size(), size);
        QCOMPARE(heldByNetwork, QByteArray(size, '\0'));
    }

    void secretsWipeByteArrayInPlace()
    {
        QByteArray secret = m_password.toUtf8(); // heap
        QByteArray copy = secret;
        Secrets::wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(copy, QByteArray(copy.size(), '\0'));

        // read-only literal data is released, never written to (that would crash)
        QByteArray literal = QByteArrayLiteral("not-a-secret-literal");
        Secrets::wipe(literal);
        QVERIFY(literal.isEmpty());
        QByteArray empty;
        Secrets::wipe(empty);
        QVERIFY(empty.isEmpty());
    }

    void secretsWipeStringLeavesSharedCallerCopy()
    {
        // a caller's string (a line edit's text) shares the characters: it must not change
        const QString callers = m_password;
        QString ours = callers;
        Secrets::wipe(ours);
        QVERIFY(ours.isEmpty());
        QCOMPARE(callers, m_password);

        // a copy the library owns alone is overwritten and released (no crash, no detach)
        QString detached = m_password + QStringLiteral("-detached");
        QVERIFY(detached.isDetached());
        Secrets::wipe(detached);
        QVERIFY(detached.isEmpty());
    }
};

QTEST_MAIN(tst_Secrets)
#include "tst_secrets.moc"
