// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/tokenstore.h>

namespace AuthSession {

/*!
 * \class AuthSession::FlushingTokenStore
 * Passes every call on to another TokenStore (the keychain) and counts the ones still running, so
 * that quitting right after a sign-in or sign-out can wait for the keychain to finish writing instead
 * of losing the kept session.
 *
 * \code
 * KeychainTokenStore keychain;
 * FlushingTokenStore store(&keychain);
 * session.setTokenStore(&store);
 * const int code = app.exec();
 * store.waitUntilIdle(5000);
 * \endcode
 */
class FlushingTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit FlushingTokenStore(TokenStore *inner, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    int pending() const { return m_pending; }
    //! Runs the event loop until no call is running or \a ms pass; false on timeout.
    bool waitUntilIdle(int ms);

Q_SIGNALS:
    void idle();

private:
    void finished();

    TokenStore *m_inner;
    int m_pending = 0;
};

} // namespace AuthSession
