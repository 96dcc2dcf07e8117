// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// libFuzzer harness: Jwt::payload and base64url decoding on hostile tokens, and RFC 6901 JSON
// Pointers (profiles carry them; the server's documents are walked with them). Input layout: a
// pointer, a newline, a token.
#include <AuthSession/jsonpointer.h>
#include <AuthSession/jwt.h>

#include <QJsonArray>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace AuthSession;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf('\n');
    const QString pointer = QString::fromUtf8(split < 0 ? QByteArray() : input.left(split));
    const QByteArray tokenBytes = split < 0 ? input : input.mid(split + 1);
    const QString token = QString::fromUtf8(tokenBytes);

    bool ok = false;
    const QJsonObject payload = Jwt::payload(token, &ok);
    (void)Jwt::decodeBase64Url(tokenBytes, &ok);
    (void)Jwt::encodeBase64Url(tokenBytes);

    (void)JsonPointer::isValid(pointer);
    bool found = false;
    (void)JsonPointer::value(QJsonValue(payload), pointer, &found);
    const QJsonObject sample{{QStringLiteral("a/b"), QJsonArray{1, QJsonObject{{QStringLiteral("~"), 2}}}},
                             {QStringLiteral("user"), QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("x")}}}}};
    (void)JsonPointer::value(QJsonValue(sample), pointer, &found);
    QJsonObject copy = payload;
    (void)JsonPointer::setValue(copy, pointer, QJsonValue(42));
    QJsonObject copy2 = sample;
    (void)JsonPointer::setValue(copy2, pointer, QJsonValue(QStringLiteral("v")));
    return 0;
}
