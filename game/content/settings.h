/* Player settings, stored as settings.json in the user folder with an atomic write.
 * Parsing is pure (cJSON only) so it is unit-tested; unknown or out-of-range values fall back
 * to defaults instead of failing. */
#ifndef FRONTIERS_SETTINGS_H
#define FRONTIERS_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_TEAMS 8
#define SETTINGS_KEY_NAME 16

typedef struct Settings {
    char lang[8];          /* "" = follow the system locale */
    bool fullscreen;
    int text_scale;        /* percent, 100-200 */
    bool high_contrast;
    bool reduced_motion;
    int volume;            /* percent, 0-100 */
    bool mute;
    bool show_all_names;   /* show English, Russian and Chinese names together */
    double retention;      /* desired retention for reviews, 0.70-0.97 */
    int new_per_day;       /* new review items per day, 0-200 */
    char last_profile[64];
    /* Classroom buzzers: for each of the 8 teams, the keys (SDL key names: "1", "Q", ";") of
     * answers 1-4. settings.json "buzzer_keys": [["1","2","3","4"], ...]; teams not given, or
     * given wrongly, keep the default sets 1-4, 7-0, Q-R, U-P, A-F, J-;, Z-V, M-/. */
    char buzzer_keys[SETTINGS_TEAMS][4][SETTINGS_KEY_NAME];
} Settings;

void settings_default(Settings *s);
/* Fills s from JSON text; fields missing or invalid keep their defaults. Returns false when the
 * text is not JSON at all (s then holds the defaults). */
bool settings_parse(Settings *s, const char *json, size_t len);
/* Returns a heap string of pretty JSON; the caller frees it. */
char *settings_serialize(const Settings *s);

bool settings_load(Settings *s, const char *path);
bool settings_save(const Settings *s, const char *path);

#endif
