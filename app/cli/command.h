// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace AuthSession {
namespace Cli {

/*!
 * The parser of one subcommand: its own options and --help (with the exit codes). parse() returns
 * ContinueRunning, or the exit code when the command is done (help shown, usage error printed).
 *
 * \code
 * CommandLine cmd(QStringLiteral("accounts"), QStringLiteral("Lists the kept sessions."));
 * cmd.parser().addOption(jsonOption);
 * if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
 *     return rc;
 * \endcode
 */
class CommandLine
{
public:
    static constexpr int ContinueRunning = -1;

    CommandLine(const QString &name, const QString &description, const QString &positionalSyntax = {});

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    QString name() const { return m_name; }

    //! \a arguments: the program name followed by the command's own arguments.
    int parse(const QStringList &arguments);
    //! The help text of this command ("Usage: authsession <name> ...", options, exit codes).
    QString helpText() const;
    //! Prints a usage error naming this command; returns 2.
    int usageError(const QString &message) const;

private:
    QString m_name;
    QString m_syntax;
    QCommandLineParser m_parser;
};

} // namespace Cli
} // namespace AuthSession
