#!/bin/sh
# AppImage recipe (NOT RUN on the development machine: linuxdeploy comes from GitHub, which it
# cannot reach). Builds Frontiers into AppDir/usr, lets linuxdeploy copy the shared libraries
# (SDL2, SDL2_ttf, SDL2_image, cJSON, SQLite) in, and writes Frontiers-<version>-x86_64.AppImage.
# Run on the oldest distribution you want to support (glibc is not bundled), for example Debian 12.
# Usage: sh packaging/appimage/build-appimage.sh [BUILD_DIR]
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$src/build-appimage"}
app_id=io.github.frontiers_game.Frontiers
tools="$build/tools"
mkdir -p "$tools"
if [ ! -x "$tools/linuxdeploy" ]; then
  curl -fL -o "$tools/linuxdeploy" \
    https://github.com/linuxdeploy/linuxdeploy/releases/download/continuous/linuxdeploy-x86_64.AppImage
  chmod +x "$tools/linuxdeploy"
fi
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DFRONTIERS_TESTS=OFF
cmake --build "$build" -j2
rm -rf "$build/AppDir"
DESTDIR="$build/AppDir" cmake --install "$build" --strip
# The game finds AppDir/usr/share/frontiers from AppDir/usr/bin/frontiers; no wrapper is needed.
# User data stays in ~/.local/share/frontiers, as for the .deb.
cd "$build"
"$tools/linuxdeploy" --appimage-extract-and-run --appdir AppDir \
  --desktop-file "AppDir/usr/share/applications/$app_id.desktop" \
  --icon-file "AppDir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  --output appimage
ls -l "$build"/*.AppImage
