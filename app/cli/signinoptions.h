// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/preferences.h>
#include <AuthSession/profile.h>

#include <QCommandLineOption>
#include <QUrl>
#include <QVariantMap>

class QCommandLineParser;

namespace AuthSession {
namespace Cli {

class CommandLine;

//! Which provider, where, as whom: everything but the secret.
struct Target {
    Profile profile;
    QString profileFile; //!< set when the profile came from --profile-file
    QUrl baseUrl;
    QString environment; //!< the profile environment's name, when one was picked
    QVariantMap parameters; //!< non-secret and secret parameter values (secrets never stored)
    QString username;
    int timeoutSeconds = 0; //!< 0 = the Session's default
    bool fromKeptAccount = false; //!< filled in from a kept account (Preferences)

    Preferences::Account account() const { return {profile.id, baseUrl, username}; }
    //! "demo@v1-auth (http://127.0.0.1:8080/v1-auth)".
    QString describe() const;
};

//! The secret for a sign-in: a password, or an external token (datarhei's Auth0 login).
struct Credentials {
    enum class Kind { Password, ExternalToken };
    Kind kind = Kind::Password;
    QString username;
    QString secret;
    ~Credentials();
};

/*!
 * The options that name a provider and an account (--profile, --profile-file, --environment,
 * --base-url, --set, --username, --timeout) and, for commands that sign in, how the secret arrives
 * (--password-stdin, --external-token-stdin, or a prompt without echo on a terminal).
 */
class SignInOptions
{
public:
    enum Mode {
        AccountOnly, //!< token, status, logout: no secrets, defaults from the kept accounts
        WithCredentials, //!< login, watch, request
    };

    explicit SignInOptions(Mode mode);
    void addTo(QCommandLineParser &parser) const;

    /*!
     * Resolves the options into \a target. With \a keptDefaults, missing profile/base URL/username
     * come from the kept accounts (the last one kept by default). Returns 0, or the exit code after
     * printing the error.
     */
    int resolve(const CommandLine &command, bool keptDefaults, Target *target) const;
    //! Reads the password or external token (stdin or prompt). Returns 0, or the exit code.
    int readCredentials(const CommandLine &command, const Target &target, Credentials *credentials) const;
    //! True when the command line says how a secret arrives (so a sign-in is possible).
    bool hasCredentialSource(const QCommandLineParser &parser) const;

    //! Remembers the non-secret parameters and the --profile-file of a kept account.
    static void rememberAccount(const Target &target);
    static void forgetAccount(const Preferences::Account &account);

private:
    Mode m_mode;
    QCommandLineOption m_profile;
    QCommandLineOption m_profileFile;
    QCommandLineOption m_environment;
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_set;
    QCommandLineOption m_username;
    QCommandLineOption m_timeout;
    QCommandLineOption m_passwordStdin;
    QCommandLineOption m_externalTokenStdin;
};

} // namespace Cli
} // namespace AuthSession
