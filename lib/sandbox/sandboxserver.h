// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionsandbox_export.h>
#include <AuthSession/profile.h>
#include <AuthSession/sandboxfault.h>

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class QSslConfiguration;

namespace AuthSession {

class SandboxServerPrivate;

/*!
 * \class AuthSession::SandboxServer
 * A local HTTP server that plays every login API described by a provider profile: it reads the
 * same profile the client reads and answers its sign-in, external sign-in, refresh, sign-out and
 * probe requests the way the real provider would, with users, token lifetimes, a settable clock
 * skew, fault injection and request counters. All built-in profiles and the default users
 * (demo/demo, alice/wonderland, locked/locked) are loaded on construction.
 *
 * Each profile lives under its own path prefix on one port: the base URL of profile "datarhei-core"
 * is http://127.0.0.1:PORT/datarhei-core. Any path under a prefix that is not one of the profile's
 * requests is a protected resource answering 200 with a valid access token and the profile's
 * "unauthorized" answer without one. /_admin offers the counters, faults, config and revocation
 * over HTTP (see adminUrl()).
 *
 * \code
 * SandboxServer server;
 * server.setAccessTokenLifetime(2);
 * server.listen();                                  // 127.0.0.1, a free port
 * RequestBuilder builder(profile, server.baseUrl(profile.id));
 * server.addFault(SandboxFault::parse(QStringLiteral("kind=status,status=503,endpoint=refresh")));
 * ... run the client ...
 * QCOMPARE(server.count(profile.id, QStringLiteral("refresh")), 1);
 * \endcode
 */
class AUTHSESSIONSANDBOX_EXPORT SandboxServer : public QObject
{
    Q_OBJECT
public:
    //! A server with every built-in profile and the default users; call listen() to start it.
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    //! Adds \a profile, or replaces the one with the same id. Returns false for an invalid profile.
    bool addProfile(const Profile &profile);
    //! The profiles the server plays, in id order.
    QList<Profile> profiles() const;
    //! The profile called \a id, or nullptr.
    const Profile *profile(const QString &id) const;

    //! Replaces the users with those in \a fileName (the users.json format); false and *error on failure.
    bool loadUsers(const QString &fileName, QString *error = nullptr);
    //! Replaces the users with \a json ({"users": [{"username", "password", "profile", "locked",
    //! "passwordExpiresAt", "externalTokens"}]}); false and *error when it is malformed.
    bool setUsers(const QJsonObject &json, QString *error = nullptr);
    //! The user names known to the server.
    QStringList userNames() const;

    //! Lifetime of issued access tokens in seconds (default 300).
    int accessTokenLifetime() const;
    void setAccessTokenLifetime(int seconds);
    //! Lifetime of issued refresh tokens in seconds (default 3600).
    int refreshTokenLifetime() const;
    void setRefreshTokenLifetime(int seconds);
    //! Seconds the server's clock runs ahead of the real one (negative: behind). Default 0.
    int clockSkew() const;
    void setClockSkew(int seconds);

    /*!
     * Makes the next listen() serve HTTPS with \a configuration (its local certificate and private
     * key; a QSslConfiguration with a null certificate switches back to plain HTTP). Base URLs then
     * start with https://. For TLS tests: the client must trust the certificate's issuer.
     * \code
     * QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
     * tls.setLocalCertificate(cert);
     * tls.setPrivateKey(key);
     * server.setTlsConfiguration(tls);
     * server.listen();                                  // https://127.0.0.1:PORT/...
     * \endcode
     */
    void setTlsConfiguration(const QSslConfiguration &configuration);
    //! True when listen() serves (or will serve) HTTPS.
    bool isTls() const;
    //! Starts listening; returns the port, 0 on failure. Port 0 picks a free port.
    quint16 listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    //! The port listened on, 0 before listen().
    quint16 port() const;
    //! http://HOST:PORT/<profileId>: the base URL a client uses for \a profileId.
    QUrl baseUrl(const QString &profileId) const;
    //! http://HOST:PORT/_admin.
    QUrl adminUrl() const;

    //! Adds \a fault after the ones already present.
    void addFault(const SandboxFault &fault);
    //! The faults still active (count left), in order.
    QList<SandboxFault> faults() const;
    //! Removes every fault.
    void clearFaults();

    //! Revokes every token issued so far.
    void revokeAll();
    //! Revokes the tokens of \a profileId and/or \a username (empty = any); returns how many.
    int revoke(const QString &profileId, const QString &username);

    /*!
     * A counter: \a what is "requests", "succeeded" or "failed"; \a endpoint is one of signIn,
     * externalSignIn, refresh, signOut, probe, resource.
     */
    int count(const QString &profileId, const QString &endpoint,
              const QString &what = QStringLiteral("requests")) const;
    //! Every counter: {profileId: {endpoint: {requests, succeeded, failed}}}.
    QJsonObject counters() const;
    //! Sets every counter to zero.
    void resetCounters();

Q_SIGNALS:
    //! A request of \a profileId at \a endpoint has been answered with \a status (0: no answer).
    void requestHandled(const QString &profileId, const QString &endpoint, int status);

private:
    friend class SandboxServerPrivate;
    std::unique_ptr<SandboxServerPrivate> const d;
};

} // namespace AuthSession
