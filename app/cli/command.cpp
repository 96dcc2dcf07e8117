// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "command.h"

#include "exitcode.h"
#include "output.h"

#include <cstdio>

namespace AuthSession {
namespace Cli {

CommandLine::CommandLine(const QString &name, const QString &description, const QString &positionalSyntax)
    : m_name(name)
    , m_syntax(positionalSyntax)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
}

QString CommandLine::helpText() const
{
    QString text = m_parser.helpText();
    // QCommandLineParser names the executable's path; the usage line names the subcommand instead.
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    QString usage = QLatin1String("Usage: authsession ") + m_name + QLatin1String(" [options]");
    if (!m_syntax.isEmpty())
        usage += QLatin1Char(' ') + m_syntax;
    text.replace(0, eol, usage);
    return text + QLatin1Char('\n') + exitCodesHelp();
}

int CommandLine::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        const QByteArray text = helpText().toLocal8Bit();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    return ContinueRunning;
}

int CommandLine::usageError(const QString &message) const
{
    return Output::usageError(message, m_name);
}

} // namespace Cli
} // namespace AuthSession
