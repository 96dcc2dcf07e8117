// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "exitcode.h"

namespace AuthSession {
namespace Cli {

int exitCodeFor(const AuthError &error)
{
    switch (error.category()) {
    case ErrorCategory::NoError:
        return ExitOk;
    case ErrorCategory::Configuration:
        return ExitUsage;
    case ErrorCategory::InvalidCredentials:
    case ErrorCategory::AccountProblem:
        return ExitCredentials;
    case ErrorCategory::Network:
    case ErrorCategory::Timeout:
    case ErrorCategory::Tls:
        return ExitNetwork;
    // Rate limiting is the server refusing for now, not a verdict on the credentials: retry later.
    case ErrorCategory::RateLimited:
    case ErrorCategory::Server:
    case ErrorCategory::Protocol:
        return ExitServer;
    case ErrorCategory::RefreshRejected:
        return ExitExpired;
    case ErrorCategory::Storage:
        return ExitStorage;
    case ErrorCategory::Cancelled:
        return ExitFailure;
    }
    return ExitFailure;
}

QString exitCodesHelp()
{
    return QStringLiteral(
        "Exit codes:\n"
        "  0  success\n"
        "  1  interrupted or internal error\n"
        "  2  usage or configuration error (bad option, unknown profile, insecure URL, nothing kept)\n"
        "  3  invalid credentials or account problem (locked, expired password)\n"
        "  4  network, timeout or TLS error\n"
        "  5  server or protocol error (5xx, malformed answer, rate limited)\n"
        "  6  session expired: the refresh was rejected or the kept session cannot be renewed\n"
        "  7  storage: the OS keychain is unavailable, locked or refused access\n");
}

} // namespace Cli
} // namespace AuthSession
