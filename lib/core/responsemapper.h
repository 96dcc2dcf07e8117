// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/autherror.h>
#include <AuthSession/profile.h>
#include <AuthSession/tokenset.h>

#include <QDateTime>

class QNetworkReply;
class QSslError;

namespace AuthSession {

/*!
 * What came back for one request: status, headers that matter, body, and the local times the
 * request was sent and the answer received (for expiry and clock-skew correction).
 */
struct AUTHSESSIONCORE_EXPORT HttpAnswer {
    int status = 0; //!< 0 when no HTTP answer was received
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter; //!< raw Retry-After header
    QDateTime serverDate; //!< the Date header: the server's clock, to correct absolute expiry times
    QDateTime sentAt; //!< UTC, local clock
    QDateTime receivedAt; //!< UTC, local clock
    AuthError transportError; //!< Network, Timeout, Tls, Cancelled, Protocol (oversized); NoError otherwise

    //! Reads status, headers, body and the transport error from a finished \a reply.
    static HttpAnswer fromReply(QNetworkReply *reply, const QDateTime &sentAt, const QDateTime &receivedAt);
    //! Aborts \a reply once its body (announced or received) exceeds \a maxBytes; fromReply() then
    //! reports a Protocol error instead of a network one. Auth answers are small: the default cap is 1 MiB.
    static void limitSize(QNetworkReply *reply, qint64 maxBytes = 1024 * 1024);
    //! Aborts \a reply as cancelled by the caller (fromReply() reports Cancelled, not Timeout).
    static void cancel(QNetworkReply *reply);
    //! Records TLS errors on \a reply so that fromReply() names them; call from QNetworkReply::sslErrors.
    static void noteSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
};

/*!
 * \class AuthSession::ResponseMapper
 * Turns an answer into a TokenSet or an AuthError, driven only by the profile's response mapping.
 * Never throws and never crashes on malformed input: anything unexpected is a Protocol error.
 *
 * Expiry, in this order: expires_in (from when the request was sent), the absolute expiry field,
 * JWT `exi` (relative), JWT `exp` corrected by the skew between the JWT `iat` and the local clock
 * at receipt, else unknown.
 *
 * \code
 * ResponseMapper::Result r = ResponseMapper::map(profile, ResponseMapper::SignIn, answer);
 * if (r.error.isError()) ... else use(r.tokens);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT ResponseMapper
{
public:
    enum Kind { SignIn, ExternalSignIn, Refresh };
    struct Result {
        TokenSet tokens;
        AuthError error;
        bool isOk() const { return !error.isError(); }
    };

    static Result map(const Profile &profile, Kind kind, const HttpAnswer &answer);
    //! The mapping a \a kind of request uses (refresh falls back to the sign-in mapping).
    static const Profile::ResponseMapping &mapping(const Profile &profile, Kind kind);
    //! Parses an absolute time in \a format ("auto", "iso8601", "unix", "unix-ms" or a QDateTime
    //! format read as UTC); invalid when it can't.
    static QDateTime parseTime(const QJsonValue &value, const QString &format);
    //! Seconds from a Retry-After header (delta-seconds or HTTP-date), -1 when absent or malformed.
    static int parseRetryAfter(const QByteArray &header, const QDateTime &now);
    //! An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT") in UTC; invalid when malformed.
    static QDateTime parseHttpDate(const QByteArray &header);
};

} // namespace AuthSession
