// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/tokenstore.h>

#include <QPointer>

namespace AuthSession {

/*!
 * \class AuthSession::TrackingTokenStore
 * Forwards to another TokenStore (the OS keychain) and counts the operations still running, so a
 * program can wait for the Session's last write before it exits (a command line tool after each
 * command, an app on quit): a rotated refresh token that never reached the keychain would lock the
 * user out of the next run.
 *
 * \code
 * KeychainTokenStore keychain(QStringLiteral("AuthSession"));
 * TrackingTokenStore store(&keychain);
 * session.setTokenStore(&store);
 * ...
 * store.waitForIdle();
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT TrackingTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit TrackingTokenStore(TokenStore *target, QObject *parent = nullptr);
    ~TrackingTokenStore() override;

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    //! Operations started and not finished yet.
    int pending() const { return m_pending; }
    //! Runs the event loop until no operation is pending (at most \a timeoutMs).
    bool waitForIdle(int timeoutMs = 30000);
    //! The last key the Session used (its entry for the account).
    QString lastKey() const { return m_lastKey; }
    //! The first error an operation reported since the last clearError().
    AuthError error() const { return m_error; }
    void clearError() { m_error = {}; }

Q_SIGNALS:
    void idle();

private:
    void finish(const AuthError &error);

    QPointer<TokenStore> m_target;
    int m_pending = 0;
    QString m_lastKey;
    AuthError m_error;
};

} // namespace AuthSession
