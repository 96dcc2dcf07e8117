// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "secretinput.h"

#include <QByteArray>

#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace AuthSession {
namespace Cli {
namespace SecretInput {

namespace {

void wipeBytes(QByteArray &bytes)
{
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
    bytes.clear();
}

// The terminal state to put back if the user presses Ctrl+C while echo is off; only
// async-signal-safe calls happen in the handler.
struct termios savedTerminal;
volatile sig_atomic_t terminalSaved = 0;

void restoreTerminalAndDie(int signal)
{
    if (terminalSaved)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    const char newline = '\n';
    const ssize_t n = ::write(STDERR_FILENO, &newline, 1);
    (void)n;
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

bool readLineRaw(QString *line)
{
    QByteArray bytes;
    bytes.reserve(256);
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        bytes.append(char(c));
    }
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    wipeBytes(bytes);
    return any;
}

} // namespace

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool readLine(QString *line)
{
    return readLineRaw(line);
}

bool promptVisible(const QString &prompt, QString *text)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    return readLineRaw(text);
}

bool promptHidden(const QString &prompt, QString *secret)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);

    if (::tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
        return readLineRaw(secret); // not a terminal after all: nothing to hide
    terminalSaved = 1;
    struct sigaction action = {};
    struct sigaction oldInt = {};
    struct sigaction oldTerm = {};
    action.sa_handler = restoreTerminalAndDie;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &oldInt);
    ::sigaction(SIGTERM, &action, &oldTerm);

    struct termios silent = savedTerminal;
    silent.c_lflag &= ~tcflag_t(ECHO);
    silent.c_lflag |= ECHONL;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);

    const bool ok = readLineRaw(secret);

    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    terminalSaved = 0;
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);
    return ok;
}

void wipe(QString &text)
{
    if (!text.isEmpty()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(text.data());
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
    text.clear();
}

} // namespace SecretInput
} // namespace Cli
} // namespace AuthSession
