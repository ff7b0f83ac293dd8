/* Player settings: defaults, tolerant JSON parsing, serialisation and atomic saving. */
#include "content/settings.h"
#include "base/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const DEFAULT_BUZZERS[SETTINGS_TEAMS][4] = {
    {"1", "2", "3", "4"}, {"7", "8", "9", "0"}, {"Q", "W", "E", "R"}, {"U", "I", "O", "P"},
    {"A", "S", "D", "F"}, {"J", "K", "L", ";"}, {"Z", "X", "C", "V"}, {"M", ",", ".", "/"}};

static void default_buzzers(Settings *s, int team)
{
    for (int b = 0; b < 4; b++)
        snprintf(s->buzzer_keys[team][b], SETTINGS_KEY_NAME, "%s", DEFAULT_BUZZERS[team][b]);
}

void settings_default(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->text_scale = 100;
    s->volume = 70;
    s->retention = 0.9;
    s->new_per_day = 20;
    for (int t = 0; t < SETTINGS_TEAMS; t++)
        default_buzzers(s, t);
}

static int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static void get_bool(const cJSON *root, const char *name, bool *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, name);
    if (cJSON_IsBool(it))
        *out = cJSON_IsTrue(it);
}

static void get_int(const cJSON *root, const char *name, int lo, int hi, int *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, name);
    if (cJSON_IsNumber(it))
        *out = clamp_int((int)it->valuedouble, lo, hi);
}

static void get_string(const cJSON *root, const char *name, char *out, size_t cap)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, name);
    if (cJSON_IsString(it) && strlen(it->valuestring) < cap && utf8_valid(it->valuestring, strlen(it->valuestring)))
        snprintf(out, cap, "%s", it->valuestring);
}

bool settings_parse(Settings *s, const char *json, size_t len)
{
    settings_default(s);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return false;
    }
    get_string(root, "lang", s->lang, sizeof s->lang);
    if (s->lang[0] && strcmp(s->lang, "en") && strcmp(s->lang, "ru") && strcmp(s->lang, "zh"))
        s->lang[0] = '\0';
    get_bool(root, "fullscreen", &s->fullscreen);
    get_int(root, "text_scale", 100, 200, &s->text_scale);
    get_bool(root, "high_contrast", &s->high_contrast);
    get_bool(root, "reduced_motion", &s->reduced_motion);
    get_int(root, "volume", 0, 100, &s->volume);
    get_bool(root, "mute", &s->mute);
    get_bool(root, "show_all_names", &s->show_all_names);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(root, "retention");
    if (cJSON_IsNumber(r) && r->valuedouble >= 0.7 && r->valuedouble <= 0.97)
        s->retention = r->valuedouble;
    get_int(root, "new_per_day", 0, 200, &s->new_per_day);
    get_string(root, "last_profile", s->last_profile, sizeof s->last_profile);
    /* A team's set is taken whole or not at all: four distinct non-empty key names. */
    const cJSON *teams = cJSON_GetObjectItemCaseSensitive(root, "buzzer_keys");
    for (int t = 0; cJSON_IsArray(teams) && t < SETTINGS_TEAMS; t++) {
        const cJSON *set = cJSON_GetArrayItem(teams, t);
        bool ok = cJSON_IsArray(set) && cJSON_GetArraySize(set) == 4;
        for (int b = 0; ok && b < 4; b++) {
            const cJSON *k = cJSON_GetArrayItem(set, b);
            ok = cJSON_IsString(k) && k->valuestring[0] && strlen(k->valuestring) < SETTINGS_KEY_NAME;
            for (int c = 0; ok && c < b; c++)
                ok = strcmp(cJSON_GetArrayItem(set, c)->valuestring, k->valuestring) != 0;
        }
        for (int b = 0; ok && b < 4; b++)
            snprintf(s->buzzer_keys[t][b], SETTINGS_KEY_NAME, "%s", cJSON_GetArrayItem(set, b)->valuestring);
    }
    cJSON_Delete(root);
    return true;
}

char *settings_serialize(const Settings *s)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "lang", s->lang);
    cJSON_AddBoolToObject(root, "fullscreen", s->fullscreen);
    cJSON_AddNumberToObject(root, "text_scale", s->text_scale);
    cJSON_AddBoolToObject(root, "high_contrast", s->high_contrast);
    cJSON_AddBoolToObject(root, "reduced_motion", s->reduced_motion);
    cJSON_AddNumberToObject(root, "volume", s->volume);
    cJSON_AddBoolToObject(root, "mute", s->mute);
    cJSON_AddBoolToObject(root, "show_all_names", s->show_all_names);
    cJSON_AddNumberToObject(root, "retention", s->retention);
    cJSON_AddNumberToObject(root, "new_per_day", s->new_per_day);
    cJSON_AddStringToObject(root, "last_profile", s->last_profile);
    cJSON *teams = cJSON_AddArrayToObject(root, "buzzer_keys");
    for (int t = 0; teams && t < SETTINGS_TEAMS; t++) {
        const char *keys[4] = {s->buzzer_keys[t][0], s->buzzer_keys[t][1], s->buzzer_keys[t][2],
                               s->buzzer_keys[t][3]};
        cJSON_AddItemToArray(teams, cJSON_CreateStringArray(keys, 4));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

bool settings_load(Settings *s, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (util_read_file(path, 1 << 16, &data, &len) != UTIL_OK) {
        settings_default(s);
        return false;
    }
    bool ok = settings_parse(s, data, len);
    free(data);
    return ok;
}

bool settings_save(const Settings *s, const char *path)
{
    char *text = settings_serialize(s);
    if (!text)
        return false;
    bool ok = util_write_file_atomic(path, text, strlen(text)) == 0;
    free(text);
    return ok;
}
