// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/autherror.h>

#include <QString>

namespace AuthSession {
namespace Cli {

//! The process exit codes; scripts rely on them, so they never change meaning (docs/cli.md).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, //!< anything else (interrupted before an answer, internal error)
    ExitUsage = 2, //!< usage or configuration
    ExitCredentials = 3, //!< invalid credentials or account problem
    ExitNetwork = 4, //!< network, timeout or TLS
    ExitServer = 5, //!< server or protocol error, rate limited
    ExitExpired = 6, //!< session expired: refresh rejected, nothing kept, cannot renew
    ExitStorage = 7, //!< the keychain is unavailable, locked or refused access
};

//! The exit code for \a error (ExitOk for NoError).
int exitCodeFor(const AuthError &error);

//! The "Exit codes:" section appended to every --help.
QString exitCodesHelp();

} // namespace Cli
} // namespace AuthSession
