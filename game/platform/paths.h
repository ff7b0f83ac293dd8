/* Where files live: the data folder (assets, content, levels) and the user folder (progress
 * database, settings). The search order is documented in the README. */
#ifndef FRONTIERS_PATHS_H
#define FRONTIERS_PATHS_H

#include <stdbool.h>

/* True when dir holds Frontiers data (assets/i18n/en.json). */
bool paths_is_data_dir(const char *dir);
/* --data-dir, FRONTIERS_DATA_DIR, the source tree the build came from, then
 * <exe>/../share/frontiers. Returns a heap string or NULL with *tried listing what was tried. */
char *paths_find_data_dir(const char *option, char **tried);
/* --user-dir, FRONTIERS_USER_DIR, then SDL_GetPrefPath. Created if missing. Heap string. */
char *paths_find_user_dir(const char *option);

#endif
