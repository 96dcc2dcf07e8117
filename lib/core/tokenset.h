// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace AuthSession {

/*!
 * \class AuthSession::TokenSet
 * The tokens one sign-in or refresh produced, and what is known about them. A plain value type.
 *
 * \code
 * TokenSet tokens = TokenSet::fromJson(storedJson);
 * if (tokens.isAccessTokenValid(QDateTime::currentDateTimeUtc()))
 *     request.setRawHeader("Authorization", tokens.authorizationHeader());
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT TokenSet
{
public:
    QString accessToken;
    QString refreshToken;
    QString idToken;
    QString tokenType; //!< as the server sent it; authorizationHeader() normalises "bearer"
    QString scope;
    QDateTime expiresAt; //!< UTC; invalid when unknown
    QDateTime issuedAt; //!< UTC, local clock: when the request that produced the tokens was sent
    QDateTime passwordExpiresAt; //!< UTC; when the API says the password expires (Tangerine365)
    QJsonObject user; //!< what the API returned about the user (profile data or id-token claims)

    //! True when there is an access token.
    bool isEmpty() const { return accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }
    //! True when there is an access token that has not expired at \a now (unknown expiry counts as valid).
    bool isAccessTokenValid(const QDateTime &now) const;
    //! Seconds the access token lived when issued, -1 when unknown.
    qint64 lifetimeSeconds() const;
    //! "Bearer <token>" (or the server's token type) for the Authorization header.
    QByteArray authorizationHeader() const;

    //! Serialises everything, secrets included: only for the token store.
    QJsonObject toJson() const;
    static TokenSet fromJson(const QJsonObject &json);

    bool operator==(const TokenSet &other) const;
    bool operator!=(const TokenSet &other) const { return !(*this == other); }
};

} // namespace AuthSession

Q_DECLARE_METATYPE(AuthSession::TokenSet)
