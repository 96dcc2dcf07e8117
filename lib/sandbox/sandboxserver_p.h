// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "sandboxserver.h"

#include <AuthSession/profile.h>

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <utility>

class QTcpSocket;

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace AuthSession {

struct SandboxUser {
    QString username;
    QString password;
    QJsonObject profile;
    QString passwordExpiresAt;
    bool locked = false;
    QStringList externalTokens;
};

struct IssuedToken {
    QString profile;
    QString username;
    QString kind; // access | refresh | id
    QDateTime expiresAt;
    bool revoked = false;
};

// A request copied out of QHttpServerRequest, so delayed answers can still read it.
struct SandboxRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

struct SandboxReply {
    enum class Transport { Normal, Truncated, Drop };
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Transport transport = Transport::Normal;
    bool ok = false; // counted as succeeded
};

struct SandboxCounter {
    int requests = 0;
    int succeeded = 0;
    int failed = 0;
};

class SandboxServerPrivate;

class SandboxHttpServer : public QAbstractHttpServer
{
public:
    explicit SandboxHttpServer(SandboxServerPrivate *dd) : d(dd) { }

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &&) override { }
#endif

private:
    SandboxServerPrivate *d;
};

// The plain-HTTP listener: builds the HTTP server when the first connection comes in, before that
// connection is queued, so the server's pendingConnectionAvailable handler sees it as usual. See
// SandboxServerPrivate::startHttp().
class LazyListener : public QTcpServer
{
public:
    explicit LazyListener(std::function<void()> beforeFirstConnection)
        : m_beforeFirst(std::move(beforeFirstConnection))
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        if (m_beforeFirst)
            std::exchange(m_beforeFirst, {})();
        QTcpServer::incomingConnection(handle);
    }

private:
    std::function<void()> m_beforeFirst;
};

class SandboxServerPrivate
{
public:
    using Sender = std::function<void(const SandboxReply &)>;

    explicit SandboxServerPrivate(SandboxServer *qq);

    void handle(const SandboxRequest &request, const Sender &send);
    static SandboxRequest copyRequest(const QHttpServerRequest &request);
    static void writeToSocket(QTcpSocket *socket, const SandboxReply &reply, const QDateTime &date);

    QDateTime now() const;
    //! Builds the HTTP server and gives it the listener (which it then owns).
    void startHttp();

    SandboxServer *q;
    // The listener until the HTTP server exists; then the server owns it (QAbstractHttpServer::bind
    // makes itself the parent). Declared before http so that http, with its connections, goes first.
    std::unique_ptr<QTcpServer> unboundListener;
    std::unique_ptr<SandboxHttpServer> http;
    QPointer<QTcpServer> listener; // QSslServer for HTTPS; bound or not
    QHostAddress address;
    quint16 port = 0;
    // HTTPS when set (it has a local certificate). Optional, so a plain-HTTP sandbox never builds a
    // QSslConfiguration: that alone loads the TLS backend (OpenSSL, ~4 MiB resident) at start-up.
    std::optional<QSslConfiguration> tls;

    QMap<QString, Profile> profiles;
    QList<SandboxUser> users;
    QHash<QString, IssuedToken> tokens;
    QList<SandboxFault> faults;
    QMap<QString, QMap<QString, SandboxCounter>> counters;
    int accessTtl = 300;
    int refreshTtl = 3600;
    int clockSkew = 0;
    QByteArray key;

private:
    SandboxReply adminReply(const SandboxRequest &request);
    QString endpointFor(const Profile &profile, const SandboxRequest &request, const QString &subPath) const;
    SandboxReply answer(const Profile &profile, const QString &endpoint, const SandboxRequest &request,
                        bool rejectRefresh);
    SandboxReply faultReply(const Profile &profile, const QString &endpoint, const SandboxFault &fault);

    SandboxReply signIn(const Profile &profile, const SandboxRequest &request);
    SandboxReply externalSignIn(const Profile &profile, const SandboxRequest &request);
    SandboxReply refresh(const Profile &profile, const SandboxRequest &request, bool reject);
    SandboxReply signOut(const Profile &profile, const SandboxRequest &request);
    SandboxReply probe(const Profile &profile, const SandboxRequest &request);
    SandboxReply resource(const Profile &profile, const SandboxRequest &request);

    SandboxReply tokenReply(const Profile &profile, int kind, const SandboxUser &user,
                            const QString &keptRefreshToken, bool newRefreshToken);
    QString issue(const Profile &profile, const SandboxUser &user, const QString &kind, int ttl);
    const IssuedToken *validToken(const QString &token, const QString &profileId, const QString &kind) const;
    const SandboxUser *user(const QString &username) const;
};

} // namespace AuthSession
