// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/profile.h>

#include <QObject>
#include <QUrl>

#include <memory>

namespace AuthSession {

class SandboxServer;

/*!
 * \class AuthSession::SandboxMode
 * `authsession-login --sandbox`: the SandboxServer inside the app on a loopback port, playing every
 * profile the app knows. The port of the last run is tried first so that a session kept in the
 * keychain (keyed by host and port) can be restored on the next start; any free port otherwise.
 *
 * \code
 * SandboxMode sandbox;
 * if (!sandbox.start(profiles, 3)) return 1;
 * session.setBaseUrl(sandbox.baseUrl(QStringLiteral("v1-auth")));   // sign in with demo / demo
 * \endcode
 */
class SandboxMode : public QObject
{
    Q_OBJECT
public:
    explicit SandboxMode(QObject *parent = nullptr);
    ~SandboxMode() override;

    //! Starts the server with \a profiles (built-ins are always there); \a accessTtl > 0 sets the
    //! access-token lifetime in seconds. False when it cannot listen.
    bool start(const QList<Profile> &profiles, int accessTtl);
    QUrl baseUrl(const QString &profileId) const;
    //! The profiles the sandbox plays (those it could load).
    QStringList profileIds() const;
    SandboxServer *server() const;

    //! The environment name every profile gets ("Local sandbox"); an identifier kept in the
    //! preferences, so not translated.
    static QString environmentName();
    static QString demoUsername();
    static QString demoPassword();

private:
    std::unique_ptr<SandboxServer> m_server;
};

} // namespace AuthSession
