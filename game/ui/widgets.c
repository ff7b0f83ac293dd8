/* Shared widgets and list navigation. */
#include "ui/widgets.h"
#include "ui/draw.h"
#include "ui/layer.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <math.h>
#include <stdlib.h>

double clamp01(double t)
{
    return t < 0 ? 0 : t > 1 ? 1 : t;
}

double ease_out_cubic(double t)
{
    t = clamp01(t);
    double u = 1 - t;
    return 1 - u * u * u;
}

double ease_in_out(double t)
{
    t = clamp01(t);
    return t < 0.5 ? 4 * t * t * t : 1 - pow(-2 * t + 2, 3) / 2;
}

bool ui_show_focus(const UiContext *ui)
{
    return ui->input->last_device != INPUT_MOUSE && ui->input->last_device != INPUT_TOUCH;
}

/* A faint graticule, as on an atlas page: gently curved parallels... */
static void draw_parallels(UiContext *ui, SDL_Color line, float lw)
{
    float w = (float)ui->width, h = (float)ui->height;
    for (int i = 0; i < 6; i++) {
        float y0 = h * (0.1f + i * 0.17f);
        float prevx = 0, prevy = y0;
        for (int s = 1; s <= 24; s++) {
            float x = w * s / 24.0f;
            float y = y0 + sinf((x / w) * 3.14159f) * h * 0.05f;
            draw_line(ui->renderer, prevx, prevy, x, y, lw, line);
            prevx = x;
            prevy = y;
        }
    }
}

/* ... and converging meridians, which drift slowly on the title screen. */
static void draw_meridians(UiContext *ui, SDL_Color line, float lw, float drift)
{
    float w = (float)ui->width, h = (float)ui->height;
    for (int i = 0; i < 9; i++) {
        float x0 = w * (i / 8.0f) + drift;
        float x1 = w * 0.5f + (x0 - w * 0.5f) * 0.82f;
        draw_line(ui->renderer, x0, 0, x1, h, lw, line);
    }
}

void ui_background(UiContext *ui, double t)
{
    const Theme *th = ui->theme;
    SDL_Renderer *r = ui->renderer;
    SDL_Color line = color_alpha(th->line, 45);
    float lw = th->unit > 6 ? th->unit / 6.0f : 1.0f;
    float drift = ui->settings->reduced_motion ? 0.0f : (float)fmod(t * 4.0, 100.0);
    /* The paper is drawn once into a cached layer (it costs milliseconds of blending at
     * 1920x1080 on the software renderer) and copied each frame. Still meridians are part of
     * it; drifting ones are drawn over it each frame. */
    bool still = drift == 0.0f || th->high_contrast;
    if (!ui->background)
        ui->background = calloc(1, sizeof *ui->background);
    UiLayer *layer = ui->background;
    if (!layer || ui_layer_begin(layer, ui, still ? 1 : 2)) {
        draw_gradient_v(r, (SDL_Rect){0, 0, ui->width, ui->height}, th->paper, th->high_contrast ? th->paper : th->paper_dark);
        if (!th->high_contrast) {
            draw_parallels(ui, line, lw);
            if (still)
                draw_meridians(ui, line, lw, 0.0f);
            /* Vignette at the edges keeps the centre bright. */
            SDL_Color edge = color_alpha(th->paper_dark, 140);
            SDL_Color clear = color_alpha(th->paper_dark, 0);
            int band = ui->height / 6;
            draw_gradient_v(r, (SDL_Rect){0, 0, ui->width, band}, edge, clear);
            draw_gradient_v(r, (SDL_Rect){0, ui->height - band, ui->width, band}, clear, edge);
        }
        if (layer)
            ui_layer_end(layer, ui);
    }
    if (layer)
        ui_layer_draw(layer, ui);
    if (!still)
        draw_meridians(ui, line, lw, drift);
    ui->frame_covered = true;
}

int ui_header(UiContext *ui, const char *title, const char *subtitle)
{
    const Theme *th = ui->theme;
    int x = th->margin, y = th->margin;
    TextOpts o = {.style = TEXT_H1, .wrap = ui->width - 2 * th->margin, .max_lines = 1};
    const TextBlock *b = ui_text_draw(ui->text, title, &o, x, y, th->ink);
    y += b->h;
    /* A short seal-red rule under the title. */
    draw_rect(ui->renderer, (SDL_Rect){x, y + th->unit / 2, th->unit * 8, th->unit / 2 > 2 ? th->unit / 2 : 2}, th->seal);
    y += th->unit * 2;
    if (subtitle && *subtitle) {
        TextOpts so = {.style = TEXT_BODY, .wrap = ui->width - 2 * th->margin, .max_lines = 2};
        b = ui_text_draw(ui->text, subtitle, &so, x, y, th->ink_soft);
        y += b->h;
    }
    return y + th->unit * 2;
}

void ui_button(UiContext *ui, SDL_Rect r, const char *label, ButtonKind kind, bool focused, bool enabled)
{
    const Theme *th = ui->theme;
    SDL_Color fill, fg, outline = th->line;
    bool hover = point_in_rect(ui->input->pointer_x, ui->input->pointer_y, r) && !ui_show_focus(ui);
    switch (kind) {
    case BUTTON_PRIMARY:
        fill = th->ink;
        fg = th->on_accent;
        outline = th->ink;
        break;
    case BUTTON_DANGER:
        fill = th->seal;
        fg = th->on_accent;
        outline = th->seal;
        break;
    case BUTTON_GHOST:
        fill = color_alpha(th->card, (focused || hover) ? 255 : 0);
        fg = th->ink;
        outline = color_alpha(th->line, (focused || hover) ? 255 : 0);
        break;
    case BUTTON_SECONDARY:
    default:
        fill = th->card;
        fg = th->ink;
        break;
    }
    if (!enabled) {
        fill = color_mix(fill, th->paper, 0.6f);
        fg = color_mix(fg, th->paper, 0.5f);
    } else if (hover || (focused && ui_show_focus(ui))) {
        fill = kind == BUTTON_PRIMARY || kind == BUTTON_DANGER ? color_mix(fill, th->gold, 0.18f) : color_mix(fill, th->gold, 0.12f);
    }
    if (kind != BUTTON_GHOST && enabled)
        draw_shadow(ui->renderer, r, th->radius, th->unit / 2 + 1, th->shadow);
    draw_rounded(ui->renderer, r, th->radius, fill);
    draw_rounded_outline(ui->renderer, r, th->radius, th->unit / 4 > 1 ? th->unit / 4 : 1, outline);
    TextOpts o = {.style = TEXT_BODY_BOLD, .wrap = r.w - 2 * th->unit, .max_lines = 1, .align = TEXT_CENTER};
    ui_text_draw_centered(ui->text, label, &o, r, fg);
    if (focused && ui_show_focus(ui))
        draw_focus_ring(ui->renderer, r, th->radius, th->unit, th->focus);
}

void ui_toggle(UiContext *ui, SDL_Rect r, bool on)
{
    const Theme *th = ui->theme;
    int h = r.h * 6 / 10, w = h * 2;
    SDL_Rect track = {r.x + r.w - w, r.y + (r.h - h) / 2, w, h};
    draw_rounded(ui->renderer, track, h / 2, on ? th->right : th->line);
    float knob_x = on ? (float)(track.x + w - h / 2) : (float)(track.x + h / 2);
    draw_circle(ui->renderer, knob_x, (float)(track.y + h / 2), h * 0.38f, th->card);
    /* Shape as well as colour: a tick when on. */
    if (on)
        draw_tick(ui->renderer, (float)(track.x + h / 2), (float)(track.y + h / 2), h * 0.55f, th->on_accent);
}

void ui_hints(UiContext *ui, const char *const *pairs, int npairs)
{
    const Theme *th = ui->theme;
    int y = ui->height - th->margin / 2 - th->size[TEXT_SMALL] - th->unit;
    int x = th->margin;
    TextOpts key = {.style = TEXT_SMALL};
    TextOpts lab = {.style = TEXT_SMALL};
    for (int i = 0; i + 1 < npairs * 2; i += 2) {
        const TextBlock *kb = ui_text_get(ui->text, pairs[i], &key);
        int pad = th->unit;
        SDL_Rect box = {x, y - pad / 2, kb->w + 2 * pad, kb->h + pad};
        draw_rounded(ui->renderer, box, th->unit, th->card);
        draw_rounded_outline(ui->renderer, box, th->unit, 1, th->line);
        ui_text_draw(ui->text, pairs[i], &key, x + pad, y, th->ink);
        x += box.w + th->unit;
        const TextBlock *lb = ui_text_draw(ui->text, pairs[i + 1], &lab, x, y, th->ink_soft);
        x += lb->w + th->unit * 4;
    }
}

void nav_init(Nav *nav, int count, int columns)
{
    nav->count = count;
    nav->columns = columns > 0 ? columns : 1;
    if (nav->focus >= count)
        nav->focus = count > 0 ? count - 1 : 0;
    if (nav->focus < 0)
        nav->focus = 0;
    nav->pressed = -1;
}

static int hit(const SDL_Rect *rects, int n, int x, int y)
{
    for (int i = 0; i < n; i++)
        if (point_in_rect(x, y, rects[i]))
            return i;
    return -1;
}

NavResult nav_handle(Nav *nav, const Action *a, const SDL_Rect *rects)
{
    if (nav->count <= 0)
        return a->kind == ACTION_BACK ? NAV_BACK : NAV_NONE;
    int before = nav->focus;
    int cols = nav->columns;
    switch (a->kind) {
    case ACTION_UP:
        if (nav->focus - cols >= 0)
            nav->focus -= cols;
        break;
    case ACTION_DOWN:
        if (nav->focus + cols < nav->count)
            nav->focus += cols;
        else if (cols > 1 && nav->focus / cols < (nav->count - 1) / cols)
            nav->focus = nav->count - 1;
        break;
    case ACTION_LEFT:
    case ACTION_PREV:
        if (cols > 1 || a->kind == ACTION_PREV)
            nav->focus = (nav->focus + nav->count - 1) % nav->count;
        break;
    case ACTION_RIGHT:
    case ACTION_NEXT:
        if (cols > 1 || a->kind == ACTION_NEXT)
            nav->focus = (nav->focus + 1) % nav->count;
        break;
    case ACTION_CONFIRM:
        return NAV_ACTIVATED;
    case ACTION_BACK:
        return NAV_BACK;
    case ACTION_POINTER_MOVE: {
        int i = rects ? hit(rects, nav->count, a->x, a->y) : -1;
        if (i >= 0)
            nav->focus = i;
        break;
    }
    case ACTION_POINTER_DOWN:
        nav->pressed = rects ? hit(rects, nav->count, a->x, a->y) : -1;
        if (nav->pressed >= 0)
            nav->focus = nav->pressed;
        break;
    case ACTION_POINTER_UP: {
        int i = rects ? hit(rects, nav->count, a->x, a->y) : -1;
        int pressed = nav->pressed;
        nav->pressed = -1;
        if (i >= 0 && i == pressed) {
            nav->focus = i;
            return NAV_ACTIVATED;
        }
        break;
    }
    default:
        break;
    }
    return nav->focus != before ? NAV_MOVED : NAV_NONE;
}

SDL_Rect ui_back_rect(const UiContext *ui)
{
    const Theme *th = ui->theme;
    int h = th->size[TEXT_BODY] * 2 + th->unit;
    int w = th->unit * 24;
    return (SDL_Rect){ui->width - th->margin - w, th->margin, w, h};
}

void ui_back_button(UiContext *ui)
{
    SDL_Rect r = ui_back_rect(ui);
    ui_button(ui, r, "", BUTTON_SECONDARY, false, true);
    const Theme *th = ui->theme;
    float s = (float)th->size[TEXT_BODY];
    draw_arrow(ui->renderer, (float)r.x + s * 1.2f, (float)(r.y + r.h / 2), s * 0.9f, -1, th->ink);
    TextOpts o = {.style = TEXT_BODY_BOLD, .wrap = r.w - (int)(s * 2.4f), .max_lines = 1};
    const TextBlock *b = ui_text_get(ui->text, ui_tr(ui, "common.back"), &o);
    ui_text_draw(ui->text, ui_tr(ui, "common.back"), &o, r.x + (int)(s * 2.2f), r.y + (r.h - b->h) / 2, th->ink);
}

bool ui_back_hit(const UiContext *ui, const Action *a)
{
    return a->kind == ACTION_POINTER_UP && point_in_rect(a->x, a->y, ui_back_rect(ui));
}
