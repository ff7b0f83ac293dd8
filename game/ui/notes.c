/* The "Notes and sources" panel (notes.h). */
#include "ui/notes.h"

#include "content/i18n.h"
#include "base/util.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <stdio.h>
#include <string.h>

void notes_of(const Pack *pack, PackItemRef ref, const Text **note, PackRefs *sources)
{
    static const Text empty;
    *note = &empty;
    *sources = (PackRefs){0};
    if (!pack || ref.index >= pack_item_count(pack, ref.kind))
        return;
    switch (ref.kind) {
    case PACK_KIND_TREATY:
        *note = &pack->treaties[ref.index].note;
        *sources = pack->treaties[ref.index].sources;
        break;
    case PACK_KIND_EVENT:
        *note = &pack->events[ref.index].note;
        *sources = pack->events[ref.index].sources;
        break;
    case PACK_KIND_PERSON:
        *note = &pack->people[ref.index].note;
        *sources = pack->people[ref.index].sources;
        break;
    case PACK_KIND_PLACE:
        *note = &pack->places[ref.index].note;
        *sources = pack->places[ref.index].sources;
        break;
    case PACK_KIND_REGION: {
        int32_t t = pack->regions[ref.index].treaty;
        if (t >= 0) {
            *note = &pack->treaties[t].note;
            *sources = pack->treaties[t].sources;
        }
        break;
    }
    case PACK_KIND_FLASHCARD:
        *sources = pack->flashcards[ref.index].sources;
        break;
    default:
        break;
    }
}

void notes_offer(NotesPanel *np, bool offered, PackItemRef ref)
{
    if (!offered || np->ref.kind != ref.kind || np->ref.index != ref.index) {
        np->open = false;
        np->link = np->drawn = (SDL_Rect){0, 0, 0, 0};
    }
    np->offered = offered;
    np->ref = ref;
}

int notes_link_draw(UiContext *ui, NotesPanel *np, int right, int y)
{
    if (!np->offered)
        return 0;
    const Theme *th = ui->theme;
    char label[160];
    snprintf(label, sizeof label, "%s (N)", ui_tr(ui, "notes.link"));
    TextOpts lo = {.style = TEXT_SMALL};
    const TextBlock *b = ui_text_get(ui->text, label, &lo);
    int w = b->w + th->unit * 2;
    np->drawn = (SDL_Rect){right - w, y - th->unit / 2, w, b->h + th->unit};
    draw_rounded_outline(ui->renderer, np->drawn, th->unit, 1, th->seal);
    ui_text_draw(ui->text, label, &lo, right - w + th->unit, y, th->seal);
    return w;
}

static bool toggle_key(const Action *a)
{
    return a->kind == ACTION_MENU ||
           (a->kind == ACTION_KEY && (a->key == SDLK_n || a->key == SDLK_i));
}

bool notes_action(NotesPanel *np, const Action *a)
{
    if (np->open) {
        if (a->kind == ACTION_BACK || a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP ||
            toggle_key(a))
            np->open = false;
        /* Resizes still reach the scene; everything else belongs to the panel. */
        return a->kind != ACTION_RESIZE;
    }
    if (!np->offered)
        return false;
    if (toggle_key(a) || (a->kind == ACTION_POINTER_UP && point_in_rect(a->x, a->y, np->link))) {
        np->open = true;
        return true;
    }
    return false;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* An address as people read it: %XX escapes decoded when they make valid UTF-8 (a Chinese or
 * Russian page name), else as written. */
static void readable_url(const char *url, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = url; *p && n + 1 < cap; p++) {
        int hi, lo;
        if (p[0] == '%' && (hi = hex_digit(p[1])) >= 0 && (lo = hex_digit(p[2])) >= 0) {
            out[n++] = (char)(hi * 16 + lo);
            p += 2;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    if (!utf8_valid(out, n) || memchr(out, '\0', n) != NULL || n + 1 >= cap)
        snprintf(out, cap, "%s", url);
}

/* One source as a line: title — author, year · address. */
static void source_line(const PackSource *s, char *out, size_t cap)
{
    snprintf(out, cap, "\xE2\x80\xA2 %s", s->title ? s->title : s->id);
    size_t n = strlen(out);
    if (s->author && *s->author)
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, " \xE2\x80\x94 %s", s->author);
    if (s->year && *s->year && n < cap)
        n += (size_t)snprintf(out + n, cap - n, ", %s", s->year);
    if (s->url && *s->url && n < cap) {
        char url[600];
        readable_url(s->url, url, sizeof url);
        snprintf(out + n, cap - n, " \xC2\xB7 %s", url);
    }
}

void notes_draw(UiContext *ui, NotesPanel *np, const Pack *pack)
{
    /* Clicks go to where the link was in this frame; a frame without it leaves nothing. */
    np->link = np->drawn;
    np->drawn = (SDL_Rect){0, 0, 0, 0};
    if (!np->open || !pack)
        return;
    const Theme *th = ui->theme;
    const Text *note;
    PackRefs sources;
    notes_of(pack, np->ref, &note, &sources);
    draw_rect(ui->renderer, (SDL_Rect){0, 0, ui->width, ui->height}, color_alpha(th->ink, 160));
    int w = ui->width * 72 / 100, h = ui->height * 84 / 100;
    SDL_Rect box = {(ui->width - w) / 2, (ui->height - h) / 2, w, h};
    draw_shadow(ui->renderer, box, th->radius, th->unit * 2, th->shadow);
    draw_rounded(ui->renderer, box, th->radius, th->card);
    int pad = th->unit * 4, x = box.x + pad, iw = w - 2 * pad, y = box.y + pad;
    int bottom = box.y + box.h - pad - th->size[TEXT_SMALL] * 2;
    TextOpts so = {.style = TEXT_SMALL};
    const TextBlock *b = ui_text_draw(ui->text, ui_tr(ui, "notes.link"), &so, x, y, th->seal);
    y += b->h;
    TextOpts to = {.style = TEXT_H2, .wrap = iw, .max_lines = 2};
    b = ui_text_draw(ui->text, pack_item_title(pack, np->ref, ui->lang), &to, x, y, th->ink);
    y += b->h + th->unit * 2;
    const char *text = text_get(note, ui->lang);
    int body_line = th->size[TEXT_BODY] * 4 / 3, small_line = th->size[TEXT_SMALL] * 4 / 3;
    /* The note gets what the sources leave (at least half the box when both are long). */
    int src_lines = 0;
    for (uint32_t i = 0; i < sources.count; i++)
        src_lines += 2;
    int src_h = th->size[TEXT_BODY] * 2 + src_lines * small_line;
    int note_room = bottom - y - src_h;
    if (note_room < (bottom - y) / 2)
        note_room = (bottom - y) / 2;
    int lines = note_room / body_line;
    TextOpts no = {.style = TEXT_BODY, .wrap = iw, .max_lines = lines > 1 ? lines : 1};
    b = ui_text_draw(ui->text, *text ? text : ui_tr(ui, "notes.none"), &no, x, y, *text ? th->ink : th->ink_soft);
    y += b->h + th->unit * 3;
    if (sources.count > 0 && y + small_line * 2 < bottom) {
        TextOpts ho = {.style = TEXT_BODY_BOLD};
        b = ui_text_draw(ui->text, ui_tr(ui, "notes.sources"), &ho, x, y, th->seal);
        y += b->h + th->unit;
        for (uint32_t i = 0; i < sources.count; i++) {
            char line[900];
            source_line(&pack->sources[sources.items[i]], line, sizeof line);
            TextOpts lo = {.style = TEXT_SMALL, .wrap = iw, .max_lines = 2};
            const TextBlock *lb = ui_text_get(ui->text, line, &lo);
            /* Room for this one, and for a "more" line after it when others follow. */
            if (y + lb->h > bottom - (i + 1 < sources.count ? small_line : 0)) {
                char more[96], num[16];
                snprintf(num, sizeof num, "%u", (unsigned)(sources.count - i));
                const char *names[] = {"n"};
                const char *values[] = {num};
                i18n_format(more, sizeof more, ui_tr(ui, "notes.more"), names, values, 1);
                ui_text_draw(ui->text, more, &so, x, y, th->ink_soft);
                break;
            }
            ui_text_draw(ui->text, line, &lo, x, y, th->ink);
            y += lb->h + th->unit / 2;
        }
    }
    char close[160];
    snprintf(close, sizeof close, "%s", ui_tr(ui, "notes.close"));
    TextOpts co = {.style = TEXT_SMALL, .align = TEXT_RIGHT};
    ui_text_draw(ui->text, close, &co, box.x + box.w - pad, box.y + box.h - pad - th->size[TEXT_SMALL], th->ink_soft);
}
