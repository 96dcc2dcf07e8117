// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace AuthSession {

/*!
 * \class AuthSession::Jwt
 * Decodes JSON Web Tokens (RFC 7519) without verifying them: the client has no key, it only reads
 * the claims (exp, exi, iat, sub) to know when a token expires and whom it names. The sandbox also
 * uses encodeHs256() to issue tokens shaped as the real APIs issue them.
 *
 * \code
 * bool ok = false;
 * const QJsonObject claims = Jwt::payload(accessToken, &ok);
 * if (ok && claims.contains(QLatin1String("exp"))) ...
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT Jwt
{
public:
    //! The payload claims of \a token; an empty object and *ok false when it is not a JWT.
    static QJsonObject payload(const QString &token, bool *ok = nullptr);
    //! base64url without padding, as JWTs use it; *ok false on characters outside the alphabet.
    static QByteArray decodeBase64Url(const QByteArray &data, bool *ok = nullptr);
    static QByteArray encodeBase64Url(const QByteArray &data);
    //! A signed HS256 token with \a claims, for the sandbox.
    static QString encodeHs256(const QJsonObject &claims, const QByteArray &key);
};

} // namespace AuthSession
