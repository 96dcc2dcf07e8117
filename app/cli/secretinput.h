// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace AuthSession {
namespace Cli {

/*!
 * Reading passwords and tokens: only from stdin or from the terminal with echo off, never from the
 * command line. Buffers are wiped after use; callers wipe() the returned text when done.
 */
namespace SecretInput {

//! True when stdin is a terminal (an interactive prompt is possible).
bool stdinIsTerminal();
//! Reads one line from stdin without its line end. False at end of input with nothing read.
bool readLine(QString *line);
//! Writes \a prompt to stderr and reads one line from the terminal with echo off (termios); the
//! terminal is restored afterwards, also on SIGINT/SIGTERM.
bool promptHidden(const QString &prompt, QString *secret);
//! Writes \a prompt to stderr and reads one line with echo.
bool promptVisible(const QString &prompt, QString *text);
//! Overwrites the characters of \a text, then clears it.
void wipe(QString &text);

} // namespace SecretInput
} // namespace Cli
} // namespace AuthSession
