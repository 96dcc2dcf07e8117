// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "tokenset.h"

#include <QJsonValue>

namespace AuthSession {

bool TokenSet::isAccessTokenValid(const QDateTime &now) const
{
    if (accessToken.isEmpty())
        return false;
    return !expiresAt.isValid() || now < expiresAt;
}

qint64 TokenSet::lifetimeSeconds() const
{
    if (!expiresAt.isValid() || !issuedAt.isValid())
        return -1;
    return issuedAt.secsTo(expiresAt);
}

QByteArray TokenSet::authorizationHeader() const
{
    QString type = tokenType.trimmed();
    if (type.isEmpty() || type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0)
        type = QStringLiteral("Bearer");
    return type.toLatin1() + ' ' + accessToken.toLatin1();
}

static QString dateToString(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

static QDateTime dateFromJson(const QJsonValue &v)
{
    QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

QJsonObject TokenSet::toJson() const
{
    QJsonObject o;
    auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("access_token", accessToken);
    put("refresh_token", refreshToken);
    put("id_token", idToken);
    put("token_type", tokenType);
    put("scope", scope);
    put("expires_at", dateToString(expiresAt));
    put("issued_at", dateToString(issuedAt));
    put("password_expires_at", dateToString(passwordExpiresAt));
    if (!user.isEmpty())
        o.insert(QLatin1String("user"), user);
    return o;
}

TokenSet TokenSet::fromJson(const QJsonObject &o)
{
    TokenSet t;
    t.accessToken = o.value(QLatin1String("access_token")).toString();
    t.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    t.idToken = o.value(QLatin1String("id_token")).toString();
    t.tokenType = o.value(QLatin1String("token_type")).toString();
    t.scope = o.value(QLatin1String("scope")).toString();
    t.expiresAt = dateFromJson(o.value(QLatin1String("expires_at")));
    t.issuedAt = dateFromJson(o.value(QLatin1String("issued_at")));
    t.passwordExpiresAt = dateFromJson(o.value(QLatin1String("password_expires_at")));
    t.user = o.value(QLatin1String("user")).toObject();
    return t;
}

bool TokenSet::operator==(const TokenSet &o) const
{
    return accessToken == o.accessToken && refreshToken == o.refreshToken && idToken == o.idToken
        && tokenType == o.tokenType && scope == o.scope && expiresAt == o.expiresAt
        && issuedAt == o.issuedAt && passwordExpiresAt == o.passwordExpiresAt && user == o.user;
}

} // namespace AuthSession
