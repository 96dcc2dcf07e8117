// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "signinoptions.h"
#include <AuthSession/trackingtokenstore.h>

#include <AuthSession/session.h>

#include <QObject>

#include <memory>

namespace AuthSession {

class KeychainTokenStore;
class SessionReply;

namespace Cli {

/*!
 * A Session driven synchronously, for a program that does one thing and exits: each call runs the
 * event loop until the Session has answered and returns the error (NoError on success). With
 * useKeychain() the session is kept in the OS keychain (service "AuthSession"); flush() waits until
 * every write has reached it.
 *
 * \code
 * SessionRunner runner(target);
 * runner.useKeychain();
 * if (AuthError e = runner.restore(); e.isError()) return Output::fail(e);
 * \endcode
 */
class SessionRunner : public QObject
{
    Q_OBJECT
public:
    explicit SessionRunner(const Target &target, QObject *parent = nullptr);
    ~SessionRunner() override;

    Session &session() { return m_session; }
    const Target &target() const { return m_target; }

    //! Keep the session in the OS keychain and restore it from there.
    void useKeychain();
    bool usesKeychain() const { return m_store != nullptr; }

    AuthError signIn(const Credentials &credentials);
    //! Restores the kept session (maybe after a silent refresh). \a found is false when nothing
    //! usable was kept (the error is then NoError).
    AuthError restore(bool *found);
    //! A valid access token in \a token (refreshing first when needed).
    AuthError freshToken(QString *token);
    //! Sends an authorized request to baseUrl + \a path; the finished reply is in \a reply.
    AuthError send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QByteArray &contentType, std::unique_ptr<SessionReply> *reply);
    //! Signs out (server request where the profile has one), then removes the kept entry.
    AuthError signOut();
    //! Removes the kept entry of this account whatever state the session is in.
    AuthError removeEntry();
    //! Waits until every token-store operation has finished; the first store error, if any.
    AuthError flush();

private:
    int guardTimeoutMs() const;
    QString entryKey() const;

    Target m_target;
    // The stores outlive the Session, which may still use them while it is destroyed.
    std::unique_ptr<KeychainTokenStore> m_keychain;
    std::unique_ptr<TrackingTokenStore> m_store;
    Session m_session;
    AuthError m_storageError;
};

} // namespace Cli
} // namespace AuthSession
