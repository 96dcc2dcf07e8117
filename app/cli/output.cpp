// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "output.h"

#include "exitcode.h"

#include <QJsonDocument>

#include <cstdio>

namespace AuthSession {
namespace Cli {
namespace Output {

namespace {

// One diagnostic = one line, whatever the server put in its message.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}

} // namespace

void out(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void json(const QJsonObject &object, bool indented)
{
    const QByteArray bytes = QJsonDocument(object).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!bytes.endsWith('\n'))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const AuthError &error)
{
    err(QLatin1String("authsession: ") + oneLine(error.toString()));
    return exitCodeFor(error);
}

int usageError(const QString &message, const QString &command)
{
    const QString help = command.isEmpty() ? QStringLiteral("authsession --help")
                                           : QLatin1String("authsession ") + command + QLatin1String(" --help");
    err(QLatin1String("authsession: Usage: ") + oneLine(message) + QLatin1String(" (see ") + help
        + QLatin1Char(')'));
    return ExitUsage;
}

int configurationError(const QString &message)
{
    err(QLatin1String("authsession: Configuration: ") + oneLine(message));
    return ExitUsage;
}

QString isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue jsonTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace Output
} // namespace Cli
} // namespace AuthSession
