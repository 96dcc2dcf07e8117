// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/autherror.h>

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace AuthSession {
namespace Cli {

/*!
 * Everything the command line prints goes through here: results on stdout (flushed per line so
 * pipes and `watch` readers see them at once), diagnostics on stderr as ONE line
 * "authsession: <Category>: <message>".
 */
namespace Output {

//! Writes \a line and a newline to stdout and flushes.
void out(const QString &line);
//! Writes \a line and a newline to stderr.
void err(const QString &line);
//! Writes \a object as one compact JSON line (\a indented: pretty-printed) to stdout.
void json(const QJsonObject &object, bool indented = true);

//! Prints \a error as "authsession: <Category>: <message>" and returns its exit code.
int fail(const AuthError &error);
//! Prints "authsession: Usage: <message> (see authsession <command> --help)" and returns 2.
int usageError(const QString &message, const QString &command = {});
//! Prints a Configuration error and returns 2.
int configurationError(const QString &message);

//! ISO 8601 UTC with seconds ("2026-01-31T12:00:00Z"); empty for an invalid time.
QString isoTime(const QDateTime &time);
//! isoTime() for JSON: null when invalid.
QJsonValue jsonTime(const QDateTime &time);

} // namespace Output
} // namespace Cli
} // namespace AuthSession
