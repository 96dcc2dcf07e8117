#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Sets up, builds and starts the desktop login app on the built-in sandbox (demo / demo).
#   scripts/run.sh [authsession-login options...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${AUTHSESSION_BUILD_DIR:-build}
scripts/setup.sh "$build_dir"
if [ -x "$build_dir/app/login/authsession-login" ]; then
  exec "$build_dir/app/login/authsession-login" --sandbox "$@"
fi
# the desktop app is not built: serve the sandbox and say how to sign in against it
echo "authsession-login is not built; starting the sandbox server instead (Ctrl+C stops it)."
echo "Sign in with: $build_dir/app/cli/authsession login --profile v1-auth --base-url <URL below>/v1-auth --username demo"
exec "$build_dir/app/sandbox/authsession-sandbox" "$@"
