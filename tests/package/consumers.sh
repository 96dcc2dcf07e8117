#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Installs the build into a throwaway prefix, builds tests/consumer/{widgets,qml}-consumer against that
# prefix only (CMAKE_PREFIX_PATH=<prefix>, no package registry, nothing from the build tree) and runs
# them offscreen: each signs demo/demo in against an in-process sandbox and must exit 0.
#   tests/package/consumers.sh <build-dir> <source-dir> <work-dir>
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2") work=$3
mkdir -p "$work" && work=$(realpath "$work")
prefix=$work/prefix
rm -rf "$prefix"

step() { printf '== %s\n' "$*"; }

step "install $build -> $prefix"
cmake --install "$build" --prefix "$prefix" > "$work/install.log"

config=$(find "$prefix" -name AuthSessionConfig.cmake | head -1)
qmldir=$(find "$prefix" -path '*/AuthSession/qmldir' | head -1)
[ -n "$config" ] || { echo "FAIL: no AuthSessionConfig.cmake in $prefix"; exit 1; }
[ -n "$qmldir" ] || { echo "FAIL: no AuthSession/qmldir in $prefix"; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'libAuthSessionCore.so*' | head -1)")
qml_import=$(dirname "$(dirname "$qmldir")")

launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
status=0
for app in widgets-consumer qml-consumer; do
  step "configure + build $app against $prefix"
  rm -rf "$work/$app"
  cmake -S "$src/tests/consumer/$app" -B "$work/$app" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "${launcher[@]}" \
        > "$work/$app.configure.log" || { cat "$work/$app.configure.log"; exit 1; }
  found=$(sed -n 's/^AuthSession_DIR:PATH=//p' "$work/$app/CMakeCache.txt")
  case "$found" in
    "$prefix"/*) echo "AuthSession_DIR=$found" ;;
    *) echo "FAIL: $app found AuthSession in '$found', not in $prefix"; exit 1 ;;
  esac
  # Only the prefix and Qt may appear, never the AuthSession build tree (this work dir may be inside it).
  if grep -o -- "$build/[^ ;\"]*" "$work/$app/build.ninja" "$work/$app/CMakeCache.txt" | grep -v -- ":$work/"; then
    echo "FAIL: $app refers to the build tree $build"; exit 1
  fi
  cmake --build "$work/$app" > "$work/$app.build.log" || { cat "$work/$app.build.log"; exit 1; }

  step "run $app"
  if env QT_QPA_PLATFORM=offscreen LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
         QML_IMPORT_PATH="$qml_import" QML2_IMPORT_PATH="$qml_import" \
         timeout 60 "$work/$app/$app"; then
    echo "PASS: $app"
  else
    echo "FAIL: $app exited with $?"; status=1
  fi
done
exit $status
