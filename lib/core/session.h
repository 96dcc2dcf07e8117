// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/autherror.h>
#include <AuthSession/clock.h>
#include <AuthSession/profile.h>
#include <AuthSession/tokenset.h>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QVariantMap>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;

namespace AuthSession {

class SessionPrivate;
class SessionReply;
class TokenStore;

/*!
 * \class AuthSession::Session
 * Signs a user in to a login API described by a Profile, keeps the session alive with a timed
 * refresh, sends authorized requests, keeps the tokens in a TokenStore when asked to, restores them
 * on the next start, and signs out.
 *
 * States: SignedOut -> SigningIn -> SignedIn <-> Refreshing; Expired when the session can no longer
 * be renewed (sign in again). Every path ends in one of SignedOut, SignedIn or Expired.
 *
 * Two processes, one kept account: when the provider rotates refresh tokens, a refresh in one
 * process kills the refresh token the other holds. So a kept session re-reads its store entry
 * before every refresh (and adopts newer tokens another process wrote), and after a rejected
 * refresh reads it once more and retries with a newer refresh token if one appeared. Only when
 * the store has nothing newer does the session expire.
 *
 * \code
 * AuthSession::Session session;
 * session.setProfile(AuthSession::ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
 * session.setBaseUrl(QUrl(QStringLiteral("https://api.example.com")));
 * connect(&session, &Session::signedIn, this, [&] {
 *     SessionReply *reply = session.send(QNetworkRequest(session.url(QStringLiteral("/v1/me"))));
 *     connect(reply, &SessionReply::finished, reply, [reply] { qDebug() << reply->body(); reply->deleteLater(); });
 * });
 * connect(&session, &Session::signInFailed, this, [](const AuthError &e) { qWarning() << e.toString(); });
 * session.signIn(username, password);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(AuthSession::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(QString profileId READ profileId NOTIFY profileChanged)
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(QString username READ username WRITE setUsername NOTIFY usernameChanged)
    Q_PROPERTY(QJsonObject user READ user NOTIFY userChanged)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY expiresAtChanged)
    Q_PROPERTY(QDateTime nextRefreshAt READ nextRefreshAt NOTIFY nextRefreshAtChanged)
    Q_PROPERTY(QDateTime passwordExpiresAt READ passwordExpiresAt NOTIFY userChanged)
    Q_PROPERTY(QString tokenType READ tokenType NOTIFY tokensChanged)
    Q_PROPERTY(QString scope READ scope NOTIFY tokensChanged)
    Q_PROPERTY(bool hasRefreshToken READ hasRefreshToken NOTIFY tokensChanged)
    Q_PROPERTY(AuthSession::AuthError lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool keepSignedIn READ keepSignedIn WRITE setKeepSignedIn NOTIFY keepSignedInChanged)
    Q_PROPERTY(int refreshLeadTime READ refreshLeadTime WRITE setRefreshLeadTime NOTIFY refreshLeadTimeChanged)
    Q_PROPERTY(int requestTimeout READ requestTimeout WRITE setRequestTimeout NOTIFY requestTimeoutChanged)

public:
    enum class State { SignedOut, SigningIn, SignedIn, Refreshing, Expired };
    Q_ENUM(State)

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    //! The provider. Changing it signs out first (without a server request).
    Profile profile() const;
    void setProfile(const Profile &profile);
    QString profileId() const;
    //! The environment's base URL (a Profile::Environment's, or any other).
    QUrl baseUrl() const;
    void setBaseUrl(const QUrl &url);
    //! Values for the profile's parameters (clientId, scope ...), over their defaults.
    QVariantMap parameters() const;
    void setParameters(const QVariantMap &values);
    //! base URL + \a path, for requests to the provider's API.
    QUrl url(const QString &path) const;

    //! Shares the host application's network access manager (not owned). By default the Session
    //! makes its own.
    void setNetworkAccessManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *networkAccessManager() const;

    //! Where kept sessions are stored (not owned); nullptr = nothing is persisted.
    void setTokenStore(TokenStore *store);
    TokenStore *tokenStore() const;
    //! "Keep me signed in": persist tokens after every change and restore them with restore().
    //! The account (profile, base URL, username; never a secret) is added to Preferences::accounts()
    //! while it is kept and removed when the entry is removed (sign-out, expiry), so lists of kept
    //! accounts always match the store.
    bool keepSignedIn() const;
    void setKeepSignedIn(bool keep);

    State state() const;
    bool isSignedIn() const; //!< SignedIn or Refreshing
    bool isBusy() const; //!< SigningIn or Refreshing
    //! The account name (set by signIn(), or before restore()).
    QString username() const;
    void setUsername(const QString &username);
    //! What the API returned about the user (profile data or ID-token claims).
    QJsonObject user() const;
    QDateTime expiresAt() const;
    //! When the refresh timer fires; invalid when none is armed.
    QDateTime nextRefreshAt() const;
    QDateTime passwordExpiresAt() const;
    QString tokenType() const;
    QString scope() const;
    bool hasRefreshToken() const;
    //! The tokens. For the command line's --print-token and for embedders; never log them.
    TokenSet tokens() const;
    AuthError lastError() const;

    //! Seconds before expiry at which the refresh runs; -1 (default) = the larger of 10% of the
    //! lifetime and 30 s, clamped to half the lifetime so short tokens work and no loop is possible.
    int refreshLeadTime() const;
    void setRefreshLeadTime(int seconds);
    //! Milliseconds each request may take (default 30000).
    int requestTimeout() const;
    void setRequestTimeout(int milliseconds);
    //! Largest answer accepted for sign-in and refresh (default 1 MiB).
    void setMaxResponseSize(qint64 bytes);
    //! Backoff for transient refresh failures: first delay and cap, in milliseconds (default 1000, 300000).
    void setRetryBackoff(int firstMs, int capMs);
    //! Replaces the wall clock (tests, simulated suspend/resume).
    void setClock(Clock::Function clock);

    //! The access-token lead time that applies to a token living \a lifetimeSeconds (see refreshLeadTime).
    int effectiveLeadTime(qint64 lifetimeSeconds) const;

    /*!
     * Calls \a callback (within \a context's lifetime) with a valid Authorization header value, after
     * refreshing first when the token is expired or about to; all callers waiting at the same time
     * share one refresh (single flight). On failure the header is empty and the error says why.
     */
    void withFreshToken(QObject *context, std::function<void(const AuthError &error, const QByteArray &authorization)> callback);

    /*!
     * Sends an authorized request: attaches Authorization, and on a 401 refreshes once and retries once.
     * Relative URLs in \a request are resolved against baseUrl(). The reply belongs to the caller
     * (deleteLater() it after finished()). \a request is taken by value: a temporary is moved in and
     * not copied when the header is added.
     */
    SessionReply *send(QNetworkRequest request, const QByteArray &verb = QByteArrayLiteral("GET"),
                       const QByteArray &body = {});
    //! The profile's probe request (unauthorized or authorized as the profile says).
    SessionReply *probe();

public Q_SLOTS:
    //! Signs in. The password is used for this one request and wiped afterwards.
    void signIn(const QString &username, const QString &password);
    //! Signs in with a token from another identity provider (datarhei Core's Auth0 login).
    void signInWithToken(const QString &externalToken);
    //! Refreshes now (single flight: joins a refresh already running).
    void refresh();
    //! Sends the profile's sign-out request if it has one, then forgets the tokens and the stored entry.
    void signOut();
    //! Aborts a running sign-in or refresh; the state returns to where it was before.
    void cancel();
    //! Restores the kept session of username() from the token store: a valid access token signs in
    //! at once without network; else a refresh token is used; else stays SignedOut.
    void restore();
    //! Re-reads the wall clock: refreshes at once when a refresh is overdue (after suspend/resume),
    //! expires the session when it has run out. Runs before every authorized request too.
    void checkExpiry();

Q_SIGNALS:
    void stateChanged(AuthSession::Session::State state);
    void signedIn();
    void signInFailed(const AuthSession::AuthError &error);
    void refreshed();
    //! A refresh failed; transient failures are retried, permanent ones end in sessionExpired().
    void refreshFailed(const AuthSession::AuthError &error);
    void signedOut();
    //! The session can no longer be renewed: sign in again. The tokens and the stored entry are gone.
    void sessionExpired(const AuthSession::AuthError &reason);
    //! For providers without refresh: the access token expires at \a expiresAt; ask the user again.
    void accessTokenAboutToExpire(const QDateTime &expiresAt);
    //! restore() found nothing usable (or the store failed); the session stays SignedOut.
    void restoreFailed(const AuthSession::AuthError &error);
    //! The token store failed (Storage error); the session keeps working in memory.
    void storageFailed(const AuthSession::AuthError &error);

    void profileChanged();
    void baseUrlChanged();
    void usernameChanged();
    void userChanged();
    void expiresAtChanged();
    void nextRefreshAtChanged();
    void tokensChanged();
    void lastErrorChanged();
    void keepSignedInChanged();
    void refreshLeadTimeChanged();
    void requestTimeoutChanged();

private:
    friend class SessionPrivate;
    friend class SessionReply;
    std::unique_ptr<SessionPrivate> const d;
};

} // namespace AuthSession
