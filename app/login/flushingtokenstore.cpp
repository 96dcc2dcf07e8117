// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "flushingtokenstore.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace AuthSession {

FlushingTokenStore::FlushingTokenStore(TokenStore *inner, QObject *parent)
    : TokenStore(parent)
    , m_inner(inner)
{
}

void FlushingTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    ++m_pending;
    QPointer<QObject> guard(context);
    m_inner->read(key, this, [this, guard, done](const QByteArray &value, const AuthError &error) {
        if (guard)
            done(value, error);
        finished();
    });
}

void FlushingTokenStore::write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done)
{
    ++m_pending;
    QPointer<QObject> guard(context);
    // The inner call runs in this store's context: it completes even when the caller is gone.
    m_inner->write(key, value, this, [this, guard, done](const AuthError &error) {
        if (guard)
            done(error);
        finished();
    });
}

void FlushingTokenStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    ++m_pending;
    QPointer<QObject> guard(context);
    m_inner->remove(key, this, [this, guard, done](const AuthError &error) {
        if (guard)
            done(error);
        finished();
    });
}

void FlushingTokenStore::finished()
{
    if (--m_pending == 0)
        Q_EMIT idle();
}

bool FlushingTokenStore::waitUntilIdle(int ms)
{
    if (m_pending == 0)
        return true;
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    connect(this, &FlushingTokenStore::idle, &loop, &QEventLoop::quit);
    loop.exec();
    return m_pending == 0;
}

} // namespace AuthSession
