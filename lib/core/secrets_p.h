// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>

namespace AuthSession {
namespace Secrets {

// Overwrites the bytes in place, also where implicitly shared copies point at them, then clears.
// QByteArray::fill() would detach first and leave the shared original untouched. The volatile
// pointer keeps the compiler from dropping the "dead" stores.
inline void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        volatile char *p = const_cast<char *>(bytes.constData());
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

inline void wipe(QString &text)
{
    if (!text.isEmpty()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(const_cast<QChar *>(text.constData()));
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
    text.clear();
}

} // namespace Secrets
} // namespace AuthSession
