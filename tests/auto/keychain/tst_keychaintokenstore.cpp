// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include <AuthSession/keychaintokenstore.h>

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace AuthSession;

// KeychainTokenStore against a real Secret Service (gnome-keyring on a private session bus, see
// scripts/with-keyring.sh). Items are inspected and damaged behind the store's back with QtKeychain
// jobs and secret-tool, the way another program or a crash would.
//
// QtKeychain's libsecret backend stores each item with the schema "org.qt.keychain" and the
// attributes server = <service>, user = <item name>, type = base64|plaintext.
class TestKeychainTokenStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void roundTrips_data();
    void roundTrips();
    void storesChunksOfAtMostChunkSize();
    void overwriteWithShorterValueLeavesNoStaleChunk();
    void corruptChunkIsDiscarded_data();
    void corruptChunkIsDiscarded();
    void corruptHeaderIsDiscarded_data();
    void corruptHeaderIsDiscarded();
    void missingChunkIsDiscarded();
    void chunksWithoutHeaderAreDiscarded();
    void missingEntryIsEmptyWithoutError();
    void removeLeavesNoItemBehind();
    void removeSweepsChunksOfACorruptHeader();
    void removingAMissingEntryIsFine();
    void operationsCompleteInOrder();
    void callbacksNeverRunSynchronously();
    void destroyedContextGetsNoCallback();
    void destroyedStoreStopsQuietly();
    void keysAreIndependent();

private:
    struct ReadResult {
        bool called = false;
        QByteArray value;
        AuthError error;
    };
    ReadResult readEntry(const QString &key);
    AuthError writeEntry(const QString &key, const QByteArray &value, bool *called);
    AuthError removeEntry(const QString &key, bool *called);
    // The item names (QtKeychain keys) under our service, as the Secret Service lists them.
    QStringList items();
    // Raw QtKeychain access, bypassing the store.
    QKeychain::Error rawWrite(const QString &name, const QByteArray &data);
    QKeychain::Error rawDelete(const QString &name);
    static QByteArray randomBytes(int size);
    static QStringList expectedItems(const QString &key, int chunks);

    const QString m_service
            = QStringLiteral("AuthSessionTest-%1").arg(QCoreApplication::applicationPid());
    const QString m_key = TokenStore::entryKey(QStringLiteral("v1-auth"),
                                               QStringLiteral("api.example.com:8443"),
                                               QStringLiteral("jöhn.doe@example.com"));
    std::unique_ptr<KeychainTokenStore> m_store;
};

static constexpr int waitMs = 20000;

TestKeychainTokenStore::ReadResult TestKeychainTokenStore::readEntry(const QString &key)
{
    ReadResult result;
    m_store->read(key, this, [&result](const QByteArray &value, const AuthError &error) {
        result.called = true;
        result.value = value;
        result.error = error;
    });
    (void)QTest::qWaitFor([&] { return result.called; }, waitMs);
    return result;
}

AuthError TestKeychainTokenStore::writeEntry(const QString &key, const QByteArray &value,
                                             bool *called)
{
    AuthError result;
    *called = false;
    m_store->write(key, value, this, [&](const AuthError &error) {
        *called = true;
        result = error;
    });
    (void)QTest::qWaitFor([&] { return *called; }, waitMs);
    return result;
}

AuthError TestKeychainTokenStore::removeEntry(const QString &key, bool *called)
{
    AuthError result;
    *called = false;
    m_store->remove(key, this, [&](const AuthError &error) {
        *called = true;
        result = error;
    });
    (void)QTest::qWaitFor([&] { return *called; }, waitMs);
    return result;
}

QStringList TestKeychainTokenStore::items()
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                m_service});
    if (!tool.waitForFinished(waitMs))
        return {QStringLiteral("<secret-tool hung>")};
    // We only need the user attribute, which is the item name; where secret-tool prints which
    // line (stdout or stderr) has varied between versions.
    const QString output
            = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    QStringList names;
    static const QRegularExpression userLine(QStringLiteral("^attribute\\.user = (.*)$"),
                                             QRegularExpression::MultilineOption);
    auto it = userLine.globalMatch(output);
    while (it.hasNext())
        names.append(it.next().captured(1));
    names.sort();
    return names;
}

static QKeychain::Error runJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&finished] { finished = true; });
    job->start();
    (void)QTest::qWaitFor([&] { return finished; }, waitMs);
    const QKeychain::Error error = finished ? job->error() : QKeychain::OtherError;
    job->deleteLater();
    return error;
}

QKeychain::Error TestKeychainTokenStore::rawWrite(const QString &name, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setBinaryData(data);
    return runJob(job);
}

QKeychain::Error TestKeychainTokenStore::rawDelete(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    return runJob(job);
}

QByteArray TestKeychainTokenStore::randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    // Make sure NUL bytes are in there, also at the edges of a chunk.
    for (int i : {0, size / 2, KeychainTokenStore::chunkSize - 1, KeychainTokenStore::chunkSize,
                  size - 1}) {
        if (i >= 0 && i < size)
            bytes[i] = '\0';
    }
    return bytes;
}

QStringList TestKeychainTokenStore::expectedItems(const QString &key, int chunks)
{
    QStringList names {key};
    for (int i = 0; i < chunks; ++i)
        names.append(key + QLatin1Char('#') + QString::number(i));
    names.sort();
    return names;
}

void TestKeychainTokenStore::initTestCase()
{
    // Never touch a developer's own keyring: only the throwaway one from with-keyring.sh.
    if (qEnvironmentVariable("AUTHSESSION_TEST_KEYRING") != QLatin1String("1"))
        QSKIP("Needs the throwaway Secret Service of scripts/with-keyring.sh "
              "(AUTHSESSION_TEST_KEYRING=1 is not set); "
              "run: scripts/with-keyring.sh ctest -L keychain");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("DBUS_SESSION_BUS_ADDRESS is not set: no session bus, so no Secret Service to test "
              "against");
    if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
        QSKIP("secret-tool (libsecret-tools) is not installed");

    auto *write = new QKeychain::WritePasswordJob(m_service);
    write->setKey(QStringLiteral("probe"));
    write->setBinaryData(QByteArrayLiteral("probe"));
    const QKeychain::Error error = runJob(write);
    if (error != QKeychain::NoError)
        QSKIP(qPrintable(
                QStringLiteral("No Secret Service answers on the session bus (QtKeychain error %1)")
                        .arg(int(error))));
    QCOMPARE(items(), QStringList {QStringLiteral("probe")});
    QCOMPARE(rawDelete(QStringLiteral("probe")), QKeychain::NoError);
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::cleanup()
{
    m_store.reset();
    QProcess::execute(QStringLiteral("secret-tool"),
                      {QStringLiteral("clear"), QStringLiteral("server"), m_service});
}

void TestKeychainTokenStore::roundTrips_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunks");
    QTest::addRow("0 B") << 0 << 0;
    QTest::addRow("1 B") << 1 << 1;
    QTest::addRow("1,999 B") << 1999 << 1;
    QTest::addRow("2,000 B") << 2000 << 1;
    QTest::addRow("2,001 B") << 2001 << 2;
    QTest::addRow("16 KB") << 16 * 1024 << 9;
}

void TestKeychainTokenStore::roundTrips()
{
    QFETCH(int, size);
    QFETCH(int, chunks);
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const QByteArray value = randomBytes(size);
    const QByteArray copy(value.constData(), value.size());

    bool written = false;
    const AuthError writeError = writeEntry(m_key, value, &written);
    QVERIFY(written);
    QVERIFY2(!writeError.isError(), qPrintable(writeError.toString()));
    QCOMPARE(value, copy); // the store wipes its own buffers, never the caller's
    QCOMPARE(items(), expectedItems(m_key, chunks));

    // A second store (a new run of the application) reads it back.
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY2(!read.error.isError(), qPrintable(read.error.toString()));
    QCOMPARE(read.value.size(), size);
    QCOMPARE(read.value, value);
}

void TestKeychainTokenStore::storesChunksOfAtMostChunkSize()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const QByteArray value = randomBytes(4500);
    bool written = false;
    QVERIFY(!writeEntry(m_key, value, &written).isError());
    QVERIFY(written);

    // Read the items behind the store's back: chunk contents and the header's JSON.
    for (int i = 0; i < 3; ++i) {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(m_key + QLatin1Char('#') + QString::number(i));
        job->setAutoDelete(false);
        QCOMPARE(runJob(job), QKeychain::NoError);
        QCOMPARE(job->binaryData(),
                 value.mid(i * KeychainTokenStore::chunkSize, KeychainTokenStore::chunkSize));
    }
    auto *header = new QKeychain::ReadPasswordJob(m_service);
    header->setKey(m_key);
    header->setAutoDelete(false);
    QCOMPARE(runJob(header), QKeychain::NoError);
    const QByteArray json = header->binaryData();
    QVERIFY2(json.contains("\"chunks\":3"), json.constData());
    QVERIFY2(json.contains("\"size\":4500"), json.constData());
    QVERIFY2(json.contains("\"v\":1"), json.constData());
    QVERIFY2(json.contains(QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex()),
             json.constData());
}

void TestKeychainTokenStore::overwriteWithShorterValueLeavesNoStaleChunk()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool written = false;
    QVERIFY(!writeEntry(m_key, randomBytes(16 * 1024), &written).isError());
    QCOMPARE(items(), expectedItems(m_key, 9));

    const QByteArray shorter = randomBytes(10);
    QVERIFY(!writeEntry(m_key, shorter, &written).isError());
    QVERIFY(written);
    QCOMPARE(items(), expectedItems(m_key, 1));
    QCOMPARE(readEntry(m_key).value, shorter);

    QVERIFY(!writeEntry(m_key, QByteArray(), &written).isError());
    QCOMPARE(items(), expectedItems(m_key, 0));
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY(!read.error.isError());
    QVERIFY(read.value.isEmpty());
}

void TestKeychainTokenStore::corruptChunkIsDiscarded_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("garbage of the same length (QtKeychain)") << QStringLiteral("same-length");
    QTest::addRow("a longer chunk (QtKeychain)") << QStringLiteral("too-long");
    QTest::addRow("garbage text (secret-tool)") << QStringLiteral("secret-tool");
}

void TestKeychainTokenStore::corruptChunkIsDiscarded()
{
    QFETCH(QString, how);
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const QByteArray value = randomBytes(5000);
    bool written = false;
    QVERIFY(!writeEntry(m_key, value, &written).isError());
    QCOMPARE(items(), expectedItems(m_key, 3));

    const QString chunk1 = m_key + QStringLiteral("#1");
    if (how == QLatin1String("same-length")) {
        QCOMPARE(rawWrite(chunk1, randomBytes(KeychainTokenStore::chunkSize)), QKeychain::NoError);
    } else if (how == QLatin1String("too-long")) {
        QCOMPARE(rawWrite(chunk1, randomBytes(KeychainTokenStore::chunkSize + 1)),
                 QKeychain::NoError);
    } else {
        // Replace the item the way another program would: same attributes, but plain text.
        // secret-tool store only replaces an item whose attributes all match (type differs), so
        // clear the old one first.
        QCOMPARE(QProcess::execute(QStringLiteral("secret-tool"),
                                   {QStringLiteral("clear"), QStringLiteral("server"), m_service,
                                    QStringLiteral("user"), chunk1}),
                 0);
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("store"), QStringLiteral("--label=") + m_service,
                    QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain"),
                    QStringLiteral("server"), m_service, QStringLiteral("user"), chunk1,
                    QStringLiteral("type"), QStringLiteral("plaintext")});
        QVERIFY(tool.waitForStarted());
        tool.write("garbage");
        tool.closeWriteChannel();
        QVERIFY(tool.waitForFinished(waitMs));
        QCOMPARE(tool.exitCode(), 0);
    }
    QCOMPARE(items(), expectedItems(m_key, 3)); // replaced, not added

    QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("Discarding the corrupt keychain entry")));
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY2(!read.error.isError(), qPrintable(read.error.toString()));
    QVERIFY(read.value.isEmpty());
    QCOMPARE(items(), QStringList()); // the whole entry is gone
}

void TestKeychainTokenStore::corruptHeaderIsDiscarded_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addRow("not JSON") << QByteArrayLiteral("garbage\0\x01");
    QTest::addRow("too few chunks for the size")
            << QByteArrayLiteral(R"({"v":1,"chunks":1,"size":5000,"sha256":"00"})");
    QTest::addRow("wrong checksum") << QByteArrayLiteral(
            R"({"v":1,"chunks":3,"size":5000,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"})");
    QTest::addRow("wrong size") << QByteArrayLiteral(
            R"({"v":1,"chunks":3,"size":4999,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"})");
    QTest::addRow("unknown version") << QByteArrayLiteral(
            R"({"v":2,"chunks":3,"size":5000,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"})");
    QTest::addRow("absurd chunk count") << QByteArrayLiteral(
            R"({"v":1,"chunks":100000,"size":200000000,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"})");
}

void TestKeychainTokenStore::corruptHeaderIsDiscarded()
{
    QFETCH(QByteArray, header);
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool written = false;
    QVERIFY(!writeEntry(m_key, randomBytes(5000), &written).isError());
    QCOMPARE(rawWrite(m_key, header), QKeychain::NoError);

    QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("Discarding the corrupt keychain entry")));
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY(!read.error.isError());
    QVERIFY(read.value.isEmpty());
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::missingChunkIsDiscarded()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool written = false;
    QVERIFY(!writeEntry(m_key, randomBytes(5000), &written).isError());
    QCOMPARE(rawDelete(m_key + QStringLiteral("#1")), QKeychain::NoError);
    QCOMPARE(items().size(), 3);

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("chunk 1 of 3 is missing")));
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY(!read.error.isError());
    QVERIFY(read.value.isEmpty());
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::chunksWithoutHeaderAreDiscarded()
{
    // What a crash before the header was written leaves behind.
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool written = false;
    QVERIFY(!writeEntry(m_key, randomBytes(5000), &written).isError());
    QCOMPARE(rawDelete(m_key), QKeychain::NoError);

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("chunks without a header")));
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY(!read.error.isError());
    QVERIFY(read.value.isEmpty());
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::missingEntryIsEmptyWithoutError()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QVERIFY2(!read.error.isError(), qPrintable(read.error.toString()));
    QVERIFY(read.value.isEmpty());
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::removeLeavesNoItemBehind()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool done = false;
    QVERIFY(!writeEntry(m_key, randomBytes(16 * 1024), &done).isError());
    QCOMPARE(items(), expectedItems(m_key, 9));

    const AuthError error = removeEntry(m_key, &done);
    QVERIFY(done);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(items(), QStringList());
    const ReadResult read = readEntry(m_key);
    QVERIFY(!read.error.isError());
    QVERIFY(read.value.isEmpty());
}

void TestKeychainTokenStore::removeSweepsChunksOfACorruptHeader()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool done = false;
    QVERIFY(!writeEntry(m_key, randomBytes(16 * 1024), &done).isError());
    QCOMPARE(rawWrite(m_key, QByteArrayLiteral("{}")), QKeychain::NoError);
    QVERIFY(!removeEntry(m_key, &done).isError());
    QVERIFY(done);
    QCOMPARE(items(), QStringList());

    // Chunks with no header at all.
    QVERIFY(!writeEntry(m_key, randomBytes(5000), &done).isError());
    QCOMPARE(rawDelete(m_key), QKeychain::NoError);
    QVERIFY(!removeEntry(m_key, &done).isError());
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::removingAMissingEntryIsFine()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool done = false;
    const AuthError error = removeEntry(m_key, &done);
    QVERIFY(done);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void TestKeychainTokenStore::operationsCompleteInOrder()
{
    // Queued without waiting: each operation sees the effect of the ones before it.
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const QByteArray first = randomBytes(5000);
    const QByteArray second = randomBytes(300);
    QStringList log;
    QList<QByteArray> reads;
    m_store->write(m_key, first, this, [&](const AuthError &e) {
        log << (e.isError() ? QStringLiteral("write1 failed") : QStringLiteral("write1"));
    });
    m_store->read(m_key, this, [&](const QByteArray &v, const AuthError &) {
        log << QStringLiteral("read1");
        reads << v;
    });
    m_store->write(m_key, second, this, [&](const AuthError &e) {
        log << (e.isError() ? QStringLiteral("write2 failed") : QStringLiteral("write2"));
    });
    m_store->read(m_key, this, [&](const QByteArray &v, const AuthError &) {
        log << QStringLiteral("read2");
        reads << v;
    });
    m_store->remove(m_key, this, [&](const AuthError &) { log << QStringLiteral("remove"); });
    m_store->read(m_key, this, [&](const QByteArray &v, const AuthError &) {
        log << QStringLiteral("read3");
        reads << v;
    });
    QTRY_COMPARE_WITH_TIMEOUT(log.size(), 6, waitMs);
    QCOMPARE(log,
             (QStringList {QStringLiteral("write1"), QStringLiteral("read1"),
                           QStringLiteral("write2"), QStringLiteral("read2"),
                           QStringLiteral("remove"), QStringLiteral("read3")}));
    QCOMPARE(reads, (QList<QByteArray> {first, second, QByteArray()}));
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::callbacksNeverRunSynchronously()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    int calls = 0;
    m_store->write(m_key, randomBytes(10), this, [&](const AuthError &) { ++calls; });
    QCOMPARE(calls, 0);
    m_store->read(m_key, this, [&](const QByteArray &, const AuthError &) { ++calls; });
    QCOMPARE(calls, 0);
    m_store->remove(m_key, this, [&](const AuthError &) { ++calls; });
    QCOMPARE(calls, 0);
    // Even a call that fails before touching the keychain answers later.
    m_store->write(m_key, QByteArray(600 * 1024, 'x'), this, [&](const AuthError &e) {
        QCOMPARE(e.category(), ErrorCategory::Storage);
        ++calls;
    });
    QCOMPARE(calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 4, waitMs);
}

void TestKeychainTokenStore::destroyedContextGetsNoCallback()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool lateCall = false;
    auto *context = new QObject;
    m_store->write(m_key, randomBytes(3000), context, [&](const AuthError &) { lateCall = true; });
    m_store->read(m_key, context, [&](const QByteArray &, const AuthError &) { lateCall = true; });
    delete context;

    // The work still happens; only the callback is dropped.
    const ReadResult read = readEntry(m_key);
    QVERIFY(read.called);
    QCOMPARE(read.value.size(), 3000);

    // A context that dies while its operation waits in the queue behind a running one.
    context = new QObject;
    bool sentinel = false;
    m_store->remove(m_key, this, [&](const AuthError &) { delete context; });
    m_store->read(m_key, context, [&](const QByteArray &, const AuthError &) { lateCall = true; });
    m_store->read(m_key, this, [&](const QByteArray &, const AuthError &) { sentinel = true; });
    QTRY_VERIFY_WITH_TIMEOUT(sentinel, waitMs);
    QCoreApplication::processEvents();
    QVERIFY(!lateCall);
    QCOMPARE(items(), QStringList());
}

void TestKeychainTokenStore::destroyedStoreStopsQuietly()
{
    // Deleting the store with work in flight: no callback, no crash when the keychain answers.
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool called = false;
    m_store->write(m_key, randomBytes(5000), this, [&](const AuthError &) { called = true; });
    m_store->read(m_key, this, [&](const QByteArray &, const AuthError &) { called = true; });
    QTest::qWait(0); // let the first job start
    m_store.reset();
    // Run the event loop until the keychain has answered the started job; a fresh store's
    // operations queue behind it in QtKeychain's job executor.
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    bool removed = false;
    QVERIFY(!removeEntry(m_key, &removed).isError());
    QVERIFY(removed);
    QVERIFY(!called);
}

void TestKeychainTokenStore::keysAreIndependent()
{
    m_store = std::make_unique<KeychainTokenStore>(m_service);
    const QString other
            = TokenStore::entryKey(QStringLiteral("v1-auth"),
                                   QStringLiteral("api.example.com:8443"), QStringLiteral("jöhn"));
    const QByteArray a = randomBytes(2500);
    const QByteArray b = randomBytes(2500);
    bool done = false;
    QVERIFY(!writeEntry(m_key, a, &done).isError());
    QVERIFY(!writeEntry(other, b, &done).isError());
    QVERIFY(!removeEntry(m_key, &done).isError());
    QCOMPARE(items(), expectedItems(other, 2));
    QCOMPARE(readEntry(other).value, b);
    QVERIFY(readEntry(m_key).value.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"
