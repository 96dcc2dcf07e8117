// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Sign-ins per second against the sandbox over loopback, with 1 and 16 concurrent clients, for an
// opaque-token profile and a JWT profile. The server runs in its own thread; each client has its
// own QNetworkAccessManager and keeps one request in flight. Prints a table with the ratio to the
// single-client run measured in the same process (--rows: as ROW lines for scripts/bench.sh).
#include "bench_common.h"

#include <AuthSession/profileregistry.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/sandboxserver.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace AuthSession;

namespace {

struct Run {
    int done = 0;
    int failed = 0;
    double seconds = 0;
};

Run measure(const Profile &profile, const QUrl &base, int clients, int total)
{
    Run run;
    int started = 0;
    QEventLoop loop;
    RequestBuilder builder(profile, base);
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    std::function<void(QNetworkAccessManager *)> next = [&](QNetworkAccessManager *nam) {
        if (started >= total)
            return;
        ++started;
        PreparedRequest p = builder.signIn(QString::fromLatin1("demo"), QString::fromLatin1("demo"));
        QNetworkReply *reply = nam->sendCustomRequest(p.request, p.verb, p.body);
        QObject::connect(reply, &QNetworkReply::finished, nam, [&, reply, nam] {
            if (reply->error() != QNetworkReply::NoError)
                ++run.failed;
            reply->deleteLater();
            if (++run.done == total)
                loop.quit();
            else
                next(nam);
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < clients; ++i) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        next(nams.back().get());
    }
    loop.exec();
    run.seconds = timer.nsecsElapsed() / 1e9;
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // bench_sandbox [N] [--rows]: --rows prints the ROW lines of scripts/bench.sh's table (bench_common.h)
    const QStringList args = app.arguments();
    const bool rows = args.contains(QStringLiteral("--rows"));
    int total = 4000;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i].toInt() > 0)
            total = args[i].toInt();
    }
    QLoggingCategory::setFilterRules(QStringLiteral("authsession.sandbox.info=false"));

    QThread thread;
    auto *server = new SandboxServer;
    server->moveToThread(&thread);
    thread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(server, [&] { port = server->listen(); }, Qt::BlockingQueuedConnection);
    if (!port) {
        std::fprintf(stderr, "bench_sandbox: cannot listen\n");
        return 1;
    }

    std::FILE *out = rows ? stderr : stdout;
    std::fprintf(out, "%-16s %8s %9s %9s %12s %9s\n", "profile", "clients", "sign-ins", "seconds", "sign-ins/s", "vs 1");
    for (const char *id : {"oauth2-password", "datarhei-core"}) {
        const Profile profile = ProfileRegistry::builtIn(QLatin1String(id));
        const QUrl base = server->baseUrl(profile.id);
        measure(profile, base, 1, 200); // warm-up: connections, caches
        double baseline = 0;
        for (int clients : {1, 16}) {
            const Run r = measure(profile, base, clients, total);
            const double rate = r.done / r.seconds;
            if (clients == 1)
                baseline = rate;
            std::fprintf(out, "%-16s %8d %9d %9.3f %12.0f %8.2fx%s\n", id, clients, r.done, r.seconds, rate, rate / baseline,
                        r.failed ? " (failures!)" : "");
            if (rows && clients == 1)
                Bench::row(std::string("sandbox sign-ins/s, 1 client (") + id + ")", Bench::fmt("%.0f /s", rate), "-", 0,
                           "info", r.failed ? "MISS (failures)" : "info");
            if (rows && clients > 1)
                Bench::row(std::string("sandbox sign-ins/s, 16 clients (") + id + ")", Bench::fmt("%.0f /s", rate),
                           Bench::fmt("%.0f /s (1 client)", baseline), rate / baseline, ">= 1.0 (scales)",
                           r.failed ? "MISS (failures)" : rate / baseline >= 1.0 ? "pass" : "MISS");
        }
    }
    std::fflush(stdout);
    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return 0;
}
