/* Tests for the text system: the fallback chain covers every string the game ships (UI tables
 * and content packs), wrapping keeps lines inside their box, CJK breaks between characters,
 * ellipsis truncates, and the cache renders unchanged text once. Uses a software renderer on a
 * surface, so it needs no display. */
#include "check.h"
#include "base/util.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>

static TextSystem *ts;
static SDL_Renderer *renderer;
static int missing_total;

static void walk_strings(const cJSON *node, const char *file, char *path, size_t cap)
{
    size_t len = strlen(path);
    if (cJSON_IsString(node)) {
        uint32_t cp = 0;
        if (!ui_text_has_glyphs(ts, node->valuestring, &cp)) {
            fprintf(stderr, "  %s %s: no glyph for U+%04X in \"%s\"\n", file, path, (unsigned)cp, node->valuestring);
            missing_total++;
        }
        return;
    }
    int i = 0;
    for (const cJSON *c = node ? node->child : NULL; c; c = c->next, i++) {
        if (c->string && (strcmp(c->string, "url") == 0 || strcmp(c->string, "$schema") == 0))
            continue;
        if (c->string)
            snprintf(path + len, cap - len, ".%s", c->string);
        else
            snprintf(path + len, cap - len, "[%d]", i);
        walk_strings(c, file, path, cap);
        path[len] = '\0';
    }
}

static void check_json_file(const char *file)
{
    char *data = NULL;
    size_t n = 0;
    CHECK_INT(util_read_file(file, 64u << 20, &data, &n), UTIL_OK);
    cJSON *root = data ? cJSON_ParseWithLength(data, n) : NULL;
    CHECK(root != NULL);
    char path[512] = "$";
    walk_strings(root, file, path, sizeof path);
    cJSON_Delete(root);
    free(data);
}

static void every_shipped_string_should_have_glyphs_in_the_fallback_chain(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR") ? getenv("FRONTIERS_SOURCE_DIR") : ".";
    missing_total = 0;
    const char *tables[] = {"assets/i18n/en.json", "assets/i18n/ru.json", "assets/i18n/zh.json"};
    for (int i = 0; i < 3; i++) {
        char *p = util_path_join(src, tables[i]);
        check_json_file(p);
        free(p);
    }
    /* Every pack and level in the tree. */
    const char *dirs[] = {"content", "content/examples", "levels"};
    int files = 0;
    for (int d = 0; d < 3; d++) {
        char *dir = util_path_join(src, dirs[d]);
        DIR *dh = opendir(dir);
        struct dirent *e;
        while (dh && (e = readdir(dh)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char *p = util_path_join(dir, e->d_name);
            char *pack = util_path_join(p, "pack.json");
            if (util_is_file(pack)) {
                check_json_file(pack);
                files++;
            } else if (strstr(e->d_name, ".json") && util_is_file(p)) {
                check_json_file(p);
                files++;
            }
            free(pack);
            free(p);
        }
        if (dh)
            closedir(dh);
        free(dir);
    }
    fprintf(stderr, "  checked %d pack and level files and 3 UI tables\n", files);
    CHECK_INT(missing_total, 0);
}

static void text_should_find_glyphs_for_mixed_scripts(void)
{
    uint32_t cp = 0;
    CHECK(ui_text_has_glyphs(ts, "Treaty of Aigun \xE2\x80\x94 Айгунский договор \xE2\x80\x94 瑷珲条约", &cp));
    CHECK(!ui_text_has_glyphs(ts, "\xF0\x9F\x98\x80", &cp));   /* an emoji no face provides */
    CHECK_INT(cp, 0x1F600);
}

static void text_should_wrap_inside_the_given_width(void)
{
    TextOpts o = {.style = TEXT_BODY, .wrap = 300};
    const TextBlock *b = ui_text_get(ts, "The Treaty of Aigun moved the border to the Amur and left the land east of the Ussuri in joint possession.", &o);
    CHECK(b->w <= 300);
    CHECK(b->lines >= 3);
    CHECK_INT(b->h, b->lines * b->line_height);
}

static void text_should_break_chinese_between_characters(void)
{
    TextOpts o = {.style = TEXT_BODY, .wrap = 200};
    const TextBlock *b = ui_text_get(ts, "瑷珲条约把黑龙江以北的土地划归俄国，乌苏里江以东由两国共管。", &o);
    CHECK(b->w <= 200);
    CHECK(b->lines >= 2);
}

static void text_should_truncate_with_an_ellipsis(void)
{
    TextOpts o = {.style = TEXT_BODY, .wrap = 240, .max_lines = 1};
    const TextBlock *b = ui_text_get(ts, "Convention of Peking between the Qing Empire and the Russian Empire", &o);
    CHECK(b->truncated);
    CHECK_INT(b->lines, 1);
    CHECK(b->w <= 240);
}

static void text_should_render_unchanged_text_once(void)
{
    TextOpts o = {.style = TEXT_H2};
    TextStats before = ui_text_stats(ts);
    for (int i = 0; i < 100; i++) {
        ui_text_get(ts, "Nerchinsk 1689", &o);
        ui_text_end_frame(ts);
    }
    TextStats after = ui_text_stats(ts);
    CHECK_INT(after.renders - before.renders, 1);
    CHECK(after.hits - before.hits >= 99);
}

static void text_should_keep_one_line_unwrapped_without_a_width(void)
{
    TextOpts o = {.style = TEXT_SMALL};
    const TextBlock *b = ui_text_get(ts, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", &o);
    CHECK_INT(b->lines, 1);
    CHECK(b->texture != NULL);
    const TextBlock *e = ui_text_get(ts, "", &o);
    CHECK(e->texture == NULL);
    CHECK_INT(e->w, 0);
}

int main(void)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 640, 480, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = SDL_CreateSoftwareRenderer(surf);
    Theme theme;
    theme_compute(&theme, 1280, 720, 100, false);
    const char *src = getenv("FRONTIERS_SOURCE_DIR") ? getenv("FRONTIERS_SOURCE_DIR") : ".";
    char *fonts = util_path_join(src, "assets/fonts");
    char err[512];
    ts = ui_text_create(renderer, fonts, &theme, err, sizeof err);
    if (err[0])
        fprintf(stderr, "text_create: %s\n", err);
    CHECK(ts != NULL);
    CHECK_STR(err, "");
    free(fonts);
    if (!ts)
        return CHECK_DONE();
    RUN(every_shipped_string_should_have_glyphs_in_the_fallback_chain);
    RUN(text_should_find_glyphs_for_mixed_scripts);
    RUN(text_should_wrap_inside_the_given_width);
    RUN(text_should_break_chinese_between_characters);
    RUN(text_should_truncate_with_an_ellipsis);
    RUN(text_should_render_unchanged_text_once);
    RUN(text_should_keep_one_line_unwrapped_without_a_width);
    ui_text_destroy(ts);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surf);
    TTF_Quit();
    return CHECK_DONE();
}
