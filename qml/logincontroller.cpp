// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "logincontroller.h"

#include <AuthSession/preferences.h>
#include <AuthSession/session.h>
#include <AuthSession/sessioninfo.h>

#include <QDeadlineTimer>
#include <QTimer>

namespace AuthSession {

struct LoginController::Private {
    QPointer<Session> session;
    QList<QMetaObject::Connection> connections;
    AuthError error;
    QDeadlineTimer retryDeadline;
    QTimer tick;
    int countdown = 0;
    bool busy = false;
    bool canSubmit = true;
    int capsLock = -1; // unknown
    int warningDays = 14;
    int defaultRetryAfter = 30;
    QString preferencesGroup = QStringLiteral("AuthSession");
    QString expiryText;
    Clock::Function clock = &Clock::systemNow;
};

LoginController::LoginController(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    // A short tick so the countdown never lags a full second behind the deadline.
    d->tick.setInterval(200);
    connect(&d->tick, &QTimer::timeout, this, [this] {
        const qint64 ms = d->retryDeadline.remainingTime();
        const int seconds = ms <= 0 ? 0 : int((ms + 999) / 1000);
        if (seconds == d->countdown)
            return;
        d->countdown = seconds;
        if (seconds == 0)
            d->tick.stop();
        Q_EMIT retryCountdownChanged();
        Q_EMIT errorChanged();
        // canSubmit depends on the countdown.
        const bool can = !d->busy && d->countdown == 0;
        if (can != d->canSubmit) {
            d->canSubmit = can;
            Q_EMIT canSubmitChanged();
        }
    });
}

LoginController::~LoginController() = default;

Session *LoginController::session() const
{
    return d->session;
}

void LoginController::setSession(Session *session)
{
    if (session == d->session)
        return;
    for (const auto &c : std::as_const(d->connections))
        disconnect(c);
    d->connections.clear();
    d->session = session;

    const auto updateState = [this] {
        const bool busy = d->session && d->session->isBusy();
        if (busy != d->busy) {
            d->busy = busy;
            Q_EMIT busyChanged();
        }
        const bool can = !d->busy && d->countdown == 0;
        if (can != d->canSubmit) {
            d->canSubmit = can;
            Q_EMIT canSubmitChanged();
        }
    };
    const auto updateExpiry = [this] {
        const QString text = d->session
            ? passwordExpiryWarning(d->session->passwordExpiresAt(), d->clock(), d->warningDays)
            : QString();
        if (text != d->expiryText) {
            d->expiryText = text;
            Q_EMIT passwordExpiryTextChanged();
        }
    };

    if (session) {
        d->connections << connect(session, &Session::stateChanged, this, updateState);
        d->connections << connect(session, &Session::userChanged, this, updateExpiry);
        d->connections << connect(session, &Session::signInFailed, this, [this](const AuthError &error) {
            if (error.category() == ErrorCategory::Cancelled) {
                clearError();
                return;
            }
            d->error = error;
            if (error.category() == ErrorCategory::RateLimited) {
                const int wait = error.retryAfterSeconds() > 0 ? error.retryAfterSeconds() : d->defaultRetryAfter;
                d->retryDeadline = QDeadlineTimer(qint64(wait) * 1000);
                d->countdown = wait;
                d->tick.start();
                Q_EMIT retryCountdownChanged();
                if (d->canSubmit) {
                    d->canSubmit = false;
                    Q_EMIT canSubmitChanged();
                }
            }
            Q_EMIT errorChanged();
            if (error.category() == ErrorCategory::InvalidCredentials)
                Q_EMIT passwordRejected();
        });
        d->connections << connect(session, &Session::signedIn, this, [this] {
            clearError();
            if (!d->preferencesGroup.isEmpty() && d->session) {
                // Non-secret choices only (STYLE/DESIGN: never a token or password in settings).
                Preferences prefs(d->preferencesGroup);
                prefs.setLastProfile(d->session->profileId());
                prefs.setLastUsername(d->session->username());
                prefs.setKeepSignedIn(d->session->keepSignedIn());
                if (d->session->keepSignedIn())
                    prefs.addAccount({d->session->profileId(), d->session->baseUrl(), d->session->username()});
            }
            Q_EMIT signedIn();
        });
    }
    updateState();
    updateExpiry();
    Q_EMIT sessionChanged();
}

bool LoginController::isBusy() const
{
    return d->busy;
}

bool LoginController::canSubmit() const
{
    return d->canSubmit;
}

bool LoginController::hasError() const
{
    return d->error.isError();
}

ErrorCategory LoginController::errorCategory() const
{
    return d->error.category();
}

QString LoginController::errorText() const
{
    if (!d->error.isError())
        return {};
    switch (d->error.category()) {
    case ErrorCategory::RateLimited:
        if (d->countdown > 0)
            //: Shown after HTTP 429; counts down every second
            return tr("Too many sign-in attempts. Try again in %n second(s).", "", d->countdown);
        return tr("Too many sign-in attempts. You can try again now.");
    case ErrorCategory::Network:
    case ErrorCategory::Timeout:
        //: %1 = what went wrong (a sentence)
        return tr("%1 Check your connection and try again.").arg(d->error.message());
    case ErrorCategory::Server:
        //: %1 = what went wrong (a sentence)
        return tr("%1 Try again in a few minutes.").arg(d->error.message());
    default:
        // InvalidCredentials, AccountProblem (locked, expired password) ...: the server's own words
        // when it sent some, else the category's sentence.
        return d->error.message();
    }
}

int LoginController::retryCountdown() const
{
    return d->countdown;
}

bool LoginController::isCapsLockOn() const
{
    return d->capsLock == 1;
}

QString LoginController::passwordExpiryText() const
{
    return d->expiryText;
}

int LoginController::passwordExpiryWarningDays() const
{
    return d->warningDays;
}

void LoginController::setPasswordExpiryWarningDays(int days)
{
    if (days == d->warningDays)
        return;
    d->warningDays = days;
    const QString text = d->session
        ? passwordExpiryWarning(d->session->passwordExpiresAt(), d->clock(), d->warningDays)
        : QString();
    d->expiryText = text;
    Q_EMIT passwordExpiryTextChanged();
}

int LoginController::defaultRetryAfter() const
{
    return d->defaultRetryAfter;
}

void LoginController::setDefaultRetryAfter(int seconds)
{
    if (seconds == d->defaultRetryAfter)
        return;
    d->defaultRetryAfter = seconds;
    Q_EMIT defaultRetryAfterChanged();
}

QString LoginController::preferencesGroup() const
{
    return d->preferencesGroup;
}

void LoginController::setPreferencesGroup(const QString &group)
{
    if (group == d->preferencesGroup)
        return;
    d->preferencesGroup = group;
    Q_EMIT preferencesGroupChanged();
}

void LoginController::setClock(Clock::Function clock)
{
    d->clock = clock ? std::move(clock) : Clock::Function(&Clock::systemNow);
}

QString LoginController::passwordExpiryWarning(const QDateTime &expiresAt, const QDateTime &now, int warningDays)
{
    return SessionInfo::passwordExpiryWarning(expiresAt, now, warningDays);
}

int LoginController::capsLockFromKey(const QString &text, Qt::KeyboardModifiers modifiers)
{
    if (text.size() != 1)
        return -1;
    const QChar c = text.at(0);
    // Only letters with distinct upper and lower case tell anything.
    if (!c.isLetter() || c.toUpper() == c.toLower())
        return -1;
    const bool shift = modifiers.testFlag(Qt::ShiftModifier);
    return (c.isUpper() != shift) ? 1 : 0;
}

bool LoginController::submit(const QString &username, const QString &password)
{
    if (!d->session)
        return false;
    if (d->busy) {
        cancel();
        return true;
    }
    if (!d->canSubmit || username.trimmed().isEmpty())
        return false;
    clearError();
    d->session->signIn(username.trimmed(), password);
    return true;
}

bool LoginController::submitToken(const QString &token)
{
    if (!d->session || d->busy || !d->canSubmit || token.trimmed().isEmpty())
        return false;
    clearError();
    d->session->signInWithToken(token.trimmed());
    return true;
}

void LoginController::cancel()
{
    if (d->session && d->busy)
        d->session->cancel();
}

void LoginController::handleKey(int key, int modifiers, const QString &text)
{
    int state = d->capsLock;
    if (key == Qt::Key_CapsLock)
        state = d->capsLock == 1 ? 0 : (d->capsLock == 0 ? 1 : -1);
    else {
        const int fromText = capsLockFromKey(text, Qt::KeyboardModifiers(modifiers));
        if (fromText >= 0)
            state = fromText;
    }
    if (state == d->capsLock)
        return;
    const bool wasOn = d->capsLock == 1;
    d->capsLock = state;
    if (wasOn != (state == 1))
        Q_EMIT capsLockOnChanged();
}

void LoginController::clearError()
{
    // The countdown keeps the RateLimited error visible: it is what explains the disabled button.
    if (!d->error.isError() || d->countdown > 0)
        return;
    d->error = AuthError();
    Q_EMIT errorChanged();
}

void LoginController::reset()
{
    clearError();
    if (d->capsLock != -1) {
        const bool wasOn = d->capsLock == 1;
        d->capsLock = -1;
        if (wasOn)
            Q_EMIT capsLockOnChanged();
    }
}

} // namespace AuthSession
