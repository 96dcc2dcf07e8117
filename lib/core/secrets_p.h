// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QString>

namespace AuthSession {
namespace Secrets {

// Overwrites a buffer this library created (a request body, a serialised token set) in place,
// then clears it. In place on purpose: QByteArray::fill() would detach and leave the copy that
// QNetworkAccessManager held untouched. Static data (literals) is read-only and never a secret we
// built, so it is only released. The volatile pointer keeps the compiler from dropping the stores.
inline void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.data_ptr().isMutable()) {
        volatile char *p = const_cast<char *>(bytes.constData());
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

// Overwrites \a text in place only when this copy is the sole owner of its characters: a
// caller's password string (still shown in a line edit, say) must not change under its feet.
inline void wipe(QString &text)
{
    if (!text.isEmpty() && text.isDetached() && text.data_ptr().isMutable()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(const_cast<QChar *>(text.constData()));
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
    text.clear();
}

} // namespace Secrets
} // namespace AuthSession
