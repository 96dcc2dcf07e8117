#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Sets up, builds and runs every test. The keychain tests talk to a real Secret Service: the whole
# run happens inside a throwaway D-Bus session with an unlocked gnome-keyring (scripts/with-keyring.sh),
# and every test has its own throwaway HOME (tests/CMakeLists.txt).
#   scripts/test.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${AUTHSESSION_BUILD_DIR:-build}
scripts/setup.sh "$build_dir"
exec scripts/with-keyring.sh ctest --test-dir "$build_dir" --output-on-failure --timeout 600 "$@"
