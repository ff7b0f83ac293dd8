# CMake toolchain file: cross-compile Frontiers for 64-bit Windows with MinGW-w64 from Debian
# (apt-get install mingw-w64). NOT BUILT YET: see packaging/README.md, "Windows".
# cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE=packaging/windows/mingw-w64-x86_64.cmake \
#       -DCMAKE_PREFIX_PATH=/opt/mingw64 -DFRONTIERS_TESTS=OFF
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${triple}-gcc)
set(CMAKE_RC_COMPILER ${triple}-windres)
# /opt/mingw64: where the SDL2, SDL2_ttf and SDL2_image "devel-mingw" archives and the
# cross-built cJSON and SQLite are unpacked (their x86_64-w64-mingw32 folders).
set(CMAKE_FIND_ROOT_PATH /usr/${triple} /opt/mingw64)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# No libgcc_s_seh-1.dll or libwinpthread-1.dll to ship beside the exe.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static-libgcc")
