// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Cold start to first frame and peak resident memory of an app against a baseline app, measured in
// the same run, runs interleaved (app, baseline, app, baseline ...) to cancel drift.
//
//   bench_startup [--runs N] --pair LABEL "APP ARGS..." "BASELINE ARGS..." [--pair ...]
//
// Every child runs with AUTHSESSION_BENCH_FIRST_FRAME=1 (it prints "first-frame <ms>" on its first
// frame and quits), QT_QPA_PLATFORM=offscreen unless set, and a throwaway HOME/XDG folders.
// Start-up = time from fork() to reading the "first-frame" line on the child's stdout (monotonic
// clock, taken here). Peak RSS = the child's ru_maxrss from wait4() (the same figure as VmHWM).
// A child that never prints the line within the time limit is killed and reported "not measured".
#include "bench_common.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

double nowMs()
{
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Result {
    bool ok = false;
    double startMs = 0;
    double selfReportedMs = -1;
    long peakKb = 0;
    std::string why;
};

std::vector<std::string> split(const std::string &cmd)
{
    std::istringstream in(cmd);
    std::vector<std::string> out;
    std::string w;
    while (in >> w)
        out.push_back(w);
    return out;
}

Result runOnce(const std::string &cmd, int timeoutMs)
{
    Result r;
    std::vector<std::string> words = split(cmd);
    if (words.empty() || access(words[0].c_str(), X_OK) != 0) {
        r.why = "not built: " + (words.empty() ? std::string("(empty)") : words[0]);
        return r;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        r.why = "pipe failed";
        return r;
    }
    const double t0 = nowMs();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        const int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0 && !std::getenv("BENCH_STARTUP_STDERR"))
            dup2(devnull, STDERR_FILENO);
        std::vector<char *> argv;
        for (std::string &w : words)
            argv.push_back(w.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string out;
    bool seen = false;
    while (!seen) {
        const double left = timeoutMs - (nowMs() - t0);
        if (left <= 0)
            break;
        pollfd p {fds[0], POLLIN, 0};
        const int n = poll(&p, 1, int(left));
        if (n <= 0)
            break;
        char buf[4096];
        const ssize_t got = read(fds[0], buf, sizeof buf);
        if (got <= 0)
            break; // EOF: exited without the line
        const double t = nowMs();
        out.append(buf, size_t(got));
        const size_t at = out.find("first-frame ");
        if (at != std::string::npos && out.find('\n', at) != std::string::npos) {
            seen = true;
            r.startMs = t - t0;
            r.selfReportedMs = std::atof(out.c_str() + at + 12);
        }
    }
    if (!seen)
        kill(pid, SIGKILL);
    // give a well-behaved child a moment to quit by itself after the first frame
    int status = 0;
    rusage ru {};
    const double deadline = nowMs() + 10000;
    pid_t w = 0;
    while ((w = wait4(pid, &status, WNOHANG, &ru)) == 0 && nowMs() < deadline)
        usleep(2000);
    if (w == 0) {
        kill(pid, SIGKILL);
        wait4(pid, &status, 0, &ru);
    }
    close(fds[0]);
    r.peakKb = ru.ru_maxrss;
    r.ok = seen;
    if (!seen)
        r.why = WIFEXITED(status) ? "exited " + std::to_string(WEXITSTATUS(status)) + " without printing first-frame"
                                  : "no first-frame line within " + std::to_string(timeoutMs / 1000) + " s (killed)";
    return r;
}

struct Pair {
    std::string label, app, baseline;
};

} // namespace

int main(int argc, char **argv)
{
    int runs = 10;
    int timeoutMs = 20000;
    std::vector<Pair> pairs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (a == "--timeout" && i + 1 < argc)
            timeoutMs = std::atoi(argv[++i]) * 1000;
        else if (a == "--pair" && i + 3 < argc) {
            pairs.push_back({argv[i + 1], argv[i + 2], argv[i + 3]});
            i += 3;
        } else {
            std::fprintf(stderr, "usage: bench_startup [--runs N] [--timeout S] --pair LABEL APP BASELINE ...\n");
            return 2;
        }
    }
    setenv("AUTHSESSION_BENCH_FIRST_FRAME", "1", 1);
    setenv("QT_QPA_PLATFORM", std::getenv("QT_QPA_PLATFORM") ? std::getenv("QT_QPA_PLATFORM") : "offscreen", 1);
    char home[] = "/tmp/authsession-bench-home-XXXXXX";
    if (!mkdtemp(home)) {
        std::perror("mkdtemp");
        return 1;
    }
    setenv("HOME", home, 1);
    setenv("XDG_CONFIG_HOME", (std::string(home) + "/.config").c_str(), 1);
    setenv("XDG_DATA_HOME", (std::string(home) + "/.local/share").c_str(), 1);
    setenv("XDG_CACHE_HOME", (std::string(home) + "/.cache").c_str(), 1);
    // no session bus: the keychain (if the app touches it) fails fast instead of waiting for one
    setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 1);

    for (const Pair &p : pairs) {
        std::vector<double> aStart, bStart, aRss, bRss, aSelf, bSelf;
        std::string aWhy, bWhy;
        // warm-up: page cache, font cache, QML disk cache for both; an app that does not print the
        // line in its warm-up run is not run again (it lacks the hook, or does not start here)
        const Result warmApp = runOnce(p.app, timeoutMs);
        const Result warmBase = runOnce(p.baseline, timeoutMs);
        if (!warmApp.ok)
            aWhy = warmApp.why;
        if (!warmBase.ok)
            bWhy = warmBase.why;
        for (int i = 0; i < runs; ++i) {
            for (int k = 0; k < 2; ++k) {
                const bool app = (i + k) % 2 == 0;
                if (!(app ? warmApp : warmBase).ok)
                    continue;
                const Result r = runOnce(app ? p.app : p.baseline, timeoutMs);
                if (!r.ok) {
                    (app ? aWhy : bWhy) = r.why;
                    continue;
                }
                (app ? aStart : bStart).push_back(r.startMs);
                (app ? aRss : bRss).push_back(r.peakKb / 1024.0);
                (app ? aSelf : bSelf).push_back(r.selfReportedMs);
            }
        }
        std::fprintf(stderr, "%s: app %zu/%d measured%s%s; baseline %zu/%d%s%s\n", p.label.c_str(), aStart.size(), runs,
                     aWhy.empty() ? "" : ", ", aWhy.c_str(), bStart.size(), runs, bWhy.empty() ? "" : ", ", bWhy.c_str());
        if (!aStart.empty() && !bStart.empty()) {
            std::fprintf(stderr, "  self-reported first-frame (ms since process start, 10 ms ticks): app %.0f, baseline %.0f\n",
                         Bench::median(aSelf), Bench::median(bSelf));
            const double as = Bench::median(aStart), bs = Bench::median(bStart);
            const double ar = Bench::median(aRss), br = Bench::median(bRss);
            Bench::row("start to first frame: " + p.label, Bench::fmt("%.0f ms", as), Bench::fmt("%.0f ms", bs), as / bs,
                       "<= 1.3", Bench::verdictMax(as / bs, 1.3));
            Bench::row("peak RSS: " + p.label, Bench::fmt("%.1f MiB", ar), Bench::fmt("%.1f MiB", br), ar / br, "<= 1.25",
                       Bench::verdictMax(ar / br, 1.25));
        } else {
            const std::string why = aStart.empty() ? aWhy : bWhy;
            Bench::row("start to first frame: " + p.label, "not measured", bStart.empty() ? "not measured" : Bench::fmt("%.0f ms", Bench::median(bStart)), 0,
                       "<= 1.3", "n/a (" + why + ")");
            Bench::row("peak RSS: " + p.label, "not measured", bRss.empty() ? "not measured" : Bench::fmt("%.1f MiB", Bench::median(bRss)), 0,
                       "<= 1.25", "n/a");
        }
    }
    std::string rm = std::string("rm -rf ") + home;
    if (std::system(rm.c_str()) != 0)
        std::fprintf(stderr, "could not remove %s\n", home);
    return 0;
}
