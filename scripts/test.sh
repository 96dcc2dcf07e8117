#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Sets up, builds and runs every test: the whole CTest suite, then the hardening stages
# (the suite again under AddressSanitizer + UndefinedBehaviorSanitizer, 60 s of libFuzzer per
# harness, valgrind memcheck on the core tests). The keychain tests talk to a real Secret Service:
# the suite runs inside a throwaway D-Bus session with an unlocked gnome-keyring
# (scripts/with-keyring.sh), and every test has its own throwaway HOME (tests/CMakeLists.txt).
#   scripts/test.sh [ctest arguments...]      AUTHSESSION_QUICK=1 skips the hardening stages
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${AUTHSESSION_BUILD_DIR:-build}
scripts/setup.sh "$build_dir"
status=0
scripts/with-keyring.sh ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j 2 "$@" || status=$?
if [ "${AUTHSESSION_QUICK:-0}" != 1 ]; then
  AUTHSESSION_VALGRIND_BUILD_DIR="$build_dir" scripts/test-hardening.sh || status=1
fi
exit $status
