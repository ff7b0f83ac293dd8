#!/bin/sh
# Compiles every C file of the game for Windows with MinGW-w64 (-fsyntax-only: this machine has
# no Windows SDL2, SQLite or cJSON libraries to link), against copies of this machine's headers
# with a minimal Windows SDL_config.h. It proves the code has no POSIX-only calls left; it is not
# a Windows build. Needs Debian's gcc-mingw-w64-x86-64 and the -dev packages of packaging/deps.sh.
# Usage: sh packaging/windows/check-mingw.sh   (from the repository root)
set -eu
cc=${MINGW_CC:-x86_64-w64-mingw32-gcc}
command -v "$cc" >/dev/null || { echo "check-mingw: $cc not found (apt-get install gcc-mingw-w64-x86-64)"; exit 2; }
inc=$(mktemp -d)
trap 'rm -rf "$inc"' EXIT
mkdir -p "$inc/SDL2" "$inc/cjson"
cp /usr/include/SDL2/*.h "$inc/SDL2/"
cp /usr/include/cjson/cJSON.h "$inc/cjson/"
cp /usr/include/sqlite3.h "$inc/"
# SDL's own configure writes this for Windows; what the public headers need is the platform and
# the C headers that MinGW has.
cat > "$inc/SDL2/SDL_config.h" <<'CFG'
#ifndef SDL_config_h_
#define SDL_config_h_
#include "SDL_platform.h"
#define HAVE_STDARG_H 1
#define HAVE_STDDEF_H 1
#define HAVE_STDINT_H 1
#define HAVE_LIBC 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_MATH_H 1
#define HAVE_FLOAT_H 1
#define HAVE_LIMITS_H 1
#define HAVE_CTYPE_H 1
#define HAVE_WCHAR_H 1
#define HAVE_MALLOC 1
#endif
CFG
fail=0
n=0
for f in $(find game -name '*.c' | sort); do
  n=$((n + 1))
  if ! "$cc" -std=c17 -fsyntax-only -Wall -Wextra -Werror -D_WIN32_WINNT=0x0601 -D__USE_MINGW_ANSI_STDIO=1 \
      -Igame -I"$inc" -I"$inc/SDL2" -DFRONTIERS_VERSION='"check"' "$f"; then
    echo "check-mingw: FAIL $f"
    fail=$((fail + 1))
  fi
done
echo "check-mingw: $((n - fail)) of $n files compile for Windows"
[ $fail -eq 0 ]
