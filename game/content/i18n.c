/* UI string tables and placeholder formatting. */
#include "content/i18n.h"
#include "base/util.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const i18n_languages[I18N_LANG_COUNT] = {"en", "ru", "zh"};

struct I18n {
    cJSON *tables[I18N_LANG_COUNT];
    int current;
};

static int lang_index(const char *lang)
{
    for (int i = 0; i < I18N_LANG_COUNT; i++)
        if (lang && strcmp(lang, i18n_languages[i]) == 0)
            return i;
    return -1;
}

/* Merges every key of src into dst (later files win). */
static void merge_table(cJSON *dst, cJSON *src)
{
    while (src->child) {
        cJSON *item = cJSON_DetachItemViaPointer(src, src->child);
        cJSON_DeleteItemFromObjectCaseSensitive(dst, item->string);
        cJSON_AddItemToObject(dst, item->string, item);
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* <lang>.json, then every <lang>-<area>.json in name order, so each screen can keep its
 * strings in a file of its own. */
static cJSON *load_language(const char *dir, const char *lang, char *err, size_t errlen)
{
    cJSON *table = cJSON_CreateObject();
    char *names[64];
    int n = 0;
    char main_name[16];
    snprintf(main_name, sizeof main_name, "%s.json", lang);
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t ll = strlen(lang);
    while (d && (e = readdir(d)) != NULL && n < 64) {
        size_t nl = strlen(e->d_name);
        if (strncmp(e->d_name, lang, ll) == 0 && e->d_name[ll] == '-' && nl > 5 && strcmp(e->d_name + nl - 5, ".json") == 0)
            names[n++] = util_strdup(e->d_name);
    }
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    for (int i = -1; i < n; i++) {
        const char *name = i < 0 ? main_name : names[i];
        char *path = util_path_join(dir, name);
        char *data = NULL;
        size_t len = 0;
        if (path && util_read_file(path, 1 << 20, &data, &len) == UTIL_OK) {
            cJSON *part = cJSON_ParseWithLength(data, len);
            if (cJSON_IsObject(part))
                merge_table(table, part);
            else if (err && errlen)
                snprintf(err, errlen, "%s: not a JSON object", path);
            cJSON_Delete(part);
        } else if (err && errlen) {
            snprintf(err, errlen, "%s: cannot be read", path ? path : name);
        }
        free(data);
        free(path);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    return table;
}

I18n *i18n_load(const char *dir, char *err, size_t errlen)
{
    I18n *i18n = calloc(1, sizeof *i18n);
    if (!i18n)
        return NULL;
    if (err && errlen)
        err[0] = '\0';
    for (int i = 0; i < I18N_LANG_COUNT; i++)
        i18n->tables[i] = load_language(dir, i18n_languages[i], err, errlen);
    return i18n;
}

void i18n_free(I18n *i18n)
{
    if (!i18n)
        return;
    for (int i = 0; i < I18N_LANG_COUNT; i++)
        cJSON_Delete(i18n->tables[i]);
    free(i18n);
}

bool i18n_set_language(I18n *i18n, const char *lang)
{
    int i = lang_index(lang);
    if (i < 0)
        return false;
    i18n->current = i;
    return true;
}

const char *i18n_language(const I18n *i18n)
{
    return i18n_languages[i18n->current];
}

static const char *lookup(const cJSON *table, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(table, key);
    return cJSON_IsString(it) ? it->valuestring : NULL;
}

const char *i18n_get_lang(const I18n *i18n, const char *lang, const char *key)
{
    if (!i18n)
        return key;
    int i = lang_index(lang);
    const char *s = i >= 0 ? lookup(i18n->tables[i], key) : NULL;
    if (!s)
        s = lookup(i18n->tables[0], key);
    return s ? s : key;
}

const char *i18n_get(const I18n *i18n, const char *key)
{
    return i18n_get_lang(i18n, i18n ? i18n_languages[i18n->current] : "en", key);
}

size_t i18n_key_count(const I18n *i18n, const char *lang)
{
    int i = lang_index(lang);
    return i >= 0 && i18n->tables[i] ? (size_t)cJSON_GetArraySize(i18n->tables[i]) : 0;
}

const char *i18n_key_at(const I18n *i18n, const char *lang, size_t idx)
{
    int i = lang_index(lang);
    if (i < 0 || !i18n->tables[i])
        return NULL;
    const cJSON *it = cJSON_GetArrayItem(i18n->tables[i], (int)idx);
    return it ? it->string : NULL;
}

char *i18n_format(char *out, size_t cap, const char *pattern, const char *const *names,
                  const char *const *values, size_t n)
{
    size_t o = 0;
    if (cap == 0)
        return out;
    for (const char *p = pattern; *p && o + 1 < cap;) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            bool replaced = false;
            if (close) {
                size_t nl = (size_t)(close - p - 1);
                for (size_t i = 0; i < n; i++) {
                    if (strlen(names[i]) == nl && strncmp(p + 1, names[i], nl) == 0) {
                        for (const char *v = values[i]; *v && o + 1 < cap; v++)
                            out[o++] = *v;
                        p = close + 1;
                        replaced = true;
                        break;
                    }
                }
            }
            if (replaced)
                continue;
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    return out;
}

const char *i18n_match_locale(const char *locale)
{
    if (!locale)
        return "en";
    if (strncmp(locale, "ru", 2) == 0)
        return "ru";
    if (strncmp(locale, "zh", 2) == 0)
        return "zh";
    return "en";
}
