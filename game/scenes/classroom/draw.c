/* Drawing of the classroom scene, sized for a projector: every text a pupil needs is at least
 * 1/25 of the screen height, dark ink on paper or white on deep colour, and every team and
 * answer carries a shape as well as a colour. Only the teacher's key reminders are smaller. */
#include "scenes/classroom/classroom.h"

#include "content/i18n.h"
#include "app/session.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Team marks: a colour and a shape together (names say both: "Red Circles"). */
/* A team's buzzer keys as the settings give them: "1 2 3 4". */
static void key_set_label(const App *app, int team, char *out, size_t cap)
{
    snprintf(out, cap, "%s %s %s %s", app->settings.buzzer_keys[team][0], app->settings.buzzer_keys[team][1],
             app->settings.buzzer_keys[team][2], app->settings.buzzer_keys[team][3]);
}

static const Uint32 TEAM_RGB[CLASSROOM_MAX_TEAMS] = {0xB3261E, 0x0B5CAD, 0x8A5A00, 0x1B7F4C,
                                                     0x6B3FA0, 0x0E6E78, 0xB8440C, 0x333A44};
/* Answer tiles 1-4, like Kahoot's coloured shapes: triangle, diamond, circle, square. */
static const Uint32 ANSWER_RGB[CLASSROOM_OPTIONS] = {0xB3261E, 0x0B5CAD, 0x7A5200, 0x1B7F4C};
static const int ANSWER_SHAPE[CLASSROOM_OPTIONS] = {1, 3, 0, 2};
static const char *const PAD_LETTER[CLASSROOM_OPTIONS] = {"A", "B", "X", "Y"};

static SDL_Color rgb(Uint32 v)
{
    return (SDL_Color){(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
}

static SDL_Vertex vtx(float x, float y, SDL_Color c)
{
    return (SDL_Vertex){{x, y}, c, {0, 0}};
}

static void polygon(SDL_Renderer *r, float cx, float cy, float rad, int n, float rot, SDL_Color c)
{
    SDL_Vertex v[9];
    int idx[24];
    v[0] = vtx(cx, cy, c);
    for (int i = 0; i < n; i++) {
        float a = rot + 6.2831853f * (float)i / (float)n;
        v[i + 1] = vtx(cx + cosf(a) * rad, cy + sinf(a) * rad, c);
        idx[3 * i] = 0;
        idx[3 * i + 1] = 1 + i;
        idx[3 * i + 2] = 1 + (i + 1) % n;
    }
    draw_triangles(r, v, n + 1, idx, 3 * n, c);   /* pixel runs: no temporary surface */
}

/* Shapes: 0 circle, 1 triangle, 2 square, 3 diamond, 4 star, 5 hexagon, 6 plus, 7 ring. */
static void shape(SDL_Renderer *r, int kind, float cx, float cy, float size, SDL_Color c)
{
    float h = size / 2;
    switch (kind) {
    case 0: draw_circle(r, cx, cy, h, c); break;
    case 1: polygon(r, cx, cy + h * 0.15f, h * 1.1f, 3, -1.5707963f, c); break;
    case 2: draw_rect(r, (SDL_Rect){(int)(cx - h * 0.85f), (int)(cy - h * 0.85f), (int)(h * 1.7f), (int)(h * 1.7f)}, c); break;
    case 3: polygon(r, cx, cy, h * 1.05f, 4, 0.0001f, c); break;
    case 4: draw_star(r, cx, cy, h * 1.1f, true, c); break;
    case 5: polygon(r, cx, cy, h, 6, 0, c); break;
    case 6:
        draw_rect(r, (SDL_Rect){(int)(cx - h), (int)(cy - h * 0.33f), (int)(2 * h), (int)(h * 0.66f)}, c);
        draw_rect(r, (SDL_Rect){(int)(cx - h * 0.33f), (int)(cy - h), (int)(h * 0.66f), (int)(2 * h)}, c);
        break;
    default: draw_ring(r, cx, cy, h, h * 0.4f, c); break;
    }
}

/* A team's badge: its shape in white on its colour. */
static void team_badge(App *app, int mark, int x, int y, int size)
{
    draw_rounded(app->ui.renderer, (SDL_Rect){x, y, size, size}, size / 5, rgb(TEAM_RGB[mark % CLASSROOM_MAX_TEAMS]));
    shape(app->ui.renderer, mark, (float)x + size / 2.0f, (float)y + size / 2.0f, size * 0.56f, app->ui.theme->on_accent);
}

static int px(const App *app, int div)
{
    return app->ui.height / div;
}

static const TextBlock *text(App *app, const char *str, TextStyle style, int size, int wrap, int lines,
                             TextAlign align, int x, int y, SDL_Color c)
{
    TextOpts o = {.style = style, .size = size, .wrap = wrap, .max_lines = lines, .align = align};
    return ui_text_draw(app->ui.text, str, &o, x, y, c);
}

static const TextBlock *measure(App *app, const char *str, TextStyle style, int size, int wrap, int lines)
{
    TextOpts o = {.style = style, .size = size, .wrap = wrap, .max_lines = lines};
    return ui_text_get(app->ui.text, str, &o);
}

/* The largest size from `size` down to `min` at which str fits in width (then it is cut). */
static int fit_size(App *app, const char *str, TextStyle style, int size, int min, int width)
{
    while (size > min && measure(app, str, style, size, 0, 1)->w > width)
        size -= 2;
    return size;
}

/* Teacher key reminders along the bottom (the one place with smaller type). */
static void hints(App *app, const char *line)
{
    const Theme *th = app->ui.theme;
    int size = px(app, 36);
    text(app, line, TEXT_BODY, size, app->ui.width - 2 * th->margin, 1, TEXT_LEFT, th->margin,
         app->ui.height - size - th->unit * 2, th->ink_soft);
}

/* ---- Question text ---- */

static const char *item_title(const ClassScene *s, App *app, PackItemRef ref)
{
    return pack_item_title(s->pack, ref, app->lang);
}

void class_prompt(const ClassScene *s, App *app, const ClassroomQuestion *q, char *out, size_t cap)
{
    const char *names[2] = {"name", "place"};
    char year[16];
    const char *values[2] = {item_title(s, app, q->subject), ""};
    switch (q->kind) {
    case CLASSROOM_Q_WHEN_SIGNED:
        i18n_format(out, cap, app_tr(app, "classroom.q.when"), names, values, 1);
        break;
    case CLASSROOM_Q_WHICH_TREATY: {
        const PackTreaty *t = &s->pack->treaties[q->subject.index];
        snprintf(year, sizeof year, "%d", t->signed_on.from.year);
        const char *n2[2] = {"year", "place"};
        const char *v2[2] = {year, t->place >= 0 ? text_get(&s->pack->places[t->place].name, app->lang) : ""};
        i18n_format(out, cap, app_tr(app, t->place >= 0 ? "classroom.q.which_treaty_place" : "classroom.q.which_treaty"), n2, v2, 2);
        break;
    }
    case CLASSROOM_Q_FIRST: snprintf(out, cap, "%s", app_tr(app, "classroom.q.first")); break;
    case CLASSROOM_Q_ORDER: snprintf(out, cap, "%s", app_tr(app, "classroom.q.order")); break;
    default: snprintf(out, cap, "%s", app_tr(app, "classroom.q.region")); break;
    }
}

void class_option_text(const ClassScene *s, App *app, const ClassroomQuestion *q, int i, char *out, size_t cap)
{
    switch (q->kind) {
    case CLASSROOM_Q_WHEN_SIGNED: snprintf(out, cap, "%d", q->years[i]); break;
    case CLASSROOM_Q_ORDER:
        snprintf(out, cap, "%c \xE2\x86\x92 %c \xE2\x86\x92 %c \xE2\x86\x92 %c", 'A' + q->orders[i][0], 'A' + q->orders[i][1],
                 'A' + q->orders[i][2], 'A' + q->orders[i][3]);
        break;
    default: snprintf(out, cap, "%s", item_title(s, app, q->items[i])); break;
    }
}

/* One line of explanation and the source, from the question's subject (a region's treaty). */
static void explanation(const ClassScene *s, App *app, const ClassroomQuestion *q, char *line, size_t cap,
                        char *source, size_t scap)
{
    line[0] = source[0] = '\0';
    PackItemRef ref = q->subject;
    const Text *summary = NULL;
    PackRefs sources = {0};
    if (ref.kind == PACK_KIND_REGION) {
        const PackRegion *reg = &s->pack->regions[ref.index];
        if (reg->treaty >= 0) {
            const PackTreaty *t = &s->pack->treaties[reg->treaty];
            char year[16];
            snprintf(year, sizeof year, "%d", t->signed_on.from.year);
            const char *n[2] = {"treaty", "year"};
            const char *v[2] = {text_get(&t->name, app->lang), year};
            i18n_format(line, cap, app_tr(app, "classroom.region_moved_by"), n, v, 2);
            sources = t->sources;
        }
    } else if (ref.kind == PACK_KIND_TREATY) {
        summary = &s->pack->treaties[ref.index].summary;
        sources = s->pack->treaties[ref.index].sources;
    } else if (ref.kind == PACK_KIND_EVENT) {
        summary = &s->pack->events[ref.index].summary;
        sources = s->pack->events[ref.index].sources;
    }
    if (summary) {
        /* The first sentence (., 。 or a line break) keeps it to one line on the projector. */
        const char *txt = text_get(summary, app->lang);
        size_t n = 0, len = strlen(txt);
        while (n < len && txt[n] != '\n') {
            if (txt[n] == '.' && (txt[n + 1] == ' ' || txt[n + 1] == '\0')) {
                n++;
                break;
            }
            if (strncmp(txt + n, "\xE3\x80\x82", 3) == 0) {
                n += 3;
                break;
            }
            n++;
        }
        snprintf(line, cap, "%.*s", (int)n, txt);
    }
    char label[320];
    app_source_label(s->pack, sources, label, sizeof label);
    if (label[0])
        snprintf(source, scap, "%s %s", app_tr(app, "classroom.source"), label);
}

/* ---- Setup ---- */

static void draw_setup(ClassScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    int m = th->margin, body = px(app, 24), head = px(app, 13);
    text(app, app_tr(app, "classroom.title"), TEXT_H1, head, 0, 1, TEXT_LEFT, m, m / 2, th->ink);
    ui_back_button(&app->ui);
    int y = m / 2 + head + th->unit * 3;
    int colw = app->ui.width * 52 / 100 - m;
    int rowh = body + th->unit * 5 / 2;
    char value[200];
    static const char *const labels[CLASS_FIELD_COUNT] = {"classroom.level", "classroom.questions", "classroom.time",
                                                          "classroom.scoring", "classroom.answers", "classroom.start"};
    for (int f = 0; f < CLASS_FIELD_COUNT; f++) {
        SDL_Rect r = {m, y, colw, f == CLASS_FIELD_LEVEL ? rowh + body * 5 / 4 : rowh};
        s->field_rects[f] = r;
        bool focus = s->focus == f;
        if (f == CLASS_FIELD_START) {
            r.y += th->unit * 2;
            r.h = body * 2;
            r.w = colw / 2;
            s->field_rects[f] = r;
            bool ready = s->joined >= CLASSROOM_MIN_TEAMS;
            ui_button(&app->ui, r, "", ready ? BUTTON_PRIMARY : BUTTON_SECONDARY, focus, true);
            text(app, app_tr(app, labels[f]), TEXT_BODY_BOLD, body, 0, 1, TEXT_CENTER, r.x + r.w / 2, r.y + (r.h - body * 5 / 4) / 2,
                 ready ? th->on_accent : th->ink);
            if (!ready)
                text(app, app_tr(app, "classroom.need_teams"), TEXT_BODY, px(app, 30), colw / 2 - th->unit * 2, 2, TEXT_LEFT,
                     r.x + r.w + th->unit * 3, r.y, th->ink_soft);
            y = r.y + r.h;
            break;
        }
        draw_rounded(app->ui.renderer, r, th->radius, focus ? th->card : color_alpha(th->card, 150));
        if (focus && ui_show_focus(&app->ui))
            draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
        switch (f) {
        case CLASS_FIELD_LEVEL:
            snprintf(value, sizeof value, "%s", s->level_count ? s->level_title[s->level_sel] : "-");
            break;
        case CLASS_FIELD_QUESTIONS: snprintf(value, sizeof value, "%d", s->questions); break;
        case CLASS_FIELD_TIME:
            if (class_time_choices[s->time_sel] == 0)
                snprintf(value, sizeof value, "%s", app_tr(app, "classroom.no_timer"));
            else
                snprintf(value, sizeof value, "%d %s", class_time_choices[s->time_sel], app_tr(app, "classroom.seconds"));
            break;
        case CLASS_FIELD_SCORING:
            snprintf(value, sizeof value, "%s", app_tr(app, s->scoring == CLASSROOM_SCORING_FAIR ? "classroom.fair" : "classroom.speed"));
            break;
        default:
            snprintf(value, sizeof value, "%s", app_tr(app, s->style == CLASSROOM_STYLE_BUZZ ? "classroom.buzz" : "classroom.all"));
            break;
        }
        int ty = r.y + (rowh - body * 5 / 4) / 2;
        const TextBlock *lb = text(app, app_tr(app, labels[f]), TEXT_BODY, body, 0, 1, TEXT_LEFT, r.x + th->unit * 2, ty, th->ink_soft);
        if (f == CLASS_FIELD_LEVEL) {
            /* A level title is long: it gets a line of its own. */
            int vs = fit_size(app, value, TEXT_BODY_BOLD, body, px(app, 30), r.w - th->unit * 10);
            text(app, value, TEXT_BODY_BOLD, vs, r.w - th->unit * 10, 1, TEXT_LEFT, r.x + th->unit * 2, ty + body * 5 / 4 + (body - vs), th->ink);
        } else {
            int vx = r.x + th->unit * 4 + lb->w;
            int vw = r.x + r.w - vx - th->unit * 9;
            text(app, value, TEXT_BODY_BOLD, body, vw, 1, TEXT_RIGHT, r.x + r.w - th->unit * 9, ty, th->ink);
        }
        if (focus) {
            draw_arrow(app->ui.renderer, (float)(r.x + r.w - th->unit * 3), (float)(r.y + r.h / 2), (float)th->unit * 1.6f, 1, th->ink);
            draw_arrow(app->ui.renderer, (float)(r.x + r.w - th->unit * 6), (float)(r.y + r.h / 2), (float)th->unit * 1.6f, -1, th->ink);
        }
        y += r.h + th->unit;
    }
    /* How to join, and the teacher's keys. */
    y += th->unit * 3;
    char sets[400] = "";
    for (int t = 0; t < SETTINGS_TEAMS; t++) {
        char one[80];
        key_set_label(app, t, one, sizeof one);
        size_t n = strlen(sets);
        snprintf(sets + n, sizeof sets - n, "%s%s", t ? " \xC2\xB7 " : "", one);
    }
    char join[600];
    const char *jn[] = {"keys"};
    const char *jv[] = {sets};
    i18n_format(join, sizeof join, app_tr(app, "classroom.join_keys"), jn, jv, 1);
    text(app, join, TEXT_BODY, px(app, 25), colw, 4, TEXT_LEFT, m, y, th->ink);

    /* Teams */
    int tx = app->ui.width * 55 / 100, tw = app->ui.width - tx - m;
    int ty = m / 2 + head + th->unit * 3;
    text(app, app_tr(app, "classroom.teams"), TEXT_H2, body, 0, 1, TEXT_LEFT, tx, ty, th->ink);
    char count[32];
    snprintf(count, sizeof count, "%d / %d", s->joined, CLASSROOM_MAX_TEAMS);
    text(app, count, TEXT_BODY, body, 0, 1, TEXT_RIGHT, tx + tw, ty, th->ink_soft);
    ty += body + th->unit * 3;
    int slot_h = (app->ui.height - ty - m * 2) / CLASSROOM_MAX_TEAMS;
    if (slot_h > body * 2)
        slot_h = body * 2;
    /* One size for every name: the largest at which the longest fits beside its keys. */
    int ns = body;
    for (int i = 0; i < s->joined; i++) {
        char key[48];
        snprintf(key, sizeof key, "classroom.team.%d", i + 1);
        int nw = tw - slot_h - px(app, 30) * 5 - th->unit * 6;
        int fit = fit_size(app, app_tr(app, key), TEXT_BODY_BOLD, body, px(app, 32), nw);
        if (fit < ns)
            ns = fit;
    }
    for (int i = 0; i < CLASSROOM_MAX_TEAMS; i++) {
        SDL_Rect r = {tx, ty + i * slot_h, tw, slot_h - th->unit};
        if (i < s->joined) {
            double flash = s->t - s->joined_t[i];
            SDL_Color bg = flash < 0.6 && !app->settings.reduced_motion ? color_mix(th->card, th->gold, (float)(0.6 - flash)) : th->card;
            draw_rounded(app->ui.renderer, r, th->radius, bg);
            team_badge(app, i, r.x + th->unit, r.y + th->unit / 2, r.h - th->unit);
            char name[64];
            char key[48];
            snprintf(key, sizeof key, "classroom.team.%d", i + 1);
            snprintf(name, sizeof name, "%s", app_tr(app, key));
            char src[64];
            if (s->sources[i].device == INPUT_GAMEPAD)
                snprintf(src, sizeof src, "%s %d", app_tr(app, "classroom.controller"), s->sources[i].slot + 1);
            else
                key_set_label(app, s->sources[i].slot & 7, src, sizeof src);
            const TextBlock *sb = text(app, src, TEXT_BODY, px(app, 30), 0, 1, TEXT_RIGHT, r.x + r.w - th->unit * 2,
                                       r.y + (r.h - px(app, 30) * 5 / 4) / 2, th->ink_soft);
            int nw = r.w - r.h - sb->w - th->unit * 6;
            text(app, name, TEXT_BODY_BOLD, ns, nw, 1, TEXT_LEFT, r.x + r.h + th->unit * 2, r.y + (r.h - ns * 5 / 4) / 2, th->ink);
        } else {
            draw_rounded_outline(app->ui.renderer, r, th->radius, 2, th->line);
            if (i == s->joined)
                text(app, app_tr(app, "classroom.press_to_join"), TEXT_BODY, px(app, 28), tw - th->unit * 4, 1, TEXT_LEFT,
                     r.x + th->unit * 2, r.y + (r.h - px(app, 28) * 5 / 4) / 2, th->ink_soft);
        }
    }
    hints(app, app_tr(app, "classroom.setup_hints"));
}

/* ---- Play ---- */

static void question_title(App *app, const ClassroomGame *g, char *out, size_t cap)
{
    char n[16], total[16];
    snprintf(n, sizeof n, "%d", g->current + 1);
    snprintf(total, sizeof total, "%d", g->question_count);
    const char *names[2] = {"n", "total"};
    const char *values[2] = {n, total};
    i18n_format(out, cap, app_tr(app, "classroom.question_n"), names, values, 2);
}

/* The question count on the left; teacher messages (undo, adjust, a wrong buzz) beside it. In
 * play there is no Back button: Esc twice ends the game. */
static void top_bar(ClassScene *s, App *app, const char *title, int right)
{
    const Theme *th = app->ui.theme;
    int body = px(app, 24);
    const TextBlock *tb = text(app, title, TEXT_H2, body, app->ui.width / 2, 1, TEXT_LEFT, th->margin, th->margin / 2, th->ink);
    if (s->status[0]) {
        int x = th->margin + tb->w + th->unit * 6;
        text(app, s->status, TEXT_BODY_BOLD, body, right - x - th->unit * 2, 1, TEXT_LEFT, x, th->margin / 2, th->seal);
    }
}

static void draw_timer(ClassScene *s, App *app, int cx, int cy, int rad)
{
    const Theme *th = app->ui.theme;
    const ClassroomGame *g = s->game;
    draw_circle(app->ui.renderer, (float)cx, (float)cy, (float)rad, th->ink);
    char buf[32];
    if (g->config.time_limit > 0) {
        double left = g->config.time_limit - g->elapsed;
        if (left < 0)
            left = 0;
        float frac = (float)(left / g->config.time_limit);
        /* The remaining time as a gold arc drawn in short segments. */
        int segs = (int)(60 * frac);
        for (int i = 0; i < segs; i++) {
            float a0 = -1.5707963f + 6.2831853f * (float)i / 60.0f;
            float a1 = -1.5707963f + 6.2831853f * (float)(i + 1) / 60.0f;
            float r0 = rad * 0.86f;
            draw_line(app->ui.renderer, cx + cosf(a0) * r0, cy + sinf(a0) * r0, cx + cosf(a1) * r0, cy + sinf(a1) * r0,
                      rad * 0.12f, left <= 5 ? th->wrong : th->gold);
        }
        snprintf(buf, sizeof buf, "%d", (int)ceil(left));
        text(app, buf, TEXT_DISPLAY, rad, 0, 1, TEXT_CENTER, cx, cy - rad * 62 / 100, th->on_accent);
    } else {
        text(app, app_tr(app, "classroom.no_timer"), TEXT_BODY_BOLD, px(app, 30), rad * 2 - th->unit * 2, 2, TEXT_CENTER, cx,
             cy - px(app, 30) * 3 / 4, th->on_accent);
    }
}

/* Team chips along the bottom: who has answered (not what), or after the reveal who was right
 * and the points won. Returns the top of the chip area. */
static int team_chips(ClassScene *s, App *app, bool reveal)
{
    const Theme *th = app->ui.theme;
    const ClassroomGame *g = s->game;
    int n = g->team_count, per_row = n <= 2 ? n : n <= 4 ? 2 : 4;
    int rows = (n + per_row - 1) / per_row;
    int body = px(app, 25), chip_h = body * 2;
    int w = (app->ui.width - 2 * th->margin - (per_row - 1) * th->unit * 2) / per_row;
    int bottom = app->ui.height - px(app, 36) - th->unit * 4;
    int top = bottom - rows * (chip_h + th->unit * 2);
    for (int t = 0; t < n; t++) {
        const ClassroomAnswer *a = &g->answers[g->current][t];
        SDL_Rect r = {th->margin + (t % per_row) * (w + th->unit * 2), top + (t / per_row) * (chip_h + th->unit * 2), w, chip_h};
        bool done = a->answered || a->locked_out;
        draw_rounded(app->ui.renderer, r, th->radius, done || reveal ? th->card : color_alpha(th->card, 110));
        draw_rounded_outline(app->ui.renderer, r, th->radius, 2, th->line);
        team_badge(app, g->teams[t].mark, r.x + th->unit, r.y + th->unit, chip_h - th->unit * 2);
        int icon = body;
        int nx = r.x + chip_h + th->unit;
        int nw = r.w - chip_h - icon * 2 - th->unit * 2;
        /* Long names shrink a little before they are cut. */
        int ns = body;
        while (ns > px(app, 32) && measure(app, g->teams[t].name, TEXT_BODY_BOLD, ns, 0, 1)->w > nw)
            ns -= 2;
        text(app, g->teams[t].name, TEXT_BODY_BOLD, ns, nw, 1, TEXT_LEFT, nx, r.y + (r.h - ns * 5 / 4) / 2, th->ink);
        float ix = (float)(r.x + r.w - icon), iy = (float)(r.y + r.h / 2);
        if (reveal) {
            char pts[24];
            if (a->answered && a->correct) {
                draw_tick(app->ui.renderer, ix, iy, (float)icon, th->right);
                snprintf(pts, sizeof pts, "+%d", a->points);
                text(app, pts, TEXT_BODY_BOLD, body, 0, 1, TEXT_RIGHT, (int)ix - icon, r.y + (r.h - body * 5 / 4) / 2, th->right);
            } else if (a->answered) {
                draw_cross(app->ui.renderer, ix, iy, (float)icon, th->wrong);
            } else {
                draw_circle(app->ui.renderer, ix, iy, icon / 6.0f, th->ink_soft);
            }
        } else if (a->locked_out) {
            draw_lock(app->ui.renderer, ix, iy, (float)icon, th->wrong);
        } else if (a->answered) {
            draw_tick(app->ui.renderer, ix, iy, (float)icon, th->ink);
        } else {
            /* Waiting: three soft dots. */
            for (int d = 0; d < 3; d++)
                draw_circle(app->ui.renderer, ix - icon * 0.6f + d * icon * 0.6f, iy, icon / 9.0f, th->ink_soft);
        }
    }
    return top;
}

static void answer_tiles(ClassScene *s, App *app, const ClassroomQuestion *q, SDL_Rect area, int columns, bool reveal)
{
    const Theme *th = app->ui.theme;
    int rows = CLASSROOM_OPTIONS / columns;
    int gap = th->unit * 2;
    int w = (area.w - (columns - 1) * gap) / columns, h = (area.h - (rows - 1) * gap) / rows;
    /* Answers stay at least 1/25 of the screen high; a short tile gets one line. */
    int body = px(app, 22);
    if (body > h * 2 / 5)
        body = h * 2 / 5;
    if (body < px(app, 25))
        body = px(app, 25);
    int lines = h >= body * 5 / 2 + th->unit ? 2 : 1;
    for (int i = 0; i < CLASSROOM_OPTIONS; i++) {
        SDL_Rect r = {area.x + (i % columns) * (w + gap), area.y + (i / columns) * (h + gap), w, h};
        SDL_Color c = rgb(ANSWER_RGB[i]);
        bool right = i == q->right;
        if (reveal && !right)
            c = color_mix(c, th->paper, 0.72f);
        draw_rounded(app->ui.renderer, r, th->radius, c);
        SDL_Color fg = reveal && !right ? th->ink_soft : th->on_accent;
        int icon = h * 45 / 100 < body * 2 ? h * 45 / 100 : body * 2;
        int key_size = px(app, 30);
        /* The key under the shape when the tile is tall enough; otherwise the shape alone. */
        bool with_key = h >= icon + key_size * 3 / 2 + th->unit * 2;
        int icon_y = with_key ? r.y + h / 2 - key_size * 3 / 4 : r.y + h / 2;
        shape(app->ui.renderer, ANSWER_SHAPE[i], (float)(r.x + th->unit * 2 + icon / 2), (float)icon_y, (float)icon * 0.8f, fg);
        if (with_key) {
            char key[16];
            snprintf(key, sizeof key, "%d \xC2\xB7 %s", i + 1, PAD_LETTER[i]);
            text(app, key, TEXT_BODY_BOLD, key_size, 0, 1, TEXT_CENTER, r.x + th->unit * 2 + icon / 2, icon_y + icon / 2, fg);
        }
        char label[300];
        class_option_text(s, app, q, i, label, sizeof label);
        int lx = r.x + icon + th->unit * 5, lw = r.w - icon - th->unit * 7 - (reveal && right ? body * 2 : 0);
        const TextBlock *lb = measure(app, label, TEXT_BODY_BOLD, body, lw, lines);
        text(app, label, TEXT_BODY_BOLD, body, lw, lines, TEXT_LEFT, lx, r.y + (h - lb->h) / 2, fg);
        if (reveal && right)
            draw_tick(app->ui.renderer, (float)(r.x + r.w - body * 1.2f), (float)(r.y + h / 2), body * 1.4f, th->on_accent);
    }
}

static void draw_map(ClassScene *s, App *app, const ClassroomQuestion *q, SDL_Rect area)
{
    if (!s->view)
        return;
    const Theme *th = app->ui.theme;
    draw_rounded(app->ui.renderer, area, th->radius, th->water);
    mapview_layout(s->view, area, th->unit);
    MapStyle st = {.highlight_region = (int)q->subject.index, .highlight = color_alpha(th->seal, 210), .mark_region = -1,
                   .highlight_river = -1, .mark_river = -1, .river_labels = false, .lang = app->lang};
    mapview_draw(s->view, app->ui.renderer, app->ui.text, th, &st);
    /* Not colour alone: a ring and a pin mark the land too. */
    int x, y;
    if (mapview_anchor_region(s->view, (int)q->subject.index, &x, &y)) {
        float rad = (float)th->unit * 4;
        draw_ring(app->ui.renderer, (float)x, (float)y, rad, (float)th->unit * 0.8f, th->ink);
        draw_line(app->ui.renderer, (float)x, (float)y - rad, (float)x, (float)y - rad * 2.5f, (float)th->unit * 0.8f, th->ink);
        draw_circle(app->ui.renderer, (float)x, (float)y - rad * 2.5f, (float)th->unit * 1.2f, th->ink);
    }
}

static void draw_question(ClassScene *s, App *app, bool reveal)
{
    const Theme *th = app->ui.theme;
    const ClassroomGame *g = s->game;
    const ClassroomQuestion *q = &g->questions[g->current];
    char title[96];
    question_title(app, g, title, sizeof title);
    int m = th->margin;
    int timer_r = px(app, 11);
    top_bar(s, app, title, reveal ? app->ui.width - m : app->ui.width - m - timer_r * 2);
    int top = m / 2 + px(app, 24) + th->unit * 3;
    if (!reveal)
        draw_timer(s, app, app->ui.width - m - timer_r, m / 2 + timer_r, timer_r);
    int chips_top = team_chips(s, app, reveal);
    char prompt[400];
    class_prompt(s, app, q, prompt, sizeof prompt);
    int qsize = px(app, 14);
    int qw = app->ui.width - 2 * m - (reveal ? 0 : timer_r * 2 + th->unit * 4);
    const TextBlock *pb = text(app, prompt, TEXT_H2, qsize, qw, 3, TEXT_LEFT, m, top, th->ink);
    int y = top + pb->h + th->unit * 3;
    if (!reveal && y < m / 2 + timer_r * 2 + th->unit * 2)
        y = m / 2 + timer_r * 2 + th->unit * 2;
    int body = px(app, 24);
    int bottom = chips_top - th->unit * 3;
    if (reveal) {
        /* One line of explanation and its source above the chips. */
        char line[600], source[400];
        explanation(s, app, q, line, sizeof line, source, sizeof source);
        int small = px(app, 25);
        int h = (line[0] ? body * 5 / 4 * 2 : 0) + (source[0] ? small * 5 / 4 * 2 : 0) + th->unit;
        int ey = bottom - h;
        if (line[0]) {
            const TextBlock *lb = text(app, line, TEXT_BODY, body, app->ui.width - 2 * m, 2, TEXT_LEFT, m, ey, th->ink);
            ey += lb->h + th->unit;
        }
        if (source[0])
            text(app, source, TEXT_BODY, small, app->ui.width - 2 * m, 2, TEXT_LEFT, m, ey, th->ink_soft);
        bottom -= h + th->unit * 2;
    }
    if (q->kind == CLASSROOM_Q_ORDER) {
        /* The four events A-D, one per line. */
        for (int i = 0; i < CLASSROOM_OPTIONS; i++) {
            char line[300];
            snprintf(line, sizeof line, "%c   %s", 'A' + i, item_title(s, app, q->items[i]));
            if (reveal) {
                When w;
                if (pack_item_when(s->pack, q->items[i], &w)) {
                    size_t n = strlen(line);
                    snprintf(line + n, sizeof line - n, "  (%d)", w.from.year);
                }
            }
            const TextBlock *lb = text(app, line, TEXT_BODY_BOLD, body, qw, 1, TEXT_LEFT, m + th->unit * 2, y, th->ink);
            y += lb->h + th->unit / 2;
        }
        y += th->unit * 2;
    }
    if (q->kind == CLASSROOM_Q_REGION) {
        int mw = (app->ui.width - 2 * m) * 45 / 100;
        SDL_Rect map = {m, y, mw, bottom - y};
        draw_map(s, app, q, map);
        answer_tiles(s, app, q, (SDL_Rect){m + mw + th->unit * 3, y, app->ui.width - 2 * m - mw - th->unit * 3, bottom - y}, 1, reveal);
    } else {
        answer_tiles(s, app, q, (SDL_Rect){m, y, app->ui.width - 2 * m, bottom - y}, 2, reveal);
    }
    if (!reveal && g->paused) {
        draw_rect(app->ui.renderer, (SDL_Rect){0, 0, app->ui.width, app->ui.height}, color_alpha(th->ink, 235));
        int big = px(app, 8);
        text(app, app_tr(app, "classroom.paused"), TEXT_DISPLAY, big, 0, 1, TEXT_CENTER, app->ui.width / 2, app->ui.height / 2 - big, th->on_accent);
        text(app, app_tr(app, "classroom.paused_hint"), TEXT_BODY, body, app->ui.width - 2 * m, 2, TEXT_CENTER, app->ui.width / 2,
             app->ui.height / 2 + th->unit * 2, th->on_accent);
    }
    hints(app, app_tr(app, reveal ? "classroom.answer_hints" : "classroom.question_hints"));
}

/* Rows of teams from first to last; pos animates between places. */
static void score_rows(ClassScene *s, App *app, SDL_Rect area, bool final)
{
    const Theme *th = app->ui.theme;
    const ClassroomGame *g = s->game;
    int order[CLASSROOM_MAX_TEAMS], rank[CLASSROOM_MAX_TEAMS];
    classroom_ranking(g, order, rank);
    int n = g->team_count;
    int row = area.h / n;
    int cap = px(app, 8);
    if (row > cap)
        row = cap;
    int body = px(app, 22);
    if (body > row * 55 / 100)
        body = row * 55 / 100;
    int best = 1;
    for (int t = 0; t < n; t++)
        if (g->teams[t].score > best)
            best = g->teams[t].score;
    for (int i = 0; i < n; i++) {
        int t = order[i];
        double pos = final ? i : s->shown_pos[t];
        SDL_Rect r = {area.x, area.y + (int)(pos * row), area.w, row - th->unit};
        draw_rounded(app->ui.renderer, r, th->radius, th->card);
        if (!final && t == s->team_focus && ui_show_focus(&app->ui))
            draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
        char rk[8];
        snprintf(rk, sizeof rk, "%d", rank[t]);
        int ty = r.y + (r.h - body * 5 / 4) / 2;
        text(app, rk, TEXT_H2, body, 0, 1, TEXT_CENTER, r.x + body, ty, rank[t] == 1 ? th->seal : th->ink);
        int bx = r.x + body * 2;
        team_badge(app, g->teams[t].mark, bx, r.y + th->unit / 2, r.h - th->unit);
        int nx = bx + r.h + th->unit;
        int name_w = final ? r.x + r.w - nx - body * 3 : area.w * 38 / 100;
        int ns = body;
        while (ns > px(app, 30) && measure(app, g->teams[t].name, TEXT_BODY_BOLD, ns, 0, 1)->w > name_w)
            ns -= 2;
        text(app, g->teams[t].name, TEXT_BODY_BOLD, ns, name_w, 1, TEXT_LEFT, nx, r.y + (r.h - ns * 5 / 4) / 2, th->ink);
        /* The bar grows with the shown score. */
        /* Columns from the right: score, points just won, then the bar. */
        int score_right = r.x + r.w - th->unit * 2, gain_right = score_right - body * 4;
        int barx = nx + name_w + th->unit * 2, barw = gain_right - body * 4 - barx;
        double shown = final ? g->teams[t].score : s->shown[t];
        int w = shown > 0 ? (int)(barw * shown / best) : 0;
        if (w > 0 && !final)
            draw_rounded(app->ui.renderer, (SDL_Rect){barx, r.y + r.h / 4, w, r.h / 2}, th->unit, rgb(TEAM_RGB[g->teams[t].mark]));
        char sc[24];
        snprintf(sc, sizeof sc, "%d", (int)(shown + 0.5));
        text(app, sc, TEXT_BODY_BOLD, body, 0, 1, TEXT_RIGHT, score_right, ty, th->ink);
        if (!final && s->gained[t] > 0 && s->stage == CLASS_STAGE_SCOREBOARD) {
            char gain[24];
            snprintf(gain, sizeof gain, "+%d", s->gained[t]);
            text(app, gain, TEXT_BODY_BOLD, body, 0, 1, TEXT_RIGHT, gain_right, ty, th->right);
        }
    }
}

static void draw_scoreboard(ClassScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    char title[96];
    question_title(app, s->game, title, sizeof title);
    top_bar(s, app, title, app->ui.width - th->margin);
    int head = px(app, 13);
    int y = th->margin / 2 + px(app, 24) + th->unit * 2;
    text(app, app_tr(app, "classroom.scoreboard"), TEXT_H1, head, 0, 1, TEXT_LEFT, th->margin, y, th->ink);
    y += head * 5 / 4 + th->unit * 2;
    score_rows(s, app, (SDL_Rect){th->margin, y, app->ui.width - 2 * th->margin, app->ui.height - y - px(app, 36) - th->unit * 6}, false);
    hints(app, app_tr(app, "classroom.scoreboard_hints"));
}

static void draw_final(ClassScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    const ClassroomGame *g = s->game;
    int m = th->margin, head = px(app, 13), body = px(app, 25);
    text(app, app_tr(app, "classroom.final"), TEXT_H1, head, 0, 1, TEXT_LEFT, m, m / 2, th->ink);
    ui_back_button(&app->ui);
    int y = m / 2 + head * 5 / 4 + th->unit * 3;
    int lw = app->ui.width * 46 / 100 - m;
    int bottom = app->ui.height - px(app, 36) - th->unit * 6;
    score_rows(s, app, (SDL_Rect){m, y, lw, bottom - y - body * 4}, true);

    /* Export */
    SDL_Rect er = {m, bottom - body * 3, lw / 2, body * 2};
    s->export_rect = er;
    ui_button(&app->ui, er, "", BUTTON_PRIMARY, ui_show_focus(&app->ui), true);
    text(app, app_tr(app, "classroom.export"), TEXT_BODY_BOLD, body, er.w - th->unit * 2, 1, TEXT_CENTER, er.x + er.w / 2,
         er.y + (er.h - body * 5 / 4) / 2, th->on_accent);
    if (s->export_path[0]) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s %s", app_tr(app, "classroom.exported"), s->export_path);
        text(app, msg, TEXT_BODY, px(app, 30), lw / 2 - th->unit * 2, 3, TEXT_LEFT, er.x + er.w + th->unit * 2, er.y, th->ink);
    }

    /* Per-question review: the right answer and, for each team, right or wrong. */
    int rx = app->ui.width * 50 / 100, rw = app->ui.width - rx - m;
    text(app, app_tr(app, "classroom.review"), TEXT_H2, body, 0, 1, TEXT_LEFT, rx, y, th->ink);
    y += body * 3 / 2 + th->unit;
    int n = g->team_count;
    int cell = body * 5 / 4;
    int cols_x = rx + rw - n * cell;
    for (int t = 0; t < n; t++)
        team_badge(app, g->teams[t].mark, cols_x + t * cell + th->unit / 2, y, cell - th->unit);
    y += cell + th->unit;
    int rowh = body * 5 / 4 + th->unit * 2;
    for (int i = s->review_top; i < g->question_count && y + rowh <= bottom; i++) {
        const ClassroomQuestion *q = &g->questions[i];
        char ans[300], line[360];
        class_option_text(s, app, q, q->right, ans, sizeof ans);
        snprintf(line, sizeof line, "%d. %s", i + 1, ans);
        SDL_Rect r = {rx, y, rw, rowh - th->unit};
        draw_rounded(app->ui.renderer, r, th->radius, i % 2 ? color_alpha(th->card, 140) : th->card);
        text(app, line, TEXT_BODY, body, cols_x - rx - th->unit * 3, 1, TEXT_LEFT, rx + th->unit * 2, y + (r.h - body * 5 / 4) / 2, th->ink);
        for (int t = 0; t < n; t++) {
            const ClassroomAnswer *a = &g->answers[i][t];
            float cx = (float)(cols_x + t * cell + cell / 2), cy = (float)(y + r.h / 2);
            /* A skipped question shows a dash; one whose points were undone keeps its marks, greyed. */
            bool grey = g->voided[i];
            if (g->skipped[i])
                draw_line(app->ui.renderer, cx - cell / 4.0f, cy, cx + cell / 4.0f, cy, 3, th->ink_soft);
            else if (a->answered && a->correct)
                draw_tick(app->ui.renderer, cx, cy, cell * 0.7f, grey ? th->ink_soft : th->right);
            else if (a->answered)
                draw_cross(app->ui.renderer, cx, cy, cell * 0.6f, grey ? th->ink_soft : th->wrong);
            else
                draw_circle(app->ui.renderer, cx, cy, cell / 10.0f, th->ink_soft);
        }
        y += rowh;
    }
    hints(app, app_tr(app, "classroom.final_hints"));
}

/* Everything the setup screen shows: the choices, the focus, the teams and their buzzers, the
 * key sets from the settings, the input the widgets read; while a team's join flash fades,
 * every frame differs. */
static uint64_t setup_key(const ClassScene *s, App *app)
{
    uint64_t h = ui_layer_key_input(&app->ui, UI_KEY_SEED);
    int v[] = {s->focus, s->level_sel, s->level_count, s->questions, s->time_sel, (int)s->scoring, (int)s->style, s->joined};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        h = ui_key_mix(h, (uint64_t)(uint32_t)v[i]);
    for (int i = 0; i < s->joined && i < CLASSROOM_MAX_TEAMS; i++) {
        h = ui_key_mix(h, (uint64_t)s->sources[i].device << 32 | (uint32_t)s->sources[i].slot);
        if (s->t - s->joined_t[i] < 0.6 && !app->settings.reduced_motion)
            h = ui_key_mix(h, app->frame);
    }
    for (int t = 0; t < SETTINGS_TEAMS; t++)
        for (int b = 0; b < 4; b++)
            h = ui_key_str(h, app->settings.buzzer_keys[t][b]);
    return h;
}

void class_draw(ClassScene *s, App *app)
{
    if (s->stage == CLASS_STAGE_SETUP) {
        if (ui_layer_begin(&s->setup_layer, &app->ui, setup_key(s, app))) {
            ui_background(&app->ui, 0);
            draw_setup(s, app);
            ui_layer_end(&s->setup_layer, &app->ui);
        }
        ui_layer_draw(&s->setup_layer, &app->ui);
        return;
    }
    ui_background(&app->ui, 0);
    switch (s->stage) {
    case CLASS_STAGE_SETUP: draw_setup(s, app); break;
    case CLASS_STAGE_QUESTION: draw_question(s, app, false); break;
    case CLASS_STAGE_ANSWER: draw_question(s, app, true); break;
    case CLASS_STAGE_SCOREBOARD: draw_scoreboard(s, app); break;
    default: draw_final(s, app); break;
    }
}
