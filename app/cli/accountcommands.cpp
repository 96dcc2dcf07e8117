// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The commands about profiles and kept sessions: profiles, accounts, token, status, logout.
#include "commands.h"

#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "sessionrunner.h"
#include "signinoptions.h"

#include <AuthSession/preferences.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/session.h>

#include <QJsonArray>

namespace AuthSession {
namespace Cli {

namespace {

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));

int rejectPositional(const CommandLine &cmd)
{
    const QStringList positional = cmd.parser().positionalArguments();
    if (positional.isEmpty())
        return ExitOk;
    return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.first()));
}

QJsonObject profileJson(const Profile &p, bool builtIn)
{
    QJsonArray environments;
    for (const Profile::Environment &e : p.environments)
        environments.append(QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("baseUrl"), e.baseUrl.toString()}});
    QJsonArray parameters;
    for (const Profile::Parameter &par : p.parameters) {
        QJsonObject o{{QStringLiteral("name"), par.name},
                      {QStringLiteral("description"), par.description},
                      {QStringLiteral("secret"), par.secret}};
        if (!par.secret)
            o.insert(QStringLiteral("default"), par.defaultValue);
        if (!par.choices.isEmpty())
            o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(par.choices));
        parameters.append(o);
    }
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("description"), p.description},
                       {QStringLiteral("builtIn"), builtIn},
                       {QStringLiteral("source"), p.source},
                       {QStringLiteral("environments"), environments},
                       {QStringLiteral("parameters"), parameters},
                       {QStringLiteral("refresh"), p.hasRefresh()},
                       {QStringLiteral("refreshRotates"), p.hasRefresh() && p.refreshRotates},
                       {QStringLiteral("externalSignIn"), p.hasExternalSignIn()},
                       {QStringLiteral("signOut"), p.hasSignOut()},
                       {QStringLiteral("probe"), p.hasProbe()}};
}

QString profileFeatures(const Profile &p)
{
    QStringList features;
    if (p.hasRefresh())
        features.append(p.refreshRotates ? QStringLiteral("refresh (rotating)") : QStringLiteral("refresh"));
    if (p.hasExternalSignIn())
        features.append(QStringLiteral("external token"));
    if (p.hasSignOut())
        features.append(QStringLiteral("sign-out"));
    if (p.hasProbe())
        features.append(QStringLiteral("probe"));
    return features.isEmpty() ? QStringLiteral("sign-in only") : features.join(QLatin1String(", "));
}

// The kept session of the account the options name (or the most recent one), restored.
// Returns ContinueRunning with the runner signed in, or the exit code after printing why not.
int restoreKept(const CommandLine &cmd, const SignInOptions &options, std::unique_ptr<SessionRunner> *runner)
{
    Target target;
    if (const int rc = options.resolve(cmd, true, &target))
        return rc;
    runner->reset(new SessionRunner(target));
    (*runner)->useKeychain();
    bool found = false;
    const AuthError error = (*runner)->restore(&found);
    // On RefreshRejected the Session has cleared the entry; the account stays listed so every later
    // call keeps answering 6 (sign in again) until `login --keep` or `logout`.
    if (error.isError())
        return Output::fail(error);
    if (!found)
        return notSignedIn(target);
    return CommandLine::ContinueRunning;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// profiles

int runProfiles(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("profiles"),
                    QStringLiteral("Lists the provider profiles: the built-in ones and the user's own from\n")
                        + ProfileRegistry::userFolder()
                        + QStringLiteral(".\nBroken user profiles are reported on stderr with their file and JSON path."));
    const QCommandLineOption profileFile(QStringLiteral("profile-file"),
                                         QStringLiteral("Also load (and check) this profile file (repeatable)."),
                                         QStringLiteral("path"));
    cmd.parser().addOptions({jsonOption, profileFile});
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (const int rc = rejectPositional(cmd))
        return rc;

    ProfileRegistry registry;
    registry.loadBuiltIns();
    registry.loadFolder(ProfileRegistry::userFolder());
    const QStringList files = cmd.parser().values(profileFile);
    bool fileFailed = false;
    for (const QString &file : files)
        fileFailed |= !registry.loadFile(file);

    const QList<ProfileRegistry::LoadError> errors = registry.loadErrors();
    for (const ProfileRegistry::LoadError &e : errors) {
        for (const Profile::Problem &p : e.problems)
            Output::err(QStringLiteral("authsession: Configuration: %1: %2").arg(e.fileName, p.toString()));
        if (e.problems.isEmpty())
            Output::err(QStringLiteral("authsession: Configuration: %1: cannot be loaded").arg(e.fileName));
    }

    const QList<Profile> profiles = registry.profiles();
    if (cmd.parser().isSet(jsonOption)) {
        QJsonArray list;
        for (const Profile &p : profiles)
            list.append(profileJson(p, registry.isBuiltIn(p.id)));
        QJsonArray broken;
        for (const ProfileRegistry::LoadError &e : errors) {
            QJsonArray problems;
            for (const Profile::Problem &p : e.problems)
                problems.append(QJsonObject{{QStringLiteral("jsonPath"), p.jsonPath}, {QStringLiteral("message"), p.message}});
            broken.append(QJsonObject{{QStringLiteral("file"), e.fileName}, {QStringLiteral("problems"), problems}});
        }
        Output::json(QJsonObject{{QStringLiteral("profiles"), list}, {QStringLiteral("errors"), broken}});
    } else {
        for (const Profile &p : profiles) {
            Output::out(QStringLiteral("%1  %2  [%3]")
                            .arg(p.id, p.name,
                                 registry.isBuiltIn(p.id) ? QStringLiteral("built-in") : QLatin1String("user: ") + p.source));
            for (const Profile::Environment &e : p.environments)
                Output::out(QStringLiteral("    environment %1: %2").arg(e.name, e.baseUrl.toString()));
            for (const Profile::Parameter &par : p.parameters)
                Output::out(QStringLiteral("    parameter %1%2: %3")
                                .arg(par.name,
                                     par.secret ? QStringLiteral(" (secret)")
                                                : QStringLiteral(" = \"%1\"").arg(par.defaultValue),
                                     par.description));
            Output::out(QLatin1String("    ") + profileFeatures(p));
        }
    }
    return fileFailed ? int(ExitUsage) : int(ExitOk);
}

// ---------------------------------------------------------------------------------------------
// accounts

int runAccounts(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("accounts"),
                    QStringLiteral("Lists the kept sessions (login --keep), most recent first; the default one\n"
                                   "(used by token, status, request and logout without options) is marked \"*\"."));
    cmd.parser().addOption(jsonOption);
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (const int rc = rejectPositional(cmd))
        return rc;

    const Preferences prefs;
    const QList<Preferences::Account> accounts = prefs.accounts();
    const Preferences::Account last{prefs.lastProfile(), prefs.lastBaseUrl(), prefs.lastUsername()};
    const qsizetype defaultIndex = accounts.contains(last) ? accounts.indexOf(last) : 0;
    if (cmd.parser().isSet(jsonOption)) {
        QJsonArray list;
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            const Preferences::Account &a = accounts.at(i);
            list.append(QJsonObject{{QStringLiteral("profile"), a.profileId},
                                    {QStringLiteral("baseUrl"), a.baseUrl.toString()},
                                    {QStringLiteral("username"), a.username},
                                    {QStringLiteral("default"), i == defaultIndex}});
        }
        Output::json(QJsonObject{{QStringLiteral("accounts"), list}});
        return ExitOk;
    }
    if (accounts.isEmpty()) {
        Output::out(QStringLiteral("No kept sessions (sign in with `authsession login --keep`)."));
        return ExitOk;
    }
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const Preferences::Account &a = accounts.at(i);
        Output::out(QStringLiteral("%1 %2  %3  %4")
                        .arg(i == defaultIndex ? QStringLiteral("*") : QStringLiteral(" "), a.profileId,
                             a.baseUrl.toString(), a.username));
    }
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// token

int runToken(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("token"),
                    QStringLiteral("Prints a valid access token of a kept session (login --keep), refreshing it and\n"
                                   "storing the new tokens as needed. Without options: the most recent kept account.\n"
                                   "Exit code 6 when the session cannot be renewed (sign in again)."));
    const SignInOptions options(SignInOptions::AccountOnly);
    options.addTo(cmd.parser());
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (const int rc = rejectPositional(cmd))
        return rc;

    std::unique_ptr<SessionRunner> runner;
    if (const int rc = restoreKept(cmd, options, &runner); rc != CommandLine::ContinueRunning)
        return rc;
    QString token;
    const AuthError error = runner->freshToken(&token);
    const AuthError storeError = runner->flush();
    if (error.isError())
        return Output::fail(error);
    Output::out(token);
    return storeError.isError() ? Output::fail(storeError) : int(ExitOk);
}

// ---------------------------------------------------------------------------------------------
// status

int runStatus(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("status"),
                    QStringLiteral("Shows whether the kept session is signed in, as whom, when the access token\n"
                                   "expires and when the next refresh is due. Never prints a token. Restoring may\n"
                                   "refresh an expired access token. Exit code 6 when not signed in."));
    const SignInOptions options(SignInOptions::AccountOnly);
    options.addTo(cmd.parser());
    cmd.parser().addOption(jsonOption);
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (const int rc = rejectPositional(cmd))
        return rc;
    const bool json = cmd.parser().isSet(jsonOption);

    if (Preferences().accounts().isEmpty() && !cmd.parser().isSet(QStringLiteral("profile"))
        && !cmd.parser().isSet(QStringLiteral("profile-file"))) {
        if (json)
            Output::json(QJsonObject{{QStringLiteral("signedIn"), false}, {QStringLiteral("kept"), false}});
        else
            Output::out(QStringLiteral("Not signed in: no kept session (sign in with `authsession login --keep`)."));
        return ExitExpired;
    }

    std::unique_ptr<SessionRunner> runner;
    const int rc = restoreKept(cmd, options, &runner);
    if (rc != CommandLine::ContinueRunning && !runner)
        return rc; // not even an account to show
    const AuthError storeError = runner->flush();
    if (json) {
        QJsonObject o = sessionJson(runner->session(), runner->target());
        o.insert(QStringLiteral("kept"), rc == CommandLine::ContinueRunning);
        Output::json(o);
    } else {
        const QStringList lines = sessionText(runner->session(), runner->target());
        for (const QString &line : lines)
            Output::out(line);
    }
    if (rc != CommandLine::ContinueRunning)
        return rc;
    return storeError.isError() ? Output::fail(storeError) : int(ExitOk);
}

// ---------------------------------------------------------------------------------------------
// logout

int runLogout(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("logout"),
                    QStringLiteral("Signs the kept session out: the provider's sign-out request where the profile\n"
                                   "has one, then the keychain entry is removed and the account forgotten.\n"
                                   "Without options: the most recent kept account."));
    const SignInOptions options(SignInOptions::AccountOnly);
    options.addTo(cmd.parser());
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (const int rc = rejectPositional(cmd))
        return rc;

    if (Preferences().accounts().isEmpty() && !cmd.parser().isSet(QStringLiteral("profile"))
        && !cmd.parser().isSet(QStringLiteral("profile-file"))) {
        Output::out(QStringLiteral("No kept session: nothing to sign out."));
        return ExitOk;
    }
    Target target;
    if (const int rc = options.resolve(cmd, true, &target))
        return rc;
    SessionRunner runner(target);
    runner.useKeychain();
    bool found = false;
    const AuthError restoreError = runner.restore(&found);
    if (restoreError.category() == ErrorCategory::Storage)
        return Output::fail(restoreError);
    // An unusable session needs no server sign-out; the entry goes either way.
    AuthError error = found ? runner.signOut() : AuthError();
    const AuthError removeError = runner.removeEntry();
    if (!error.isError())
        error = removeError;
    if (error.isError() && error.category() == ErrorCategory::Storage)
        return Output::fail(error);

    Preferences prefs;
    prefs.removeAccount(target.account());
    SignInOptions::forgetAccount(target.account());
    Output::out(QStringLiteral("Signed out %1").arg(target.describe()));
    return ExitOk;
}

} // namespace Cli
} // namespace AuthSession
