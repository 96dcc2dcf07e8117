#!/bin/sh
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# with-keyring.sh COMMAND [ARGS...]
#
# Runs COMMAND on a private D-Bus session bus with a throwaway, unlocked gnome-keyring (Secret
# Service), so the keychain tests talk to a real keychain without touching the user's own. Works
# non-interactively, without a display, also as root. Exits with COMMAND's exit code.
#
# HOME and XDG_* point into a temporary directory that is removed afterwards; the keyring files
# live there too. Tests may set their own HOME later: the daemon is already running on the bus and
# keeps its files where it started.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if [ "${AUTHSESSION_IN_KEYRING_BUS:-}" != 1 ]; then
    for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with-keyring.sh: '$tool' is not installed (packages: dbus, gnome-keyring, libsecret-tools)" >&2
            exit 1
        fi
    done
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/authsession-keyring.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$tmp/home" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    # dbus-run-session returns the command's exit code; keep it and clean up.
    status=0
    env HOME="$tmp/home" \
        XDG_CONFIG_HOME="$tmp/home/.config" \
        XDG_DATA_HOME="$tmp/home/.local/share" \
        XDG_CACHE_HOME="$tmp/home/.cache" \
        XDG_RUNTIME_DIR="$tmp/runtime" \
        AUTHSESSION_KEYRING_TMP="$tmp" \
        AUTHSESSION_IN_KEYRING_BUS=1 \
        dbus-run-session -- /bin/sh "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private bus.
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset AUTHSESSION_IN_KEYRING_BUS

# The password on stdin creates (or unlocks) the "login" keyring, which becomes the default
# collection; it must not be empty (an empty one leaves no login keyring and every store would ask
# a prompter, which cannot run without a display). The keyring is thrown away, so a fixed password
# is fine. The daemon may print GNOME_KEYRING_CONTROL=... lines (not when XDG_RUNTIME_DIR is set).
if ! daemon_env=$(printf 'authsession-throwaway' | gnome-keyring-daemon --unlock --components=secrets --daemonize 2>"$AUTHSESSION_KEYRING_TMP/daemon.log"); then
    echo "with-keyring.sh: gnome-keyring-daemon failed to start:" >&2
    cat "$AUTHSESSION_KEYRING_TMP/daemon.log" >&2
    exit 1
fi
# The unlocking daemon does not claim org.freedesktop.secrets on the bus by itself; --start asks
# the running daemon to start the secrets component now, instead of leaving it to D-Bus
# activation on first use (which needs gnome-keyring's .service file and is noisy).
if ! start_env=$(gnome-keyring-daemon --start --components=secrets 2>>"$AUTHSESSION_KEYRING_TMP/daemon.log"); then
    echo "with-keyring.sh: gnome-keyring-daemon --start failed:" >&2
    cat "$AUTHSESSION_KEYRING_TMP/daemon.log" >&2
    exit 1
fi
for line in $daemon_env $start_env; do
    # shellcheck disable=SC2163 # exports the NAME=value held in $line, on purpose
    case "$line" in
    GNOME_KEYRING_CONTROL=* | SSH_AUTH_SOCK=*) export "$line" ;;
    esac
done

# Prove the Secret Service answers: store, look up and clear a probe entry. A fresh daemon may
# take a moment to claim its bus name, so retry briefly.
probe_ok=0
i=0
while [ "$i" -lt 50 ]; do
    if printf 'probe-secret' | timeout 10 secret-tool store --label='AuthSession keyring probe' \
            authsession-probe "$$" >/dev/null 2>&1 \
        && [ "$(timeout 10 secret-tool lookup authsession-probe "$$" 2>/dev/null)" = probe-secret ]; then
        probe_ok=1
        break
    fi
    i=$((i + 1))
    sleep 0.1
done
if [ "$probe_ok" != 1 ]; then
    echo "with-keyring.sh: the Secret Service (gnome-keyring) does not answer on the session bus;" >&2
    echo "  store/lookup of a probe entry failed. Daemon log:" >&2
    cat "$AUTHSESSION_KEYRING_TMP/daemon.log" >&2
    exit 1
fi
timeout 10 secret-tool clear authsession-probe "$$" || true
if [ -n "$(timeout 10 secret-tool lookup authsession-probe "$$" 2>/dev/null)" ]; then
    echo "with-keyring.sh: could not clear the probe entry from the keyring" >&2
    exit 1
fi
unset AUTHSESSION_KEYRING_TMP
# Tells the keychain tests that this keyring is a throwaway one they may fill and clear.
export AUTHSESSION_TEST_KEYRING=1

status=0
"$@" || status=$?
exit "$status"
