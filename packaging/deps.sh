#!/bin/sh
# Installs what Frontiers needs to build, run and test on Debian 12 / Ubuntu 22.04 or newer.
# Run as root, or as a user with sudo. Safe to run again.
set -e
pkgs="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcjson-dev libsqlite3-dev"
# Tests: clang for the fuzz targets, valgrind for the memory checks, python3 for the date check,
# Xvfb (xvfb, xauth) for the start-up test in a real X11 window.
pkgs="$pkgs clang valgrind python3 xvfb xauth"
# packaging: packaging/test-deb.sh lints the .deb, the desktop file and the AppStream metadata,
# and builds the RPM (rpm) to compare its files with the .deb's.
pkgs="$pkgs lintian desktop-file-utils appstream man-db rpm"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
# tests/fsrs: node and npm to compare the scheduler with ts-fsrs, unless a node is already there
# (CI images bring their own).
command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
