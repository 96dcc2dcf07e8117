// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// authsession: signs in to REST login APIs from the command line (docs/cli.md).
#include "commands.h"
#include "exitcode.h"
#include "output.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace AuthSession::Cli;

namespace {

struct CommandEntry {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const CommandEntry commands[] = {
    {"profiles", "List the provider profiles (built-in and the user's own).", runProfiles},
    {"login", "Sign in; --keep keeps the session in the OS keychain.", runLogin},
    {"watch", "Sign in and print the session's events (refreshes, expiry) as they happen.", runWatch},
    {"request", "Send one authorized request (METHOD PATH) and print the response body.", runRequest},
    {"token", "Print a valid access token of a kept session, refreshing as needed.", runToken},
    {"status", "Show the kept session: signed in, user, expiry, next refresh (never a token).", runStatus},
    {"logout", "Sign the kept session out and forget it.", runLogout},
    {"accounts", "List the kept sessions.", runAccounts},
};

QString mainHelp()
{
    QString text = QStringLiteral(
        "Usage: authsession <command> [options]\n"
        "\n"
        "Signs in to REST login APIs described by AuthSession provider profiles, keeps sessions\n"
        "alive, and sends authorized requests. Passwords and tokens are read from stdin or a prompt,\n"
        "never from the command line.\n"
        "\n"
        "Commands:\n");
    for (const CommandEntry &c : commands)
        text += QStringLiteral("  %1%2\n").arg(QLatin1String(c.name), -10).arg(QLatin1String(c.summary));
    text += QStringLiteral(
        "\n"
        "Run `authsession <command> --help` for a command's options.\n"
        "\n"
        "Options:\n"
        "  -h, --help     Show this help.\n"
        "  -v, --version  Show the version.\n"
        "\n");
    return text + exitCodesHelp();
}

void print(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Preferences (kept accounts, never secrets) land in ~/.config/AuthSession/authsession.conf.
    QCoreApplication::setOrganizationName(QStringLiteral("AuthSession"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("authsession.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("authsession"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHSESSION_CLI_VERSION));
    // The library's informational logging would mix with the output scripts read; warnings stay.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("authsession.*.debug=false\nauthsession.*.info=false"));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        Output::err(QStringLiteral("authsession: Usage: a command is required (see authsession --help)"));
        return ExitUsage;
    }
    const QString first = arguments.at(1);
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        if (first == QLatin1String("help") && arguments.size() > 2) {
            // `authsession help login` = `authsession login --help`
            arguments = {arguments.at(0), arguments.at(2), QStringLiteral("--help")};
        } else {
            print(mainHelp());
            return ExitOk;
        }
    } else if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        print(QStringLiteral("authsession %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }

    const QString name = arguments.at(1);
    for (const CommandEntry &c : commands) {
        if (name == QLatin1String(c.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.at(0));
            return c.run(rest);
        }
    }
    if (name.startsWith(QLatin1Char('-')))
        return Output::usageError(QStringLiteral("unknown option \"%1\"; a command comes first").arg(name));
    return Output::usageError(QStringLiteral("unknown command \"%1\"").arg(name));
}
