// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "tokenstore.h"

#include "clock.h"
#include "memorytokenstore.h"
#include "secrets_p.h"

#include <QMetaObject>
#include <QPointer>

namespace AuthSession {

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

TokenStore::~TokenStore() = default;

QString TokenStore::entryKey(const QString &profileId, const QString &host, const QString &account)
{
    return QLatin1String("authsession/") + profileId + QLatin1Char('/') + host + QLatin1Char('/') + account;
}

QDateTime Clock::systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

MemoryTokenStore::MemoryTokenStore(QObject *parent)
    : TokenStore(parent)
{
}

MemoryTokenStore::~MemoryTokenStore()
{
    for (QByteArray &value : m_entries)
        Secrets::wipe(value);
}

// Callbacks run from the event loop, never inside the call: the same contract as the keychain.
template<typename F>
static void later(QObject *context, F &&f)
{
    QMetaObject::invokeMethod(context, std::forward<F>(f), Qt::QueuedConnection);
}

void MemoryTokenStore::read(const QString &key, QObject *context, ReadCallback done)
{
    later(context, [value = m_entries.value(key), done] { done(value, {}); });
}

void MemoryTokenStore::write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done)
{
    m_entries.insert(key, value);
    later(context, [done] { done({}); });
}

void MemoryTokenStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    QByteArray old = m_entries.take(key);
    Secrets::wipe(old);
    later(context, [done] { done({}); });
}

} // namespace AuthSession
