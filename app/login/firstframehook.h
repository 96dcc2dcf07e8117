// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The first-frame hook of the start-up benchmark (tests/benchmarks/bench_startup), shared by
// authsession-login and the minimal baseline apps it is compared with: with AUTHSESSION_BENCH_FIRST_FRAME=1 in the environment, the app
// prints "first-frame <ms since process start>" on stdout when its first frame is on screen and
// quits. bench_startup takes its own time stamp when it reads that line (from fork() on, monotonic);
// the number printed is the app's own view, from /proc/self/stat (10 ms resolution), for cross-checks.
#pragma once

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace Bench {

inline bool firstFrameRequested()
{
    const char *v = std::getenv("AUTHSESSION_BENCH_FIRST_FRAME");
    return v && *v && *v != '0';
}

//! Milliseconds since this process started (kernel start time, clock-tick resolution).
inline double msSinceProcessStart()
{
    std::FILE *f = std::fopen("/proc/self/stat", "r");
    if (!f)
        return -1;
    char buf[1024];
    const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = 0;
    // field 22 (starttime) counts from after the ")" that closes field 2 (comm)
    const char *p = nullptr;
    for (const char *c = buf; *c; ++c)
        if (*c == ')')
            p = c;
    if (!p)
        return -1;
    unsigned long long start = 0;
    int field = 2;
    for (const char *c = p + 1; *c; ++c) {
        if (*c == ' ') {
            ++field;
            if (field == 22) {
                start = std::strtoull(c + 1, nullptr, 10);
                break;
            }
        }
    }
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (now.tv_sec + now.tv_nsec / 1e9 - start / ticks) * 1e3;
}

//! Call on the first frame: prints the line and quits (once).
inline void reportFirstFrame()
{
    static bool done = false;
    if (done || !firstFrameRequested())
        return;
    done = true;
    std::printf("first-frame %.1f\n", msSinceProcessStart());
    std::fflush(stdout);
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);
}

} // namespace Bench
