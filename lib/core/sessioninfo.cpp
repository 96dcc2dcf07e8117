// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessioninfo.h"

#include <AuthSession/session.h>

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace AuthSession {

struct SessionInfo::Private {
    QPointer<Session> session;
    QList<QMetaObject::Connection> connections;
    QTimer timer;
    Clock::Function clock = &Clock::systemNow;

    int secondsUntil(const QDateTime &when) const
    {
        if (!when.isValid())
            return -1;
        return int(qMax<qint64>(0, (clock().msecsTo(when) + 999) / 1000));
    }
    QString userField(std::initializer_list<const char *> keys) const
    {
        if (!session)
            return {};
        const QJsonObject user = session->user();
        for (const char *key : keys) {
            const QJsonValue v = user.value(QLatin1String(key));
            if (v.isString() && !v.toString().isEmpty())
                return v.toString();
            if (v.isDouble())
                return QString::number(v.toDouble(), 'g', 15);
        }
        return {};
    }
};

SessionInfo::SessionInfo(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->timer.setInterval(1000);
    connect(&d->timer, &QTimer::timeout, this, &SessionInfo::tick);
}

SessionInfo::~SessionInfo() = default;

Session *SessionInfo::session() const
{
    return d->session;
}

void SessionInfo::setSession(Session *session)
{
    if (session == d->session)
        return;
    for (const auto &c : std::as_const(d->connections))
        disconnect(c);
    d->connections.clear();
    d->session = session;
    const auto updateTimer = [this] {
        // Tick only while there is something to count down; no timer runs on the sign-in screen.
        if (d->session && d->session->isSignedIn())
            d->timer.start();
        else
            d->timer.stop();
        Q_EMIT tick();
    };
    if (session) {
        d->connections << connect(session, &Session::userChanged, this, &SessionInfo::userChanged);
        d->connections << connect(session, &Session::usernameChanged, this, &SessionInfo::userChanged);
        d->connections << connect(session, &Session::expiresAtChanged, this, &SessionInfo::tick);
        d->connections << connect(session, &Session::nextRefreshAtChanged, this, &SessionInfo::tick);
        d->connections << connect(session, &Session::stateChanged, this, updateTimer);
    }
    updateTimer();
    Q_EMIT userChanged();
    Q_EMIT sessionChanged();
}

QString SessionInfo::displayName() const
{
    const QString name = d->userField({"name", "preferred_username", "username", "displayName"});
    return name.isEmpty() && d->session ? d->session->username() : name;
}

QString SessionInfo::email() const
{
    return d->userField({"email", "mail"});
}

QString SessionInfo::subject() const
{
    return d->userField({"sub", "id", "userId"});
}

int SessionInfo::expiresIn() const
{
    return d->session ? d->secondsUntil(d->session->expiresAt()) : -1;
}

int SessionInfo::refreshIn() const
{
    return d->session ? d->secondsUntil(d->session->nextRefreshAt()) : -1;
}

QString SessionInfo::expiresInText() const
{
    return formatDuration(expiresIn());
}

QString SessionInfo::refreshInText() const
{
    if (!d->session || !d->session->nextRefreshAt().isValid())
        //: No refresh timer is armed (no refresh token or no known expiry)
        return tr("not scheduled");
    return formatDuration(refreshIn());
}

QString SessionInfo::passwordExpiryText() const
{
    return d->session ? passwordExpiryWarning(d->session->passwordExpiresAt(), d->clock(), 14)
                      : QString();
}

void SessionInfo::setClock(Clock::Function clock)
{
    d->clock = clock ? std::move(clock) : Clock::Function(&Clock::systemNow);
    Q_EMIT tick();
}

QString SessionInfo::formatDuration(int seconds)
{
    if (seconds < 0)
        //: Token lifetime not known
        return tr("unknown");
    if (seconds == 0)
        return tr("expired");
    const int days = seconds / 86400;
    const int hours = (seconds % 86400) / 3600;
    const int minutes = (seconds % 3600) / 60;
    const int secs = seconds % 60;
    if (days > 0)
        //: Duration: %1 days, %2 hours
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        //: Duration: %1 hours, %2 minutes
        return tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        //: Duration: %1 minutes, %2 seconds
        return tr("%1 min %2 s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    //: Duration: %1 seconds
    return tr("%1 s").arg(secs);
}

QString SessionInfo::passwordExpiryWarning(const QDateTime &expiresAt, const QDateTime &now, int warningDays)
{
    if (!expiresAt.isValid() || !now.isValid())
        return {};
    const qint64 seconds = now.secsTo(expiresAt);
    if (seconds <= 0)
        return tr("Your password has expired. Change it before you sign in again.");
    const qint64 days = seconds / 86400;
    if (days >= warningDays)
        return {};
    if (days == 0)
        return tr("Your password expires today. Change it soon.");
    //: %n = whole days left
    return tr("Your password expires in %n day(s). Change it soon.", "", int(days));
}

} // namespace AuthSession
