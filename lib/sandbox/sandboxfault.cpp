// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sandboxfault.h"

#include <QJsonValue>
#include <QStringList>

namespace AuthSession {

namespace {
struct KindName {
    SandboxFault::Kind kind;
    const char *name;
};
constexpr KindName kindNames[] = {
    {SandboxFault::Kind::Delay, "delay"},
    {SandboxFault::Kind::Status, "status"},
    {SandboxFault::Kind::MalformedJson, "malformed-json"},
    {SandboxFault::Kind::WrongTypes, "wrong-types"},
    {SandboxFault::Kind::Truncated, "truncated"},
    {SandboxFault::Kind::Drop, "drop"},
    {SandboxFault::Kind::Oversized, "oversized"},
    {SandboxFault::Kind::Empty, "empty"},
    {SandboxFault::Kind::RejectRefresh, "reject-refresh"},
};

void fail(QString *error, bool *ok, const QString &message)
{
    if (error)
        *error = message;
    if (ok)
        *ok = false;
}

// One key=value pair, from JSON or the command line; false when the key or value is no good.
bool apply(SandboxFault &fault, const QString &key, const QJsonValue &value, QString *message)
{
    const auto toInt = [&](qint64 *out) {
        bool ok = true;
        qint64 n = 0;
        if (value.isDouble())
            n = qint64(value.toDouble());
        else
            n = value.toString().toLongLong(&ok);
        if (!ok) {
            *message = QStringLiteral("fault: %1 must be a number").arg(key);
            return false;
        }
        *out = n;
        return true;
    };
    qint64 n = 0;
    if (key == QLatin1String("kind")) {
        bool ok = false;
        fault.kind = SandboxFault::kindFromName(value.toString(), &ok);
        if (!ok) {
            *message = QStringLiteral("fault: unknown kind \"%1\"").arg(value.toString());
            return false;
        }
    } else if (key == QLatin1String("profile")) {
        fault.profile = value.toString();
    } else if (key == QLatin1String("endpoint")) {
        const QString e = value.toString();
        if (e != QLatin1String("*") && !SandboxFault::endpointNames().contains(e)) {
            *message = QStringLiteral("fault: unknown endpoint \"%1\"").arg(e);
            return false;
        }
        fault.endpoint = e;
    } else if (key == QLatin1String("count")) {
        if (!toInt(&n))
            return false;
        fault.count = int(n);
    } else if (key == QLatin1String("status")) {
        if (!toInt(&n))
            return false;
        if (n < 100 || n > 599) {
            *message = QStringLiteral("fault: status must be 100-599");
            return false;
        }
        fault.status = int(n);
    } else if (key == QLatin1String("delayMs") || key == QLatin1String("delay")) {
        if (!toInt(&n))
            return false;
        fault.delayMs = int(n);
    } else if (key == QLatin1String("retryAfter")) {
        if (!toInt(&n))
            return false;
        fault.retryAfter = int(n);
    } else if (key == QLatin1String("size")) {
        if (!toInt(&n))
            return false;
        fault.size = n;
    } else {
        *message = QStringLiteral("fault: unknown key \"%1\"").arg(key);
        return false;
    }
    return true;
}
} // namespace

bool SandboxFault::matches(const QString &profileId, const QString &endpointName) const
{
    if (count == 0)
        return false;
    if (profile != QLatin1String("*") && profile != profileId)
        return false;
    if (endpoint != QLatin1String("*") && endpoint != endpointName)
        return false;
    // Refusing a refresh token only makes sense for a refresh.
    if (kind == Kind::RejectRefresh && endpointName != QLatin1String("refresh"))
        return false;
    return true;
}

QJsonObject SandboxFault::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("profile"), profile},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("count"), count}};
    switch (kind) {
    case Kind::Delay:
        o.insert(QStringLiteral("delayMs"), delayMs);
        break;
    case Kind::Status:
        o.insert(QStringLiteral("status"), status);
        if (status == 429)
            o.insert(QStringLiteral("retryAfter"), retryAfter);
        break;
    case Kind::Oversized:
        o.insert(QStringLiteral("size"), size);
        break;
    default:
        break;
    }
    return o;
}

SandboxFault SandboxFault::fromJson(const QJsonObject &json, QString *error, bool *ok)
{
    SandboxFault fault;
    if (ok)
        *ok = true;
    if (!json.contains(QLatin1String("kind"))) {
        fail(error, ok, QStringLiteral("fault: \"kind\" is missing"));
        return fault;
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        QString message;
        if (!apply(fault, it.key(), it.value(), &message)) {
            fail(error, ok, message);
            return fault;
        }
    }
    return fault;
}

SandboxFault SandboxFault::parse(const QString &spec, QString *error, bool *ok)
{
    QJsonObject json;
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            // A bare word is the kind: "--fault drop".
            if (!json.contains(QLatin1String("kind")) && eq < 0) {
                json.insert(QStringLiteral("kind"), part.trimmed());
                continue;
            }
            fail(error, ok, QStringLiteral("fault: \"%1\" is not key=value").arg(part));
            return {};
        }
        json.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    return fromJson(json, error, ok);
}

QString SandboxFault::kindName(Kind kind)
{
    for (const auto &k : kindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

SandboxFault::Kind SandboxFault::kindFromName(const QString &name, bool *ok)
{
    for (const auto &k : kindNames) {
        if (name == QLatin1String(k.name)) {
            if (ok)
                *ok = true;
            return k.kind;
        }
    }
    if (ok)
        *ok = false;
    return Kind::Status;
}

QStringList SandboxFault::endpointNames()
{
    return {QStringLiteral("signIn"), QStringLiteral("externalSignIn"), QStringLiteral("refresh"),
            QStringLiteral("signOut"), QStringLiteral("probe"), QStringLiteral("resource")};
}

QString SandboxFault::syntaxHelp()
{
    return QStringLiteral(
        "Fault spec: comma-separated key=value pairs, e.g.\n"
        "  kind=status,status=500,endpoint=refresh,count=3,profile=v1-auth\n"
        "  kind: delay (delayMs=N, then normal answer) | status (status=500 JSON error, 502 HTML,\n"
        "        429 with Retry-After: retryAfter=N) | malformed-json | wrong-types | truncated |\n"
        "        drop | oversized (size=bytes, default 10 MiB) | empty | reject-refresh\n"
        "  profile: a profile id or * (default); endpoint: * (default), signIn, externalSignIn,\n"
        "        refresh, signOut, probe, resource; count: times to apply (default 1, -1 = until cleared)\n");
}

} // namespace AuthSession
