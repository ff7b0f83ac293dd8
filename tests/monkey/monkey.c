/* Monkey test: seeded random input (keys, pad buttons, buzzers, clicks, drags, scrolls, typed
 * text, window resizes, language changes) through every registered scene (scene_all()), in the
 * same dispatch/step/draw loop as `frontiers replay`. Each chunk of actions is first written as a
 * replay file, so any failure replays exactly with `frontiers replay FILE` (and the seed
 * regenerates the same files). Run it under the sanitizer build to catch memory errors and leaks.
 * Usage: monkey [--seed N] [--actions N] [--chunk N] [--scene NAME] [--dir DIR] [--keep] */
#include "app/app.h"
#include "app/headless.h"
#include "app/replay.h"
#include "app/scene.h"
#include "base/util.h"
#include "scenes/scenes.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STEP (1.0 / 60.0)

typedef struct Gen {
    uint64_t s;
    int w, h;
} Gen;

/* splitmix64: a small, well-mixed generator whose sequence never changes. */
static uint64_t next_u64(Gen *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int pick(Gen *g, int n)
{
    return (int)(next_u64(g) % (uint64_t)n);
}

static const char *const TEXTS[] = {
    "a", "Anna", "1858", "1858 г.", "1858年", "Айгунь", "瑷珲条约", "a  b", "x y z", "ÄÖÜ ß",
    "0", "-1", "99999999999", "%s%n%x", "\\\"'", "Нерчинск 1689", "中华人民共和国", "🙂",
    "abcdefghijklmnopqrstuvwxyz01234",
};
/* "back" and pad "b" are drawn rarely (see gen_action): from the bottom scene they end the run. */
static const char *const PADS[] = {"a", "x", "y", "start", "up", "down", "left", "right", "lb", "rb"};
static const char *const KEYS[] = {"a", "r", "z", "q", "n", "i", "0", "5", "9", "f1", "f5", "f11", "f12"};
static const char *const SIMPLE[] = {"up", "down", "left", "right", "next", "prev", "confirm",
                                     "menu", "backspace", "delete", "fullscreen", "pageup", "pagedown"};
static const int SIZES[][2] = {{320, 240}, {640, 480}, {800, 600}, {1024, 768}, {1280, 720},
                               {1366, 768}, {1920, 1080}, {1080, 1920}, {2560, 1440}, {500, 1000}};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Appends one random action at `frame` to buf; returns the frame after it. */
static long gen_action(Gen *g, char *buf, size_t cap, size_t *len, long frame)
{
    char line[128];
    int r = pick(g, 100);
    int x = pick(g, g->w), y = pick(g, g->h);
    long next = frame;
    if (pick(g, 200) == 0) {
        snprintf(line, sizeof line, "%ld %s\n", frame, pick(g, 2) ? "back" : "pad b");
    } else if (r < 30) {
        snprintf(line, sizeof line, "%ld %s\n", frame, SIMPLE[pick(g, COUNT(SIMPLE))]);
    } else if (r < 45) {
        snprintf(line, sizeof line, "%ld click %d %d\n", frame, x, y);
    } else if (r < 50) {
        int x1 = pick(g, g->w), y1 = pick(g, g->h);
        snprintf(line, sizeof line, "%ld drag %d %d %d %d\n", frame, x, y, x1, y1);
        next = frame + 8; /* a drag spans its steps (replay.c DRAG_STEPS) */
    } else if (r < 55) {
        static const char *const ptr[] = {"press", "move", "release"};
        snprintf(line, sizeof line, "%ld %s %d %d\n", frame, ptr[pick(g, 3)], x, y);
    } else if (r < 60) {
        snprintf(line, sizeof line, "%ld scroll %d\n", frame, pick(g, 7) - 3);
    } else if (r < 68) {
        snprintf(line, sizeof line, "%ld number %d\n", frame, 1 + pick(g, 4));
    } else if (r < 73) {
        snprintf(line, sizeof line, "%ld buzzer %d %d\n", frame, 1 + pick(g, 8), 1 + pick(g, 4));
    } else if (r < 83) {
        snprintf(line, sizeof line, "%ld pad %s\n", frame, PADS[pick(g, COUNT(PADS))]);
    } else if (r < 88) {
        snprintf(line, sizeof line, "%ld key %s\n", frame, KEYS[pick(g, COUNT(KEYS))]);
    } else if (r < 97) {
        snprintf(line, sizeof line, "%ld text %s\n", frame, TEXTS[pick(g, COUNT(TEXTS))]);
    } else {
        int k = pick(g, COUNT(SIZES));
        g->w = SIZES[k][0];
        g->h = SIZES[k][1];
        snprintf(line, sizeof line, "%ld resize %dx%d\n", frame, g->w, g->h);
    }
    size_t n = strlen(line);
    if (*len + n < cap) {
        memcpy(buf + *len, line, n + 1);
        *len += n;
    }
    /* Most actions land on the next frame; many share one; a few wait (animations run). */
    int gap = pick(g, 20);
    return next + (gap < 8 ? 0 : gap < 19 ? 1 : 1 + pick(g, 20));
}

static char *gen_replay(uint64_t seed, const char *scene, int actions)
{
    Gen g = {.s = seed};
    int k = pick(&g, 5); /* start at one of the smaller sizes; resizes reach the others */
    g.w = SIZES[k][0];
    g.h = SIZES[k][1];
    static const char *const langs[] = {"en", "ru", "zh"};
    size_t cap = (size_t)actions * 64 + 512, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    len = (size_t)snprintf(buf, cap, "# monkey seed %llu\nsize %dx%d\nlang %s\nscene %s\nprofile Monkey\nseed %llu\n",
                           (unsigned long long)seed, g.w, g.h, langs[pick(&g, 3)], scene,
                           (unsigned long long)(seed % 1000 + 1));
    long frame = 1;
    for (int i = 0; i < actions; i++)
        frame = gen_action(&g, buf, cap, &len, frame);
    snprintf(buf + len, cap - len, "end %ld\n", frame + 10);
    return buf;
}

static bool write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* The loop of headless_replay (core/headless.c), counting what was dispatched. */
static size_t play(App *app, const Replay *rp)
{
    size_t next = 0, dispatched = 0;
    for (long frame = 0; frame <= rp->end_frame && !app->quit && app->depth > 0; frame++) {
        while (next < rp->count && rp->events[next].frame == frame && !app->quit) {
            const Action *a = &rp->events[next].action;
            if (a->kind == ACTION_RESIZE && !headless_resize(app, a->x, a->y))
                fprintf(stderr, "monkey: cannot resize to %dx%d\n", a->x, a->y);
            app_dispatch(app, a);
            next++;
            dispatched++;
        }
        app_step(app, STEP);
        app_draw(app);
    }
    return dispatched;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    long total = 100000;
    int chunk = 1000;
    const char *only = NULL, *dir = NULL;
    bool keep = false;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (strcmp(argv[i], "--seed") == 0 && ++i)
            seed = strtoull(v, NULL, 10);
        else if (strcmp(argv[i], "--actions") == 0 && ++i)
            total = atol(v);
        else if (strcmp(argv[i], "--chunk") == 0 && ++i)
            chunk = atoi(v);
        else if (strcmp(argv[i], "--scene") == 0 && ++i)
            only = v;
        else if (strcmp(argv[i], "--dir") == 0 && ++i)
            dir = v;
        else if (strcmp(argv[i], "--keep") == 0)
            keep = true;
        else {
            fprintf(stderr, "usage: monkey [--seed N] [--actions N] [--chunk N] [--scene NAME] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    if (total < 1 || chunk < 1 || !dir) {
        fprintf(stderr, "monkey: --dir DIR (for the replay files and the user folder) is required\n");
        return 2;
    }
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 0);
    SDL_setenv("SDL_RENDER_DRIVER", "software", 0);
    const char *data = getenv("FRONTIERS_DATA_DIR");
    if (!data || !*data)
        data = FRONTIERS_SOURCE_DIR;
    char user[1024];
    snprintf(user, sizeof user, "%s/user", dir);
    int nscenes = 0;
    for (const SceneVtable *const *s = scene_all(); *s; s++)
        nscenes += !only || strcmp((*s)->name, only) == 0;
    if (nscenes == 0) {
        fprintf(stderr, "monkey: no scene named '%s'\n", only);
        return 2;
    }
    long per_scene = (total + nscenes - 1) / nscenes;
    long grand = 0;
    int si = 0;
    for (const SceneVtable *const *s = scene_all(); *s; s++, si++) {
        const char *name = (*s)->name;
        if (only && strcmp(name, only) != 0)
            continue;
        long done = 0, generated = 0;
        int runs = 0;
        for (uint64_t c = 0; done < per_scene; c++) {
            /* Each chunk's seed depends only on (seed, scene index, chunk), so one chunk can be
             * regenerated alone. */
            uint64_t cs = seed * 1000003ull + (uint64_t)si * 7919ull + c * 104729ull + 1;
            int n = (int)(per_scene - done < chunk ? per_scene - done : chunk);
            char *text = gen_replay(cs, name, n);
            char path[1200];
            snprintf(path, sizeof path, "%s/%s-%llu.replay", dir, name, (unsigned long long)c);
            if (!text || !write_file(path, text)) {
                fprintf(stderr, "monkey: cannot write %s\n", path);
                free(text);
                return 1;
            }
            Replay rp;
            char err[256];
            if (replay_parse(text, strlen(text), &rp, err, sizeof err) != 0) {
                fprintf(stderr, "monkey: %s: generated an unparsable replay: %s\n", path, err);
                free(text);
                return 1;
            }
            free(text);
            AppConfig cfg = {.scenes = scene_all(), .run_mode = APP_RUN_REPLAY, .data_dir = data, .user_dir = user,
                             .start_scene = name, .width = rp.width, .height = rp.height,
                             .lang = rp.lang, .profile = rp.profile, .seed = rp.seed};
            App app;
            if (app_init(&app, &cfg) != 0) {
                fprintf(stderr, "monkey: %s: the app does not start\n", path);
                app_shutdown(&app);
                replay_free(&rp);
                return 1;
            }
            done += (long)play(&app, &rp);
            generated += (long)rp.count;
            app_shutdown(&app);
            replay_free(&rp);
            runs++;
            if (!keep)
                remove(path);
            if (c > 1000u) {
                fprintf(stderr, "monkey: %s keeps quitting before its actions run\n", name);
                return 1;
            }
        }
        printf("monkey: %-12s %7ld input events dispatched in %d runs (%ld generated)\n", name, done, runs, generated);
        fflush(stdout);
        grand += done;
    }
    printf("monkey: seed %llu: %ld input events through %d scenes, no crash\n", (unsigned long long)seed, grand, nscenes);
    return 0;
}
