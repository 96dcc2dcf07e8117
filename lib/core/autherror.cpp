// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "autherror.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace AuthSession {

AuthError::AuthError(ErrorCategory category, const QString &detail, int httpStatus)
    : m_category(category)
    , m_detail(detail)
    , m_httpStatus(httpStatus)
{
}

// Reason phrases that servers put in their error bodies: they say less than our own sentence.
static bool isGenericReason(const QString &text)
{
    static const QStringList generic = {
        QStringLiteral("unauthorized"), QStringLiteral("bad request"), QStringLiteral("forbidden"),
        QStringLiteral("not found"), QStringLiteral("internal server error"), QStringLiteral("bad gateway"),
        QStringLiteral("service unavailable"), QStringLiteral("gateway timeout"), QStringLiteral("too many requests"),
        QStringLiteral("error"), QStringLiteral("invalid_grant"), QStringLiteral("login failed")};
    QString t = text.trimmed().toLower();
    if (t.endsWith(QLatin1Char('.')))
        t.chop(1);
    return generic.contains(t);
}

QString AuthError::message() const
{
    if (!m_serverMessage.isEmpty() && !isGenericReason(m_serverMessage))
        return m_serverMessage;
    if (!m_detail.isEmpty())
        return categoryText(m_category) + QLatin1Char(' ') + m_detail;
    return categoryText(m_category);
}

bool AuthError::isTransient() const
{
    switch (m_category) {
    case ErrorCategory::Network:
    case ErrorCategory::Timeout:
    case ErrorCategory::Server:
    case ErrorCategory::RateLimited:
        return true;
    default:
        return false;
    }
}

QString AuthError::categoryName(ErrorCategory category)
{
    return QString::fromLatin1(QMetaEnum::fromType<ErrorCategory>().valueToKey(int(category)));
}

QString AuthError::categoryText(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::NoError:
        return {};
    case ErrorCategory::InvalidCredentials:
        return QCoreApplication::translate("AuthSession::AuthError", "The username or password is wrong.");
    case ErrorCategory::AccountProblem:
        return QCoreApplication::translate("AuthSession::AuthError", "There is a problem with this account.");
    case ErrorCategory::RateLimited:
        return QCoreApplication::translate("AuthSession::AuthError", "Too many attempts. Please wait before trying again.");
    case ErrorCategory::Network:
        return QCoreApplication::translate("AuthSession::AuthError", "The server could not be reached.");
    case ErrorCategory::Timeout:
        return QCoreApplication::translate("AuthSession::AuthError", "The server did not answer in time.");
    case ErrorCategory::Tls:
        return QCoreApplication::translate("AuthSession::AuthError", "The secure connection could not be established.");
    case ErrorCategory::Server:
        return QCoreApplication::translate("AuthSession::AuthError", "The server had a problem.");
    case ErrorCategory::Protocol:
        return QCoreApplication::translate("AuthSession::AuthError", "The server sent an unexpected answer.");
    case ErrorCategory::RefreshRejected:
        return QCoreApplication::translate("AuthSession::AuthError", "The session has ended. Please sign in again.");
    case ErrorCategory::Storage:
        return QCoreApplication::translate("AuthSession::AuthError", "The system keychain is not available.");
    case ErrorCategory::Cancelled:
        return QCoreApplication::translate("AuthSession::AuthError", "Cancelled.");
    case ErrorCategory::Configuration:
        return QCoreApplication::translate("AuthSession::AuthError", "The sign-in is not configured correctly.");
    }
    return {};
}

QString AuthError::toString() const
{
    QString s = categoryName(m_category) + QLatin1String(": ") + categoryText(m_category);
    if (!m_detail.isEmpty())
        s += QLatin1Char(' ') + m_detail;
    if (!m_serverMessage.isEmpty())
        s += QLatin1String(" Server said: ") + m_serverMessage;
    if (m_httpStatus)
        s += QLatin1String(" (HTTP ") + QString::number(m_httpStatus) + QLatin1Char(')');
    return s;
}

bool AuthError::operator==(const AuthError &o) const
{
    return m_category == o.m_category && m_detail == o.m_detail && m_serverMessage == o.m_serverMessage
        && m_serverCode == o.m_serverCode && m_httpStatus == o.m_httpStatus && m_retryAfter == o.m_retryAfter;
}

} // namespace AuthSession
