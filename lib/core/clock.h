// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QDateTime>

#include <functional>

namespace AuthSession {

/*!
 * \class AuthSession::Clock
 * The wall clock the Session reads (UTC). Tests and embedders replace it to simulate suspend and
 * resume or a skewed system clock.
 *
 * \code
 * QDateTime fake = QDateTime::currentDateTimeUtc();
 * session.setClock([&fake] { return fake; });
 * fake = fake.addSecs(3600);       // "resume" an hour later
 * session.checkExpiry();           // refreshes at once if the refresh is overdue
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT Clock
{
public:
    using Function = std::function<QDateTime()>;
    //! QDateTime::currentDateTimeUtc().
    static QDateTime systemNow();
};

} // namespace AuthSession
