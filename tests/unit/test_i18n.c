/* Unit tests for the UI string tables: loading, fallback, placeholders, and completeness of
 * the shipped Russian and Chinese tables against English. */
#include "check.h"
#include "content/i18n.h"
#include "base/util.h"

#include <stdlib.h>

static I18n *load_shipped(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    CHECK(src != NULL);
    char *dir = util_path_join(src ? src : ".", "assets/i18n");
    char err[256];
    I18n *t = i18n_load(dir, err, sizeof err);
    CHECK_STR(err, "");
    free(dir);
    return t;
}

static void i18n_should_have_every_english_key_in_russian_and_chinese(void)
{
    I18n *t = load_shipped();
    size_t n = i18n_key_count(t, "en");
    CHECK(n > 50);
    for (size_t i = 0; i < n; i++) {
        const char *key = i18n_key_at(t, "en", i);
        for (int l = 1; l < I18N_LANG_COUNT; l++) {
            const char *lang = i18n_languages[l];
            bool found = false;
            for (size_t j = 0; j < i18n_key_count(t, lang) && !found; j++)
                found = strcmp(i18n_key_at(t, lang, j), key) == 0;
            if (!found)
                fprintf(stderr, "  %s.json lacks \"%s\"\n", lang, key);
            CHECK(found);
        }
    }
    CHECK_INT(i18n_key_count(t, "ru"), n);
    CHECK_INT(i18n_key_count(t, "zh"), n);
    i18n_free(t);
}

static void i18n_should_keep_the_same_placeholders_in_every_language(void)
{
    I18n *t = load_shipped();
    for (size_t i = 0; i < i18n_key_count(t, "en"); i++) {
        const char *key = i18n_key_at(t, "en", i);
        const char *en = i18n_get_lang(t, "en", key);
        for (int l = 1; l < I18N_LANG_COUNT; l++) {
            const char *other = i18n_get_lang(t, i18n_languages[l], key);
            for (const char *p = strchr(en, '{'); p; p = strchr(p + 1, '{')) {
                const char *close = strchr(p, '}');
                if (!close)
                    break;
                char ph[32];
                snprintf(ph, sizeof ph, "%.*s", (int)(close - p + 1), p);
                if (!strstr(other, ph))
                    fprintf(stderr, "  %s: \"%s\" lacks %s\n", i18n_languages[l], key, ph);
                CHECK(strstr(other, ph) != NULL);
            }
        }
    }
    i18n_free(t);
}

static void i18n_get_should_fall_back_to_english_then_the_key(void)
{
    I18n *t = load_shipped();
    CHECK(i18n_set_language(t, "ru"));
    CHECK_STR(i18n_get(t, "menu.quit"), "Выход");
    CHECK_STR(i18n_get(t, "no.such.key"), "no.such.key");
    CHECK(!i18n_set_language(t, "fr"));
    CHECK_STR(i18n_language(t), "ru");
    i18n_free(t);
}

static void i18n_format_should_replace_named_placeholders(void)
{
    char out[64];
    const char *names[] = {"name", "n"};
    const char *values[] = {"Anna", "3"};
    i18n_format(out, sizeof out, "{name} has {n} stars, {unknown}", names, values, 2);
    CHECK_STR(out, "Anna has 3 stars, {unknown}");
    i18n_format(out, 8, "{name} has {n} stars", names, values, 2);
    CHECK_STR(out, "Anna ha");
}

static void i18n_match_locale_should_pick_supported_languages(void)
{
    CHECK_STR(i18n_match_locale("ru_RU.UTF-8"), "ru");
    CHECK_STR(i18n_match_locale("zh_CN.UTF-8"), "zh");
    CHECK_STR(i18n_match_locale("de_DE"), "en");
    CHECK_STR(i18n_match_locale(NULL), "en");
}

int main(void)
{
    RUN(i18n_should_have_every_english_key_in_russian_and_chinese);
    RUN(i18n_should_keep_the_same_placeholders_in_every_language);
    RUN(i18n_get_should_fall_back_to_english_then_the_key);
    RUN(i18n_format_should_replace_named_placeholders);
    RUN(i18n_match_locale_should_pick_supported_languages);
    return CHECK_DONE();
}
