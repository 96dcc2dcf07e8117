// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// authsession-sandbox: the sandbox server as a standalone program, for developers testing their
// integrations against every built-in login API without a real provider.
#include <AuthSession/profile.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace AuthSession;

namespace {

int signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the event loop reads the pipe and quits.
void onSignal(int signal)
{
    const char c = char(signal);
    const ssize_t written = ::write(signalPipe[1], &c, 1);
    Q_UNUSED(written);
}

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "authsession-sandbox: %s (see --help)\n", qPrintable(message));
    std::exit(2);
}

int intOption(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1: \"%2\" is not a number from %3 to %4")
                       .arg(name, parser.value(name))
                       .arg(min)
                       .arg(max));
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authsession-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local HTTP server that plays every AuthSession login API (the built-in provider profiles\n"
        "and any --profile-file), with test users, token lifetimes, clock skew and fault injection.\n"
        "\n"
        "Each profile lives under its own path: http://127.0.0.1:PORT/<profile-id> is its base URL.\n"
        "Any other path under a profile is a protected resource (200 with a valid access token).\n"
        "Users (default): demo/demo, alice/wonderland, locked/locked (locked account);\n"
        "external token for datarhei-core: demo-external-token.\n"
        "\n"
        "Admin endpoint (http://127.0.0.1:PORT/_admin):\n"
        "  GET /_admin/counters          {profile: {endpoint: {requests, succeeded, failed}}}\n"
        "  DELETE /_admin/counters       reset the counters\n"
        "  GET|POST|DELETE /_admin/faults  list, add (JSON fault object or array), clear faults\n"
        "  POST /_admin/config           {\"accessTtl\": s, \"refreshTtl\": s, \"clockSkew\": s}\n"
        "  POST /_admin/revoke           {\"profile\": id, \"username\": name} (both optional)\n"
        "  GET /_admin/profiles          [{id, name, baseUrl}]\n"
        "\n")
        + SandboxFault::syntaxHelp()
        + QStringLiteral("  JSON faults use the same keys: {\"kind\": \"status\", \"status\": 429, \"retryAfter\": 5}"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = a free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption accessOption(QStringLiteral("access-ttl"),
                                          QStringLiteral("Access token lifetime in seconds (default 300)."),
                                          QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption refreshOption(QStringLiteral("refresh-ttl"),
                                           QStringLiteral("Refresh token lifetime in seconds (default 3600)."),
                                           QStringLiteral("seconds"), QStringLiteral("3600"));
    const QCommandLineOption skewOption(QStringLiteral("clock-skew"),
                                        QStringLiteral("Seconds the server clock runs ahead (negative: behind)."),
                                        QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
                                         QStringLiteral("Users JSON file ({\"users\": [...]}) replacing the defaults."),
                                         QStringLiteral("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile-file"),
                                           QStringLiteral("An extra provider profile to play (repeatable)."),
                                           QStringLiteral("path"));
    const QCommandLineOption faultOption(QStringLiteral("fault"),
                                         QStringLiteral("Inject a fault (repeatable), e.g. kind=status,status=500,endpoint=refresh,count=3."),
                                         QStringLiteral("spec"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), QStringLiteral("Do not log requests."));
    parser.addOptions({portOption, accessOption, refreshOption, skewOption, usersOption, profileOption,
                       faultOption, quietOption});

    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    if (parser.isSet(quietOption))
        QLoggingCategory::setFilterRules(QStringLiteral("authsession.sandbox.info=false"));

    SandboxServer server;
    server.setAccessTokenLifetime(intOption(parser, QStringLiteral("access-ttl"), 1, 100000000));
    server.setRefreshTokenLifetime(intOption(parser, QStringLiteral("refresh-ttl"), 1, 100000000));
    server.setClockSkew(intOption(parser, QStringLiteral("clock-skew"), -100000000, 100000000));
    const int port = intOption(parser, QStringLiteral("port"), 0, 65535);

    if (parser.isSet(usersOption)) {
        QString error;
        if (!server.loadUsers(parser.value(usersOption), &error))
            usageError(QStringLiteral("--users: %1").arg(error));
    }
    const QStringList profileFiles = parser.values(profileOption);
    for (const QString &file : profileFiles) {
        QList<Profile::Problem> problems;
        const Profile profile = Profile::fromFile(file, &problems);
        if (!profile.isValid())
            usageError(QStringLiteral("--profile-file %1: %2")
                           .arg(file, problems.isEmpty() ? QStringLiteral("invalid profile") : problems.first().toString()));
        server.addProfile(profile);
    }
    const QStringList faultSpecs = parser.values(faultOption);
    for (const QString &spec : faultSpecs) {
        QString error;
        bool ok = false;
        const SandboxFault fault = SandboxFault::parse(spec, &error, &ok);
        if (!ok)
            usageError(QStringLiteral("--fault %1: %2").arg(spec, error));
        server.addFault(fault);
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::fprintf(stderr, "authsession-sandbox: cannot create the signal pipe\n");
        return 1;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char c = 0;
        const ssize_t n = ::read(signalPipe[0], &c, 1);
        Q_UNUSED(n);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    if (server.listen(QHostAddress(QHostAddress::LocalHost), quint16(port)) == 0) {
        std::fprintf(stderr, "authsession-sandbox: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::printf("authsession-sandbox listening on http://127.0.0.1:%u\n", unsigned(server.port()));
    const QList<Profile> profiles = server.profiles();
    for (const Profile &p : profiles)
        std::printf("  %-20s %s\n", qPrintable(p.id), qPrintable(server.baseUrl(p.id).toString()));
    std::printf("  %-20s %s\n", "admin", qPrintable(server.adminUrl().toString()));
    if (parser.isSet(usersOption))
        std::printf("users: %s\n", qPrintable(server.userNames().join(QLatin1String(", "))));
    else
        std::printf("users: demo/demo, alice/wonderland, locked/locked (locked); external token: demo-external-token\n");
    std::fflush(stdout);

    const int rc = app.exec();
    std::printf("authsession-sandbox stopped\n");
    std::fflush(stdout);
    return rc;
}
