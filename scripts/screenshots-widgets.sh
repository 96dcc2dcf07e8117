#!/bin/sh
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
# Renders docs/screenshots/widgets-*.png from an existing build (it builds nothing itself):
#   scripts/screenshots-widgets.sh [BUILD_DIR]      (default: build)
# Needs the shotwidgets target (tests/auto/widgets) built, and xvfb-run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
tool="$build/tests/auto/widgets/shotwidgets"
out="$root/docs/screenshots"
[ -x "$tool" ] || { echo "missing $tool: cmake --build $build --target shotwidgets" >&2; exit 1; }
mkdir -p "$out"
export HOME="$(mktemp -d)" XDG_CONFIG_HOME= QT_QPA_PLATFORM=xcb LANG=C.UTF-8 LC_ALL=C.UTF-8
trap 'rm -rf "$HOME"' EXIT
shot() { name=$1; shift; xvfb-run -a -s "-screen 0 1280x1024x24" "$tool" "$@" --out "$out/$name.png"; echo "$out/$name.png"; }
shot widgets-idle --state idle
shot widgets-busy --state busy
shot widgets-error --state error
shot widgets-dark --state error --dark
shot widgets-de --state ratelimited --lang de
