// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "keychaintokenstore.h"

#include "secrets_p.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>

#include <deque>
#include <memory>
#include <optional>

namespace AuthSession {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "authsession.core.keychain", QtInfoMsg)

// 512,000 bytes: far above any token set, low enough that a corrupt header cannot make us walk
// thousands of items.
constexpr int maxChunks = 256;
constexpr int headerVersion = 1;

// What a QtKeychain result means for us. Only Unavailable may switch to the plain-text fallback:
// a keychain that refuses access must not be bypassed silently.
enum class Outcome { Ok, Missing, Unavailable, Denied, Failed };

Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Outcome::Ok;
    case QKeychain::EntryNotFound:
        return Outcome::Missing;
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError: // libsecret reports "cannot connect to the bus" this way
        return Outcome::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Outcome::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        return Outcome::Failed;
    }
    return Outcome::Failed;
}

QString chunkName(const QString &key, int index)
{
    return key + QLatin1Char('#') + QString::number(index);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

int chunkCountFor(qsizetype size)
{
    return int((size + KeychainTokenStore::chunkSize - 1) / KeychainTokenStore::chunkSize);
}

struct Header {
    int chunks = 0;
    qint64 size = 0;
    QByteArray sha256;
};

QByteArray headerJson(const Header &header)
{
    QJsonObject o;
    o.insert(QLatin1String("v"), headerVersion);
    o.insert(QLatin1String("chunks"), header.chunks);
    o.insert(QLatin1String("size"), header.size);
    o.insert(QLatin1String("sha256"), QString::fromLatin1(header.sha256));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<qint64> integerField(const QJsonObject &o, QLatin1String name)
{
    const QJsonValue v = o.value(name);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 1e12 || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

// Everything in the header is checked against everything else, so that a header from another
// program, a truncated one or one whose chunks do not add up is never used to read chunks.
std::optional<Header> parseHeader(const QByteArray &json, QString *why)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *why = QStringLiteral("the header is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const auto version = integerField(o, QLatin1String("v"));
    const auto chunks = integerField(o, QLatin1String("chunks"));
    const auto size = integerField(o, QLatin1String("size"));
    const QByteArray sha = o.value(QLatin1String("sha256")).toString().toLatin1();
    if (version != headerVersion) {
        *why = QStringLiteral("unknown header version");
        return std::nullopt;
    }
    if (!chunks || !size || *chunks > maxChunks || *chunks != chunkCountFor(*size)) {
        *why = QStringLiteral("inconsistent chunk count or size in the header");
        return std::nullopt;
    }
    if (sha.size() != 64 || QByteArray::fromHex(sha).toHex() != sha) {
        *why = QStringLiteral("malformed checksum in the header");
        return std::nullopt;
    }
    return Header {int(*chunks), *size, sha};
}

using JobDone
        = std::function<void(QKeychain::Error error, const QString &errorString, QByteArray data)>;

} // namespace

class KeychainOperation;

class KeychainTokenStorePrivate {
public:
    KeychainTokenStorePrivate(KeychainTokenStore *q, const QString &service)
        : q(q)
        , service(service)
    {
    }

    void enqueue(std::shared_ptr<KeychainOperation> operation);
    void startNext();

    void startJob(QKeychain::Job *job, const QString &name, JobDone done);
    void readItem(const QString &name, JobDone done);
    void writeItem(const QString &name, const QByteArray &data, JobDone done);
    void deleteItem(const QString &name, JobDone done);

    bool loadFallback(QJsonObject *entries, QString *why) const;
    bool saveFallback(const QJsonObject &entries, QString *why) const;

    KeychainTokenStore *const q;
    const QString service;
    QString fallbackFile;
    // Operations run one after another: QtKeychain serialises single jobs, but an entry takes
    // several jobs, and a read must not see half of a write queued before it.
    std::deque<std::shared_ptr<KeychainOperation>> pending;
    bool running = false;
};

void KeychainTokenStorePrivate::startJob(QKeychain::Job *job, const QString &name, JobDone done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    // The store is the receiver: once it is gone the chain stops. Jobs have no parent on purpose:
    // libsecret keeps a raw pointer to a running job, so it must delete itself when finished.
    QObject::connect(job, &QKeychain::Job::finished, q,
                     [done = std::move(done)](QKeychain::Job *job) {
                         QByteArray data;
                         if (job->error() == QKeychain::NoError) {
                             if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
                                 data = read->binaryData();
                         }
                         done(job->error(), job->errorString(), std::move(data));
                     });
    job->start();
}

void KeychainTokenStorePrivate::readItem(const QString &name, JobDone done)
{
    startJob(new QKeychain::ReadPasswordJob(service), name, std::move(done));
}

void KeychainTokenStorePrivate::writeItem(const QString &name, const QByteArray &data, JobDone done)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setBinaryData(data);
    startJob(job, name, std::move(done));
}

void KeychainTokenStorePrivate::deleteItem(const QString &name, JobDone done)
{
    startJob(new QKeychain::DeletePasswordJob(service), name, std::move(done));
}

bool KeychainTokenStorePrivate::loadFallback(QJsonObject *entries, QString *why) const
{
    *entries = {};
    QFile file(fallbackFile);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    QByteArray raw = file.readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    Secrets::wipe(raw);
    if (!doc.isObject())
        qCWarning(lcKeychain).noquote() << "The plain-text fallback file" << fallbackFile
                                        << "is not valid JSON; ignoring its content";
    else
        *entries = doc.object();
    return true;
}

bool KeychainTokenStorePrivate::saveFallback(const QJsonObject &entries, QString *why) const
{
    const QFileInfo info(fallbackFile);
    QDir().mkpath(info.absolutePath());
    QSaveFile file(fallbackFile);
    if (!file.open(QIODevice::WriteOnly)) {
        *why = file.errorString();
        return false;
    }
    // Restrict the temporary file before a single byte goes in; the rename keeps its mode.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray json = QJsonDocument(entries).toJson(QJsonDocument::Compact);
    const bool written = file.write(json) == json.size();
    Secrets::wipe(json);
    if (!written || !file.commit()) {
        *why = file.errorString();
        return false;
    }
    QFile::setPermissions(fallbackFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

// One read, write or remove: a chain of keychain jobs, each started from the previous one's
// finished signal. Holds the only copies of secret bytes it makes and wipes them when done.
class KeychainOperation : public std::enable_shared_from_this<KeychainOperation> {
public:
    enum class Kind { Read, Write, Remove };

    KeychainOperation(KeychainTokenStorePrivate *d, Kind kind, const QString &key, QObject *context)
        : d(d)
        , kind(kind)
        , key(key)
        , context(context ? context : d->q)
    {
    }
    ~KeychainOperation()
    {
        Secrets::wipe(value);
        Secrets::wipe(chunk);
    }

    void start();

    TokenStore::ReadCallback readDone;
    TokenStore::DoneCallback done;
    QByteArray value; // Write: a private deep copy of the value. Read: the value being assembled.

private:
    static const char *kindName(Kind kind);
    QString action() const;
    AuthError storageError(Outcome outcome) const;

    // read
    void onHeaderRead(QKeychain::Error error, const QString &errorString, QByteArray data);
    void readChunk(int index);
    void verify();
    void discard(const QString &why);
    // write
    void writeChunk(int index);
    void writeHeader();
    // remove, and the clean-up after writes and discards
    void removeFrom(QKeychain::Error error, const QString &errorString, QByteArray data);
    void deleteHeaderAndChunks(int knownChunks);
    void deleteRange(int index, int end, std::function<void()> then);
    void sweep(int index);
    void cleanupFailed(QKeychain::Error error, const QString &errorString);

    void failed(QKeychain::Error error, const QString &errorString);
    void runFallback();
    void dropFromFallback();
    void finish(const AuthError &error = {});

    KeychainTokenStorePrivate *const d;
    const Kind kind;
    const QString key;
    const QPointer<QObject> context;
    Header header;
    int oldChunks = 0;
    QByteArray chunk;
    bool discarding = false;
    bool usedFallback = false;
};

const char *KeychainOperation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Read:
        return "read";
    case Kind::Write:
        return "write";
    case Kind::Remove:
        return "remove";
    }
    return "?";
}

QString KeychainOperation::action() const
{
    return QString::fromLatin1(kindName(kind));
}

AuthError KeychainOperation::storageError(Outcome outcome) const
{
    QString reason;
    switch (outcome) {
    case Outcome::Unavailable:
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
        reason = KeychainTokenStore::tr("No Secret Service or KWallet is running.");
#else
        reason = KeychainTokenStore::tr("It did not answer.");
#endif
        break;
    case Outcome::Denied:
        reason = KeychainTokenStore::tr("It is locked or refused access.");
        break;
    default:
        reason = KeychainTokenStore::tr("It reported an error.");
        break;
    }
    QString consequence;
    switch (kind) {
    case Kind::Read:
        consequence = KeychainTokenStore::tr(
                "A saved sign-in cannot be restored; please sign in again.");
        break;
    case Kind::Write:
        consequence = KeychainTokenStore::tr("Your sign-in is kept for this session only.");
        break;
    case Kind::Remove:
        consequence = KeychainTokenStore::tr("A saved sign-in may remain in the keychain.");
        break;
    }
    return AuthError(ErrorCategory::Storage, reason + QLatin1Char(' ') + consequence);
}

void KeychainOperation::start()
{
    auto self = shared_from_this();
    switch (kind) {
    case Kind::Read:
        d->readItem(key, [self](QKeychain::Error e, const QString &s, QByteArray data) {
            self->onHeaderRead(e, s, std::move(data));
        });
        break;
    case Kind::Write:
        if (value.size() > qsizetype(maxChunks) * KeychainTokenStore::chunkSize) {
            qCWarning(lcKeychain).noquote()
                    << "Not writing" << key << "- the value exceeds" << maxChunks << "chunks";
            finish(AuthError(
                    ErrorCategory::Storage,
                    KeychainTokenStore::tr("The sign-in data is too large for the keychain.")));
            return;
        }
        header = Header {chunkCountFor(value.size()), value.size(), sha256Hex(value)};
        // Reading the old header first tells us how many old chunks to clean up afterwards, and
        // finds an unavailable keychain before anything is written.
        d->readItem(key, [self](QKeychain::Error e, const QString &s, QByteArray data) {
            const Outcome outcome = outcomeOf(e);
            if (outcome == Outcome::Ok) {
                QString why;
                if (const auto old = parseHeader(data, &why))
                    self->oldChunks = old->chunks;
            } else if (outcome != Outcome::Missing) {
                self->failed(e, s);
                return;
            }
            Secrets::wipe(data);
            self->writeChunk(0);
        });
        break;
    case Kind::Remove:
        d->readItem(key, [self](QKeychain::Error e, const QString &s, QByteArray data) {
            self->removeFrom(e, s, std::move(data));
        });
        break;
    }
}

void KeychainOperation::onHeaderRead(QKeychain::Error error, const QString &errorString,
                                     QByteArray data)
{
    switch (outcomeOf(error)) {
    case Outcome::Missing: {
        // No header, but chunks left by a write that died before its header: secret bytes nobody
        // can use. Look at the first one only, so that a plain miss costs one extra lookup.
        auto self = shared_from_this();
        d->readItem(chunkName(key, 0),
                    [self](QKeychain::Error e, const QString &, QByteArray orphan) {
                        Secrets::wipe(orphan);
                        if (e == QKeychain::NoError) {
                            self->discard(QStringLiteral("chunks without a header"));
                        } else {
                            qCDebug(lcKeychain).noquote() << "No keychain entry" << self->key;
                            self->finish();
                        }
                    });
        return;
    }
    case Outcome::Ok:
        break;
    default:
        failed(error, errorString);
        return;
    }
    QString why;
    const auto parsed = parseHeader(data, &why);
    Secrets::wipe(data);
    if (!parsed) {
        discard(why);
        return;
    }
    header = *parsed;
    value.reserve(header.size);
    readChunk(0);
}

void KeychainOperation::readChunk(int index)
{
    if (index == header.chunks) {
        verify();
        return;
    }
    auto self = shared_from_this();
    d->readItem(
            chunkName(key, index),
            [self, index](QKeychain::Error e, const QString &s, QByteArray data) {
                const Outcome outcome = outcomeOf(e);
                if (outcome == Outcome::Missing) {
                    self->discard(QStringLiteral("chunk %1 of %2 is missing")
                                          .arg(index)
                                          .arg(self->header.chunks));
                    return;
                }
                if (outcome != Outcome::Ok) {
                    self->failed(e, s);
                    return;
                }
                const bool fits = data.size() <= KeychainTokenStore::chunkSize
                        && self->value.size() + data.size() <= self->header.size;
                if (fits)
                    self->value.append(data.constData(),
                                       data.size()); // a copy, never a shared buffer
                Secrets::wipe(data); // also wipes the finished job's copy: they share the buffer
                if (!fits) {
                    self->discard(
                            QStringLiteral("chunk %1 is larger than the header says").arg(index));
                    return;
                }
                self->readChunk(index + 1);
            });
}

void KeychainOperation::verify()
{
    if (value.size() != header.size) {
        discard(QStringLiteral("size %1 instead of %2").arg(value.size()).arg(header.size));
        return;
    }
    if (sha256Hex(value) != header.sha256) {
        discard(QStringLiteral("checksum mismatch"));
        return;
    }
    qCDebug(lcKeychain).noquote() << "Read keychain entry" << key << "in" << header.chunks
                                  << "chunks";
    finish();
}

void KeychainOperation::discard(const QString &why)
{
    qCWarning(lcKeychain).noquote() << "Discarding the corrupt keychain entry" << key << "-" << why;
    Secrets::wipe(value);
    discarding = true;
    deleteHeaderAndChunks(header.chunks);
}

void KeychainOperation::writeChunk(int index)
{
    if (index == header.chunks) {
        writeHeader();
        return;
    }
    const qsizetype offset = qsizetype(index) * KeychainTokenStore::chunkSize;
    // A deep copy: mid() may share the caller's buffer, which we must not wipe.
    chunk = QByteArray(value.constData() + offset,
                       qMin<qsizetype>(KeychainTokenStore::chunkSize, value.size() - offset));
    auto self = shared_from_this();
    d->writeItem(chunkName(key, index), chunk,
                 [self, index](QKeychain::Error e, const QString &s, QByteArray) {
                     Secrets::wipe(self->chunk);
                     if (e != QKeychain::NoError) {
                         self->failed(e, s);
                         return;
                     }
                     self->writeChunk(index + 1);
                 });
}

void KeychainOperation::writeHeader()
{
    // The header goes last: until it is replaced, a reader sees the old header, whose checksum no
    // longer matches once a chunk has been overwritten, so a half-done write is never trusted.
    auto self = shared_from_this();
    d->writeItem(key, headerJson(header), [self](QKeychain::Error e, const QString &s, QByteArray) {
        if (e != QKeychain::NoError) {
            self->failed(e, s);
            return;
        }
        qCInfo(lcKeychain).noquote()
                << "Wrote keychain entry" << self->key << "in" << self->header.chunks << "chunks";
        Secrets::wipe(self->value);
        // Chunks of an older, longer value.
        self->deleteRange(self->header.chunks, self->oldChunks,
                          [self] { self->sweep(qMax(self->header.chunks, self->oldChunks)); });
    });
}

void KeychainOperation::removeFrom(QKeychain::Error error, const QString &errorString,
                                   QByteArray data)
{
    const Outcome outcome = outcomeOf(error);
    int knownChunks = 0;
    if (outcome == Outcome::Ok) {
        QString why;
        if (const auto parsed = parseHeader(data, &why))
            knownChunks = parsed->chunks;
    } else if (outcome != Outcome::Missing) {
        Secrets::wipe(data);
        failed(error, errorString);
        return;
    }
    Secrets::wipe(data);
    if (outcome == Outcome::Missing) {
        sweep(0);
        return;
    }
    deleteHeaderAndChunks(knownChunks);
}

void KeychainOperation::deleteHeaderAndChunks(int knownChunks)
{
    // Header first: if we stop half-way, what remains has no header and reads as missing.
    auto self = shared_from_this();
    d->deleteItem(key, [self, knownChunks](QKeychain::Error e, const QString &s, QByteArray) {
        if (e != QKeychain::NoError && e != QKeychain::EntryNotFound) {
            self->cleanupFailed(e, s);
            return;
        }
        self->deleteRange(0, knownChunks, [self, knownChunks] { self->sweep(knownChunks); });
    });
}

void KeychainOperation::deleteRange(int index, int end, std::function<void()> then)
{
    if (index >= end) {
        then();
        return;
    }
    auto self = shared_from_this();
    d->deleteItem(chunkName(key, index),
                  [self, index, end, then = std::move(then)](QKeychain::Error e, const QString &s,
                                                             QByteArray) mutable {
                      if (e != QKeychain::NoError && e != QKeychain::EntryNotFound) {
                          self->cleanupFailed(e, s);
                          return;
                      }
                      self->deleteRange(index + 1, end, std::move(then));
                  });
}

// The safety net: chunks nobody counted (an older header was lost or corrupt). Deleting a missing
// item succeeds in QtKeychain's libsecret backend, so a read tells us where the chunks end.
void KeychainOperation::sweep(int index)
{
    if (index >= maxChunks) {
        finish();
        return;
    }
    auto self = shared_from_this();
    d->readItem(chunkName(key, index),
                [self, index](QKeychain::Error e, const QString &s, QByteArray data) {
                    Secrets::wipe(data);
                    if (e == QKeychain::EntryNotFound) {
                        if (self->kind == Kind::Remove)
                            qCInfo(lcKeychain).noquote() << "Removed keychain entry" << self->key;
                        self->finish();
                        return;
                    }
                    if (e != QKeychain::NoError) {
                        self->cleanupFailed(e, s);
                        return;
                    }
                    qCDebug(lcKeychain).noquote()
                            << "Removing stray chunk" << index << "of" << self->key;
                    self->d->deleteItem(
                            chunkName(self->key, index),
                            [self, index](QKeychain::Error e, const QString &s, QByteArray) {
                                if (e != QKeychain::NoError && e != QKeychain::EntryNotFound) {
                                    self->cleanupFailed(e, s);
                                    return;
                                }
                                self->sweep(index + 1);
                            });
                });
}

// A failure while removing items. For a remove that is the caller's error; after a successful
// write or while discarding a corrupt entry the result stands and leftovers are only logged.
void KeychainOperation::cleanupFailed(QKeychain::Error error, const QString &errorString)
{
    if (kind == Kind::Remove) {
        failed(error, errorString);
        return;
    }
    qCWarning(lcKeychain).noquote()
            << "Could not remove old items of keychain entry" << key << "-" << errorString;
    finish();
}

void KeychainOperation::failed(QKeychain::Error error, const QString &errorString)
{
    const Outcome outcome = outcomeOf(error);
    qCWarning(lcKeychain).noquote()
            << "Keychain" << action() << "of" << key << "failed:" << errorString
            << QStringLiteral("(QtKeychain error %1)").arg(int(error));
    if (discarding) {
        // The entry is not trusted whatever happens to its removal.
        finish();
        return;
    }
    if (outcome == Outcome::Unavailable && !d->fallbackFile.isEmpty()) {
        runFallback();
        return;
    }
    finish(storageError(outcome));
}

void KeychainOperation::runFallback()
{
    qCWarning(lcKeychain).noquote() << "INSECURE: the keychain is unavailable, so the" << action()
                                    << "of" << key << "uses the plain-text file" << d->fallbackFile
                                    << "- anyone who can read that file can use this sign-in";
    usedFallback = true;
    QJsonObject entries;
    QString why;
    if (!d->loadFallback(&entries, &why)) {
        qCWarning(lcKeychain).noquote() << "Cannot read the plain-text fallback file:" << why;
        finish(storageError(Outcome::Failed));
        return;
    }
    switch (kind) {
    case Kind::Read: {
        Secrets::wipe(value); // chunks read before the keychain went away
        QByteArray encoded = entries.value(key).toString().toLatin1();
        value = QByteArray::fromBase64(encoded);
        Secrets::wipe(encoded);
        finish();
        return;
    }
    case Kind::Write: {
        QByteArray encoded = value.toBase64();
        entries.insert(key, QString::fromLatin1(encoded));
        Secrets::wipe(encoded);
        Secrets::wipe(value);
        const bool saved = d->saveFallback(entries, &why);
        if (!saved)
            qCWarning(lcKeychain).noquote() << "Cannot write the plain-text fallback file:" << why;
        finish(saved ? AuthError() : storageError(Outcome::Failed));
        return;
    }
    case Kind::Remove:
        if (entries.contains(key)) {
            entries.remove(key);
            if (!d->saveFallback(entries, &why)) {
                qCWarning(lcKeychain).noquote()
                        << "Cannot write the plain-text fallback file:" << why;
                finish(storageError(Outcome::Failed));
                return;
            }
        }
        finish();
        return;
    }
    finish();
}

void KeychainOperation::dropFromFallback()
{
    if (d->fallbackFile.isEmpty() || !QFile::exists(d->fallbackFile))
        return;
    QJsonObject entries;
    QString why;
    if (!d->loadFallback(&entries, &why) || !entries.contains(key))
        return;
    entries.remove(key);
    if (d->saveFallback(entries, &why))
        qCInfo(lcKeychain).noquote()
                << "Removed" << key
                << "from the plain-text fallback file; the keychain holds it now";
}

void KeychainOperation::finish(const AuthError &error)
{
    // An entry the keychain holds again must not linger in the plain-text file.
    if (!error.isError() && !discarding && !usedFallback && kind != Kind::Read)
        dropFromFallback();
    if (context) {
        if (kind == Kind::Read) {
            QByteArray result = error.isError() || discarding ? QByteArray() : std::move(value);
            value = QByteArray();
            QMetaObject::invokeMethod(
                    context, [done = readDone, result, error] { done(result, error); },
                    Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                    context, [done = done, error] { done(error); }, Qt::QueuedConnection);
        }
    }
    // Last: this may start the next operation and release this one.
    d->startNext();
}

void KeychainTokenStorePrivate::enqueue(std::shared_ptr<KeychainOperation> operation)
{
    pending.push_back(std::move(operation));
    if (!running)
        startNext();
}

void KeychainTokenStorePrivate::startNext()
{
    if (pending.empty()) {
        running = false;
        return;
    }
    running = true;
    const std::shared_ptr<KeychainOperation> operation = std::move(pending.front());
    pending.pop_front();
    operation->start();
}

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent)
    , d(std::make_unique<KeychainTokenStorePrivate>(this, service))
{
}

KeychainTokenStore::~KeychainTokenStore() = default;

QString KeychainTokenStore::service() const
{
    return d->service;
}

void KeychainTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto operation = std::make_shared<KeychainOperation>(d.get(), KeychainOperation::Kind::Read,
                                                         key, context);
    operation->readDone = std::move(done);
    d->enqueue(std::move(operation));
}

void KeychainTokenStore::write(const QString &key, const QByteArray &value, QObject *context,
                               DoneCallback done)
{
    auto operation = std::make_shared<KeychainOperation>(d.get(), KeychainOperation::Kind::Write,
                                                         key, context);
    // A private deep copy, so that wiping it never touches the caller's (shared) buffer.
    operation->value = QByteArray(value.constData(), value.size());
    operation->done = std::move(done);
    d->enqueue(std::move(operation));
}

void KeychainTokenStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto operation = std::make_shared<KeychainOperation>(d.get(), KeychainOperation::Kind::Remove,
                                                         key, context);
    operation->done = std::move(done);
    d->enqueue(std::move(operation));
}

void KeychainTokenStore::enableInsecurePlainTextFallback(const QString &fileName)
{
    d->fallbackFile = fileName;
    if (!fileName.isEmpty())
        qCWarning(lcKeychain).noquote()
                << "INSECURE plain-text fallback enabled:" << fileName
                << "will hold sign-ins unencrypted whenever the keychain is unavailable";
}

} // namespace AuthSession
