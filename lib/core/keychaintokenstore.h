// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/tokenstore.h>

#include <memory>

namespace AuthSession {

class KeychainTokenStorePrivate;

/*!
 * \class AuthSession::KeychainTokenStore
 * A TokenStore in the OS keychain through QtKeychain: Secret Service or KWallet on Linux, the
 * Windows Credential Manager, the macOS Keychain. Values are split into chunks of at most
 * chunkSize bytes (below Windows' 2,560-byte credential limit) with a small header entry that
 * records the chunk count and a checksum, so a half-written or corrupt entry is detected and
 * discarded instead of trusted.
 *
 * When no keychain is available, locked or access is denied, every call fails with a Storage
 * error whose message a person understands; nothing is written anywhere else unless the embedding
 * application calls enableInsecurePlainTextFallback().
 *
 * \code
 * KeychainTokenStore store(QStringLiteral("MyApp"));
 * session.setTokenStore(&store);
 * session.setKeepSignedIn(true);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT KeychainTokenStore : public TokenStore
{
    Q_OBJECT
public:
    static constexpr int chunkSize = 2000;

    //! \a service names the keychain entries' service (the application).
    explicit KeychainTokenStore(const QString &service = QStringLiteral("AuthSession"), QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    QString service() const;

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    /*!
     * INSECURE: when the keychain is unavailable, keep entries in the plain-text file \a fileName
     * (mode 0600) instead of failing. Logs a warning every time it is used. Only for embedders that
     * accept the risk; nothing calls this by default.
     */
    void enableInsecurePlainTextFallback(const QString &fileName);

private:
    std::unique_ptr<KeychainTokenStorePrivate> const d;
};

} // namespace AuthSession
