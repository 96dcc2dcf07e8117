#!/bin/sh
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Regenerates docs/screenshots/app-*.png: authsession-login --sandbox --screenshot walks through every
# page like a user (sign-in, session after an API call, Providers with a broken user profile, About),
# under Xvfb, once with the Qt Quick interface and once with --widgets.
# Usage: scripts/screenshots-app.sh [build-dir]   (default: build-app)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-app"}
app="$build/app/login/authsession-login"
out="$root/docs/screenshots"

cmake --build "$build" --target authsession-login authsession-login-quick AuthSessionQuickplugin
mkdir -p "$out"
# A throwaway HOME: no stored accounts, settings or keyring of the user show up in the pictures.
home=$(mktemp -d)
shots=$(mktemp -d)
trap 'rm -rf "$home" "$shots"' EXIT
# A user profile with mistakes, so the Providers page shows how load errors look.
mkdir -p "$home/.config/AuthSession/authsession-login/profiles"
cat >"$home/.config/AuthSession/authsession-login/profiles/acme-sso.json" <<'JSON'
{
  "id": "acme-sso",
  "name": "ACME single sign-on",
  "environments": [{ "name": "Production", "baseUrl": "https://sso.acme.example" }],
  "signIn": { "method": "POST", "encoding": "xml",
              "response": { "accessToken": "data/token" } }
}
JSON
for mode in qml widgets; do
    flag=""
    [ "$mode" = widgets ] && flag="--widgets"
    # shellcheck disable=SC2086 # $flag is empty or one word
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1280x800x24" \
        "$app" --sandbox $flag --screenshot "$shots"
done
cp "$shots"/app-*.png "$out"/
ls -l "$out"/app-*.png
