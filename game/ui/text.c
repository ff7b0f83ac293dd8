/* Font fallback chain, line breaking and a texture cache for rendered text.
 *
 * Layout: the string is cut into runs of code points that one face provides (the first face
 * of the style's chain that has the glyph), and into break opportunities (after spaces and
 * dashes, around CJK ideographs). Lines are filled greedily; each line is rasterised run by
 * run with SDL_ttf (HarfBuzz shapes inside a run) and merged into one coverage map by taking
 * the larger alpha, which is exact for single-colour text.
 *
 * Colour: each cached block keeps its coverage and up to TEXT_TINTS textures already in the
 * colours it is drawn in. SDL's software renderer blends a texture with colour or alpha
 * modulation through a generic per-pixel blitter about five times slower than its plain
 * per-pixel-alpha blit (which also skips transparent pixels), so text is drawn without colour
 * modulation; alpha modulation is used only while text fades. */
#include "ui/text.h"
#include "base/os.h"
#include "base/util.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FACE_SANS = 0,
    FACE_SANS_BOLD,
    FACE_SERIF,
    FACE_SERIF_BOLD,
    FACE_CJK_SANS,
    FACE_CJK_SERIF,
    FACE_SYMBOLS,
    FACE_COUNT
};

static const char *const face_files[FACE_COUNT] = {
    "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
    "NotoSansSC-Regular.otf", "NotoSerifSC-Bold.otf", "NotoSansSymbols2-Regular.ttf",
};

/* Each style's chain, in order of preference; -1 ends it. */
static const int style_chain[TEXT_STYLE_COUNT][5] = {
    [TEXT_DISPLAY] = {FACE_SERIF_BOLD, FACE_CJK_SERIF, FACE_CJK_SANS, FACE_SYMBOLS, -1},
    [TEXT_H1] = {FACE_SERIF_BOLD, FACE_CJK_SERIF, FACE_CJK_SANS, FACE_SYMBOLS, -1},
    [TEXT_H2] = {FACE_SERIF_BOLD, FACE_CJK_SERIF, FACE_CJK_SANS, FACE_SYMBOLS, -1},
    [TEXT_BODY] = {FACE_SANS, FACE_CJK_SANS, FACE_SYMBOLS, -1, -1},
    [TEXT_BODY_BOLD] = {FACE_SANS_BOLD, FACE_CJK_SANS, FACE_SYMBOLS, -1, -1},
    [TEXT_SMALL] = {FACE_SANS, FACE_CJK_SANS, FACE_SYMBOLS, -1, -1},
};

#define MAX_SIZES 24
#define CACHE_SLOTS 1024          /* power of two */
#define CACHE_MAX_ENTRIES 600
#define EVICT_AFTER_FRAMES 240
#define MAX_TEXT_BYTES 8192
#define TEXT_TINTS 3

typedef struct Tint {
    SDL_Texture *texture;     /* streaming ARGB8888: coverage as alpha, the colour as RGB */
    Uint32 rgb;
    uint64_t last_used;
    bool drawn;               /* false: made by ui_text_get for measuring, free to recolour */
} Tint;

typedef struct SizedFont {
    int size;
    TTF_Font *font;
} SizedFont;

typedef struct Face {
    void *data;
    size_t len;
    TTF_Font *probe;               /* for glyph coverage; any size (see face_probe) */
    bool unusable;                 /* mapped, but FreeType cannot open it */
    SizedFont sized[MAX_SIZES];
    int nsized;
} Face;

typedef struct Entry {
    uint64_t hash;
    char *text;
    TextOpts opts;
    TextBlock block;
    Uint8 *coverage;          /* block.w x block.h alpha */
    Tint tints[TEXT_TINTS];
    uint64_t last_used;
    bool used;
} Entry;

struct TextSystem {
    SDL_Renderer *renderer;
    Face faces[FACE_COUNT];
    int sizes[TEXT_STYLE_COUNT];
    Entry *entries;                /* open addressing, CACHE_SLOTS */
    int count;
    uint64_t frame;
    unsigned long renders, hits, tints;
};

static uint64_t hash_key(const char *s, const TextOpts *o)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    int v[5] = {o->style, o->size, o->wrap, o->max_lines, o->align};
    for (int i = 0; i < 5; i++)
        h = (h ^ (uint64_t)(unsigned)v[i]) * 1099511628211ULL;
    return h ? h : 1;
}

static TTF_Font *face_font(TextSystem *ts, int face, int size)
{
    Face *f = &ts->faces[face];
    if (!f->data)
        return NULL;
    for (int i = 0; i < f->nsized; i++)
        if (f->sized[i].size == size)
            return f->sized[i].font;
    SDL_RWops *rw = SDL_RWFromConstMem(f->data, (int)f->len);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    if (!font)
        return NULL;
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (f->nsized == MAX_SIZES) {
        /* Sizes change only on resize or text scale: drop the oldest. */
        TTF_CloseFont(f->sized[0].font);
        memmove(&f->sized[0], &f->sized[1], sizeof f->sized[0] * (MAX_SIZES - 1));
        f->nsized--;
    }
    f->sized[f->nsized++] = (SizedFont){size, font};
    return font;
}

static bool map_file(const char *path, void **data, size_t *len)
{
    *data = plat_map_file(path, (size_t)64 << 20, len);
    return *data != NULL;
}

/* The face's coverage probe, opened on first use: opening a CJK face parses its CFF tables
 * (4-5 ms each), which a screen with no CJK text, like the first frame, need not pay. NULL when
 * the face is missing or FreeType cannot open it. */
static TTF_Font *face_probe(TextSystem *ts, int f)
{
    Face *face = &ts->faces[f];
    if (!face->probe && face->data && !face->unusable) {
        SDL_RWops *rw = SDL_RWFromConstMem(face->data, (int)face->len);
        face->probe = rw ? TTF_OpenFontRW(rw, 1, 16) : NULL;
        face->unusable = face->probe == NULL;
    }
    return face->probe;
}

TextSystem *ui_text_create(SDL_Renderer *renderer, const char *fonts_dir, const Theme *theme,
                        char *err, size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    TextSystem *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->renderer = renderer;
    ts->entries = calloc(CACHE_SLOTS, sizeof *ts->entries);
    if (err && errlen)
        err[0] = '\0';
    int opened = 0;
    for (int i = 0; i < FACE_COUNT; i++) {
        char *path = util_path_join(fonts_dir, face_files[i]);
        void *data = NULL;
        size_t len = 0;
        /* Mapped, not read: FreeType touches only the glyphs it needs, so a large CJK face
         * costs neither start-up time nor resident memory. */
        if (path && map_file(path, &data, &len)) {
            ts->faces[i].data = data;
            ts->faces[i].len = len;
            /* The Latin and Cyrillic faces are opened now (well under a ms each), so a text
             * system always has a usable face; the CJK and symbol faces when first needed. */
            if (i < FACE_CJK_SANS && face_probe(ts, i))
                opened++;
        } else if (err && errlen && i != FACE_CJK_SERIF && i != FACE_SYMBOLS) {
            size_t used = strlen(err);
            snprintf(err + used, errlen - used, "%smissing font %s", used ? "; " : "", path ? path : face_files[i]);
        }
        free(path);
    }
    for (int i = FACE_CJK_SANS; i < FACE_COUNT && opened == 0; i++)
        if (face_probe(ts, i))
            opened++;
    if (opened == 0 || !ts->entries) {
        ui_text_destroy(ts);
        return NULL;
    }
    /* A style whose first face is missing falls back to any face that opened. */
    ui_text_set_theme(ts, theme);
    return ts;
}

void ui_text_flush(TextSystem *ts)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &ts->entries[i];
        if (e->used) {
            for (int k = 0; k < TEXT_TINTS; k++)
                if (e->tints[k].texture)
                    SDL_DestroyTexture(e->tints[k].texture);
            free(e->coverage);
            free(e->text);
        }
        memset(e, 0, sizeof *e);
    }
    ts->count = 0;
}

void ui_text_destroy(TextSystem *ts)
{
    if (!ts)
        return;
    if (ts->entries)
        ui_text_flush(ts);
    free(ts->entries);
    for (int i = 0; i < FACE_COUNT; i++) {
        for (int j = 0; j < ts->faces[i].nsized; j++)
            TTF_CloseFont(ts->faces[i].sized[j].font);
        if (ts->faces[i].probe)
            TTF_CloseFont(ts->faces[i].probe);
        if (ts->faces[i].data)
            plat_unmap_file(ts->faces[i].data, ts->faces[i].len);
    }
    free(ts);
}

void ui_text_set_renderer(TextSystem *ts, SDL_Renderer *renderer)
{
    ui_text_flush(ts);
    ts->renderer = renderer;
}

void ui_text_set_theme(TextSystem *ts, const Theme *theme)
{
    for (int i = 0; i < TEXT_STYLE_COUNT; i++)
        ts->sizes[i] = theme ? theme->size[i] : 20;
}

/* The face of the style's chain that has the code point; the chain's first open face when none
 * has it (the glyph then shows as that face's missing-glyph box). */
static int face_for(TextSystem *ts, TextStyle style, uint32_t cp)
{
    int first = -1;
    for (int k = 0; k < 5 && style_chain[style][k] >= 0; k++) {
        int f = style_chain[style][k];
        TTF_Font *probe = face_probe(ts, f);
        if (!probe)
            continue;
        if (first < 0)
            first = f;
        if (cp < 0x20 || TTF_GlyphIsProvided32(probe, cp))
            return f;
    }
    if (first < 0)
        for (int f = 0; f < FACE_COUNT; f++)
            if (face_probe(ts, f))
                return f;
    return first;
}

bool ui_text_has_glyphs(TextSystem *ts, const char *s, uint32_t *missing)
{
    const char *p = s;
    uint32_t cp;
    while ((cp = utf8_next(&p)) != 0) {
        if (cp == '\n' || cp == ' ' || cp == 0xFE0F || cp == 0x200B)
            continue;
        bool found = false;
        for (int f = 0; f < FACE_COUNT && !found; f++) {
            TTF_Font *probe = face_probe(ts, f);
            found = probe && TTF_GlyphIsProvided32(probe, cp);
        }
        if (!found) {
            if (missing)
                *missing = cp;
            return false;
        }
    }
    return true;
}

static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* CJK closing punctuation must not start a line. */
static bool no_break_before(uint32_t c)
{
    return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF1A || c == 0xFF1B ||
           c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == 0x300B || c == 0x300D || c == 0x201D ||
           c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == 0xBB;
}

typedef struct Glyph {
    uint32_t cp;
    uint16_t byte;    /* offset into the string */
    uint8_t len;      /* UTF-8 length */
    int8_t face;
} Glyph;

typedef struct Layout {
    TextSystem *ts;
    const char *s;
    Glyph *g;
    int n;
    TextStyle style;
    int size;
} Layout;

/* Width of glyphs [a, b) measured run by run. */
static int measure(Layout *L, int a, int b)
{
    int w = 0;
    char buf[MAX_TEXT_BYTES + 8];
    while (a < b) {
        int face = L->g[a].face;
        int e = a;
        size_t n = 0;
        while (e < b && L->g[e].face == face) {
            memcpy(buf + n, L->s + L->g[e].byte, L->g[e].len);
            n += L->g[e].len;
            e++;
        }
        buf[n] = '\0';
        TTF_Font *font = face_font(L->ts, face, L->size);
        int rw = 0, rh = 0;
        if (font && TTF_SizeUTF8(font, buf, &rw, &rh) == 0)
            w += rw;
        a = e;
    }
    return w;
}

typedef struct LineSpan {
    int a, b;         /* glyph range */
    bool ellipsis;
} LineSpan;

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000;
}

/* Greedy line breaking. Break opportunities: after a space, after a dash or hyphen, before or
 * after a CJK character (unless closing punctuation follows), and at '\n'. */
static int break_lines(Layout *L, int wrap, LineSpan *lines, int max_out)
{
    int nl = 0;
    int start = 0;
    while (start < L->n && nl < max_out) {
        int last_break = -1;   /* glyph index where the next line may start */
        int i = start;
        int end = L->n;
        bool hard = false;
        for (; i < L->n; i++) {
            uint32_t c = L->g[i].cp;
            if (c == '\n') {
                end = i;
                hard = true;
                break;
            }
            if (wrap > 0 && i > start && !is_space(c) && measure(L, start, i + 1) > wrap) {
                end = last_break > start ? last_break : i;
                break;
            }
            uint32_t next = i + 1 < L->n ? L->g[i + 1].cp : 0;
            if (is_space(c) || c == '-' || c == 0x2014 || c == 0x2013 || c == '/' ||
                ((is_cjk(c) || is_cjk(next)) && !no_break_before(next)))
                last_break = i + 1;
        }
        if (i >= L->n)
            end = L->n;
        int e = end;
        while (e > start && is_space(L->g[e - 1].cp))
            e--;
        lines[nl++] = (LineSpan){start, e, false};
        start = hard ? end + 1 : end;
        while (!hard && start < L->n && is_space(L->g[start].cp))
            start++;
        if (end == L->n && !hard)
            break;
    }
    return nl;
}

/* Copies glyphs [a, b) of one face into buf. */
static size_t run_text(Layout *L, int a, int b, char *buf)
{
    size_t n = 0;
    for (int i = a; i < b; i++) {
        memcpy(buf + n, L->s + L->g[i].byte, L->g[i].len);
        n += L->g[i].len;
    }
    buf[n] = '\0';
    return n;
}

/* Merges a white run surface into the block surface at (x, y) by taking the larger alpha. */
static void merge_alpha(SDL_Surface *dst, SDL_Surface *src, int x, int y)
{
    SDL_Surface *conv = src->format->format == SDL_PIXELFORMAT_ARGB8888 ? src
        : SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!conv)
        return;
    for (int row = 0; row < conv->h; row++) {
        int dy = y + row;
        if (dy < 0 || dy >= dst->h)
            continue;
        const Uint32 *sp = (const Uint32 *)((const Uint8 *)conv->pixels + row * conv->pitch);
        Uint32 *dp = (Uint32 *)((Uint8 *)dst->pixels + dy * dst->pitch);
        for (int col = 0; col < conv->w; col++) {
            int dx = x + col;
            if (dx < 0 || dx >= dst->w)
                continue;
            Uint32 a = sp[col] >> 24;
            Uint32 da = dp[dx] >> 24;
            if (a > da)
                dp[dx] = (a << 24) | 0xFFFFFFu;
        }
    }
    if (conv != src)
        SDL_FreeSurface(conv);
}

static void render_block(TextSystem *ts, const char *s, const TextOpts *o, TextBlock *out, Uint8 **coverage)
{
    memset(out, 0, sizeof *out);
    *coverage = NULL;
    size_t len = strlen(s);
    if (len == 0)
        return;
    if (len > MAX_TEXT_BYTES)
        len = MAX_TEXT_BYTES;
    Layout L = {.ts = ts, .s = s, .style = o->style};
    L.size = o->size > 0 ? o->size : ts->sizes[o->style];
    L.g = malloc(sizeof *L.g * (len + 2));
    if (!L.g)
        return;
    const char *p = s;
    while ((size_t)(p - s) < len) {
        const char *before = p;
        uint32_t cp = utf8_next(&p);
        if (!cp || (size_t)(p - s) > len)
            break;
        if (cp == '\r')
            continue;
        L.g[L.n] = (Glyph){cp, (uint16_t)(before - s), (uint8_t)(p - before), (int8_t)face_for(ts, o->style, cp)};
        L.n++;
    }
    int max_lines = 256;
    LineSpan *lines = malloc(sizeof *lines * (size_t)max_lines);
    if (!lines) {
        free(L.g);
        return;
    }
    int nl = break_lines(&L, o->wrap, lines, max_lines);
    bool truncated = false;
    if (o->max_lines > 0 && nl > o->max_lines) {
        nl = o->max_lines;
        truncated = true;
    }
    /* Ellipsis: shorten the last kept line until it and "…" fit. */
    int ell_w = 0;
    int primary = face_for(ts, o->style, 0x2026);
    TTF_Font *pf = face_font(ts, primary, L.size);
    if (pf)
        TTF_SizeUTF8(pf, "\xE2\x80\xA6", &ell_w, NULL);
    if (truncated && nl > 0) {
        LineSpan *ln = &lines[nl - 1];
        int limit = o->wrap > 0 ? o->wrap : 1 << 30;
        while (ln->b > ln->a && measure(&L, ln->a, ln->b) + ell_w > limit)
            ln->b--;
        while (ln->b > ln->a && is_space(L.g[ln->b - 1].cp))
            ln->b--;
        ln->ellipsis = true;
    }
    /* Vertical metrics: the largest ascent and descent of the faces in use. */
    int ascent = 0, descent = 0;
    for (int k = 0; k < 5 && style_chain[o->style][k] >= 0; k++) {
        TTF_Font *f = face_font(ts, style_chain[o->style][k], L.size);
        if (!f)
            continue;
        bool used = k == 0;
        for (int i = 0; i < L.n && !used; i++)
            used = L.g[i].face == style_chain[o->style][k];
        if (!used)
            continue;
        if (TTF_FontAscent(f) > ascent)
            ascent = TTF_FontAscent(f);
        if (-TTF_FontDescent(f) > descent)
            descent = -TTF_FontDescent(f);
    }
    if (ascent == 0)
        ascent = L.size;
    int line_h = ascent + descent + L.size / 8;
    int widths[256];
    int block_w = 0;
    for (int i = 0; i < nl; i++) {
        widths[i] = measure(&L, lines[i].a, lines[i].b) + (lines[i].ellipsis ? ell_w : 0);
        if (widths[i] > block_w)
            block_w = widths[i];
    }
    int block_h = line_h * nl;
    if (block_w <= 0 || block_h <= 0) {
        free(lines);
        free(L.g);
        out->h = block_h;
        out->lines = nl;
        out->line_height = line_h;
        return;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, block_w, block_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) {
        free(lines);
        free(L.g);
        return;
    }
    SDL_FillRect(surf, NULL, 0x00FFFFFF);
    char *buf = malloc(len + 8);
    SDL_Color white = {255, 255, 255, 255};
    for (int i = 0; buf && i < nl; i++) {
        int x = o->align == TEXT_CENTER ? (block_w - widths[i]) / 2 : o->align == TEXT_RIGHT ? block_w - widths[i] : 0;
        int a = lines[i].a;
        while (a < lines[i].b) {
            int face = L.g[a].face;
            int e = a;
            while (e < lines[i].b && L.g[e].face == face)
                e++;
            run_text(&L, a, e, buf);
            TTF_Font *font = face_font(ts, face, L.size);
            SDL_Surface *rs = font ? TTF_RenderUTF8_Blended(font, buf, white) : NULL;
            if (rs) {
                merge_alpha(surf, rs, x, i * line_h + ascent - TTF_FontAscent(font));
                int rw = 0;
                TTF_SizeUTF8(font, buf, &rw, NULL);
                x += rw;
                SDL_FreeSurface(rs);
            }
            a = e;
        }
        if (lines[i].ellipsis && pf) {
            SDL_Surface *rs = TTF_RenderUTF8_Blended(pf, "\xE2\x80\xA6", white);
            if (rs) {
                merge_alpha(surf, rs, x, i * line_h + ascent - TTF_FontAscent(pf));
                SDL_FreeSurface(rs);
            }
        }
    }
    free(buf);
    *coverage = malloc((size_t)block_w * (size_t)block_h);
    for (int y = 0; *coverage && y < block_h; y++) {
        const Uint32 *sp = (const Uint32 *)((const Uint8 *)surf->pixels + y * surf->pitch);
        Uint8 *dp = *coverage + (size_t)y * (size_t)block_w;
        for (int x = 0; x < block_w; x++)
            dp[x] = (Uint8)(sp[x] >> 24);
    }
    SDL_FreeSurface(surf);
    out->w = block_w;
    out->h = block_h;
    out->lines = nl;
    out->line_height = line_h;
    out->baseline = ascent;
    out->truncated = truncated;
    free(lines);
    free(L.g);
    ts->renders++;
}

static void evict(TextSystem *ts, int slot)
{
    Entry *e = &ts->entries[slot];
    for (int k = 0; k < TEXT_TINTS; k++)
        if (e->tints[k].texture)
            SDL_DestroyTexture(e->tints[k].texture);
    free(e->coverage);
    free(e->text);
    memset(e, 0, sizeof *e);
    ts->count--;
    /* Re-insert the cluster that follows so probing still finds every entry. */
    for (int i = (slot + 1) & (CACHE_SLOTS - 1); ts->entries[i].used; i = (i + 1) & (CACHE_SLOTS - 1)) {
        Entry moved = ts->entries[i];
        memset(&ts->entries[i], 0, sizeof moved);
        int j = (int)(moved.hash & (CACHE_SLOTS - 1));
        while (ts->entries[j].used)
            j = (j + 1) & (CACHE_SLOTS - 1);
        ts->entries[j] = moved;
    }
}

static bool opts_equal(const TextOpts *a, const TextOpts *b)
{
    return a->style == b->style && a->size == b->size && a->wrap == b->wrap &&
           a->max_lines == b->max_lines && a->align == b->align;
}

/* Writes the coverage in colour rgb into the tint's texture, made when missing. Recolouring an
 * existing texture reuses its pixels: no allocation. */
static bool tint_fill(TextSystem *ts, const Entry *e, Tint *t, Uint32 rgb)
{
    int w = e->block.w, h = e->block.h;
    if (!t->texture) {
        t->texture = SDL_CreateTexture(ts->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
        if (!t->texture)
            return false;
        SDL_SetTextureBlendMode(t->texture, SDL_BLENDMODE_BLEND);
    }
    void *pixels = NULL;
    int pitch = 0;
    if (SDL_LockTexture(t->texture, NULL, &pixels, &pitch) != 0)
        return false;
    for (int y = 0; y < h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
        const Uint8 *cov = e->coverage + (size_t)y * (size_t)w;
        for (int x = 0; x < w; x++)
            row[x] = ((Uint32)cov[x] << 24) | rgb;
    }
    SDL_UnlockTexture(t->texture);
    t->rgb = rgb;
    ts->tints++;
    return true;
}

/* The entry's texture in colour c: an existing tint, else an empty slot, a slot made only for
 * measuring, or the least recently drawn one, recoloured. */
static SDL_Texture *entry_texture(TextSystem *ts, Entry *e, SDL_Color c, bool draw)
{
    if (!e->coverage)
        return NULL;
    Uint32 rgb = (Uint32)c.r << 16 | (Uint32)c.g << 8 | (Uint32)c.b;
    Tint *pick = NULL;
    for (int k = 0; k < TEXT_TINTS && !pick; k++)
        if (e->tints[k].texture && e->tints[k].rgb == rgb)
            pick = &e->tints[k];
    if (!pick) {
        for (int k = 0; k < TEXT_TINTS && !pick; k++)
            if (!e->tints[k].texture)
                pick = &e->tints[k];
        for (int k = 0; k < TEXT_TINTS && !pick; k++)
            if (!e->tints[k].drawn)
                pick = &e->tints[k];
        for (int k = 0; k < TEXT_TINTS; k++)
            if (!pick || e->tints[k].last_used < pick->last_used)
                pick = &e->tints[k];
        if (!tint_fill(ts, e, pick, rgb))
            return NULL;
    }
    if (draw) {
        pick->drawn = true;
        pick->last_used = ts->frame;
    }
    e->block.texture = pick->texture;
    return pick->texture;
}

static Entry *lookup(TextSystem *ts, const char *s, const TextOpts *opts)
{
    if (!s || !*s)
        return NULL;
    TextOpts o = *opts;
    if (o.size <= 0)
        o.size = ts->sizes[o.style];
    uint64_t h = hash_key(s, &o);
    int i = (int)(h & (CACHE_SLOTS - 1));
    while (ts->entries[i].used) {
        Entry *e = &ts->entries[i];
        if (e->hash == h && opts_equal(&e->opts, &o) && strcmp(e->text, s) == 0) {
            e->last_used = ts->frame;
            ts->hits++;
            return e;
        }
        i = (i + 1) & (CACHE_SLOTS - 1);
    }
    if (ts->count >= CACHE_MAX_ENTRIES) {
        /* Full: evict the least recently used entry not used this frame. */
        int victim = -1;
        uint64_t oldest = ts->frame;
        for (int k = 0; k < CACHE_SLOTS; k++)
            if (ts->entries[k].used && ts->entries[k].last_used < oldest) {
                oldest = ts->entries[k].last_used;
                victim = k;
            }
        if (victim >= 0)
            evict(ts, victim);
        i = (int)(h & (CACHE_SLOTS - 1));
        while (ts->entries[i].used)
            i = (i + 1) & (CACHE_SLOTS - 1);
    }
    Entry *e = &ts->entries[i];
    e->text = util_strdup(s);
    if (!e->text)
        return NULL;
    e->used = true;
    e->hash = h;
    e->opts = o;
    e->last_used = ts->frame;
    ts->count++;
    render_block(ts, s, &o, &e->block, &e->coverage);
    return e;
}

const TextBlock *ui_text_get(TextSystem *ts, const char *s, const TextOpts *opts)
{
    static const TextBlock empty = {0};
    Entry *e = lookup(ts, s, opts);
    if (!e)
        return &empty;
    /* A block has a texture once it is laid out, even when it is only measured. */
    if (!e->block.texture)
        entry_texture(ts, e, (SDL_Color){255, 255, 255, 255}, false);
    return &e->block;
}

static const TextBlock *draw_at(TextSystem *ts, const char *s, const TextOpts *opts, SDL_Rect *dst,
                                bool centred, SDL_Color color)
{
    static const TextBlock empty = {0};
    Entry *e = lookup(ts, s, opts);
    if (!e)
        return &empty;
    SDL_Texture *tex = entry_texture(ts, e, color, true);
    const TextBlock *b = &e->block;
    if (!tex)
        return b;
    if (centred) {
        dst->x += (dst->w - b->w) / 2;
        dst->y += (dst->h - b->h) / 2;
    } else {
        dst->x = opts->align == TEXT_CENTER ? dst->x - b->w / 2 : opts->align == TEXT_RIGHT ? dst->x - b->w : dst->x;
    }
    dst->w = b->w;
    dst->h = b->h;
    SDL_SetTextureAlphaMod(tex, color.a);
    SDL_RenderCopy(ts->renderer, tex, NULL, dst);
    return b;
}

const TextBlock *ui_text_draw(TextSystem *ts, const char *s, const TextOpts *opts, int x, int y,
                           SDL_Color color)
{
    SDL_Rect dst = {x, y, 0, 0};
    return draw_at(ts, s, opts, &dst, false, color);
}

const TextBlock *ui_text_draw_centered(TextSystem *ts, const char *s, const TextOpts *opts,
                                    SDL_Rect r, SDL_Color color)
{
    return draw_at(ts, s, opts, &r, true, color);
}

void ui_text_end_frame(TextSystem *ts)
{
    ts->frame++;
    if (ts->frame % 60 != 0)
        return;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &ts->entries[i];
        if (e->used && ts->frame - e->last_used > EVICT_AFTER_FRAMES) {
            evict(ts, i);
            i--;   /* the slot may hold a moved entry now */
            if (i < -1)
                i = -1;
        }
    }
}

TextStats ui_text_stats(const TextSystem *ts)
{
    return (TextStats){ts->renders, ts->hits, ts->count, ts->tints};
}
