// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace AuthSession {

/*!
 * \class AuthSession::JsonPointer
 * RFC 6901 JSON Pointers, as profiles use them to say where a response keeps its parts.
 *
 * \code
 * bool found = false;
 * QJsonValue token = JsonPointer::value(document, QStringLiteral("/tokens/accessToken"), &found);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT JsonPointer
{
public:
    //! True for "" (the whole document) and for "/a/b~1c/0"; false for "a", "/a~2".
    static bool isValid(const QString &pointer);
    //! The value \a pointer selects in \a root; Undefined (and *found false) when it selects nothing.
    static QJsonValue value(const QJsonValue &root, const QString &pointer, bool *found = nullptr);
    //! Sets the value at \a pointer in \a root, creating objects (never arrays) on the way.
    //! Returns false when the pointer is invalid or crosses a non-object.
    static bool setValue(QJsonObject &root, const QString &pointer, const QJsonValue &value);
};

} // namespace AuthSession
