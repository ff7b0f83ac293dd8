/* Compiler attributes used across the code. FRONTIERS_PRINTF marks printf-like functions so
 * their format strings are checked; MinGW checks them as C99 (gnu_printf), which is what
 * __USE_MINGW_ANSI_STDIO gives at run time, so %zu and %lld are right there too. */
#ifndef FRONTIERS_COMPILER_H
#define FRONTIERS_COMPILER_H

#if defined(__MINGW32__)
#define FRONTIERS_PRINTF(fmt, args) __attribute__((format(gnu_printf, fmt, args)))
#else
#define FRONTIERS_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#endif

#endif
