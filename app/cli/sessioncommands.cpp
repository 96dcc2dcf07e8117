// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The commands that sign in: login, watch, request.
#include "commands.h"

#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "secretinput.h"
#include "sessionrunner.h"
#include "signalwatcher.h"
#include "signinoptions.h"

#include <AuthSession/preferences.h>
#include <AuthSession/session.h>
#include <AuthSession/sessionreply.h>

#include <QEventLoop>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace AuthSession {
namespace Cli {

namespace {

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void keepAccount(const Target &target)
{
    Preferences prefs;
    prefs.addAccount(target.account());
    prefs.setLastProfile(target.profile.id);
    prefs.setLastBaseUrl(target.baseUrl);
    prefs.setLastEnvironment(target.environment);
    prefs.setLastUsername(target.username);
    prefs.setKeepSignedIn(true);
    SignInOptions::rememberAccount(target);
}

} // namespace

QJsonObject sessionJson(const Session &session, const Target &target)
{
    QJsonObject o{
        {QStringLiteral("signedIn"), session.isSignedIn()},
        {QStringLiteral("state"), QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(session.state())))},
        {QStringLiteral("profile"), target.profile.id},
        {QStringLiteral("baseUrl"), target.baseUrl.toString()},
        {QStringLiteral("username"), session.username().isEmpty() ? target.username : session.username()},
        {QStringLiteral("user"), session.user()},
        {QStringLiteral("expiresAt"), Output::jsonTime(session.expiresAt())},
        {QStringLiteral("nextRefreshAt"), Output::jsonTime(session.nextRefreshAt())},
        {QStringLiteral("hasRefreshToken"), session.hasRefreshToken()},
        {QStringLiteral("profileHasRefresh"), target.profile.hasRefresh()},
    };
    if (!target.environment.isEmpty())
        o.insert(QStringLiteral("environment"), target.environment);
    if (session.passwordExpiresAt().isValid())
        o.insert(QStringLiteral("passwordExpiresAt"), Output::isoTime(session.passwordExpiresAt()));
    if (!session.tokenType().isEmpty())
        o.insert(QStringLiteral("tokenType"), session.tokenType());
    if (!session.scope().isEmpty())
        o.insert(QStringLiteral("scope"), session.scope());
    return o;
}

QStringList sessionText(const Session &session, const Target &target)
{
    QStringList lines;
    const QString user = session.username().isEmpty() ? target.username : session.username();
    if (session.isSignedIn())
        lines.append(QStringLiteral("Signed in to %1 (%2) as %3")
                         .arg(target.profile.id, target.baseUrl.toString(),
                              user.isEmpty() ? QStringLiteral("(external token)") : user));
    else
        lines.append(QStringLiteral("Not signed in to %1 (%2)").arg(target.profile.id, target.baseUrl.toString()));
    if (!session.user().isEmpty())
        lines.append(QLatin1String("  user:            ") + compactJson(session.user()));
    const QString expires = Output::isoTime(session.expiresAt());
    lines.append(QLatin1String("  access expires:  ") + (expires.isEmpty() ? QStringLiteral("unknown") : expires));
    const QString next = Output::isoTime(session.nextRefreshAt());
    if (!next.isEmpty())
        lines.append(QLatin1String("  next refresh:    ") + next);
    else if (!target.profile.hasRefresh())
        lines.append(QStringLiteral("  next refresh:    none (the provider has no refresh: sign in again when it expires)"));
    else
        lines.append(QStringLiteral("  next refresh:    none scheduled"));
    if (session.passwordExpiresAt().isValid())
        lines.append(QLatin1String("  password expires: ") + Output::isoTime(session.passwordExpiresAt()));
    return lines;
}

int notSignedIn(const Target &target)
{
    Output::err(QStringLiteral("authsession: NotSignedIn: no kept session for %1; sign in with `authsession login --keep`")
                    .arg(target.describe()));
    return ExitExpired;
}

// ---------------------------------------------------------------------------------------------
// login

int runLogin(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("login"),
                    QStringLiteral("Signs in to a login API and prints the user and the token expiry.\n"
                                   "The password comes from stdin (--password-stdin) or a prompt without echo;\n"
                                   "never from the command line."));
    const SignInOptions options(SignInOptions::WithCredentials);
    options.addTo(cmd.parser());
    const QCommandLineOption printToken(QStringLiteral("print-token"),
                                        QStringLiteral("Also print the access token (text: alone on stdout, the summary "
                                                       "goes to stderr; JSON: \"accessToken\")."));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the session in the OS keychain for later `token`, `status`, "
                                                 "`request` and `logout`."));
    cmd.parser().addOptions({jsonOption, printToken, keep});
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (!cmd.parser().positionalArguments().isEmpty())
        return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(cmd.parser().positionalArguments().first()));

    Target target;
    if (const int rc = options.resolve(cmd, false, &target))
        return rc;
    Credentials credentials;
    if (const int rc = options.readCredentials(cmd, target, &credentials))
        return rc;

    SessionRunner runner(target);
    const bool keepIt = cmd.parser().isSet(keep);
    if (keepIt)
        runner.useKeychain();
    const AuthError error = runner.signIn(credentials);
    SecretInput::wipe(credentials.secret);
    if (error.isError())
        return Output::fail(error);

    Session &session = runner.session();
    target.username = session.username().isEmpty() ? credentials.username : session.username();
    AuthError storeError;
    if (keepIt) {
        storeError = runner.flush();
        if (!storeError.isError())
            keepAccount(target);
    }

    if (cmd.parser().isSet(jsonOption)) {
        QJsonObject o = sessionJson(session, target);
        o.insert(QStringLiteral("kept"), keepIt && !storeError.isError());
        if (cmd.parser().isSet(printToken))
            o.insert(QStringLiteral("accessToken"), session.tokens().accessToken);
        Output::json(o);
    } else {
        QStringList lines = sessionText(session, target);
        if (keepIt && !storeError.isError())
            lines.append(QStringLiteral("  kept in the keychain (service \"AuthSession\")"));
        for (const QString &line : std::as_const(lines)) {
            if (cmd.parser().isSet(printToken))
                Output::err(line);
            else
                Output::out(line);
        }
        if (cmd.parser().isSet(printToken))
            Output::out(session.tokens().accessToken);
    }
    return storeError.isError() ? Output::fail(storeError) : int(ExitOk);
}

// ---------------------------------------------------------------------------------------------
// watch

namespace {

class EventPrinter : public QObject
{
public:
    EventPrinter(Session *session, bool json)
        : m_session(session)
        , m_json(json)
    {
        connect(session, &Session::signedIn, this, [this] { print(QStringLiteral("signedIn")); });
        connect(session, &Session::refreshed, this, [this] { print(QStringLiteral("refreshed")); });
        connect(session, &Session::accessTokenAboutToExpire, this,
                [this](const QDateTime &) { print(QStringLiteral("accessTokenAboutToExpire")); });
        connect(session, &Session::refreshFailed, this,
                [this](const AuthError &e) { print(QStringLiteral("refreshFailed"), e); });
        connect(session, &Session::sessionExpired, this, [this](const AuthError &e) {
            print(QStringLiteral("sessionExpired"), e.isError() ? e : AuthError(ErrorCategory::RefreshRejected));
        });
        connect(session, &Session::storageFailed, this, [this](const AuthError &e) { print(QStringLiteral("error"), e); });
        connect(session, &Session::signInFailed, this, [this](const AuthError &e) { print(QStringLiteral("error"), e); });
        connect(session, &Session::signedOut, this, [this] { print(QStringLiteral("signedOut")); });
    }

    void print(const QString &event, const AuthError &error = {})
    {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QDateTime expires = m_session->expiresAt();
        const QDateTime next = m_session->nextRefreshAt();
        if (m_json) {
            QJsonObject o{{QStringLiteral("time"), now}, {QStringLiteral("event"), event}};
            if (error.isError()) {
                o.insert(QStringLiteral("category"), AuthError::categoryName(error.category()));
                o.insert(QStringLiteral("message"), error.message());
                if (error.httpStatus())
                    o.insert(QStringLiteral("httpStatus"), error.httpStatus());
            }
            o.insert(QStringLiteral("expiresAt"), Output::jsonTime(expires));
            o.insert(QStringLiteral("nextRefreshAt"), Output::jsonTime(next));
            Output::json(o, false);
            return;
        }
        QString line = now + QLatin1Char(' ') + event;
        if (error.isError())
            line += QLatin1Char(' ') + AuthError::categoryName(error.category()) + QLatin1String(": ")
                + error.message().simplified();
        if (expires.isValid())
            line += QLatin1String(" expiresAt=") + Output::isoTime(expires);
        if (next.isValid())
            line += QLatin1String(" nextRefreshAt=") + Output::isoTime(next);
        Output::out(line);
    }

private:
    Session *m_session;
    bool m_json;
};

} // namespace

int runWatch(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("watch"),
                    QStringLiteral("Signs in, keeps the session alive and prints one line per event: signedIn,\n"
                                   "refreshed, accessTokenAboutToExpire, refreshFailed, sessionExpired, error\n"
                                   "(ISO time, event, error category and message; never a token)."));
    const SignInOptions options(SignInOptions::WithCredentials);
    options.addTo(cmd.parser());
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Stop after this many seconds (default 0: until SIGINT or SIGTERM)."),
                                      QStringLiteral("seconds"), QStringLiteral("0"));
    cmd.parser().addOptions({jsonOption, duration});
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    if (!cmd.parser().positionalArguments().isEmpty())
        return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(cmd.parser().positionalArguments().first()));
    bool ok = false;
    const int seconds = cmd.parser().value(duration).toInt(&ok);
    if (!ok || seconds < 0)
        return cmd.usageError(QStringLiteral("--duration: \"%1\" is not a number of seconds").arg(cmd.parser().value(duration)));

    Target target;
    if (const int rc = options.resolve(cmd, false, &target))
        return rc;
    Credentials credentials;
    if (const int rc = options.readCredentials(cmd, target, &credentials))
        return rc;

    SessionRunner runner(target);
    EventPrinter printer(&runner.session(), cmd.parser().isSet(jsonOption));
    const AuthError error = runner.signIn(credentials);
    SecretInput::wipe(credentials.secret);
    if (error.isError())
        return Output::fail(error);

    QEventLoop loop;
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::received, &loop, &QEventLoop::quit);
    QTimer stop;
    stop.setSingleShot(true);
    QObject::connect(&stop, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (seconds > 0)
        stop.start(seconds * 1000);
    loop.exec();
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// request

int runRequest(const QStringList &arguments)
{
    CommandLine cmd(QStringLiteral("request"),
                    QStringLiteral("Sends one authorized request to the API (PATH relative to the base URL) and prints\n"
                                   "the response body on stdout. A 401 refreshes the token once and retries once.\n"
                                   "A kept session for the account (login --keep) is used instead of signing in;\n"
                                   "without one, the sign-in options apply."),
                    QStringLiteral("METHOD PATH"));
    const SignInOptions options(SignInOptions::WithCredentials);
    options.addTo(cmd.parser());
    cmd.parser().addPositionalArgument(QStringLiteral("METHOD"), QStringLiteral("GET, POST, PUT, PATCH, DELETE ..."));
    cmd.parser().addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Path below the base URL, e.g. /api/v3/process."));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Request body (\"-\": read it from stdin)."), QStringLiteral("body"));
    const QCommandLineOption contentType(QStringLiteral("content-type"),
                                         QStringLiteral("Content-Type of the body (default application/json)."),
                                         QStringLiteral("type"), QStringLiteral("application/json"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Print the HTTP status (and whether the request was retried) on stderr."));
    cmd.parser().addOptions({data, contentType, verbose});
    if (const int rc = cmd.parse(arguments); rc != CommandLine::ContinueRunning)
        return rc;
    const QStringList positional = cmd.parser().positionalArguments();
    if (positional.size() != 2)
        return cmd.usageError(QStringLiteral("expected METHOD and PATH"));
    const QString method = positional.at(0).toUpper();
    if (!QRegularExpression(QStringLiteral("^[A-Z]+$")).match(method).hasMatch())
        return cmd.usageError(QStringLiteral("\"%1\" is not an HTTP method").arg(positional.at(0)));
    const QString path = positional.at(1);
    // Only paths: the token must never travel to a host the user did not sign in to.
    if (!path.startsWith(QLatin1Char('/')))
        return cmd.usageError(QStringLiteral("PATH must start with \"/\" (it is relative to the base URL)"));

    QByteArray body;
    if (cmd.parser().isSet(data)) {
        if (cmd.parser().value(data) == QLatin1String("-")) {
            QByteArray chunk(4096, Qt::Uninitialized);
            size_t n = 0;
            while ((n = std::fread(chunk.data(), 1, size_t(chunk.size()), stdin)) > 0)
                body.append(chunk.constData(), qsizetype(n));
        } else {
            body = cmd.parser().value(data).toUtf8();
        }
    }

    Target target;
    if (const int rc = options.resolve(cmd, true, &target))
        return rc;

    SessionRunner runner(target);
    bool signedIn = false;
    if (target.fromKeptAccount) {
        runner.useKeychain();
        bool found = false;
        const AuthError error = runner.restore(&found);
        signedIn = found;
        if (!found && !options.hasCredentialSource(cmd.parser()))
            return error.isError() ? Output::fail(error) : notSignedIn(target);
        if (error.isError())
            Output::err(QLatin1String("authsession: warning: the kept session is unusable (")
                        + AuthError::categoryName(error.category()) + QLatin1String("); signing in again"));
    }
    if (!signedIn) {
        Credentials credentials;
        if (const int rc = options.readCredentials(cmd, target, &credentials))
            return rc;
        const AuthError error = runner.signIn(credentials);
        SecretInput::wipe(credentials.secret);
        if (error.isError())
            return Output::fail(error);
    }

    std::unique_ptr<SessionReply> reply;
    const AuthError error = runner.send(method.toLatin1(), path, body,
                                        body.isEmpty() ? QByteArray() : cmd.parser().value(contentType).toLatin1(),
                                        &reply);
    const AuthError storeError = runner.flush();
    if (cmd.parser().isSet(verbose) && reply && reply->status())
        Output::err(QStringLiteral("HTTP %1%2").arg(reply->status()).arg(
            reply->wasRetried() ? QStringLiteral(" (retried after a refresh)") : QString()));
    if (reply) {
        const QByteArray answer = reply->body();
        std::fwrite(answer.constData(), 1, size_t(answer.size()), stdout);
        if (!answer.isEmpty() && !answer.endsWith('\n'))
            std::fputc('\n', stdout);
        std::fflush(stdout);
    }
    if (error.isError())
        return Output::fail(error);
    if (storeError.isError())
        return Output::fail(storeError);
    return ExitOk;
}

} // namespace Cli
} // namespace AuthSession
