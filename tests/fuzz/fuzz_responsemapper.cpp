// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// libFuzzer harness: ResponseMapper::map on what a hostile server may send. Input layout:
//   byte 0: built-in profile (byte % 6, in the order below) and kind ((byte / 6) % 3)
//   bytes 1-2: HTTP status, big endian (taken modulo 600)
//   the rest: the body
// Also feeds the body to Retry-After parsing and the time parser.
#include <AuthSession/profileregistry.h>
#include <AuthSession/responsemapper.h>

#include <QJsonValue>

#include <cstddef>
#include <cstdint>

using namespace AuthSession;

namespace {
const char *const kProfiles[] = {"datarhei-core", "oauth2-password", "simple-form-login", "tangerine365", "terralayr", "v1-auth"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const QList<Profile> profiles = [] {
        QList<Profile> list;
        for (const char *id : kProfiles)
            list.append(ProfileRegistry::builtIn(QString::fromLatin1(id)));
        return list;
    }();
    const Profile &profile = profiles.at(data[0] % 6);
    const auto kind = ResponseMapper::Kind((data[0] / 6) % 3);
    HttpAnswer answer;
    answer.status = ((int(data[1]) << 8) | data[2]) % 600;
    answer.body = QByteArray(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    answer.contentType = QByteArrayLiteral("application/json");
    answer.sentAt = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // fixed: reproducible runs
    answer.receivedAt = answer.sentAt.addMSecs(150);
    answer.retryAfter = answer.body.left(40);
    const ResponseMapper::Result result = ResponseMapper::map(profile, kind, answer);
    (void)result.error.toString();
    (void)result.tokens.isEmpty();
    (void)ResponseMapper::parseRetryAfter(answer.retryAfter, answer.receivedAt);
    (void)ResponseMapper::parseTime(QJsonValue(QString::fromUtf8(answer.body.left(64))), QStringLiteral("auto"));
    return 0;
}
