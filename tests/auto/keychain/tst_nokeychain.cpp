// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include <AuthSession/keychaintokenstore.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace AuthSession;

// KeychainTokenStore with no keychain at all: CMake points DBUS_SESSION_BUS_ADDRESS at a socket
// that does not exist, so QtKeychain's libsecret backend fails at once with OtherError ("Could not
// connect"). Every call must fail quickly with a readable Storage error, and the plain-text
// fallback must work only when enabled.
class TestNoKeychain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void failsWithAStorageError_data();
    void failsWithAStorageError();
    void callbacksNeverRunSynchronously();
    void insecureFallbackWorksWhenEnabled();
    void insecureFallbackTightensAnExistingFile();
    void insecureFallbackKeepsOtherEntries();
    void sessionKeepsWorkingInMemory();

private:
    enum Operation { Read, Write, Remove };
    AuthError run(KeychainTokenStore &store, Operation operation, const QString &key,
                  const QByteArray &value = {}, QByteArray *readValue = nullptr);
    const QString m_key = TokenStore::entryKey(
            QStringLiteral("v1-auth"), QStringLiteral("api.example.com"), QStringLiteral("jdoe"));
};

static constexpr int waitMs = 20000;
static const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
static const QFileDevice::Permissions groupOrOther = QFileDevice::ReadGroup
        | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeOther;

AuthError TestNoKeychain::run(KeychainTokenStore &store, Operation operation, const QString &key,
                              const QByteArray &value, QByteArray *readValue)
{
    bool called = false;
    AuthError result;
    switch (operation) {
    case Read:
        store.read(key, this, [&](const QByteArray &v, const AuthError &e) {
            called = true;
            result = e;
            if (readValue)
                *readValue = v;
        });
        break;
    case Write:
        store.write(key, value, this, [&](const AuthError &e) {
            called = true;
            result = e;
        });
        break;
    case Remove:
        store.remove(key, this, [&](const AuthError &e) {
            called = true;
            result = e;
        });
        break;
    }
    if (!QTest::qWaitFor([&] { return called; }, waitMs))
        return AuthError(ErrorCategory::Timeout, QStringLiteral("no callback"));
    return result;
}

void TestNoKeychain::initTestCase()
{
    QCOMPARE(qgetenv("DBUS_SESSION_BUS_ADDRESS"), QByteArrayLiteral("unix:path=/nonexistent/bus"));
}

void TestNoKeychain::failsWithAStorageError_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QString>("consequence");
    QTest::addRow("read") << int(Read) << QStringLiteral("cannot be restored");
    QTest::addRow("write") << int(Write) << QStringLiteral("kept for this session only");
    QTest::addRow("remove") << int(Remove) << QStringLiteral("may remain");
}

void TestNoKeychain::failsWithAStorageError()
{
    QFETCH(int, operation);
    QFETCH(QString, consequence);
    KeychainTokenStore store(QStringLiteral("AuthSessionNoKeychainTest"));
    QElapsedTimer timer;
    timer.start();
    QByteArray value = "unchanged";
    const AuthError error
            = run(store, Operation(operation), m_key, QByteArrayLiteral("secret"), &value);
    QVERIFY2(timer.elapsed() < 5000, "QtKeychain should fail fast without a session bus");
    QCOMPARE(error.category(), ErrorCategory::Storage);
    QVERIFY2(error.message().contains(QLatin1String("Secret Service or KWallet")),
             qPrintable(error.message()));
    QVERIFY2(error.message().contains(consequence), qPrintable(error.message()));
    QVERIFY2(!error.message().contains(QLatin1String("secret\"")), "never a value in a message");
    if (operation == Read)
        QVERIFY(value.isEmpty());
}

void TestNoKeychain::callbacksNeverRunSynchronously()
{
    KeychainTokenStore store;
    int calls = 0;
    store.read(m_key, this, [&](const QByteArray &, const AuthError &) { ++calls; });
    store.write(m_key, "x", this, [&](const AuthError &) { ++calls; });
    store.remove(m_key, this, [&](const AuthError &) { ++calls; });
    QCOMPARE(calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 3, waitMs);
}

void TestNoKeychain::insecureFallbackWorksWhenEnabled()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("sub/dir/tokens.json"));
    KeychainTokenStore store(QStringLiteral("AuthSessionNoKeychainTest"));
    QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("INSECURE plain-text fallback enabled")));
    store.enableInsecurePlainTextFallback(fileName);

    const QByteArray value = QByteArray("{\"refresh_token\":\"r\0t\"}", 23);
    QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("^INSECURE: .* write of .*plain-text file")));
    AuthError error = run(store, Write, m_key, value);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    QFileInfo info(fileName);
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() & (ownerOnly | QFileDevice::ExeOwner | groupOrOther), ownerOnly);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject entries = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(entries.keys(), QStringList {m_key});

    QByteArray readBack;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^INSECURE: .* read of ")));
    error = run(store, Read, m_key, {}, &readBack);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(readBack, value);

    // A second store on the same file (the next run of the application) sees it too.
    KeychainTokenStore again(QStringLiteral("AuthSessionNoKeychainTest"));
    QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("INSECURE plain-text fallback enabled")));
    again.enableInsecurePlainTextFallback(fileName);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^INSECURE: .* read of ")));
    QVERIFY(!run(again, Read, m_key, {}, &readBack).isError());
    QCOMPARE(readBack, value);

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^INSECURE: .* remove of ")));
    error = run(store, Remove, m_key);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^INSECURE: .* read of ")));
    error = run(store, Read, m_key, {}, &readBack);
    QVERIFY(!error.isError());
    QVERIFY(readBack.isEmpty());
    QVERIFY(file.seek(0) || file.reset());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(file.readAll()).object().isEmpty());
    QCOMPARE(QFileInfo(fileName).permissions() & (ownerOnly | QFileDevice::ExeOwner | groupOrOther),
             ownerOnly);
}

void TestNoKeychain::insecureFallbackTightensAnExistingFile()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("tokens.json"));
    {
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}");
    }
    QVERIFY(QFile::setPermissions(fileName,
                                  ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));

    KeychainTokenStore store;
    store.enableInsecurePlainTextFallback(fileName);
    QVERIFY(!run(store, Write, m_key, "value").isError());
    QCOMPARE(QFileInfo(fileName).permissions() & (ownerOnly | QFileDevice::ExeOwner | groupOrOther),
             ownerOnly);
}

void TestNoKeychain::insecureFallbackKeepsOtherEntries()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("tokens.json"));
    KeychainTokenStore store;
    store.enableInsecurePlainTextFallback(fileName);
    const QString other = TokenStore::entryKey(
            QStringLiteral("v1-auth"), QStringLiteral("api.example.com"), QStringLiteral("other"));
    QVERIFY(!run(store, Write, m_key, "one").isError());
    QVERIFY(!run(store, Write, other, "two").isError());
    QVERIFY(!run(store, Write, m_key, "three").isError());
    QVERIFY(!run(store, Remove, other).isError());
    QByteArray value;
    QVERIFY(!run(store, Read, m_key, {}, &value).isError());
    QCOMPARE(value, QByteArrayLiteral("three"));
    QVERIFY(!run(store, Read, other, {}, &value).isError());
    QVERIFY(value.isEmpty());
    // A store without the opt-in never looks at the file.
    KeychainTokenStore strict;
    QCOMPARE(run(strict, Read, m_key, {}, &value).category(), ErrorCategory::Storage);
}

// The user asked to stay signed in but there is no keychain: a Storage error the UI can show,
// and a session that goes on working in memory (refresh included), with nothing on disk.
void TestNoKeychain::sessionKeepsWorkingInMemory()
{
    SandboxServer server;
    QVERIFY(server.listen() != 0);
    KeychainTokenStore store(QStringLiteral("AuthSessionTest"));
    Session session;
    session.setProfile(ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
    session.setBaseUrl(server.baseUrl(QStringLiteral("v1-auth")));
    session.setTokenStore(&store);
    session.setKeepSignedIn(true);
    QSignalSpy storageFailed(&session, &Session::storageFailed);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
    QVERIFY(signedIn.wait(5000));
    QVERIFY(storageFailed.wait(5000));
    const auto error = storageFailed.at(0).at(0).value<AuthError>();
    QCOMPARE(error.category(), ErrorCategory::Storage);
    QVERIFY(error.message().contains(QLatin1String("keychain"), Qt::CaseInsensitive));
    QCOMPARE(session.state(), Session::State::SignedIn);

    QSignalSpy refreshed(&session, &Session::refreshed);
    session.refresh();
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(server.count(QStringLiteral("v1-auth"), QStringLiteral("refresh")), 1);

    // nothing fell back to a file: the insecure fallback was never enabled
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(session.tokens().refreshToken.toUtf8()), qPrintable(f.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
