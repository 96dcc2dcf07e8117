// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QMetaType>
#include <QObject>
#include <QString>

namespace AuthSession {

Q_NAMESPACE_EXPORT(AUTHSESSIONCORE_EXPORT)

/*!
 * What went wrong, in a category the UI can act on. Every failure the library reports is one of
 * these; the server's own message and HTTP status travel alongside in AuthError.
 */
enum class ErrorCategory {
    NoError, //!< not an error
    InvalidCredentials, //!< wrong username, password or external token
    AccountProblem, //!< locked account, expired password ...
    RateLimited, //!< too many attempts; see AuthError::retryAfterSeconds()
    Network, //!< connection refused, reset, host not found
    Timeout, //!< no answer within the request timeout
    Tls, //!< certificate or handshake problem
    Server, //!< HTTP 5xx
    Protocol, //!< unexpected, malformed or oversized response
    RefreshRejected, //!< the server refused the refresh token: sign in again
    Storage, //!< the keychain is unavailable, locked or refused access
    Cancelled, //!< the caller cancelled the request
    Configuration, //!< the profile or the call is wrong (bad URL, insecure http, missing field)
};
Q_ENUM_NS(ErrorCategory)

/*!
 * \class AuthSession::AuthError
 * One failure: its category, a message for people, the server's own message (when it sent one), the
 * HTTP status (0 when none was received) and, for RateLimited, how long to wait.
 *
 * \code
 * connect(&session, &Session::signInFailed, this, [](const AuthError &e) {
 *     if (e.category() == ErrorCategory::InvalidCredentials)
 *         showMessage(e.message());
 * });
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT AuthError
{
    Q_GADGET
    Q_PROPERTY(AuthSession::ErrorCategory category READ category)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QString serverMessage READ serverMessage)
    Q_PROPERTY(QString serverCode READ serverCode)
    Q_PROPERTY(int httpStatus READ httpStatus)
    Q_PROPERTY(int retryAfterSeconds READ retryAfterSeconds)
    Q_PROPERTY(bool isError READ isError)
public:
    //! No error.
    AuthError() = default;
    //! An error of \a category with a technical \a detail (shown after the category's text).
    AuthError(ErrorCategory category, const QString &detail = {}, int httpStatus = 0);

    ErrorCategory category() const { return m_category; }
    //! True for anything but NoError.
    bool isError() const { return m_category != ErrorCategory::NoError; }
    //! A sentence for people: the server's message when it says more than a bare reason phrase
    //! ("Unauthorized", "Bad Request"), else a text for the category.
    QString message() const;
    //! The technical detail (never a secret).
    QString detail() const { return m_detail; }
    //! The message the server sent, if any.
    QString serverMessage() const { return m_serverMessage; }
    void setServerMessage(const QString &message) { m_serverMessage = message; }
    //! The server's error code (OAuth2 `error`, datarhei `code`...), if any.
    QString serverCode() const { return m_serverCode; }
    void setServerCode(const QString &code) { m_serverCode = code; }
    int httpStatus() const { return m_httpStatus; }
    void setHttpStatus(int status) { m_httpStatus = status; }
    //! Seconds to wait before trying again (Retry-After), -1 when unknown.
    int retryAfterSeconds() const { return m_retryAfter; }
    void setRetryAfterSeconds(int seconds) { m_retryAfter = seconds; }
    //! True for failures worth retrying: Network, Timeout, Server, RateLimited.
    bool isTransient() const;

    //! A stable English name of the category ("InvalidCredentials") for logs and scripts.
    static QString categoryName(ErrorCategory category);
    //! A translated sentence describing \a category.
    static QString categoryText(ErrorCategory category);

    //! One line for logs and the command line: "InvalidCredentials: <message>".
    QString toString() const;

    bool operator==(const AuthError &other) const;
    bool operator!=(const AuthError &other) const { return !(*this == other); }

private:
    ErrorCategory m_category = ErrorCategory::NoError;
    QString m_detail;
    QString m_serverMessage;
    QString m_serverCode;
    int m_httpStatus = 0;
    int m_retryAfter = -1;
};

} // namespace AuthSession

Q_DECLARE_METATYPE(AuthSession::AuthError)
