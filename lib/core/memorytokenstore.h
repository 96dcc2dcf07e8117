// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/tokenstore.h>

#include <QHash>

namespace AuthSession {

/*!
 * \class AuthSession::MemoryTokenStore
 * A TokenStore that keeps entries in memory only: nothing touches disk. For sessions that are not
 * kept, for tests, and as the working fallback when no keychain is available.
 *
 * \code
 * MemoryTokenStore store;
 * session.setTokenStore(&store);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT MemoryTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit MemoryTokenStore(QObject *parent = nullptr);
    ~MemoryTokenStore() override;

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    //! The keys held (for tests).
    QStringList keys() const { return m_entries.keys(); }

private:
    QHash<QString, QByteArray> m_entries;
};

} // namespace AuthSession
