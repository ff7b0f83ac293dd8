/* Replay file parser: header lines, then frame-numbered actions. */
#include "app/replay.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EVENTS 2000000
#define DRAG_STEPS 6

static int push(Replay *r, size_t *cap, long frame, Action a)
{
    if (r->count == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        if (nc > MAX_EVENTS)
            return -1;
        ReplayEvent *ne = realloc(r->events, nc * sizeof *ne);
        if (!ne)
            return -1;
        r->events = ne;
        *cap = nc;
    }
    a.device = a.device ? a.device : INPUT_SCRIPT;
    if (a.controller == 0 && a.device != INPUT_GAMEPAD)
        a.controller = -1;
    r->events[r->count++] = (ReplayEvent){frame, a};
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    char extra;
    return sscanf(s, "%dx%d%c", w, h, &extra) == 2 && *w >= 320 && *h >= 240 && *w <= 7680 && *h <= 4320 ? 0 : -1;
}

static int copy_field(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n == 0 || n >= cap)
        return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

static int pad_button(const char *name, Action *a)
{
    static const struct { const char *name; ActionKind kind; int number; } map[] = {
        {"a", ACTION_CONFIRM, 0}, {"b", ACTION_BACK, 0}, {"x", ACTION_NUMBER, 3}, {"y", ACTION_NUMBER, 4},
        {"start", ACTION_MENU, 0}, {"up", ACTION_UP, 0}, {"down", ACTION_DOWN, 0}, {"left", ACTION_LEFT, 0},
        {"right", ACTION_RIGHT, 0}, {"lb", ACTION_PREV, 0}, {"rb", ACTION_NEXT, 0}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, name) == 0) {
            a->kind = map[i].kind;
            a->number = map[i].number;
            a->device = INPUT_GAMEPAD;
            a->controller = 0;
            return 0;
        }
    return -1;
}

static int key_code(const char *name)
{
    if (strlen(name) == 1 && (isalnum((unsigned char)name[0]) || strchr(";,./'-=", name[0])))
        return tolower((unsigned char)name[0]);
    if ((name[0] == 'f' || name[0] == 'F') && isdigit((unsigned char)name[1])) {
        int n = atoi(name + 1);
        if (n >= 1 && n <= 12)
            return (1 << 30) | (57 + n);   /* SDLK_F1 = SDL_SCANCODE_TO_KEYCODE(58) */
    }
    return -1;
}

int replay_parse(const char *text, size_t len, Replay *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->end_frame = -1;
    size_t cap = 0;
    long last = 0;
    int lineno = 0;
    const char *p = text, *end = text + len;
    char line[1024];
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        if (n >= sizeof line) {
            snprintf(err, errlen, "line %d: longer than %zu characters", lineno, sizeof line - 1);
            replay_free(out);
            return -1;
        }
        memcpy(line, p, n);
        line[n] = '\0';
        p = nl ? nl + 1 : end;
        if (memchr(line, '\0', n)) {
            snprintf(err, errlen, "line %d: contains a NUL byte", lineno);
            replay_free(out);
            return -1;
        }
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        size_t sl = strlen(s);
        while (sl > 0 && (s[sl - 1] == '\r' || s[sl - 1] == ' ' || s[sl - 1] == '\t'))
            s[--sl] = '\0';
        if (!*s || *s == '#')
            continue;
        char word[32] = {0};
        char arg[1024] = {0};
        if (!isdigit((unsigned char)*s)) {
            if (sscanf(s, "%31s %1023[^\n]", word, arg) < 1)
                continue;
            int bad = 0;
            if (strcmp(word, "size") == 0)
                bad = parse_size(arg, &out->width, &out->height);
            else if (strcmp(word, "lang") == 0)
                bad = copy_field(out->lang, sizeof out->lang, arg);
            else if (strcmp(word, "scene") == 0)
                bad = copy_field(out->scene, sizeof out->scene, arg);
            else if (strcmp(word, "level") == 0)
                bad = copy_field(out->level, sizeof out->level, arg);
            else if (strcmp(word, "profile") == 0)
                bad = copy_field(out->profile, sizeof out->profile, arg);
            else if (strcmp(word, "seed") == 0)
                bad = sscanf(arg, "%llu", &out->seed) != 1;
            else if (strcmp(word, "end") == 0)
                bad = sscanf(arg, "%ld", &out->end_frame) != 1 || out->end_frame < 0;
            else {
                snprintf(err, errlen, "line %d: unknown header '%s'", lineno, word);
                replay_free(out);
                return -1;
            }
            if (bad) {
                snprintf(err, errlen, "line %d: bad value for '%s'", lineno, word);
                replay_free(out);
                return -1;
            }
            continue;
        }
        long frame = 0;
        int used = 0;
        if (sscanf(s, "%ld %31s%n", &frame, word, &used) < 2 || frame < 0 || frame > 100000000L) {
            snprintf(err, errlen, "line %d: expected '<frame> <action> [arguments]'", lineno);
            replay_free(out);
            return -1;
        }
        if (frame < last) {
            snprintf(err, errlen, "line %d: frame %ld comes before frame %ld", lineno, frame, last);
            replay_free(out);
            return -1;
        }
        last = frame;
        const char *rest = s + used;
        while (*rest == ' ' || *rest == '\t')
            rest++;
        Action a = {.kind = ACTION_NONE};
        int x0, y0, x1, y1, ok = 0;
        char extra;
        if (strcmp(word, "click") == 0 && sscanf(rest, "%d %d%c", &x0, &y0, &extra) == 2) {
            ok = push(out, &cap, frame, (Action){.kind = ACTION_POINTER_MOVE, .x = x0, .y = y0, .device = INPUT_MOUSE}) == 0 &&
                 push(out, &cap, frame, (Action){.kind = ACTION_POINTER_DOWN, .x = x0, .y = y0, .device = INPUT_MOUSE}) == 0 &&
                 push(out, &cap, frame, (Action){.kind = ACTION_POINTER_UP, .x = x0, .y = y0, .device = INPUT_MOUSE}) == 0;
            if (!ok)
                goto nomem;
            continue;
        }
        if (strcmp(word, "drag") == 0 && sscanf(rest, "%d %d %d %d%c", &x0, &y0, &x1, &y1, &extra) == 4) {
            if (push(out, &cap, frame, (Action){.kind = ACTION_POINTER_DOWN, .x = x0, .y = y0, .device = INPUT_MOUSE}) != 0)
                goto nomem;
            for (int i = 1; i <= DRAG_STEPS; i++)
                if (push(out, &cap, frame + i, (Action){.kind = ACTION_POINTER_MOVE, .x = x0 + (x1 - x0) * i / DRAG_STEPS,
                                                        .y = y0 + (y1 - y0) * i / DRAG_STEPS, .device = INPUT_MOUSE}) != 0)
                    goto nomem;
            if (push(out, &cap, frame + DRAG_STEPS, (Action){.kind = ACTION_POINTER_UP, .x = x1, .y = y1, .device = INPUT_MOUSE}) != 0)
                goto nomem;
            last = frame + DRAG_STEPS;
            continue;
        }
        if (strcmp(word, "click") == 0 || strcmp(word, "drag") == 0)
            goto bad_args;
        if (strcmp(word, "press") == 0 || strcmp(word, "move") == 0 || strcmp(word, "release") == 0) {
            if (sscanf(rest, "%d %d%c", &x0, &y0, &extra) != 2)
                goto bad_args;
            a.kind = action_kind_from_name(word);
            a.x = x0;
            a.y = y0;
            a.device = INPUT_MOUSE;
        } else if (strcmp(word, "number") == 0) {
            if (sscanf(rest, "%d%c", &a.number, &extra) != 1 || a.number < 1 || a.number > 4)
                goto bad_args;
            a.kind = ACTION_NUMBER;
        } else if (strcmp(word, "text") == 0) {
            if (!*rest || strlen(rest) >= sizeof a.text)
                goto bad_args;
            a.kind = ACTION_TEXT;
            memcpy(a.text, rest, strlen(rest) + 1);
        } else if (strcmp(word, "scroll") == 0) {
            if (sscanf(rest, "%f%c", &a.dy, &extra) != 1)
                goto bad_args;
            a.kind = ACTION_SCROLL;
        } else if (strcmp(word, "buzzer") == 0) {
            if (sscanf(rest, "%d %d%c", &a.team, &a.number, &extra) != 2 || a.team < 1 || a.team > 8 || a.number < 1 || a.number > 4)
                goto bad_args;
            a.team -= 1;
            a.kind = ACTION_BUZZER;
        } else if (strcmp(word, "pad") == 0) {
            char name[16];
            if (sscanf(rest, "%15s%c", name, &extra) != 1 || pad_button(name, &a) != 0)
                goto bad_args;
        } else if (strcmp(word, "key") == 0) {
            char name[16];
            if (sscanf(rest, "%15s%c", name, &extra) != 1 || (a.key = key_code(name)) < 0)
                goto bad_args;
            a.kind = ACTION_KEY;
        } else if (strcmp(word, "resize") == 0) {
            if (parse_size(rest, &a.x, &a.y) != 0)
                goto bad_args;
            a.kind = ACTION_RESIZE;
        } else {
            a.kind = action_kind_from_name(word);
            if (a.kind == ACTION_NONE || a.kind == ACTION_POINTER_DOWN || a.kind == ACTION_POINTER_MOVE ||
                a.kind == ACTION_POINTER_UP || a.kind == ACTION_KEY || a.kind == ACTION_TEXT) {
                snprintf(err, errlen, "line %d: unknown action '%s'", lineno, word);
                replay_free(out);
                return -1;
            }
            if (*rest)
                goto bad_args;
        }
        if (push(out, &cap, frame, a) != 0)
            goto nomem;
        continue;
    bad_args:
        snprintf(err, errlen, "line %d: bad arguments for '%s'", lineno, word);
        replay_free(out);
        return -1;
    nomem:
        snprintf(err, errlen, "line %d: too many events", lineno);
        replay_free(out);
        return -1;
    }
    if (out->end_frame < 0)
        out->end_frame = last + 30;
    return 0;
}

void replay_free(Replay *r)
{
    free(r->events);
    r->events = NULL;
    r->count = 0;
}
