// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace AuthSession {

class Session;

namespace Cli {

struct Target;

// Each command gets the program name followed by its own arguments and returns the exit code.

//! `profiles`: the built-in and user provider profiles.
int runProfiles(const QStringList &arguments);
//! `login`: signs in once; with --keep the session is kept in the keychain.
int runLogin(const QStringList &arguments);
//! `watch`: signs in and prints the session's events until --duration or a signal.
int runWatch(const QStringList &arguments);
//! `request`: one authorized request relative to the base URL.
int runRequest(const QStringList &arguments);
//! `token`: a valid access token of a kept session.
int runToken(const QStringList &arguments);
//! `status`: the kept session's state; never a token.
int runStatus(const QStringList &arguments);
//! `logout`: signs out and forgets the kept session.
int runLogout(const QStringList &arguments);
//! `accounts`: the kept sessions.
int runAccounts(const QStringList &arguments);

// Shared by the commands.

//! What is known about a signed-in (or not) session, never a token.
QJsonObject sessionJson(const Session &session, const Target &target);
//! The same as lines for people.
QStringList sessionText(const Session &session, const Target &target);
//! "authsession: NotSignedIn: ..." for an account with nothing kept; returns 6.
int notSignedIn(const Target &target);

} // namespace Cli
} // namespace AuthSession
