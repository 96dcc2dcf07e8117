#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Hardening run (issue 9), idempotent and incremental (reuses its build dirs; ccache when present):
#   1. asan:     build everything with -fsanitize=address,undefined (gcc) in build-asan and run the
#                whole ctest suite inside scripts/with-keyring.sh;
#   2. fuzz:     build the libFuzzer harnesses (clang) in build-fuzz, run each for
#                $AUTHSESSION_FUZZ_SECONDS (60) seconds; a crash fails the run and leaves the input
#                in build-fuzz/artifacts (copy it to tests/fuzz/regressions/<name>/ once fixed);
#   3. valgrind: memcheck on the core tests and the fuzz regression drivers (plain build in
#                build-hard), --error-exitcode=1.
#   scripts/test-hardening.sh [asan] [fuzz] [valgrind]     (default: all three)
# Environment: AUTHSESSION_FUZZ_SECONDS, AUTHSESSION_HARDENING_JOBS (ctest -j, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(asan fuzz valgrind)
fuzz_seconds=${AUTHSESSION_FUZZ_SECONDS:-60}
jobs=${AUTHSESSION_HARDENING_JOBS:-2}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Qt and glib are not instrumented and keep process-lifetime allocations: leak checking would only
# report those, so it is off; every other ASan/UBSan finding aborts the test.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=()
total_start=$SECONDS

stage() { # name start-seconds result
    local took=$((SECONDS - $2))
    summary+=("$(printf '%-9s %-6s %4ss' "$1" "$3" "$took")")
    echo "== $1: $3 in ${took}s"
}

configure() { # dir cmake-args...
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        mkdir -p "$dir"
        cmake -S "$root" -B "$dir" -G Ninja "${launcher[@]}" "$@" >"$dir/configure.log" 2>&1 \
            || { cat "$dir/configure.log"; return 1; }
    fi
}

for s in "${stages[@]}"; do
    case "$s" in
    asan)
        t=$SECONDS
        echo "== asan: build-asan (gcc, address+undefined), whole ctest suite"
        if configure build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAUTHSESSION_SANITIZE="address;undefined" \
            && cmake --build build-asan \
            && scripts/with-keyring.sh ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600 -LE package; then
            stage asan "$t" ok
        else
            stage asan "$t" FAILED
            status=1
        fi
        ;;
    fuzz)
        t=$SECONDS
        echo "== fuzz: build-fuzz (clang libFuzzer + address+undefined), ${fuzz_seconds}s per harness"
        if ! command -v clang++ >/dev/null 2>&1 && ! command -v clang++-14 >/dev/null 2>&1; then
            stage fuzz "$t" "SKIP(no clang)"
            continue
        fi
        cxx=$(command -v clang++ || command -v clang++-14)
        if configure build-fuzz -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DAUTHSESSION_SANITIZE="address;undefined;fuzzer-no-link" -DAUTHSESSION_BUILD_FUZZERS=ON \
            -DAUTHSESSION_BUILD_WIDGETS=OFF -DAUTHSESSION_BUILD_QML=OFF -DAUTHSESSION_BUILD_APPS=OFF \
            -DAUTHSESSION_TEST_AREAS=none \
            && cmake --build build-fuzz --target fuzz_profile fuzz_responsemapper fuzz_jwt; then
            mkdir -p build-fuzz/artifacts
            pids=()
            for name in profile responsemapper jwt; do
                mkdir -p "build-fuzz/corpus/$name"
                # new inputs go to the first (build) directory; the seeds in the tree stay untouched
                (cd build-fuzz && ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" ./tests/fuzz/fuzz_$name \
                    -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
                    -print_final_stats=1 -artifact_prefix="artifacts/$name-" \
                    "corpus/$name" "$root/tests/fuzz/corpus/$name" "$root/tests/fuzz/regressions/$name" \
                    >"fuzz-$name.log" 2>&1) &
                pids+=($!)
            done
            fuzz_ok=ok
            i=0
            for name in profile responsemapper jwt; do
                if ! wait "${pids[$i]}"; then
                    fuzz_ok=FAILED
                    echo "fuzz_$name found a problem:"
                    tail -60 "build-fuzz/fuzz-$name.log"
                fi
                execs=$(grep -m1 'stat::number_of_executed_units' "build-fuzz/fuzz-$name.log" | awk '{print $2}')
                echo "   fuzz_$name: ${execs:-?} executions, corpus $(find "build-fuzz/corpus/$name" -type f | wc -l) files"
                i=$((i + 1))
            done
            [ "$fuzz_ok" = ok ] || status=1
            stage fuzz "$t" "$fuzz_ok"
        else
            stage fuzz "$t" FAILED
            status=1
        fi
        ;;
    valgrind)
        t=$SECONDS
        vg_dir=${AUTHSESSION_VALGRIND_BUILD_DIR:-build-hard}
        echo "== valgrind: memcheck on the core tests ($vg_dir)"
        if ! command -v valgrind >/dev/null 2>&1; then
            stage valgrind "$t" "SKIP(no valgrind)"
            continue
        fi
        if configure "$vg_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAUTHSESSION_BUILD_WIDGETS=OFF \
            -DAUTHSESSION_BUILD_QML=OFF -DAUTHSESSION_BUILD_APPS=OFF \
            -DAUTHSESSION_TEST_AREAS="core;sandbox;session;keychain;hardening" \
            && cmake --build "$vg_dir"; then
            vg=(valgrind --tool=memcheck --error-exitcode=1 --track-origins=no --num-callers=30 --gen-suppressions=all
                --suppressions="$root/scripts/valgrind.supp" --leak-check=no)
            vg_ok=ok
            export QT_QPA_PLATFORM=offscreen
            # PCRE2 JIT code (QRegularExpression) reads 16 bytes at a time: valgrind cannot tell that
            # from a bug, so the interpreter runs instead
            export QT_ENABLE_REGEXP_JIT=0
            home=$(mktemp -d)
            for test in core/tst_responsemapper core/tst_profile core/tst_jwt; do
                if ! HOME=$home "${vg[@]}" --log-file="$vg_dir/valgrind-$(basename $test).log" "$vg_dir/tests/auto/$test" >/dev/null 2>&1; then
                    vg_ok=FAILED
                    echo "valgrind: $test"; tail -40 "$vg_dir/valgrind-$(basename $test).log"
                fi
            done
            # the session against the sandbox: the fault paths (timers, aborts, retries) are where
            # use-after-free would hide
            if ! HOME=$home "${vg[@]}" --log-file="$vg_dir"/valgrind-tst_sessionfaults.log \
                "$vg_dir"/tests/auto/session/tst_sessionfaults "signInFaultMapsToCategory:v1-auth kind=status,status=502" \
                "signInFaultMapsToCategory:v1-auth kind=malformed-json" \
                "signInFaultMapsToCategory:v1-auth kind=oversized,size=2000000" \
                "signInFaultMapsToCategory:v1-auth kind=drop,count=-1" \
                rejectedRefreshExpiresSession cancelAbortsSlowSignIn cancelDuringRefreshKeepsSession \
                serverDownIsNetworkError >/dev/null 2>&1; then
                vg_ok=FAILED
                echo "valgrind: tst_sessionfaults"; tail -40 "$vg_dir"/valgrind-tst_sessionfaults.log
            fi
            for name in profile responsemapper jwt; do
                if ! "${vg[@]}" --log-file="$vg_dir/valgrind-fuzz_regress_$name.log" "$vg_dir/tests/fuzz/fuzz_regress_$name" \
                    tests/fuzz/corpus/$name tests/fuzz/regressions/$name >/dev/null 2>&1; then
                    vg_ok=FAILED
                    echo "valgrind: fuzz_regress_$name"; tail -40 "$vg_dir/valgrind-fuzz_regress_$name.log"
                fi
            done
            rm -rf "$home"
            [ "$vg_ok" = ok ] || status=1
            stage valgrind "$t" "$vg_ok"
        else
            stage valgrind "$t" FAILED
            status=1
        fi
        ;;
    *)
        echo "unknown stage $s (asan, fuzz, valgrind)" >&2
        exit 2
        ;;
    esac
done

echo "== hardening summary"
printf '   %s\n' "${summary[@]}"
echo "   total     $((SECONDS - total_start))s"
exit $status
