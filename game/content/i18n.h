/* UI string tables: assets/i18n/{en,ru,zh}.json plus any {lang}-{area}.json (one per screen),
 * flat objects of key -> text. A missing key
 * falls back to English, then to the key itself, so a gap shows up in screenshots, not as a crash.
 * Pure (cJSON only). */
#ifndef FRONTIERS_I18N_H
#define FRONTIERS_I18N_H

#include <stdbool.h>
#include <stddef.h>

typedef struct I18n I18n;

#define I18N_LANG_COUNT 3
extern const char *const i18n_languages[I18N_LANG_COUNT];   /* "en", "ru", "zh" */

/* Loads every table from dir (assets/i18n). Missing tables are reported in err but not fatal. */
I18n *i18n_load(const char *dir, char *err, size_t errlen);
void i18n_free(I18n *i18n);
bool i18n_set_language(I18n *i18n, const char *lang);
const char *i18n_language(const I18n *i18n);
const char *i18n_get(const I18n *i18n, const char *key);
const char *i18n_get_lang(const I18n *i18n, const char *lang, const char *key);
/* Number of keys of lang, and the key at index i (for tests that check tables are complete). */
size_t i18n_key_count(const I18n *i18n, const char *lang);
const char *i18n_key_at(const I18n *i18n, const char *lang, size_t i);

/* Replaces {name} placeholders with values: names and values are parallel arrays.
 * Writes into out (always NUL-terminated); returns out. */
char *i18n_format(char *out, size_t cap, const char *pattern, const char *const *names,
                  const char *const *values, size_t n);

/* Picks "en", "ru" or "zh" from a locale string such as "ru_RU.UTF-8" or "zh-Hans-CN";
 * returns "en" for anything else. */
const char *i18n_match_locale(const char *locale);

#endif
