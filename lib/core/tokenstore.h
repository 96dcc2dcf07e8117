// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/autherror.h>

#include <QObject>
#include <QPointer>

#include <functional>

namespace AuthSession {

/*!
 * \class AuthSession::TokenStore
 * Where a kept session lives between runs. Entries are keyed by profile, environment host and
 * account (entryKey()); values are opaque bytes (the Session writes JSON). Every operation is
 * asynchronous and calls its callback later, never before the call returns, and never after
 * \a context is destroyed.
 *
 * Implementations: KeychainTokenStore (the OS keychain through QtKeychain) and MemoryTokenStore.
 *
 * \code
 * store->read(TokenStore::entryKey(QStringLiteral("v1-auth"), QStringLiteral("api.example.com"), user), this,
 *             [](const QByteArray &value, const AuthError &error) { ... });
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT TokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QByteArray &value, const AuthError &error)>;
    using DoneCallback = std::function<void(const AuthError &error)>;

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    //! Reads the entry \a key. A missing entry is an empty value with no error; a corrupt one is
    //! discarded (removed) and reported as empty with no error. Failures are Storage errors.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    //! Writes \a value under \a key, replacing what was there.
    virtual void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) = 0;
    //! Removes the entry \a key and everything that belongs to it. Removing a missing entry is fine.
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;

    //! "authsession/<profileId>/<host[:port]>/<account>", the key the Session uses.
    static QString entryKey(const QString &profileId, const QString &host, const QString &account);
};

} // namespace AuthSession
