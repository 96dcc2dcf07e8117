// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "trackingtokenstore.h"

#include <QEventLoop>
#include <QTimer>

namespace AuthSession {

TrackingTokenStore::TrackingTokenStore(TokenStore *target, QObject *parent)
    : TokenStore(parent)
    , m_target(target)
{
}

TrackingTokenStore::~TrackingTokenStore() = default;

void TrackingTokenStore::finish(const AuthError &error)
{
    if (error.isError() && !m_error.isError())
        m_error = error;
    if (--m_pending == 0)
        Q_EMIT idle();
}

// The callbacks run in this store's context and forward to the caller's only while it lives, so
// the count stays right even when the caller (the Session) is gone first.
void TrackingTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    m_lastKey = key;
    ++m_pending;
    QPointer<QObject> guard(context);
    m_target->read(key, this, [this, guard, done](const QByteArray &value, const AuthError &error) {
        finish(error);
        if (guard && done)
            done(value, error);
    });
}

void TrackingTokenStore::write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done)
{
    m_lastKey = key;
    ++m_pending;
    QPointer<QObject> guard(context);
    m_target->write(key, value, this, [this, guard, done](const AuthError &error) {
        finish(error);
        if (guard && done)
            done(error);
    });
}

void TrackingTokenStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    m_lastKey = key;
    ++m_pending;
    QPointer<QObject> guard(context);
    m_target->remove(key, this, [this, guard, done](const AuthError &error) {
        finish(error);
        if (guard && done)
            done(error);
    });
}

bool TrackingTokenStore::waitForIdle(int timeoutMs)
{
    if (m_pending == 0)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &TrackingTokenStore::idle, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return m_pending == 0;
}

} // namespace AuthSession
