// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "session.h"

#include "requestbuilder.h"
#include "responsemapper.h"
#include "tokenstore.h"

#include <QNetworkReply>

#include <optional>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace AuthSession {

class SessionPrivate
{
public:
    explicit SessionPrivate(Session *q);

    enum class Operation { None, SignIn, ExternalSignIn, Refresh, Restore };
    enum class TimerAction { None, Refresh, AboutToExpire, Expire, Retry };
    using Waiter = std::function<void(const AuthError &, const QByteArray &)>;
    struct PendingWaiter {
        QPointer<QObject> context;
        Waiter callback;
    };

    Session *const q;
    Profile profile;
    QUrl baseUrl;
    QVariantMap parameters;
    QNetworkAccessManager *nam = nullptr;
    std::unique_ptr<QNetworkAccessManager> ownNam;
    QPointer<TokenStore> store;
    bool keep = false;

    Session::State state = Session::State::SignedOut;
    QString username;
    TokenSet tokens;
    AuthError lastError;

    int leadTime = -1;
    int timeout = 30000;
    qint64 maxResponseSize = 1024 * 1024;
    int backoffFirstMs = 1000;
    int backoffCapMs = 300000;
    int retryAttempt = 0;
    Clock::Function clock = &Clock::systemNow;

    QTimer timer;
    TimerAction timerAction = TimerAction::None;
    QDateTime timerDueAt; // wall-clock time the timer action is due
    QDateTime nextRefreshAt;

    Operation operation = Operation::None;
    Session::State stateBeforeOperation = Session::State::SignedOut;
    QPointer<QNetworkReply> reply;
    PreparedRequest prepared; // kept until the reply finishes, then wiped (it may hold a password)
    QDateTime sentAt;
    quint64 generation = 0; // bumps on cancel/sign-out so late store callbacks are ignored
    bool rereadAfterReject = false;
    QList<PendingWaiter> waiters;

    QDateTime now() const { return clock(); }
    // built once per configuration: copying a Profile for every request showed in the benchmarks
    const RequestBuilder &builder() const;
    void invalidateBuilder()
    {
        cachedBuilder.reset();
        baseUrlError.reset();
    }
    mutable std::optional<RequestBuilder> cachedBuilder;
    //! checkUrl() of the base URL, once per configuration (relative requests share its origin)
    mutable std::optional<AuthError> baseUrlError;
    //! True when an authorized request can go out right away with the current token.
    bool tokenUsableNow() const;
    //! tokens.authorizationHeader(), built once per token rather than once per request
    const QByteArray &authorization() const;
    void dropAuthorization();
    mutable QByteArray cachedAuthorization;
    QNetworkAccessManager *network();
    QString storeKey() const;
    bool canRefresh() const { return profile.hasRefresh() && tokens.hasRefreshToken(); }
    int effectiveLead() const;

    void setState(Session::State s);
    void setLastError(const AuthError &e);
    void setTokens(const TokenSet &t);
    void clearTokens();

    QNetworkReply *start(PreparedRequest request, Operation op);
    void onFinished(QNetworkReply *finished, Operation op);
    void signInFinished(const ResponseMapper::Result &result);
    void refreshFinished(const ResponseMapper::Result &result);
    void startRefresh();
    void sendRefresh();
    void expire(const AuthError &reason, bool restoring = false);
    void scheduleRetry(const AuthError &error);

    void armTimer();
    void onTimer();
    void setNextRefreshAt(const QDateTime &at);

    void resolveWaiters(const AuthError &error);
    void persist();
    void forgetStored();
    QByteArray serialize() const;
    bool adoptStored(const QByteArray &value, TokenSet *out) const;
    void failLater(const AuthError &error, Operation op);
};

class SessionReplyPrivate
{
public:
    QPointer<Session> session;
    QNetworkRequest request;
    QByteArray verb;
    QByteArray body;
    QPointer<QNetworkReply> reply;
    int status = 0;
    QByteArray responseBody;
    QList<QNetworkReply::RawHeaderPair> headers;
    AuthError error;
    bool finished = false;
    bool retried = false;
    bool aborted = false;
    QByteArray usedAuthorization;
};

} // namespace AuthSession
