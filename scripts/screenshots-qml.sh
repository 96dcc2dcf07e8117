#!/bin/sh
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Regenerates docs/screenshots/qml-*.png with the qml-login example's screenshot mode under Xvfb.
# Usage: scripts/screenshots-qml.sh [build-dir]   (default: build-qml)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-qml"}
app="$build/app/examples/qml-login/authsession-qml-login"
out="$root/docs/screenshots"

cmake --build "$build" --target authsession-qml-login AuthSessionQuickplugin
mkdir -p "$out"
# A throwaway HOME so no stored accounts or settings of the user show up in the pictures.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
for state in idle busy error narrow dark panel; do
    HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1024x768x24" \
        "$app" --screenshot "$state" --out "$out/qml-$state.png"
done
ls -l "$out"/qml-*.png
