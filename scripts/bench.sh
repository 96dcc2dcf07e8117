#!/bin/sh
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Builds the benchmarks in Release (own build folder) and runs all of them, printing one table:
# measured value, baseline measured in the same run, ratio, target, verdict. See docs/performance.md.
#
# Usage: scripts/bench.sh [--quick] [build-dir]      (default build dir: build-bench)
#   --quick   fewer iterations (smoke test; not for the figures in docs/performance.md)
# Environment: BENCH_RUNS (start-up runs per app, default 10), BENCH_IDLE_SECONDS (default 10).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
quick=
if [ "${1:-}" = "--quick" ]; then quick=--quick; shift; fi
build=${1:-"$root/build-bench"}
runs=${BENCH_RUNS:-10}
[ -n "$quick" ] && runs=${BENCH_RUNS:-3}
idle=${BENCH_IDLE_SECONDS:-10}
[ -n "$quick" ] && idle=${BENCH_IDLE_SECONDS:-2}

launcher=
command -v ccache >/dev/null 2>&1 && launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
log="$build/bench.log"
mkdir -p "$build"
: >"$log"

echo "== configuring and building (Release) in $build; details in $log" >&2
if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAUTHSESSION_BUILD_APPS=ON $launcher >>"$log" 2>&1; then
    echo "   configure with the apps failed; retrying without them (no authsession-login figures)" >&2
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release $launcher -DAUTHSESSION_BUILD_APPS=OFF >>"$log" 2>&1
fi
cmake --build "$build" --target bench_sandbox bench_core bench_startup bench_min_quick bench_min_controls bench_min_widgets >>"$log" 2>&1
cmake --build "$build" --target authsession-login authsession-login-quick >>"$log" 2>&1 ||
    echo "   authsession-login did not build (see $log): its start-up rows will say 'not measured'" >&2

bin="$build/tests/benchmarks"
login="$build/app/login/authsession-login"
rows="$build/bench-rows.tsv"
: >"$rows"

echo "== bench_core (sign-in, requests, single flight, idle ${idle}s x2)" >&2
"$bin/bench_core" $quick --idle-seconds "$idle" 2>>"$log" | grep '^ROW' >>"$rows"
echo "== bench_sandbox (sign-ins/s, 1 and 16 clients)" >&2
n=4000; [ -n "$quick" ] && n=500
"$bin/bench_sandbox" "$n" --rows 2>>"$log" | grep '^ROW' >>"$rows"
echo "== bench_startup ($runs runs each, interleaved)" >&2
"$bin/bench_startup" --runs "$runs" \
    --pair "QML app vs minimal Quick" "$login --sandbox" "$bin/bench_min_quick" \
    --pair "--widgets vs minimal Widgets" "$login --widgets --sandbox" "$bin/bench_min_widgets" \
    --pair "QML app vs Controls sign-in form" "$login --sandbox" "$bin/bench_min_controls" \
    --pair "--widgets vs widgets sign-in form" "$login --widgets --sandbox" "$bin/bench_min_widgets --form" \
    --pair "Controls form vs minimal Quick" "$bin/bench_min_controls" "$bin/bench_min_quick" \
    2>>"$log" | grep '^ROW' >>"$rows"

echo
printf '%s\n' "AuthSession benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?'))"
awk -F'\t' '
    BEGIN { printf "| %-52s | %-18s | %-24s | %-6s | %-22s | %-8s |\n", "benchmark", "measured", "baseline", "ratio", "target", "verdict"
            printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------------------------------", "--------------------", "--------------------------", "--------", "------------------------", "----------" }
    { printf "| %-52s | %-18s | %-24s | %-6s | %-22s | %-8s |\n", $2, $3, $4, $5, $6, $7 }' "$rows"
echo
echo "details (per-round counts, idle breakdown, failures): $log"
