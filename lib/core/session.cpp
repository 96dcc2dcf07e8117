// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "session.h"
#include "session_p.h"

#include "preferences.h"
#include "secrets_p.h"
#include "sessionreply.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <limits>

// info (sign-ins, refreshes) is opt-in: QT_LOGGING_RULES="authsession.core.info=true"
Q_LOGGING_CATEGORY(lcSession, "authsession.core", QtWarningMsg)

namespace AuthSession {

static constexpr int storeFormatVersion = 1;

// milliseconds from \a from to \a to, clamped to what QTimer takes
static int msecsBetween(const QDateTime &from, const QDateTime &to)
{
    const qint64 ms = from.msecsTo(to);
    return int(qBound(qint64(0), ms, qint64(std::numeric_limits<int>::max())));
}

SessionPrivate::SessionPrivate(Session *qq)
    : q(qq)
{
    timer.setSingleShot(true);
    // the one timer a signed-in session keeps armed; coarse is fine for a lead time of seconds
    timer.setTimerType(Qt::CoarseTimer);
    QObject::connect(&timer, &QTimer::timeout, q, [this] { onTimer(); });
}

const RequestBuilder &SessionPrivate::builder() const
{
    if (!cachedBuilder) {
        cachedBuilder.emplace(profile, baseUrl, parameters);
        cachedBuilder->setTimeout(timeout);
    }
    return *cachedBuilder;
}

bool SessionPrivate::tokenUsableNow() const
{
    if (state != Session::State::SignedIn || tokens.isEmpty())
        return false;
    const QDateTime current = now();
    if (!tokens.isAccessTokenValid(current))
        return false;
    // a due timer action (refresh after resume) must run first
    return !(timerDueAt.isValid() && timerAction != TimerAction::None && current >= timerDueAt);
}

const QByteArray &SessionPrivate::authorization() const
{
    if (cachedAuthorization.isEmpty())
        cachedAuthorization = tokens.authorizationHeader();
    return cachedAuthorization;
}

void SessionPrivate::dropAuthorization()
{
    // in place only when no request holds it any more: the network thread may still be writing
    // a shared copy out
    if (cachedAuthorization.isDetached())
        Secrets::wipe(cachedAuthorization);
    else
        cachedAuthorization = QByteArray();
}

QNetworkAccessManager *SessionPrivate::network()
{
    if (!nam) {
        ownNam = std::make_unique<QNetworkAccessManager>();
        nam = ownNam.get();
    }
    return nam;
}

QString SessionPrivate::storeKey() const
{
    QString host = baseUrl.host();
    if (baseUrl.port() > 0)
        host += QLatin1Char(':') + QString::number(baseUrl.port());
    return TokenStore::entryKey(profile.id, host, username);
}

void SessionPrivate::setState(Session::State s)
{
    if (state == s)
        return;
    qCDebug(lcSession) << "state" << state << "->" << s << "profile" << profile.id << "account" << username;
    state = s;
    Q_EMIT q->stateChanged(s);
}

void SessionPrivate::setLastError(const AuthError &e)
{
    if (lastError == e)
        return;
    lastError = e;
    Q_EMIT q->lastErrorChanged();
}

void SessionPrivate::setTokens(const TokenSet &t)
{
    const TokenSet old = tokens;
    tokens = t;
    if (old.accessToken != t.accessToken || old.tokenType != t.tokenType)
        dropAuthorization();
    if (old.user != t.user || old.passwordExpiresAt != t.passwordExpiresAt)
        Q_EMIT q->userChanged();
    if (old.expiresAt != t.expiresAt)
        Q_EMIT q->expiresAtChanged();
    if (old != t)
        Q_EMIT q->tokensChanged();
}

void SessionPrivate::clearTokens()
{
    TokenSet empty;
    TokenSet old = tokens;
    setTokens(empty);
    Secrets::wipe(old.accessToken);
    Secrets::wipe(old.refreshToken);
    Secrets::wipe(old.idToken);
    timer.stop();
    timerAction = TimerAction::None;
    setNextRefreshAt({});
}

QNetworkReply *SessionPrivate::start(PreparedRequest request, Operation op)
{
    prepared = std::move(request);
    sentAt = now();
    operation = op;
    QNetworkReply *r = network()->sendCustomRequest(prepared.request, prepared.verb, prepared.body);
    HttpAnswer::limitSize(r, maxResponseSize);
    QObject::connect(r, &QNetworkReply::sslErrors, r, [r](const QList<QSslError> &errors) {
        // never ignored: recorded so that the error names the problem
        HttpAnswer::noteSslErrors(r, errors);
    });
    QObject::connect(r, &QNetworkReply::finished, q, [this, r, op] { onFinished(r, op); });
    reply = r;
    return r;
}

void SessionPrivate::failLater(const AuthError &error, Operation op)
{
    // errors found before any request was sent are reported from the event loop, like any answer
    const quint64 gen = generation;
    QMetaObject::invokeMethod(q, [this, error, op, gen] {
        if (gen != generation || operation != op)
            return;
        ResponseMapper::Result r;
        r.error = error;
        if (op == Operation::Refresh)
            refreshFinished(r);
        else
            signInFinished(r);
    }, Qt::QueuedConnection);
}

void SessionPrivate::onFinished(QNetworkReply *finished, Operation op)
{
    finished->deleteLater();
    if (finished != reply)
        return;
    const HttpAnswer answer = HttpAnswer::fromReply(finished, sentAt, now());
    reply = nullptr;
    prepared.wipe();
    const ResponseMapper::Kind kind = op == Operation::Refresh ? ResponseMapper::Refresh
        : op == Operation::ExternalSignIn                      ? ResponseMapper::ExternalSignIn
                                                               : ResponseMapper::SignIn;
    const ResponseMapper::Result result = ResponseMapper::map(profile, kind, answer);
    if (op == Operation::Refresh)
        refreshFinished(result);
    else
        signInFinished(result);
}

void SessionPrivate::signInFinished(const ResponseMapper::Result &result)
{
    operation = Operation::None;
    if (!result.isOk()) {
        qCInfo(lcSession) << "sign-in failed" << profile.id << username << AuthError::categoryName(result.error.category());
        setState(stateBeforeOperation == Session::State::Expired ? Session::State::Expired : Session::State::SignedOut);
        setLastError(result.error);
        resolveWaiters(result.error);
        Q_EMIT q->signInFailed(result.error);
        return;
    }
    qCInfo(lcSession) << "signed in" << profile.id << username;
    retryAttempt = 0;
    setLastError({});
    setTokens(result.tokens);
    setState(Session::State::SignedIn);
    armTimer();
    persist();
    resolveWaiters({});
    Q_EMIT q->signedIn();
}

void SessionPrivate::startRefresh()
{
    if (operation == Operation::Refresh)
        return; // single flight: join the one running
    if (!canRefresh()) {
        const AuthError e(ErrorCategory::Configuration, QStringLiteral("This session cannot be refreshed."));
        resolveWaiters(e);
        return;
    }
    stateBeforeOperation = state;
    operation = Operation::Refresh;
    timer.stop();
    timerAction = TimerAction::None;
    setState(Session::State::Refreshing);
    if (store && keep) {
        // another process may have refreshed (and rotated the refresh token) since we read it
        const quint64 gen = generation;
        store->read(storeKey(), q, [this, gen](const QByteArray &value, const AuthError &error) {
            if (gen != generation || operation != Operation::Refresh)
                return;
            TokenSet stored;
            if (!error.isError() && adoptStored(value, &stored) && stored.refreshToken != tokens.refreshToken) {
                qCInfo(lcSession) << "adopting tokens another process refreshed" << profile.id << username;
                setTokens(stored);
                if (stored.expiresAt.isValid() && now() < stored.expiresAt.addSecs(-effectiveLead())) {
                    ResponseMapper::Result r;
                    r.tokens = stored;
                    operation = Operation::Refresh;
                    refreshFinished(r);
                    return;
                }
            }
            sendRefresh();
        });
        return;
    }
    sendRefresh();
}

int SessionPrivate::effectiveLead() const
{
    return q->effectiveLeadTime(tokens.lifetimeSeconds());
}

void SessionPrivate::sendRefresh()
{
    PreparedRequest p = builder().refresh(tokens);
    if (!p.isValid()) {
        failLater(p.error, Operation::Refresh);
        return;
    }
    start(std::move(p), Operation::Refresh);
}

void SessionPrivate::refreshFinished(const ResponseMapper::Result &result)
{
    operation = Operation::None;
    const bool restoring = stateBeforeOperation == Session::State::SigningIn;
    if (result.isOk()) {
        TokenSet merged = result.tokens;
        // refresh answers often carry only a new access token: keep what they leave out
        if (merged.refreshToken.isEmpty())
            merged.refreshToken = tokens.refreshToken;
        if (merged.idToken.isEmpty())
            merged.idToken = tokens.idToken;
        if (merged.tokenType.isEmpty())
            merged.tokenType = tokens.tokenType;
        if (merged.scope.isEmpty())
            merged.scope = tokens.scope;
        if (merged.user.isEmpty() || (merged.user.size() == 1 && merged.user.contains(QLatin1String("sub")) && !tokens.user.isEmpty()))
            merged.user = tokens.user;
        if (!merged.passwordExpiresAt.isValid())
            merged.passwordExpiresAt = tokens.passwordExpiresAt;
        qCInfo(lcSession) << "refreshed" << profile.id << username;
        retryAttempt = 0;
        rereadAfterReject = false;
        setLastError({});
        setTokens(merged);
        setState(Session::State::SignedIn);
        armTimer();
        persist();
        resolveWaiters({});
        if (restoring)
            Q_EMIT q->signedIn();
        Q_EMIT q->refreshed();
        return;
    }

    const AuthError &error = result.error;
    qCInfo(lcSession) << "refresh failed" << profile.id << username << AuthError::categoryName(error.category());
    if (error.category() == ErrorCategory::Cancelled) {
        setState(restoring ? Session::State::SignedOut : Session::State::SignedIn);
        if (restoring)
            clearTokens();
        else
            armTimer();
        setLastError(error);
        resolveWaiters(error);
        Q_EMIT q->refreshFailed(error);
        return;
    }
    if (error.category() == ErrorCategory::RefreshRejected) {
        if (store && keep && !rereadAfterReject) {
            // Two processes, one account, rotating refresh tokens: the other one may have used our
            // refresh token a moment ago. Read the entry again; if it holds a newer refresh token,
            // try once more with it before giving up.
            rereadAfterReject = true;
            const quint64 gen = generation;
            const QString used = tokens.refreshToken;
            operation = Operation::Refresh;
            store->read(storeKey(), q, [this, gen, used, error, restoring](const QByteArray &value, const AuthError &readError) {
                if (gen != generation || operation != Operation::Refresh)
                    return;
                TokenSet stored;
                if (!readError.isError() && adoptStored(value, &stored) && !stored.refreshToken.isEmpty()
                    && stored.refreshToken != used) {
                    setTokens(stored);
                    sendRefresh();
                    return;
                }
                operation = Operation::None;
                expire(error, restoring);
            });
            return;
        }
        expire(error, restoring);
        return;
    }
    // transient (network, timeout, 5xx, 429) and everything else: keep the tokens, retry later
    setState(Session::State::SignedIn);
    setLastError(error);
    resolveWaiters(error);
    Q_EMIT q->refreshFailed(error);
    scheduleRetry(error);
}

void SessionPrivate::scheduleRetry(const AuthError &error)
{
    // Protocol and configuration problems will not fix themselves: a few tries, then give up.
    const bool permanentish = !error.isTransient();
    if (permanentish && retryAttempt >= 3) {
        expire(error);
        return;
    }
    const int exponent = qMin(retryAttempt, 20);
    qint64 delay = qMin<qint64>(backoffCapMs, qint64(backoffFirstMs) << exponent);
    // +-20% jitter so that many clients do not retry in lockstep
    delay = qint64(delay * (0.8 + 0.4 * QRandomGenerator::global()->generateDouble()));
    if (error.retryAfterSeconds() > 0)
        delay = qMax<qint64>(delay, qint64(error.retryAfterSeconds()) * 1000);
    ++retryAttempt;
    timerAction = TimerAction::Retry;
    timerDueAt = now().addMSecs(delay);
    setNextRefreshAt(timerDueAt);
    timer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
    qCInfo(lcSession) << "retrying refresh in" << delay << "ms, attempt" << retryAttempt;
}

void SessionPrivate::expire(const AuthError &reason, bool restoring)
{
    qCInfo(lcSession) << "session expired" << profile.id << username << AuthError::categoryName(reason.category());
    clearTokens();
    forgetStored();
    retryAttempt = 0;
    rereadAfterReject = false;
    setLastError(reason);
    // a restore that cannot renew simply leaves the user signed out, with the reason
    setState(restoring ? Session::State::SignedOut : Session::State::Expired);
    resolveWaiters(reason);
    if (restoring)
        Q_EMIT q->restoreFailed(reason);
    else
        Q_EMIT q->sessionExpired(reason);
}

void SessionPrivate::setNextRefreshAt(const QDateTime &at)
{
    if (nextRefreshAt == at)
        return;
    nextRefreshAt = at;
    Q_EMIT q->nextRefreshAtChanged();
}

void SessionPrivate::armTimer()
{
    timer.stop();
    timerAction = TimerAction::None;
    setNextRefreshAt({});
    if (tokens.isEmpty() || !tokens.expiresAt.isValid())
        return; // unknown expiry: no timer; a 401 on use triggers the refresh
    const qint64 lifetime = tokens.lifetimeSeconds();
    const int lead = q->effectiveLeadTime(lifetime);
    const QDateTime current = now();
    QDateTime due;
    if (canRefresh()) {
        if (lifetime >= 0 && lifetime < 1) {
            // a token that is (nearly) dead on arrival would make the timer spin: refresh on use only
            qCWarning(lcSession) << "the server issued a token living" << lifetime << "s; not arming the refresh timer";
            return;
        }
        timerAction = TimerAction::Refresh;
        due = tokens.expiresAt.addSecs(-lead);
        setNextRefreshAt(due);
    } else {
        const QDateTime warnAt = tokens.expiresAt.addSecs(-lead);
        if (current < warnAt) {
            timerAction = TimerAction::AboutToExpire;
            due = warnAt;
        } else {
            timerAction = TimerAction::Expire;
            due = tokens.expiresAt;
        }
    }
    timerDueAt = due;
    timer.start(msecsBetween(current, due));
}

void SessionPrivate::onTimer()
{
    const TimerAction action = timerAction;
    timerAction = TimerAction::None;
    // QTimer runs on a monotonic clock that may stop during suspend; the wall clock decides
    if (timerDueAt.isValid() && now() < timerDueAt.addMSecs(-500)) {
        timerAction = action;
        timer.start(msecsBetween(now(), timerDueAt));
        return;
    }
    switch (action) {
    case TimerAction::None:
        break;
    case TimerAction::Refresh:
    case TimerAction::Retry:
        startRefresh();
        break;
    case TimerAction::AboutToExpire:
        Q_EMIT q->accessTokenAboutToExpire(tokens.expiresAt);
        timerAction = TimerAction::Expire;
        timerDueAt = tokens.expiresAt;
        timer.start(msecsBetween(now(), tokens.expiresAt));
        break;
    case TimerAction::Expire:
        expire(AuthError(ErrorCategory::RefreshRejected,
                         QStringLiteral("The access token expired and this provider cannot renew it.")));
        break;
    }
}

void SessionPrivate::resolveWaiters(const AuthError &error)
{
    if (waiters.isEmpty())
        return;
    const QList<PendingWaiter> pending = std::exchange(waiters, {});
    const QByteArray header = error.isError() ? QByteArray() : authorization();
    for (const PendingWaiter &w : pending) {
        if (w.context)
            w.callback(error, header);
    }
}

QByteArray SessionPrivate::serialize() const
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), storeFormatVersion);
    o.insert(QStringLiteral("profile"), profile.id);
    o.insert(QStringLiteral("baseUrl"), baseUrl.toString());
    o.insert(QStringLiteral("username"), username);
    o.insert(QStringLiteral("tokens"), tokens.toJson());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool SessionPrivate::adoptStored(const QByteArray &value, TokenSet *out) const
{
    if (value.isEmpty())
        return false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("v")).toInt() != storeFormatVersion || o.value(QLatin1String("profile")).toString() != profile.id
        || o.value(QLatin1String("username")).toString() != username)
        return false;
    *out = TokenSet::fromJson(o.value(QLatin1String("tokens")).toObject());
    return !out->isEmpty();
}

void SessionPrivate::persist()
{
    if (!store || !keep || tokens.isEmpty() || username.isEmpty())
        return;
    // not wiped afterwards: the store may keep this very buffer (implicit sharing)
    const QByteArray value = serialize();
    store->write(storeKey(), value, q, [this](const AuthError &error) {
        if (error.isError()) {
            qCWarning(lcSession) << "could not keep the session:" << error.toString();
            setLastError(error);
            Q_EMIT q->storageFailed(error);
        }
    });
    Preferences().addAccount({profile.id, baseUrl, username});
}

void SessionPrivate::forgetStored()
{
    if (!store || username.isEmpty())
        return;
    store->remove(storeKey(), q, [this](const AuthError &error) {
        if (error.isError())
            Q_EMIT q->storageFailed(error);
    });
    Preferences().removeAccount({profile.id, baseUrl, username});
}

// ---------------------------------------------------------------------------------------------

Session::Session(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionPrivate>(this))
{
    qRegisterMetaType<AuthError>();
    qRegisterMetaType<TokenSet>();
}

Session::~Session()
{
    d->generation++;
    if (d->reply)
        d->reply->abort();
    d->prepared.wipe();
    d->clearTokens();
}

Profile Session::profile() const { return d->profile; }

void Session::setProfile(const Profile &profile)
{
    if (d->profile.id == profile.id && d->profile.source == profile.source) {
        // the same provider (perhaps edited): take it without signing out or signalling
        d->profile = profile;
        d->invalidateBuilder();
        return;
    }
    if (d->state != State::SignedOut) {
        cancel();
        d->clearTokens();
        d->setState(State::SignedOut);
    }
    d->profile = profile;
    d->invalidateBuilder();
    Q_EMIT profileChanged();
}

QString Session::profileId() const { return d->profile.id; }
QUrl Session::baseUrl() const { return d->baseUrl; }

void Session::setBaseUrl(const QUrl &url)
{
    if (d->baseUrl == url)
        return;
    d->baseUrl = url;
    d->invalidateBuilder();
    Q_EMIT baseUrlChanged();
}

QVariantMap Session::parameters() const { return d->parameters; }
void Session::setParameters(const QVariantMap &values)
{
    d->parameters = values;
    d->invalidateBuilder();
}
QUrl Session::url(const QString &path) const { return d->builder().url(path); }

void Session::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d->nam = manager;
    if (manager)
        d->ownNam.reset();
}

QNetworkAccessManager *Session::networkAccessManager() const { return d->network(); }
void Session::setTokenStore(TokenStore *store) { d->store = store; }
TokenStore *Session::tokenStore() const { return d->store; }
bool Session::keepSignedIn() const { return d->keep; }

void Session::setKeepSignedIn(bool keep)
{
    if (d->keep == keep)
        return;
    d->keep = keep;
    Q_EMIT keepSignedInChanged();
    if (isSignedIn()) {
        if (keep)
            d->persist();
        else
            d->forgetStored();
    }
}

Session::State Session::state() const { return d->state; }
bool Session::isSignedIn() const { return d->state == State::SignedIn || d->state == State::Refreshing; }
bool Session::isBusy() const { return d->state == State::SigningIn || d->state == State::Refreshing; }
QString Session::username() const { return d->username; }

void Session::setUsername(const QString &username)
{
    if (d->username == username)
        return;
    d->username = username;
    Q_EMIT usernameChanged();
}

QJsonObject Session::user() const { return d->tokens.user; }
QDateTime Session::expiresAt() const { return d->tokens.expiresAt; }
QDateTime Session::nextRefreshAt() const { return d->nextRefreshAt; }
QDateTime Session::passwordExpiresAt() const { return d->tokens.passwordExpiresAt; }
QString Session::tokenType() const { return d->tokens.tokenType; }
QString Session::scope() const { return d->tokens.scope; }
bool Session::hasRefreshToken() const { return d->tokens.hasRefreshToken(); }
TokenSet Session::tokens() const { return d->tokens; }
AuthError Session::lastError() const { return d->lastError; }
int Session::refreshLeadTime() const { return d->leadTime; }

void Session::setRefreshLeadTime(int seconds)
{
    if (d->leadTime == seconds)
        return;
    d->leadTime = seconds;
    Q_EMIT refreshLeadTimeChanged();
    if (isSignedIn() && !isBusy())
        d->armTimer();
}

int Session::requestTimeout() const { return d->timeout; }

void Session::setRequestTimeout(int milliseconds)
{
    if (d->timeout == milliseconds)
        return;
    d->timeout = milliseconds;
    d->invalidateBuilder();
    Q_EMIT requestTimeoutChanged();
}

void Session::setMaxResponseSize(qint64 bytes) { d->maxResponseSize = bytes; }

void Session::setRetryBackoff(int firstMs, int capMs)
{
    d->backoffFirstMs = qMax(1, firstMs);
    d->backoffCapMs = qMax(d->backoffFirstMs, capMs);
}

void Session::setClock(Clock::Function clock)
{
    d->clock = clock ? std::move(clock) : Clock::Function(&Clock::systemNow);
}

int Session::effectiveLeadTime(qint64 lifetimeSeconds) const
{
    if (lifetimeSeconds < 0)
        return d->leadTime >= 0 ? d->leadTime : 30;
    const qint64 automatic = qMax<qint64>(lifetimeSeconds / 10, 30);
    const qint64 lead = d->leadTime >= 0 ? d->leadTime : automatic;
    // at most half the lifetime: a 5-second token refreshes after 2.5 s, never in a loop
    return int(qMin<qint64>(lead, lifetimeSeconds / 2));
}

void Session::signIn(const QString &username, const QString &password)
{
    cancel();
    setUsername(username);
    d->stateBeforeOperation = d->state;
    d->operation = SessionPrivate::Operation::SignIn;
    d->setState(State::SigningIn);
    PreparedRequest p = d->builder().signIn(username, password);
    if (!d->profile.isValid())
        p.error = AuthError(ErrorCategory::Configuration, QStringLiteral("No provider profile is set."));
    if (!p.isValid()) {
        p.wipe();
        d->failLater(p.error, SessionPrivate::Operation::SignIn);
        return;
    }
    d->start(std::move(p), SessionPrivate::Operation::SignIn);
}

void Session::signInWithToken(const QString &externalToken)
{
    cancel();
    d->stateBeforeOperation = d->state;
    d->operation = SessionPrivate::Operation::ExternalSignIn;
    d->setState(State::SigningIn);
    PreparedRequest p = d->builder().externalSignIn(externalToken);
    if (!p.isValid()) {
        d->failLater(p.error, SessionPrivate::Operation::ExternalSignIn);
        return;
    }
    d->start(std::move(p), SessionPrivate::Operation::ExternalSignIn);
}

void Session::refresh()
{
    if (!isSignedIn()) {
        const AuthError e(ErrorCategory::Configuration, QStringLiteral("Not signed in."));
        QMetaObject::invokeMethod(this, [this, e] { Q_EMIT refreshFailed(e); }, Qt::QueuedConnection);
        return;
    }
    if (!d->canRefresh()) {
        const AuthError e(ErrorCategory::Configuration, QStringLiteral("This provider cannot refresh tokens."));
        QMetaObject::invokeMethod(this, [this, e] { Q_EMIT refreshFailed(e); }, Qt::QueuedConnection);
        return;
    }
    d->startRefresh();
}

void Session::signOut()
{
    cancel();
    d->generation++;
    const TokenSet tokens = d->tokens;
    const bool hadSession = !tokens.isEmpty();
    d->forgetStored();
    d->clearTokens();
    d->setLastError({});
    d->setState(State::SignedOut);
    if (hadSession && d->profile.hasSignOut()) {
        PreparedRequest p = d->builder().signOut(tokens);
        if (p.isValid()) {
            QNetworkReply *r = d->network()->sendCustomRequest(p.request, p.verb, p.body);
            HttpAnswer::limitSize(r, d->maxResponseSize);
            connect(r, &QNetworkReply::finished, this, [this, r] {
                // the tokens are forgotten either way; the server's answer is only logged
                qCInfo(lcSession) << "server sign-out answered" << r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                r->deleteLater();
                Q_EMIT signedOut();
            });
            return;
        }
    }
    QMetaObject::invokeMethod(this, [this] { Q_EMIT signedOut(); }, Qt::QueuedConnection);
}

void Session::cancel()
{
    if (d->operation == SessionPrivate::Operation::None)
        return;
    if (d->reply) {
        HttpAnswer::cancel(d->reply); // finished() follows synchronously or soon, mapped to Cancelled
        return;
    }
    // waiting on the token store (restore, or the re-read before a refresh)
    const SessionPrivate::Operation op = d->operation;
    d->generation++;
    d->operation = SessionPrivate::Operation::None;
    ResponseMapper::Result r;
    r.error = AuthError(ErrorCategory::Cancelled);
    if (op == SessionPrivate::Operation::Restore) {
        d->setState(State::SignedOut);
        d->resolveWaiters(r.error);
        Q_EMIT restoreFailed(r.error);
    } else if (op == SessionPrivate::Operation::Refresh) {
        d->operation = op;
        d->refreshFinished(r);
    } else {
        d->operation = op;
        d->signInFinished(r);
    }
}

void Session::restore()
{
    if (isSignedIn() || isBusy())
        return;
    if (!d->store || d->username.isEmpty() || !d->profile.isValid()) {
        const AuthError e(ErrorCategory::Storage, d->store ? QStringLiteral("No account to restore.")
                                                           : QStringLiteral("No token store is set."));
        QMetaObject::invokeMethod(this, [this, e] { Q_EMIT restoreFailed(e); }, Qt::QueuedConnection);
        return;
    }
    d->stateBeforeOperation = State::SigningIn;
    d->operation = SessionPrivate::Operation::Restore;
    d->setState(State::SigningIn);
    const quint64 gen = d->generation;
    d->store->read(d->storeKey(), this, [this, gen](const QByteArray &value, const AuthError &error) {
        if (gen != d->generation || d->operation != SessionPrivate::Operation::Restore)
            return;
        d->operation = SessionPrivate::Operation::None;
        if (error.isError()) {
            d->setState(State::SignedOut);
            d->setLastError(error);
            Q_EMIT storageFailed(error);
            Q_EMIT restoreFailed(error);
            return;
        }
        TokenSet stored;
        if (!d->adoptStored(value, &stored)) {
            d->setState(State::SignedOut);
            Q_EMIT restoreFailed(AuthError()); // nothing kept: not an error
            return;
        }
        d->keep = true;
        Q_EMIT keepSignedInChanged();
        d->setTokens(stored);
        if (stored.isAccessTokenValid(d->now()) && stored.expiresAt.isValid()
            && (!d->canRefresh() || d->now() < stored.expiresAt.addSecs(-effectiveLeadTime(stored.lifetimeSeconds())))) {
            qCInfo(lcSession) << "restored" << d->profile.id << d->username;
            d->setState(State::SignedIn);
            d->armTimer();
            d->resolveWaiters({});
            Q_EMIT signedIn();
            return;
        }
        if (stored.isAccessTokenValid(d->now()) && !stored.expiresAt.isValid() && !d->canRefresh()) {
            // unknown expiry and nothing to renew with: trust it until the server says 401
            d->setState(State::SignedIn);
            d->resolveWaiters({});
            Q_EMIT signedIn();
            return;
        }
        if (d->canRefresh()) {
            d->stateBeforeOperation = State::SigningIn;
            d->operation = SessionPrivate::Operation::Refresh;
            d->setState(State::Refreshing);
            d->sendRefresh();
            return;
        }
        d->clearTokens();
        d->forgetStored();
        d->setState(State::SignedOut);
        const AuthError reason(ErrorCategory::RefreshRejected, QStringLiteral("The kept session has expired."));
        d->setLastError(reason);
        Q_EMIT restoreFailed(reason);
    });
}

void Session::checkExpiry()
{
    if (!isSignedIn() || isBusy() || d->tokens.isEmpty())
        return;
    if (d->timerAction == SessionPrivate::TimerAction::None)
        return;
    if (d->timerDueAt.isValid() && d->now() >= d->timerDueAt) {
        d->timer.stop();
        d->onTimer();
    } else if (d->timerAction != SessionPrivate::TimerAction::Retry && d->timerDueAt.isValid()) {
        // re-aim the timer only when the wall clock moved against the monotonic one (resume,
        // clock change); re-arming on every request showed up in the benchmarks
        const qint64 expectedMs = d->now().msecsTo(d->timerDueAt);
        if (qAbs(expectedMs - d->timer.remainingTime()) > 1000)
            d->armTimer();
    }
}

void Session::withFreshToken(QObject *context, std::function<void(const AuthError &, const QByteArray &)> callback)
{
    QPointer<QObject> guard(context);
    auto later = [this, guard, callback](const AuthError &e, const QByteArray &header) {
        QMetaObject::invokeMethod(this, [guard, callback, e, header] {
            if (guard)
                callback(e, header);
        }, Qt::QueuedConnection);
    };
    if (d->state == State::SigningIn || d->state == State::Refreshing) {
        d->waiters.append({guard, callback});
        return;
    }
    if (!isSignedIn()) {
        later(d->state == State::Expired ? d->lastError
                                         : AuthError(ErrorCategory::Configuration, QStringLiteral("Not signed in.")),
              {});
        return;
    }
    checkExpiry();
    if (d->state == State::Refreshing) {
        d->waiters.append({guard, callback});
        return;
    }
    if (d->tokens.isAccessTokenValid(d->now())) {
        later({}, d->authorization());
        return;
    }
    if (d->canRefresh()) {
        d->waiters.append({guard, callback});
        d->startRefresh();
        return;
    }
    d->expire(AuthError(ErrorCategory::RefreshRejected, QStringLiteral("The access token expired and this provider cannot renew it.")));
    later(d->lastError, {});
}

SessionReply *Session::probe()
{
    PreparedRequest p = d->builder().probe(d->tokens);
    auto *reply = new SessionReply(this);
    reply->d->session = this;
    if (!p.isValid()) {
        reply->d->error = p.error;
        QMetaObject::invokeMethod(reply, [reply] {
            reply->d->finished = true;
            Q_EMIT reply->finished();
        }, Qt::QueuedConnection);
        return reply;
    }
    reply->d->request = p.request;
    reply->d->verb = p.verb;
    reply->d->body = p.body;
    reply->d->retried = true; // a probe is not retried: it shows what the server says
    if (d->profile.probe.authorized)
        reply->d->request.setRawHeader("Authorization", d->authorization());
    reply->sendNow();
    return reply;
}

SessionReply *Session::send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body)
{
    auto *reply = new SessionReply(this);
    reply->d->session = this;
    QUrl target = request.url();
    reply->d->request = std::move(request);
    reply->d->verb = verb.toUpper();
    reply->d->body = body;
    if (!d->baseUrlError)
        d->baseUrlError = d->builder().checkUrl(d->baseUrl);
    AuthError urlError;
    bool sameOrigin = true;
    if (target.isRelative()) {
        // resolved against the base URL: same origin by construction, and the base URL's own
        // check is done once per configuration rather than per request
        const QString path = target.toString(QUrl::FullyEncoded);
        target = url(path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path);
        urlError = *d->baseUrlError;
        reply->d->request.setUrl(target);
    } else {
        const auto defaultPort = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
        sameOrigin = target.scheme() == d->baseUrl.scheme() && target.host() == d->baseUrl.host()
            && defaultPort(target) == defaultPort(d->baseUrl);
        // checkUrl() looks at validity, scheme and host only: a valid URL on the base URL's origin
        // passes exactly when the base URL does
        if (!sameOrigin || !target.isValid() || d->baseUrlError->isError())
            urlError = d->builder().checkUrl(target);
    }
    if (urlError.isError() || !sameOrigin) {
        reply->d->error = urlError.isError() ? urlError
                                             : AuthError(ErrorCategory::Configuration,
                                                         QStringLiteral("Refusing to send the token to another origin (%1).").arg(target.host()));
        QMetaObject::invokeMethod(reply, [reply] {
            reply->d->finished = true;
            Q_EMIT reply->finished();
        }, Qt::QueuedConnection);
        return reply;
    }
    if (reply->d->request.transferTimeout() == 0)
        reply->d->request.setTransferTimeout(d->timeout);
    reply->d->request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    reply->authorizeAndSend();
    return reply;
}

} // namespace AuthSession
