// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The cost of AuthSession::Session over a bare QNetworkAccessManager, on loopback against the
// sandbox (in its own thread), each figure a ratio against a baseline measured in the same run:
//   sign-in         Session::signIn -> signedIn   vs  bare POST of the same request + JSON parse
//   requests        Session::send GETs            vs  bare GETs with a fixed Authorization header
//   single flight   1,000 send() on an expired token (one refresh)  vs  1,000 send() on a valid one
//   idle            wakeups of the client while signed in with a one-hour token  vs  a bare idle loop
//
// Usage: bench_core [--quick] [--diagnose] [--profile ID] [--idle-seconds N]
//        bench_core --only session|bare|bare-custom|bare-timeout|bare-redirect|signin|bare-signin [--count N] [--inflight N]
// Prints ROW lines (see bench_common.h) on stdout and details on stderr.
// --diagnose adds a client-thread CPU breakdown of the sequential requests (stderr).
// --only runs nothing but N (default 2000) GETs of one kind, sequential unless --inflight says
// otherwise, after a warm-up, inside measuredRequests(): for profilers, e.g.
//   valgrind --tool=callgrind --toggle-collect='*measuredRequests*' bench_core --only session
// counts exactly those requests on the client thread. Kinds: session (Session::send), bare
// (QNetworkAccessManager::get with a fixed Authorization header), bare-custom (the same through
// sendCustomRequest("GET"), as send() used to), bare-redirect (bare plus the same-origin redirect
// policy), bare-timeout (bare plus that policy and the transfer timeout that send() sets), signin
// (Session::signIn until it rests again) and bare-signin (a bare POST of the same request + JSON parse).
#include "bench_common.h"
#include "bench_server.h"

#include <AuthSession/profileregistry.h>
#include <AuthSession/requestbuilder.h>
#include <AuthSession/session.h>
#include <AuthSession/sessionreply.h>

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <sys/syscall.h>
#include <unistd.h>

#include <ctime>

#include <cstdio>
#include <functional>

using namespace AuthSession;
using Bench::fmt;

namespace {

double g_lastCpu = 0; // CPU seconds the calling (client) thread spent in the last drive()

double threadCpu()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

// Keeps \a inflight requests going until \a total have finished; returns the seconds taken.
// start(done) sends one request and calls done() when it has finished.
double drive(int total, int inflight, const std::function<void(std::function<void()>)> &start)
{
    QEventLoop loop;
    int started = 0;
    int finished = 0;
    std::function<void()> next;
    std::function<void()> done = [&] {
        if (++finished == total)
            loop.quit();
        else if (started < total)
            next();
    };
    next = [&] {
        ++started;
        start(done);
    };
    QElapsedTimer t;
    const double cpu0 = threadCpu();
    t.start();
    for (int i = 0; i < inflight && started < total; ++i)
        next();
    if (finished < total)
        loop.exec();
    g_lastCpu = threadCpu() - cpu0;
    return t.nsecsElapsed() / 1e9;
}

// voluntary context switches (= wakeups from a blocking wait) of the threads of this process,
// except \a skipTid (the sandbox's thread)
long long wakeups(long skipTid, long onlyTid = 0)
{
    long long sum = 0;
    const QStringList tids = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        if (tid.toLong() == skipTid || (onlyTid && tid.toLong() != onlyTid))
            continue;
        QFile f(QStringLiteral("/proc/self/task/%1/status").arg(tid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:"))
                sum += line.mid(24).trimmed().toLongLong();
        }
    }
    return sum;
}

int threadCount()
{
    return QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
}

// Counts the events delivered to objects of the main thread (application event filters see exactly those).
class EventCounter : public QObject
{
public:
    int timers = 0;
    int total = 0;
    QHash<QByteArray, int> timerReceivers;
    bool eventFilter(QObject *o, QEvent *e) override
    {
        ++total;
        if (e->type() == QEvent::Timer) {
            ++timers;
            timerReceivers[QByteArray(o->metaObject()->className()) + (o->parent() ? QByteArray(" (child of ") + o->parent()->metaObject()->className() + ')' : QByteArray())]++;
        }
        return false;
    }
};

struct Idle {
    int timerEvents = 0;
    int events = 0;
    long long mainWakeups = 0;
    long long processWakeups = 0;
    QHash<QByteArray, int> receivers;
};

Idle idleFor(int ms, long serverTid)
{
    EventCounter counter;
    const long mainTid = long(syscall(SYS_gettid));
    QEventLoop loop;
    QTimer stop;
    stop.setSingleShot(true);
    QObject::connect(&stop, &QTimer::timeout, &loop, &QEventLoop::quit);
    const long long w0 = wakeups(serverTid), m0 = wakeups(0, mainTid);
    qApp->installEventFilter(&counter);
    stop.start(ms);
    loop.exec();
    qApp->removeEventFilter(&counter);
    Idle r;
    // minus the measurement's own stop timer (one timer event, one wakeup)
    r.processWakeups = wakeups(serverTid) - w0 - 1;
    r.mainWakeups = wakeups(0, mainTid) - m0 - 1;
    r.timerEvents = counter.timers - 1;
    r.events = counter.total - 1;
    r.receivers = counter.timerReceivers;
    return r;
}

// The part of an --only run that profilers look at (see the header comment); not inlined so that
// callgrind's --toggle-collect finds it by name.
Q_NEVER_INLINE double measuredRequests(int count, int inflight, const std::function<void(std::function<void()>)> &start)
{
    return drive(count, inflight, start);
}

double processCpu()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

using Starter = std::function<void(std::function<void()>)>;

// One Session::send GET of \a resource per call; a non-200 answer counts in \a failures.
Starter sessionGet(Session &session, const QUrl &resource, int &failures)
{
    return [&session, resource, &failures](std::function<void()> done) {
        SessionReply *r = session.send(QNetworkRequest(resource));
        QObject::connect(r, &SessionReply::finished, r, [&failures, r, done] {
            if (r->status() != 200)
                ++failures;
            (void)r->body();
            r->deleteLater();
            done();
        });
    };
}

struct BareOptions {
    bool custom = false;   // sendCustomRequest("GET") instead of get()
    bool timeout = false;  // the transfer timeout send() sets
    bool redirect = false; // the same-origin redirect policy send() sets
};

// One bare QNetworkAccessManager GET of \a resource with the fixed Authorization \a header per call.
Starter bareGet(QNetworkAccessManager &nam, const QUrl &resource, const QByteArray &header, int &failures,
                BareOptions options = {})
{
    return [&nam, resource, header, &failures, options](std::function<void()> done) {
        QNetworkRequest req(resource);
        req.setRawHeader("Authorization", header);
        if (options.timeout)
            req.setTransferTimeout(30000);
        if (options.redirect)
            req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
        QNetworkReply *r = options.custom ? nam.sendCustomRequest(req, "GET", QByteArray()) : nam.get(req);
        QObject::connect(r, &QNetworkReply::finished, r, [&failures, r, done] {
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            (void)r->readAll();
            r->deleteLater();
            done();
        });
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("authsession.sandbox.info=false"));
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    QString profileId = QStringLiteral("oauth2-password");
    int idleSeconds = quick ? 2 : 10;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--profile"))
            profileId = args[i + 1];
        if (args[i] == QLatin1String("--idle-seconds"))
            idleSeconds = args[i + 1].toInt();
    }
    const int signIns = quick ? 100 : 1000;
    const int requests = quick ? 1000 : 10000;
    const int concurrent = 1000;
    const int flightRounds = quick ? 2 : 7;

    Bench::ServerThread srv;
    if (!srv.port) {
        std::fprintf(stderr, "bench_core: the sandbox cannot listen\n");
        return 1;
    }
    long serverTid = 0;
    srv.run([&](SandboxServer *) { serverTid = long(syscall(SYS_gettid)); });

    const qsizetype onlyAt = args.indexOf(QStringLiteral("--only"));
    if (onlyAt > 0) {
        const QString kind = args.value(onlyAt + 1);
        const qsizetype countAt = args.indexOf(QStringLiteral("--count"));
        const int count = countAt > 0 ? args.value(countAt + 1).toInt() : 2000;
        const qsizetype inflightAt = args.indexOf(QStringLiteral("--inflight"));
        const int inflight = inflightAt > 0 ? qMax(1, args.value(inflightAt + 1).toInt()) : 1;
        const Profile profile = ProfileRegistry::builtIn(profileId);
        QNetworkAccessManager nam;
        Session session;
        session.setProfile(profile);
        session.setBaseUrl(srv.server->baseUrl(profile.id));
        session.setNetworkAccessManager(&nam);
        QEventLoop loop;
        QObject::connect(&session, &Session::signedIn, &loop, &QEventLoop::quit);
        QObject::connect(&session, &Session::signInFailed, &loop, &QEventLoop::quit);
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        loop.exec();
        if (!session.isSignedIn()) {
            std::fprintf(stderr, "bench_core: sign-in failed: %s\n", qPrintable(session.lastError().toString()));
            return 1;
        }
        const QUrl resource = session.url(QStringLiteral("/api/items"));
        const QByteArray header = session.tokens().authorizationHeader();
        int failures = 0;
        Starter start;
        if (kind == QLatin1String("session")) {
            start = sessionGet(session, resource, failures);
        } else if (kind == QLatin1String("bare") || kind == QLatin1String("bare-custom") || kind == QLatin1String("bare-timeout")
                   || kind == QLatin1String("bare-redirect")) {
            BareOptions options;
            options.custom = kind == QLatin1String("bare-custom");
            options.timeout = kind == QLatin1String("bare-timeout");
            options.redirect = options.timeout || kind == QLatin1String("bare-redirect");
            start = bareGet(nam, resource, header, failures, options);
        } else if (kind == QLatin1String("signin")) {
            start = [&](std::function<void()> done) {
                auto conn = std::make_shared<QMetaObject::Connection>();
                *conn = QObject::connect(&session, &Session::stateChanged, &session, [&session, &failures, conn, done] {
                    if (session.isBusy())
                        return;
                    if (!session.isSignedIn())
                        ++failures;
                    QObject::disconnect(*conn);
                    done();
                });
                session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
            };
        } else if (kind == QLatin1String("bare-signin")) {
            const PreparedRequest prepared = RequestBuilder(profile, session.baseUrl()).signIn(QStringLiteral("demo"), QStringLiteral("demo"));
            start = [&, prepared](std::function<void()> done) {
                QNetworkReply *r = nam.sendCustomRequest(prepared.request, prepared.verb, prepared.body);
                QObject::connect(r, &QNetworkReply::finished, r, [&failures, r, done] {
                    if (QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("access_token")).toString().isEmpty())
                        ++failures;
                    r->deleteLater();
                    done();
                });
            };
        } else {
            std::fprintf(stderr, "bench_core: --only takes session, bare, bare-custom, bare-timeout, bare-redirect, signin or bare-signin\n");
            return 2;
        }
        drive(300, inflight, start); // warm-up: connections open, caches filled
        const double process0 = processCpu();
        const double t = measuredRequests(count, inflight, start);
        const double process = processCpu() - process0;
        std::fprintf(stderr, "only %s: %d GETs, %d in flight, %.1f us/req wall, %.1f us/req client-thread CPU, "
                             "%.1f us/req process CPU (all threads, sandbox included), %d failures\n",
                     qPrintable(kind), count, inflight, t / count * 1e6, g_lastCpu / count * 1e6, process / count * 1e6, failures);
        return failures ? 1 : 0;
    }

    // --- idle baseline first: a bare QCoreApplication (and the idle sandbox thread, not counted) ---
    std::fprintf(stderr, "idle baseline: %d s ...\n", idleSeconds);
    const Idle idleBare = idleFor(idleSeconds * 1000, serverTid);
    const int bareThreads = threadCount();

    const Profile profile = ProfileRegistry::builtIn(profileId);
    const QUrl base = srv.server->baseUrl(profile.id);
    QNetworkAccessManager nam; // shared by the Session and the bare baseline: same connection pool
    Session session;
    session.setProfile(profile);
    session.setBaseUrl(base);
    session.setNetworkAccessManager(&nam);
    qint64 shiftSecs = 0;
    session.setClock([&shiftSecs] { return QDateTime::currentDateTimeUtc().addSecs(shiftSecs); });

    // --- sign-in ---
    const PreparedRequest prepared = RequestBuilder(profile, base).signIn(QStringLiteral("demo"), QStringLiteral("demo"));
    auto sessionSignIn = [&]() -> double {
        QEventLoop loop;
        bool ok = false;
        auto c1 = QObject::connect(&session, &Session::signedIn, &loop, [&] { ok = true; loop.quit(); });
        auto c2 = QObject::connect(&session, &Session::signInFailed, &loop, [&] { loop.quit(); });
        QElapsedTimer t;
        t.start();
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        loop.exec();
        const double us = t.nsecsElapsed() / 1e3;
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        if (!ok) {
            std::fprintf(stderr, "bench_core: sign-in failed: %s\n", qPrintable(session.lastError().toString()));
            std::exit(1);
        }
        return us;
    };
    auto bareSignIn = [&]() -> double {
        QEventLoop loop;
        QElapsedTimer t;
        t.start();
        QNetworkReply *r = nam.sendCustomRequest(prepared.request, prepared.verb, prepared.body);
        QByteArray token;
        QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
            token = QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("access_token")).toString().toUtf8();
            r->deleteLater();
            loop.quit();
        });
        loop.exec();
        const double us = t.nsecsElapsed() / 1e3;
        if (token.isEmpty()) {
            std::fprintf(stderr, "bench_core: bare sign-in got no token\n");
            std::exit(1);
        }
        return us;
    };
    std::fprintf(stderr, "sign-in: %d each, interleaved ...\n", signIns);
    for (int i = 0; i < 50; ++i) { // warm-up
        sessionSignIn();
        bareSignIn();
    }
    std::vector<double> sIn, bIn;
    for (int i = 0; i < signIns; ++i) {
        if (i % 2) {
            sIn.push_back(sessionSignIn());
            bIn.push_back(bareSignIn());
        } else {
            bIn.push_back(bareSignIn());
            sIn.push_back(sessionSignIn());
        }
    }
    {
        const double s = Bench::median(sIn), b = Bench::median(bIn);
        Bench::row("sign-in, median of " + std::to_string(signIns), fmt("%.0f us", s), fmt("%.0f us", b), s / b,
                   "<= 1.10", Bench::verdictMax(s / b, 1.10));
    }

    // --- authorized requests, 6 in flight for both ---
    const QUrl resource = session.url(QStringLiteral("/api/items"));
    int failures = 0;
    const Starter sessionGets = sessionGet(session, resource, failures);
    const QByteArray fixedHeader = session.tokens().authorizationHeader();
    const Starter bareGetFixed = bareGet(nam, resource, fixedHeader, failures);
    std::fprintf(stderr, "requests: %d each, 6 in flight, interleaved blocks ...\n", requests);
    drive(300, 6, sessionGets);
    drive(300, 6, bareGetFixed);
    const int blocks = 20, perBlock = requests / blocks;
    double sReq = 0, bReq = 0;
    std::vector<double> blockRatios;
    for (int i = 0; i < blocks; ++i) {
        double s, b;
        if (i % 2) {
            s = drive(perBlock, 6, sessionGets);
            b = drive(perBlock, 6, bareGetFixed);
        } else {
            b = drive(perBlock, 6, bareGetFixed);
            s = drive(perBlock, 6, sessionGets);
        }
        sReq += s;
        bReq += b;
        blockRatios.push_back(s / b);
    }
    std::fprintf(stderr, "  failures: %d; median block ratio %.3f\n", failures, Bench::median(blockRatios));
    Bench::row("requests, " + std::to_string(requests) + " GETs, 6 in flight", fmt("%.0f req/s", requests / sReq),
               fmt("%.0f req/s", requests / bReq), sReq / bReq, "<= 1.05", Bench::verdictMax(sReq / bReq, 1.05));

    // same, sequential (1 in flight): shows the per-request fixed cost without pipelining effects
    {
        const int n = requests / 5;
        double s = 0, b = 0;
        for (int i = 0; i < 10; ++i) {
            if (i % 2) {
                s += drive(n / 10, 1, sessionGets);
                b += drive(n / 10, 1, bareGetFixed);
            } else {
                b += drive(n / 10, 1, bareGetFixed);
                s += drive(n / 10, 1, sessionGets);
            }
        }
        Bench::row("requests, " + std::to_string(n) + " GETs, sequential", fmt("%.1f us/req", s / n * 1e6),
                   fmt("%.1f us/req", b / n * 1e6), s / b, "<= 1.05", Bench::verdictMax(s / b, 1.05));
    }

    // --- diagnosis (--diagnose): which part of Session::send's cost a bare client pays too ---
    if (args.contains(QStringLiteral("--diagnose"))) {
        auto variant = [&](bool timeout, bool hop, bool armTimer) -> Starter {
            const Starter go = bareGet(nam, resource, fixedHeader, failures, {false, timeout, timeout});
            return [&session, go, hop, armTimer](std::function<void()> done) {
                if (armTimer)
                    session.checkExpiry(); // what send() runs first
                if (hop)
                    QMetaObject::invokeMethod(&session, [go, done] { go(done); }, Qt::QueuedConnection);
                else
                    go(done);
            };
        };
        const int n = requests / 5;
        struct V { const char *name; std::function<void(std::function<void()>)> f; double t = 0; double cpu = 0; };
        std::vector<V> vs = {{"bare, fixed header", bareGetFixed},
                             {"bare + transferTimeout + redirect policy", variant(true, false, false)},
                             {"  + queued hop (as withFreshToken)", variant(true, true, false)},
                             {"  + checkExpiry() (re-arms the timer)", variant(true, true, true)},
                             {"Session::send", sessionGets}};
        for (int rep = 0; rep < 10; ++rep)
            for (V &v : vs) {
                v.t += drive(n / 10, 1, v.f);
                v.cpu += g_lastCpu;
            }
        for (const V &v : vs)
            std::fprintf(stderr, "  diagnose, sequential: %-42s %7.1f us/req wall (%.3f x bare), %6.1f us/req client-thread CPU (%.3f x bare)\n",
                         v.name, v.t / n * 1e6, v.t / vs[0].t, v.cpu / n * 1e6, v.cpu / vs[0].cpu);
    }

    // --- single flight: 1,000 concurrent send() on an expired token vs on a valid one ---
    std::fprintf(stderr, "single flight: %d rounds of %d concurrent send() ...\n", flightRounds, concurrent);
    const int lifetime = int(QDateTime::currentDateTimeUtc().secsTo(session.expiresAt()));
    std::vector<double> tValid, tExpired;
    std::vector<int> refreshes;
    int flightFailures = 0;
    auto burst = [&]() -> double {
        return drive(concurrent, concurrent, [&](std::function<void()> done) {
            SessionReply *r = session.send(QNetworkRequest(resource));
            QObject::connect(r, &SessionReply::finished, r, [&flightFailures, r, done] {
                if (r->status() != 200)
                    ++flightFailures;
                r->deleteLater();
                done();
            });
        });
    };
    burst(); // warm-up
    for (int round = 0; round < flightRounds; ++round) {
        auto expired = [&] {
            srv.run([&](SandboxServer *s) { s->resetCounters(); });
            shiftSecs += lifetime + 60; // the wall clock jumps past the expiry (as after a suspend)
            tExpired.push_back(burst());
            refreshes.push_back(srv.count(profile.id, QStringLiteral("refresh")));
        };
        if (round % 2) {
            tValid.push_back(burst());
            expired();
        } else {
            expired();
            tValid.push_back(burst());
        }
    }
    {
        QString counts;
        bool exactlyOne = true;
        for (int n : refreshes) {
            counts += QString::number(n) + QLatin1Char(' ');
            exactlyOne = exactlyOne && n == 1;
        }
        std::fprintf(stderr, "  refreshes per round (sandbox counter): %s; failures %d\n", qPrintable(counts), flightFailures);
        const double e = Bench::median(tExpired), v = Bench::median(tValid);
        Bench::row("single flight, " + std::to_string(concurrent) + " send() on expired token", fmt("%.1f ms", e * 1e3),
                   fmt("%.1f ms", v * 1e3), e / v, "<= 1.2", Bench::verdictMax(e / v, 1.2));
        Bench::row("single flight: refreshes per burst (sandbox)", std::to_string(refreshes.empty() ? 0 : refreshes.front())
                       + (exactlyOne ? " in every round" : " (NOT 1 in every round)"),
                   "1", 0, "== 1", exactlyOne && flightFailures == 0 ? "pass" : "MISS");
    }

    // --- idle: signed in with a one-hour token ---
    srv.run([](SandboxServer *s) { s->setAccessTokenLifetime(3600); });
    shiftSecs = 0;
    {
        sessionSignIn();
        const qint64 toRefresh = QDateTime::currentDateTimeUtc().secsTo(session.nextRefreshAt());
        std::fprintf(stderr, "idle signed in: %d s (token expires in %lld s, refresh timer in %lld s) ...\n", idleSeconds,
                     (long long)QDateTime::currentDateTimeUtc().secsTo(session.expiresAt()), (long long)toRefresh);
        // let the last sign-in's deferred deletions and signals settle, as the baseline had none pending
        QCoreApplication::processEvents();
        const Idle idle = idleFor(idleSeconds * 1000, serverTid);
        const double scale = 60.0 / idleSeconds;
        std::fprintf(stderr, "  bare:      %d timer events, %d events, %lld main-thread wakeups, %lld process wakeups (%d threads)\n",
                     idleBare.timerEvents, idleBare.events, idleBare.mainWakeups, idleBare.processWakeups, bareThreads);
        std::fprintf(stderr, "  signed in: %d timer events, %d events, %lld main-thread wakeups, %lld process wakeups (%d threads)\n",
                     idle.timerEvents, idle.events, idle.mainWakeups, idle.processWakeups, threadCount());
        for (auto it = idle.receivers.cbegin(); it != idle.receivers.cend(); ++it)
            std::fprintf(stderr, "    timer events to %s: %d (one is the measurement's stop timer)\n", it.key().constData(), it.value());
        const double extraTimers = (idle.timerEvents - idleBare.timerEvents) * scale;
        const double extraWakeups = double(idle.processWakeups - idleBare.processWakeups) * scale;
        Bench::row("idle: timer events/min, signed in (1 h token)", fmt("%.0f", idle.timerEvents * scale),
                   fmt("%.0f", idleBare.timerEvents * scale), 0, "+0 (refresh timer armed, " + std::to_string(toRefresh / 60) + " min away)",
                   extraTimers <= 0 && toRefresh > 60 ? "pass" : "MISS");
        Bench::row("idle: client wakeups/min (voluntary ctx switches)", fmt("%.0f", idle.processWakeups * scale),
                   fmt("%.0f", idleBare.processWakeups * scale), 0, "+0", extraWakeups <= 0 ? "pass" : "MISS");
    }
    return 0;
}
