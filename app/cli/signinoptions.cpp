// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "signinoptions.h"

#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "secretinput.h"

#include <AuthSession/profileregistry.h>

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QSettings>

namespace AuthSession {
namespace Cli {

namespace {

const QString kParameterEnvPrefix = QStringLiteral("AUTHSESSION_PARAM_");

// Kept accounts' extra, non-secret data (the profile file and --set values) lives next to the
// Preferences, under a key derived from the account so no URL or name needs escaping.
QString accountSettingsGroup(const Preferences::Account &account)
{
    const QByteArray id = account.profileId.toUtf8() + '\n' + account.baseUrl.toEncoded() + '\n'
        + account.username.toUtf8();
    return QLatin1String("cli/accounts/")
        + QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex());
}

QUrl normalizedBaseUrl(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QString problemsText(const QList<Profile::Problem> &problems)
{
    QStringList lines;
    for (const Profile::Problem &p : problems)
        lines.append(p.toString());
    return lines.isEmpty() ? QStringLiteral("invalid profile") : lines.join(QLatin1String("; "));
}

} // namespace

QString Target::describe() const
{
    QString who = username.isEmpty() ? profile.id : username + QLatin1Char('@') + profile.id;
    return who + QLatin1String(" (") + baseUrl.toString() + QLatin1Char(')');
}

Credentials::~Credentials()
{
    SecretInput::wipe(secret);
}

SignInOptions::SignInOptions(Mode mode)
    : m_mode(mode)
    , m_profile(QStringLiteral("profile"), QStringLiteral("Provider profile id (see `authsession profiles`)."),
                QStringLiteral("id"))
    , m_profileFile(QStringLiteral("profile-file"),
                    QStringLiteral("Use the provider profile in this JSON file (its id is used unless --profile names another)."),
                    QStringLiteral("path"))
    , m_environment(QStringLiteral("environment"),
                    QStringLiteral("One of the profile's environments (default: the first)."), QStringLiteral("name"))
    , m_baseUrl(QStringLiteral("base-url"), QStringLiteral("Base URL of the API, instead of an environment."),
                QStringLiteral("url"))
    , m_set(QStringLiteral("set"),
            QStringLiteral("Set a profile parameter (repeatable), e.g. --set clientId=myapp. Secret parameters "
                           "only through the environment variable AUTHSESSION_PARAM_<name>."),
            QStringLiteral("name=value"))
    , m_username(QStringLiteral("username"), QStringLiteral("The account name."), QStringLiteral("name"))
    , m_timeout(QStringLiteral("timeout"), QStringLiteral("Seconds each request may take (default 30)."),
                QStringLiteral("seconds"))
    , m_passwordStdin(QStringLiteral("password-stdin"),
                      QStringLiteral("Read the password from the first line of stdin (else: a prompt without "
                                     "echo when stdin is a terminal)."))
    , m_externalTokenStdin(QStringLiteral("external-token-stdin"),
                           QStringLiteral("Sign in with a token from another identity provider, read from stdin "
                                          "(profiles with external sign-in, e.g. datarhei-core)."))
{
}

void SignInOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_profile, m_profileFile, m_environment, m_baseUrl, m_set, m_username, m_timeout});
    if (m_mode == WithCredentials)
        parser.addOptions({m_passwordStdin, m_externalTokenStdin});
}

bool SignInOptions::hasCredentialSource(const QCommandLineParser &parser) const
{
    return m_mode == WithCredentials
        && (parser.isSet(m_passwordStdin) || parser.isSet(m_externalTokenStdin) || SecretInput::stdinIsTerminal());
}

int SignInOptions::resolve(const CommandLine &command, bool keptDefaults, Target *target) const
{
    const QCommandLineParser &parser = command.parser();

    // 1. The profile: --profile-file, then --profile, then the kept account.
    ProfileRegistry registry;
    registry.loadBuiltIns();
    registry.loadFolder(ProfileRegistry::userFolder());

    QString profileId = parser.value(m_profile);
    QString profileFile = parser.value(m_profileFile);
    if (!profileFile.isEmpty()) {
        QList<Profile::Problem> problems;
        const Profile fromFile = Profile::fromFile(profileFile, &problems);
        if (!fromFile.isValid())
            return Output::configurationError(profileFile + QLatin1String(": ") + problemsText(problems));
        registry.add(fromFile);
        if (profileId.isEmpty())
            profileId = fromFile.id;
    }

    QString username = parser.value(m_username);
    QUrl baseUrl;
    if (parser.isSet(m_baseUrl)) {
        baseUrl = QUrl(parser.value(m_baseUrl), QUrl::StrictMode);
        const QString scheme = baseUrl.scheme();
        if (!baseUrl.isValid() || baseUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return command.usageError(QStringLiteral("--base-url: \"%1\" is not an http:// or https:// URL")
                                          .arg(parser.value(m_baseUrl)));
        baseUrl = normalizedBaseUrl(baseUrl);
    }

    if (keptDefaults) {
        // Pick the kept account matching whatever was given; the most recent one when nothing was.
        const Preferences prefs;
        const QList<Preferences::Account> accounts = prefs.accounts();
        const Preferences::Account last{prefs.lastProfile(), prefs.lastBaseUrl(), prefs.lastUsername()};
        const Preferences::Account *match = nullptr;
        for (const Preferences::Account &a : accounts) {
            if ((!profileId.isEmpty() && a.profileId != profileId) || (!username.isEmpty() && a.username != username)
                || (!baseUrl.isEmpty() && normalizedBaseUrl(a.baseUrl) != baseUrl))
                continue;
            // Accounts are most recent first; the one named "last" wins when it matches.
            if (!match || (a == last && !(*match == last)))
                match = &a;
        }
        if (match && !parser.isSet(m_environment)) {
            target->fromKeptAccount = true;
            profileId = match->profileId;
            username = match->username;
            baseUrl = normalizedBaseUrl(match->baseUrl);
            QSettings settings;
            settings.beginGroup(accountSettingsGroup(*match));
            const QString keptFile = settings.value(QStringLiteral("profileFile")).toString();
            if (profileFile.isEmpty() && !keptFile.isEmpty() && !registry.find(profileId)) {
                const Profile fromFile = Profile::fromFile(keptFile);
                if (fromFile.isValid() && fromFile.id == profileId) {
                    registry.add(fromFile);
                    profileFile = keptFile;
                }
            }
            const QVariantMap kept = settings.value(QStringLiteral("parameters")).toMap();
            for (auto it = kept.cbegin(); it != kept.cend(); ++it)
                target->parameters.insert(it.key(), it.value());
        } else if (profileId.isEmpty()) {
            // Nothing kept (never, or the Session dropped it when it could not be renewed): for the
            // commands that only work on kept sessions that means "sign in again", exit 6.
            if (accounts.isEmpty() && m_mode == AccountOnly) {
                Output::err(QStringLiteral("authsession: NotSignedIn: no kept session; sign in with "
                                           "`authsession login --keep ...`"));
                return ExitExpired;
            }
        }
    }

    if (profileId.isEmpty())
        return command.usageError(QStringLiteral("--profile (or --profile-file) is required"));
    const Profile *profile = registry.find(profileId);
    if (!profile) {
        for (const ProfileRegistry::LoadError &e : registry.loadErrors())
            Output::err(QLatin1String("authsession: warning: skipped broken profile ") + e.toString());
        return Output::configurationError(
            QStringLiteral("unknown profile \"%1\" (`authsession profiles` lists them)").arg(profileId));
    }
    target->profile = *profile;
    target->profileFile = profileFile;

    // 2. Where: --base-url, --environment, the kept account's, else the profile's first environment.
    if (parser.isSet(m_environment)) {
        if (parser.isSet(m_baseUrl))
            return command.usageError(QStringLiteral("--environment and --base-url exclude each other"));
        const Profile::Environment *env = profile->environment(parser.value(m_environment));
        if (!env) {
            QStringList names;
            for (const Profile::Environment &e : profile->environments)
                names.append(e.name);
            return Output::configurationError(QStringLiteral("profile %1 has no environment \"%2\" (it has: %3)")
                                                  .arg(profile->id, parser.value(m_environment),
                                                       names.join(QLatin1String(", "))));
        }
        target->environment = env->name;
        baseUrl = normalizedBaseUrl(env->baseUrl);
    }
    if (baseUrl.isEmpty()) {
        if (profile->environments.isEmpty())
            return command.usageError(QStringLiteral("profile %1 names no environment: pass --base-url").arg(profile->id));
        target->environment = profile->environments.constFirst().name;
        baseUrl = normalizedBaseUrl(profile->environments.constFirst().baseUrl);
    }
    target->baseUrl = baseUrl;
    target->username = username;

    // 3. Parameters: environment variables (the only way for secret ones), then --set.
    for (const Profile::Parameter &p : profile->parameters) {
        const QString var = kParameterEnvPrefix + p.name;
        if (qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            target->parameters.insert(p.name, qEnvironmentVariable(var.toLocal8Bit().constData()));
    }
    const QStringList sets = parser.values(m_set);
    for (const QString &assignment : sets) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return command.usageError(QStringLiteral("--set expects NAME=VALUE, got \"%1\"").arg(assignment));
        const QString name = assignment.left(eq);
        const QString value = assignment.mid(eq + 1);
        const Profile::Parameter *p = profile->parameter(name);
        if (!p) {
            QStringList names;
            for (const Profile::Parameter &q : profile->parameters)
                names.append(q.name);
            return Output::configurationError(QStringLiteral("profile %1 has no parameter \"%2\" (it has: %3)")
                                                  .arg(profile->id, name,
                                                       names.isEmpty() ? QStringLiteral("none")
                                                                       : names.join(QLatin1String(", "))));
        }
        if (p->secret)
            return Output::configurationError(
                QStringLiteral("parameter %1 is secret: set it in the environment variable %2%1, never on the command line")
                    .arg(name, kParameterEnvPrefix));
        target->parameters.insert(name, value);
    }
    for (const Profile::Parameter &p : profile->parameters) {
        const QString value = target->parameters.value(p.name, p.defaultValue).toString();
        if (!p.choices.isEmpty() && !p.choices.contains(value))
            return Output::configurationError(QStringLiteral("parameter %1 must be one of: %2 (got \"%3\")")
                                                  .arg(p.name, p.choices.join(QLatin1String(", ")), value));
    }

    if (parser.isSet(m_timeout)) {
        bool ok = false;
        const int seconds = parser.value(m_timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return command.usageError(QStringLiteral("--timeout: \"%1\" is not a number of seconds from 1 to 3600")
                                          .arg(parser.value(m_timeout)));
        target->timeoutSeconds = seconds;
    }
    return ExitOk;
}

int SignInOptions::readCredentials(const CommandLine &command, const Target &target, Credentials *credentials) const
{
    const QCommandLineParser &parser = command.parser();
    if (parser.isSet(m_externalTokenStdin)) {
        if (parser.isSet(m_passwordStdin))
            return command.usageError(QStringLiteral("--password-stdin and --external-token-stdin exclude each other"));
        if (!target.profile.hasExternalSignIn())
            return Output::configurationError(
                QStringLiteral("profile %1 has no external-token sign-in").arg(target.profile.id));
        credentials->kind = Credentials::Kind::ExternalToken;
        credentials->username = target.username;
        if (!SecretInput::readLine(&credentials->secret) || credentials->secret.trimmed().isEmpty())
            return command.usageError(QStringLiteral("--external-token-stdin: no token on stdin"));
        credentials->secret = credentials->secret.trimmed();
        return ExitOk;
    }

    credentials->kind = Credentials::Kind::Password;
    credentials->username = target.username;
    const bool interactive = !parser.isSet(m_passwordStdin) && SecretInput::stdinIsTerminal();
    if (credentials->username.isEmpty()) {
        if (!interactive || !SecretInput::promptVisible(QStringLiteral("Username: "), &credentials->username)
            || credentials->username.isEmpty())
            return command.usageError(QStringLiteral("--username is required"));
    }
    if (parser.isSet(m_passwordStdin)) {
        if (!SecretInput::readLine(&credentials->secret))
            return command.usageError(QStringLiteral("--password-stdin: no password on stdin"));
        return ExitOk;
    }
    if (!interactive)
        return command.usageError(
            QStringLiteral("no password: pass --password-stdin (stdin is not a terminal, so there is no prompt)"));
    if (!SecretInput::promptHidden(QStringLiteral("Password for %1: ").arg(credentials->username), &credentials->secret))
        return command.usageError(QStringLiteral("no password entered"));
    return ExitOk;
}

void SignInOptions::rememberAccount(const Target &target)
{
    QSettings settings;
    settings.beginGroup(accountSettingsGroup(target.account()));
    if (target.profileFile.isEmpty())
        settings.remove(QStringLiteral("profileFile"));
    else
        settings.setValue(QStringLiteral("profileFile"), target.profileFile);
    QVariantMap plain;
    for (auto it = target.parameters.cbegin(); it != target.parameters.cend(); ++it) {
        const Profile::Parameter *p = target.profile.parameter(it.key());
        if (p && !p->secret)
            plain.insert(it.key(), it.value());
    }
    if (plain.isEmpty())
        settings.remove(QStringLiteral("parameters"));
    else
        settings.setValue(QStringLiteral("parameters"), plain);
}

void SignInOptions::forgetAccount(const Preferences::Account &account)
{
    QSettings settings;
    settings.remove(accountSettingsGroup(account));
}

} // namespace Cli
} // namespace AuthSession
