#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Builds the .deb (cmake --build <build> --target package), checks its control data and contents,
# extracts it into a throwaway root and runs the apps from there, then runs lintian (errors fail;
# warnings are printed). Exit 77 (skipped) when the build is not configured for /usr.
#   tests/package/deb.sh <build-dir> <source-dir> <work-dir>
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2") work=$3
mkdir -p "$work" && work=$(realpath "$work")
step() { printf '== %s\n' "$*"; }
fail() { echo "FAIL: $*"; exit 1; }

prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
if [ "${prefix%/}" != /usr ]; then
  echo "SKIP: the .deb needs a build configured with -DCMAKE_INSTALL_PREFIX=/usr (this one: $prefix)"
  exit 77
fi

step "cmake --build $build --target package"
rm -f "$build"/authsession_*.deb
cmake --build "$build" --target package > "$work/package.log" 2>&1 || { cat "$work/package.log"; fail "package"; }
deb=$(ls "$build"/authsession_*.deb 2> /dev/null | head -1)
[ -n "$deb" ] || fail "no authsession_*.deb in $build"
echo "$deb"

step "dpkg-deb -I"
dpkg-deb -I "$deb" | tee "$work/info.txt"
for field in Package Version Architecture Maintainer Section Homepage Depends Description; do
  grep -q "^ $field: " "$work/info.txt" || fail "control field $field missing"
done
for dep in libqt6core6 libqt6network6 libqt6httpserver6 libqt6keychain1 libqt6widgets6 libqt6quick6 \
           qml6-module-qtquick-controls qml6-module-qtquick-layouts; do
  grep "^ Depends: " "$work/info.txt" | grep -q "\b$dep\b" || fail "Depends lacks $dep"
done

step "dpkg-deb -c"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/contents.txt"
expect=(
  '^/usr/bin/authsession-sandbox$'
  '^/usr/lib/[^/]+/libAuthSessionCore\.so\.[0-9]+'
  '^/usr/lib/[^/]+/libAuthSessionSandbox\.so\.[0-9]+'
  '^/usr/lib/[^/]+/libAuthSessionWidgets\.so\.[0-9]+'
  '^/usr/lib/[^/]+/libAuthSessionQuick\.so\.[0-9]+'
  '^/usr/include/AuthSession/session\.h$'
  '^/usr/include/AuthSession/authsessioncore_export\.h$'
  '^/usr/include/AuthSession/logindialog\.h$'
  '^/usr/lib/[^/]+/cmake/AuthSession/AuthSessionConfig\.cmake$'
  '^/usr/lib/[^/]+/cmake/AuthSession/AuthSessionConfigVersion\.cmake$'
  '^/usr/lib/[^/]+/cmake/AuthSession/AuthSessionTargets\.cmake$'
  '^/usr/lib/[^/]+/qt6/qml/AuthSession/qmldir$'
  '^/usr/lib/[^/]+/qt6/qml/AuthSession/libAuthSessionQuickplugin\.so$'
  '^/usr/lib/[^/]+/qt6/qml/AuthSession/AuthSessionQuick\.qmltypes$'
  '^/usr/share/doc/authsession/copyright$'
  '^/usr/share/doc/authsession/changelog\.gz$'
)
# The apps, and the login app's desktop entry, AppStream file and icon, each once it exists in the
# source tree.
[ -f "$src/app/cli/CMakeLists.txt" ] && expect+=('^/usr/bin/authsession$')
if [ -f "$src/app/login/CMakeLists.txt" ]; then
  expect+=('^/usr/bin/authsession-login$' '^/usr/lib/[^/]+/authsession-login/libauthsession-login-quick\.so$')
  ls "$src"/resources/desktop/*.desktop > /dev/null 2>&1 && expect+=('^/usr/share/applications/[^/]+\.desktop$')
  ls "$src"/resources/desktop/*.xml > /dev/null 2>&1 && expect+=('^/usr/share/metainfo/[^/]+\.xml$')
  [ -f "$src/resources/icons/authsession.svg" ] && expect+=('^/usr/share/icons/hicolor/[^/]+/apps/[^/]+\.(svg|png)$')
fi
for re in "${expect[@]}"; do
  grep -Eq "$re" "$work/contents.txt" || fail "not in the package: $re"
done
echo "all ${#expect[@]} expected files present"

step "extract and run"
root=$work/root
rm -rf "$root"
dpkg-deb -x "$deb" "$root"
multiarch=$(dirname "$(grep -E '/libAuthSessionCore\.so\.' "$work/contents.txt" | head -1)")
export LD_LIBRARY_PATH="$root$multiarch"
export QT_QPA_PLATFORM=offscreen
if [ -e "$root/usr/bin/authsession" ]; then
  "$root/usr/bin/authsession" --help > "$work/authsession-help.txt" || fail "authsession --help"
  echo "PASS: authsession --help"
else
  echo "NOTE: no usr/bin/authsession in the package (app/cli not built); --help check skipped"
fi
"$root/usr/bin/authsession-sandbox" --quiet > "$work/sandbox.out" 2>&1 &
pid=$!
for _ in $(seq 100); do
  grep -q "listening on http://127.0.0.1:" "$work/sandbox.out" && break
  kill -0 $pid 2> /dev/null || break
  sleep 0.1
done
grep "listening on" "$work/sandbox.out" || { cat "$work/sandbox.out"; kill $pid 2> /dev/null; fail "sandbox did not start"; }
kill -TERM $pid
code=0; wait $pid || code=$?
[ $code -eq 0 ] || { cat "$work/sandbox.out"; fail "authsession-sandbox exited with $code after SIGTERM"; }
echo "PASS: authsession-sandbox started and stopped on SIGTERM"
if [ -e "$root/usr/bin/authsession-login" ]; then
  # Both interfaces up to their first frame, from the installed layout: the Qt Quick one finds its
  # plugin in usr/lib/<multiarch>/authsession-login relative to the executable.
  for ui in "" --widgets; do
    out=$(HOME="$work/home" XDG_RUNTIME_DIR="$work/run" QML_IMPORT_PATH="$root$multiarch/qt6/qml" \
          AUTHSESSION_BENCH_FIRST_FRAME=1 timeout 60 "$root/usr/bin/authsession-login" --sandbox $ui 2> "$work/login.err") ||
      { cat "$work/login.err"; fail "authsession-login --sandbox $ui did not start"; }
    echo "$out" | grep -q '^first-frame ' || { cat "$work/login.err"; fail "authsession-login --sandbox $ui showed no frame"; }
    echo "PASS: authsession-login --sandbox $ui showed its first frame"
  done
fi
for f in $(grep -E '\.so(\.[0-9]+)*$|^/usr/bin/' "$work/contents.txt"); do
  [ -f "$root$f" ] && [ ! -L "$root$f" ] || continue
  readelf -d "$root$f" | grep -Eq '\((RPATH|RUNPATH)\)' && fail "$f has an RPATH/RUNPATH"
done
echo "PASS: no RPATH/RUNPATH"

step "lintian"
if ! command -v lintian > /dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends lintian > /dev/null
  else
    echo "NOTE: lintian not installed (apt-get install lintian); check skipped"; exit 0
  fi
fi
# Errors fail; warnings and info are shown.
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.txt" || fail "lintian errors"
echo "PASS: lintian (no errors; $(grep -c '^W:' "$work/lintian.txt" || true) warnings)"
