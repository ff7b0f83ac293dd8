#!/bin/sh
# The packaging check CI runs (issue 9): build the .deb and .tar.gz with CPack, lint them, install
# the .deb with apt, run the installed game (--version, validate, a title screenshot), run the
# unpacked tarball from an unrelated folder, then purge the package and check nothing is left.
# Usage: sh packaging/test-deb.sh [BUILD_DIR]   (as root; default BUILD_DIR: build-pkg)
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/build-pkg"}
app_id=io.github.frontiers_game.Frontiers
prefix=/usr
if [ "$(id -u)" -ne 0 ]; then
  echo "test-deb.sh: run as root (it installs and removes the package with apt)" >&2
  exit 2
fi
for tool in cpack dpkg-shlibdeps lintian desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "test-deb.sh: $tool is missing (sh packaging/deps.sh)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset FRONTIERS_DATA_DIR FRONTIERS_USER_DIR
step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-deb.sh: FAIL: $*" >&2; exit 1; }

step "build with Debian's hardening flags and package (cpack)"
CFLAGS="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" \
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$prefix \
        -DFRONTIERS_TESTS=OFF >/dev/null
cmake --build "$build" -j2 >/dev/null
rm -f "$build"/frontiers_*.deb "$build"/frontiers-*.tar.gz
(cd "$build" && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls "$build"/frontiers_*.deb)
tgz=$(ls "$build"/frontiers-*-Linux.tar.gz)
version=$(dpkg-deb -f "$deb" Version)
echo "$deb"; echo "$tgz"
dpkg-deb -f "$deb" Package Version Section Depends

step "lint: desktop-file-validate, appstreamcli, lintian"
desktop-file-validate "$src/packaging/$app_id.desktop"
# --no-net: the homepage and screenshot URLs are checked only when the machine has a network.
appstreamcli validate --no-net "$src/packaging/$app_id.metainfo.xml"
lintian --fail-on error,warning --info "$deb" >"$tmp/lintian" 2>&1 || {
  cat "$tmp/lintian"; fail "lintian reports errors or warnings"; }
# Overridden tags (packaging/debian/lintian-overrides says why) are listed as O:.
lintian --show-overrides "$deb" 2>&1 | grep -v '^running with root privileges' || echo "lintian: no tags"

step "install with apt"
if dpkg -s frontiers >/dev/null 2>&1; then
  echo "frontiers was installed already: purging it first"
  apt-get remove --purge -y -qq frontiers >/dev/null
fi
# Everything under the prefix before installing, to compare after the purge. Caches that dpkg
# triggers may create on first use (icon theme, desktop and MIME databases) are not ours.
snapshot() { find $prefix | grep -v -e '/icon-theme\.cache$' -e '/applications/mimeinfo\.cache$' | sort; }
snapshot >"$tmp/before"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
[ "$(dpkg-query -W -f '${Status}' frontiers)" = "install ok installed" ] || fail "dpkg does not list frontiers as installed"
for f in bin/frontiers share/frontiers/assets/i18n/en.json share/applications/$app_id.desktop \
         share/metainfo/$app_id.metainfo.xml share/man/man6/frontiers.6.gz share/doc/frontiers/copyright; do
  [ -e "$prefix/$f" ] || fail "$prefix/$f is not installed"
done
desktop-file-validate "$prefix/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$prefix/share/metainfo/$app_id.metainfo.xml" >/dev/null
man -l "$prefix/share/man/man6/frontiers.6.gz" >/dev/null 2>&1 || fail "the man page does not format"

step "run the installed game"
out=$("$prefix/bin/frontiers" --version)
echo "$out"
[ "$out" = "frontiers $version" ] || fail "--version says '$out', the package is $version"
packs=$(find "$prefix/share/frontiers/content" -name pack.json -exec dirname {} \; | sort)
[ -n "$packs" ] || fail "no pack.json under $prefix/share/frontiers/content"
# shellcheck disable=SC2086 # one argument per pack folder
"$prefix/bin/frontiers" validate $packs >"$tmp/validate" || { cat "$tmp/validate"; fail "validate reports errors in the installed packs"; }
tail -n 1 "$tmp/validate"
# From / with no data option: the game must find /usr/share/frontiers from its own location.
(cd / && SDL_VIDEODRIVER=dummy "$prefix/bin/frontiers" screenshot --scene title \
   --out "$tmp/installed.png" --user-dir "$tmp/user-installed") || fail "screenshot with the installed data"
[ "$(head -c 8 "$tmp/installed.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ] || fail "the screenshot is not a PNG"
# The same screen from the source tree must be the same image: the installed data is complete.
SDL_VIDEODRIVER=dummy "$build/frontiers" screenshot --scene title --data-dir "$src" \
  --out "$tmp/source.png" --user-dir "$tmp/user-source"
cmp -s "$tmp/installed.png" "$tmp/source.png" || fail "the installed title screen differs from the source tree's"
echo "title screenshot: $(wc -c <"$tmp/installed.png") bytes, identical to the source tree's"

step "run the tarball from an unrelated folder"
mkdir "$tmp/unpacked"
tar -xzf "$tgz" -C "$tmp/unpacked"
bin=$(ls "$tmp"/unpacked/*/bin/frontiers)
[ ! -e "$(dirname "$bin")/CMakeCache.txt" ] || fail "the tarball holds CMakeCache.txt"
(cd "$tmp" && SDL_VIDEODRIVER=dummy "$bin" screenshot --scene title --out "$tmp/tarball.png" \
   --user-dir "$tmp/user-tarball") || fail "the unpacked tarball does not find its data"
cmp -s "$tmp/tarball.png" "$tmp/source.png" || fail "the tarball's title screen differs from the source tree's"
echo "$bin: title screenshot identical"

step "purge and check nothing is left"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq frontiers >/dev/null
dpkg -s frontiers >/dev/null 2>&1 && fail "frontiers is still installed"
for f in bin/frontiers share/frontiers share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/man/man6/frontiers.6.gz share/doc/frontiers share/icons/hicolor/scalable/apps/$app_id.svg; do
  [ ! -e "$prefix/$f" ] || fail "$prefix/$f is left behind"
done
snapshot >"$tmp/after"
if ! cmp -s "$tmp/before" "$tmp/after"; then
  echo "paths under $prefix that differ before install and after purge:"
  diff "$tmp/before" "$tmp/after" || true
  fail "the purge left files behind or removed some"
fi
echo "$prefix is as it was before the install"
if command -v rpmbuild >/dev/null; then
  step "RPM: the same files as the .deb, and the SDL2 libraries as requirements"
  rm -f "$build"/frontiers-*.rpm
  (cd "$build" && cpack -G RPM >/dev/null)
  rpm=$(ls "$build"/frontiers-*.rpm)
  echo "$rpm"
  # files only: each format lists the standard directories its own way
  dpkg-deb -c "$deb" | grep -v '^d' | awk '{print $6}' | sed 's|^\./|/|' | sort >"$tmp/deb-files"
  rpm -qplv "$rpm" 2>/dev/null | grep -v -e '^d' -e '/usr/lib/\.build-id' | awk '{print $9}' \
    | sort >"$tmp/rpm-files"
  diff "$tmp/deb-files" "$tmp/rpm-files" || fail "the RPM and the .deb hold different files"
  for lib in libSDL2-2.0.so.0 libSDL2_ttf-2.0.so.0 libSDL2_image-2.0.so.0 libcjson.so.1 libsqlite3.so.0; do
    rpm -qpR "$rpm" 2>/dev/null | grep -q "^$lib" || fail "the RPM does not require $lib"
  done
  echo "$(wc -l <"$tmp/rpm-files") files, as in the .deb; requires SDL2, SDL2_ttf, SDL2_image, cJSON, SQLite"
else
  echo "rpmbuild not installed: no RPM (apt-get install rpm)"
fi

printf '\ntest-deb.sh: all packaging checks passed\n'
