/* Tests for what makes frames cheap (ui/layer.h, the text tints, draw_triangles, draw_shadow):
 * a cached frame must be the frame a full redraw gives, through every scene and after every
 * input that changes what it shows, a resize and a language change; steady frames allocate
 * nothing; shared triangle edges are blended once; a shadow drawn in one pass matches its
 * three layers blended in turn. Headless (software renderer on a surface), no display. */
#include "check.h"
#include "app/app.h"
#include "app/headless.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long sdl_allocs;
static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;
static void *count_malloc(size_t n) { sdl_allocs++; return real_malloc(n); }
static void *count_calloc(size_t n, size_t s) { sdl_allocs++; return real_calloc(n, s); }
static void *count_realloc(void *p, size_t n) { sdl_allocs++; return real_realloc(p, n); }
static void count_free(void *p) { real_free(p); }

static char user_dir[512];

static bool start(App *app, const char *scene, int w, int h, const char *lang)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR") ? getenv("FRONTIERS_SOURCE_DIR") : ".";
    AppConfig cfg = {.scenes = scene_all(), .run_mode = APP_RUN_SCREENSHOT, .start_scene = scene, .width = w, .height = h,
                     .data_dir = src, .user_dir = user_dir, .lang = lang, .profile = "Frames", .seed = 1};
    if (app_init(app, &cfg) != 0) {
        app_shutdown(app);
        return false;
    }
    return true;
}

static size_t canvas_bytes(const App *app)
{
    return (size_t)app->ui.canvas->pitch * (size_t)app->ui.canvas->h;
}

/* The frame as drawn with whatever is cached, then the same state drawn with nothing cached:
 * true when they are the same pixels. */
static bool cached_frame_matches_full_redraw(App *app, unsigned char *buf, const char *what)
{
    app_draw(app);
    SDL_RenderPresent(app->ui.renderer);
    size_t n = canvas_bytes(app);
    memcpy(buf, app->ui.canvas->pixels, n);
    app->ui.look_epoch++;
    app->covered_last = false;
    app_draw(app);
    SDL_RenderPresent(app->ui.renderer);
    const unsigned char *now = app->ui.canvas->pixels;
    for (size_t i = 0; i < n; i++)
        if (buf[i] != now[i]) {
            size_t px = i / 4;
            fprintf(stderr, "  %s: cached frame differs from a full redraw at (%zu, %zu)\n", what,
                    px % (size_t)(app->ui.canvas->pitch / 4), px / (size_t)(app->ui.canvas->pitch / 4));
            return false;
        }
    return true;
}

static void step(App *app, int frames)
{
    for (int i = 0; i < frames && !app->quit; i++) {
        app_step(app, 1.0 / 60.0);
        app_draw(app);
    }
}

static void every_scene_should_draw_from_its_caches_what_a_full_redraw_draws(void)
{
    const int w = 640, h = 360;
    const Action script[] = {
        {.kind = ACTION_DOWN, .device = INPUT_KEYBOARD},
        {.kind = ACTION_RIGHT, .device = INPUT_KEYBOARD},
        {.kind = ACTION_NEXT, .device = INPUT_KEYBOARD},
        {.kind = ACTION_POINTER_MOVE, .device = INPUT_MOUSE, .x = w / 2, .y = h / 2},
        {.kind = ACTION_POINTER_MOVE, .device = INPUT_MOUSE, .x = w / 5, .y = h / 3},
        {.kind = ACTION_UP, .device = INPUT_KEYBOARD},
        {.kind = ACTION_LEFT, .device = INPUT_KEYBOARD},
        {.kind = ACTION_NUMBER, .device = INPUT_KEYBOARD, .number = 2},
        {.kind = ACTION_BUZZER, .device = INPUT_KEYBOARD, .team = 0, .number = 1},
        {.kind = ACTION_BUZZER, .device = INPUT_KEYBOARD, .team = 1, .number = 1},
        {.kind = ACTION_CONFIRM, .device = INPUT_KEYBOARD},
        {.kind = ACTION_DOWN, .device = INPUT_KEYBOARD},
    };
    unsigned char *buf = malloc((size_t)w * (size_t)h * 4 + 4096);
    CHECK(buf != NULL);
    for (const SceneVtable *const *s = scene_all(); buf && *s; s++) {
        App app;
        if (!start(&app, (*s)->name, w, h, "en")) {
            fprintf(stderr, "  %s does not start\n", (*s)->name);
            CHECK(false);
            continue;
        }
        char what[96];
        step(&app, 90);
        snprintf(what, sizeof what, "%s at rest", (*s)->name);
        CHECK(cached_frame_matches_full_redraw(&app, buf, what));
        for (size_t i = 0; i < sizeof script / sizeof script[0] && !app.quit; i++) {
            app_dispatch(&app, &script[i]);
            step(&app, 30);
            if (app.quit)
                break;
            snprintf(what, sizeof what, "%s after %s", app_top(&app) ? app_top(&app)->vt->name : "?",
                     action_kind_name(script[i].kind));
            CHECK(cached_frame_matches_full_redraw(&app, buf, what));
        }
        app_shutdown(&app);
    }
    free(buf);
}

static void a_resize_and_a_language_change_should_redraw_the_cached_screen(void)
{
    App app;
    CHECK(start(&app, "settings", 640, 360, "en"));
    if (!app.ui.canvas)
        return;
    step(&app, 30);
    unsigned char *buf = malloc((size_t)1024 * 600 * 4 + 4096);
    CHECK(headless_resize(&app, 1024, 600));
    Action ra = {.kind = ACTION_RESIZE, .device = INPUT_SCRIPT, .x = 1024, .y = 600};
    app_dispatch(&app, &ra);
    step(&app, 10);
    CHECK_INT(app.ui.canvas->w, 1024);
    CHECK(buf && cached_frame_matches_full_redraw(&app, buf, "settings after a resize"));
    /* The language row: right changes the language at once. */
    Action right = {.kind = ACTION_RIGHT, .device = INPUT_KEYBOARD};
    app_dispatch(&app, &right);
    step(&app, 10);
    CHECK(strcmp(app.lang, "en") != 0);
    CHECK(buf && cached_frame_matches_full_redraw(&app, buf, "settings after a language change"));
    free(buf);
    app_shutdown(&app);
}

static void steady_frames_should_allocate_nothing_in_sdl(void)
{
    for (const SceneVtable *const *s = scene_all(); *s; s++) {
        App app;
        if (!start(&app, (*s)->name, 960, 540, "en"))
            continue;
        step(&app, 150);
        unsigned long before = sdl_allocs;
        step(&app, 30);
        if (sdl_allocs != before)
            fprintf(stderr, "  %s: %lu SDL allocations in 30 steady frames\n", (*s)->name, sdl_allocs - before);
        CHECK_INT(sdl_allocs - before, 0);
        app_shutdown(&app);
    }
}

static SDL_Renderer *surface_renderer(SDL_Surface **surf, int w, int h)
{
    *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = *surf ? SDL_CreateSoftwareRenderer(*surf) : NULL;
    if (r) {
        SDL_SetRenderDrawColor(r, 200, 200, 200, 255);
        SDL_RenderClear(r);
    }
    return r;
}

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

static void triangles_sharing_an_edge_should_blend_each_pixel_once(void)
{
    SDL_Surface *surf;
    SDL_Renderer *r = surface_renderer(&surf, 64, 64);
    CHECK(r != NULL);
    if (!r)
        return;
    /* A square cut along a slanted diagonal into two translucent triangles: one even tone,
     * no darker seam (blended twice) and no gap. */
    SDL_Color c = {0, 0, 0, 128};
    SDL_Vertex v[4] = {{{3.3f, 2.7f}, c, {0, 0}}, {{60.2f, 4.1f}, c, {0, 0}}, {{58.6f, 61.4f}, c, {0, 0}}, {{2.9f, 59.8f}, c, {0, 0}}};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    draw_triangles(r, v, 4, idx, 6, c);
    SDL_RenderPresent(r);
    Uint32 inside = pixel(surf, 30, 30);
    CHECK(inside != pixel(surf, 0, 0));
    int odd = 0;
    for (int y = 8; y < 56; y++)
        for (int x = 8; x < 56; x++)
            odd += pixel(surf, x, y) != inside;
    CHECK_INT(odd, 0);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

static void a_shadow_in_one_pass_should_match_its_layers_blended_in_turn(void)
{
    SDL_Surface *a, *b;
    SDL_Renderer *ra = surface_renderer(&a, 200, 160), *rb = surface_renderer(&b, 200, 160);
    CHECK(ra && rb);
    if (!ra || !rb)
        return;
    SDL_Rect card = {40, 30, 110, 70};
    SDL_Color c = {20, 24, 32, 60};
    int radius = 12, drop = 12;
    draw_shadow(ra, card, radius, drop, c);
    /* The reference: each layer as a rounded rectangle, then the card's area restored. */
    for (int i = 3; i >= 1; i--) {
        SDL_Rect s = {card.x - i * drop / 3, card.y + drop - i * drop / 4, card.w + 2 * i * drop / 3, card.h + i * drop / 2};
        SDL_Color cc = c;
        cc.a = (Uint8)(c.a / (i + 1));
        draw_rounded(rb, s, radius + i * drop / 3, cc);
    }
    SDL_Color bg = {200, 200, 200, 255};
    draw_rounded(ra, card, radius, bg);
    draw_rounded(rb, card, radius, bg);
    SDL_RenderPresent(ra);
    SDL_RenderPresent(rb);
    int worst = 0, shaded = 0;
    for (int y = 0; y < 160; y++)
        for (int x = 0; x < 200; x++) {
            Uint32 p = pixel(a, x, y), q = pixel(b, x, y);
            shaded += p != 0xC8C8C8;
            for (int k = 0; k < 24; k += 8) {
                int d = abs((int)((p >> k) & 255) - (int)((q >> k) & 255));
                if (d > worst)
                    worst = d;
            }
        }
    CHECK(shaded > 1000);
    CHECK(worst <= 3);
    SDL_DestroyRenderer(ra);
    SDL_DestroyRenderer(rb);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
}

static void text_drawn_again_in_its_colour_should_not_be_coloured_again(void)
{
    App app;
    CHECK(start(&app, "menu", 640, 360, "en"));
    if (!app.ui.text)
        return;
    TextOpts o = {.style = TEXT_BODY};
    SDL_Color ink = {31, 42, 58, 255}, red = {178, 58, 46, 255};
    ui_text_draw(app.ui.text, "Treaty of Aigun", &o, 10, 10, ink);
    ui_text_draw(app.ui.text, "Treaty of Aigun", &o, 10, 40, red);
    TextStats before = ui_text_stats(app.ui.text);
    for (int i = 0; i < 50; i++) {
        ui_text_draw(app.ui.text, "Treaty of Aigun", &o, 10, 10, ink);
        ui_text_draw(app.ui.text, "Treaty of Aigun", &o, 10, 40, red);
        ui_text_end_frame(app.ui.text);
    }
    TextStats after = ui_text_stats(app.ui.text);
    CHECK_INT(after.renders - before.renders, 0);
    CHECK_INT(after.tints - before.tints, 0);
    /* A fourth colour in a frame recolours the least recently drawn tint; nothing is laid out again. */
    SDL_Color more[2] = {{0, 70, 200, 255}, {120, 90, 0, 255}};
    for (int i = 0; i < 2; i++)
        ui_text_draw(app.ui.text, "Treaty of Aigun", &o, 10, 70, more[i]);
    CHECK_INT(ui_text_stats(app.ui.text).renders - before.renders, 0);
    app_shutdown(&app);
}

int main(void)
{
    const char *tmp = getenv("FRONTIERS_TEST_TMP") ? getenv("FRONTIERS_TEST_TMP") : "/tmp";
    snprintf(user_dir, sizeof user_dir, "%s/frames-user", tmp);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", user_dir);
    if (system(cmd) != 0)
        return 1;
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    SDL_setenv("SDL_RENDER_DRIVER", "software", 1);
    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc, &real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);
    RUN(triangles_sharing_an_edge_should_blend_each_pixel_once);
    RUN(a_shadow_in_one_pass_should_match_its_layers_blended_in_turn);
    RUN(text_drawn_again_in_its_colour_should_not_be_coloured_again);
    RUN(every_scene_should_draw_from_its_caches_what_a_full_redraw_draws);
    RUN(a_resize_and_a_language_change_should_redraw_the_cached_screen);
    RUN(steady_frames_should_allocate_nothing_in_sdl);
    return CHECK_DONE();
}
