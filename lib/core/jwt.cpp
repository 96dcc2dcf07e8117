// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "jwt.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace AuthSession {

QByteArray Jwt::decodeBase64Url(const QByteArray &data, bool *ok)
{
    const auto result = QByteArray::fromBase64Encoding(
        data, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(result);
    return result ? *result : QByteArray();
}

QByteArray Jwt::encodeBase64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject Jwt::payload(const QString &token, bool *ok)
{
    if (ok)
        *ok = false;
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    // JWS compact serialisation: header.payload.signature (the signature may be empty for alg none)
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return {};
    bool decoded = false;
    const QByteArray json = decodeBase64Url(parts.at(1), &decoded);
    if (!decoded)
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    if (ok)
        *ok = true;
    return doc.object();
}

QString Jwt::encodeHs256(const QJsonObject &claims, const QByteArray &key)
{
    static const QByteArray header = encodeBase64Url(QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
    const QByteArray body = encodeBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + body;
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + encodeBase64Url(signature));
}

} // namespace AuthSession
