/* Shape drawing: rectangles cut into pixel runs (see Spans below) and a few small triangles;
 * every buffer is on the stack. */
#include "ui/draw.h"

#include <math.h>

#define PI_F 3.14159265f

static SDL_Color color_alpha8(SDL_Color c, Uint8 a)
{
    c.a = a;
    return c;
}

static SDL_Vertex vtx(float x, float y, SDL_Color c)
{
    return (SDL_Vertex){{x, y}, c, {0, 0}};
}

/* Why spans: SDL's software renderer (the one the game falls back to, and the one headless runs
 * use) fills a blended triangle by allocating, clearing and blitting a temporary surface the size
 * of its bounding box, so a translucent fan or a full-screen gradient cost milliseconds and
 * thousands of allocations per frame. Shapes are therefore cut into horizontal runs of pixels
 * (axis-aligned rectangles, merged across rows where they line up) and filled with
 * SDL_RenderFillRects, which blends in place on every renderer. Opaque colours are drawn with no
 * blending, the fastest path. */
/* SDL copies the rectangles of one SDL_RenderFillRects call on the stack when they take fewer
 * than 128 bytes (SDL_small_alloc) and on the heap otherwise: batches of 7 never allocate. */
#define SPAN_BATCH 7

typedef struct Spans {
    SDL_Renderer *r;
    SDL_Color c;
    SDL_FRect rects[SPAN_BATCH];
    int n;
    /* Rows being merged: up to two runs [x, x + w) that started at row y and are h rows tall. */
    SDL_Rect pend[2];
    int npend;
} Spans;

static void spans_begin(Spans *s, SDL_Renderer *r, SDL_Color c)
{
    s->r = r;
    s->c = c;
    s->n = 0;
    s->npend = 0;
}

static void spans_flush(Spans *s)
{
    if (s->n > 0 && s->c.a > 0) {
        /* Several Spans may be filled at once (shadows): each sets its colour when it flushes. */
        SDL_SetRenderDrawBlendMode(s->r, s->c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(s->r, s->c.r, s->c.g, s->c.b, s->c.a);
        SDL_RenderFillRectsF(s->r, s->rects, s->n);
    }
    s->n = 0;
}

static void spans_add(Spans *s, SDL_Rect rect)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    if (s->n == SPAN_BATCH)
        spans_flush(s);
    s->rects[s->n++] = (SDL_FRect){(float)rect.x, (float)rect.y, (float)rect.w, (float)rect.h};
}

static void spans_settle(Spans *s)
{
    for (int i = 0; i < s->npend; i++)
        spans_add(s, s->pend[i]);
    s->npend = 0;
}

/* One pixel row holding n (1 or 2) runs [x0[i], x1[i]); merged with the rows above when the
 * runs are the same. */
static void spans_row(Spans *s, int y, int n, const int *x0, const int *x1)
{
    int k = 0;
    SDL_Rect row[2];
    for (int i = 0; i < n; i++)
        if (x1[i] > x0[i])
            row[k++] = (SDL_Rect){x0[i], y, x1[i] - x0[i], 1};
    bool same = k == s->npend && k > 0 && s->pend[0].y + s->pend[0].h == y;
    for (int i = 0; same && i < k; i++)
        same = s->pend[i].x == row[i].x && s->pend[i].w == row[i].w;
    if (same) {
        for (int i = 0; i < k; i++)
            s->pend[i].h++;
        return;
    }
    spans_settle(s);
    for (int i = 0; i < k; i++)
        s->pend[i] = row[i];
    s->npend = k;
}

static void spans_end(Spans *s)
{
    spans_settle(s);
    spans_flush(s);
    SDL_SetRenderDrawBlendMode(s->r, SDL_BLENDMODE_BLEND);
}

/* Triangles for the small shapes (stars, arrows): opaque ones without blending, which SDL's
 * software renderer fills in place; translucent ones (fading in) as pixel runs, which SDL would
 * otherwise blend through a temporary surface per triangle. */
static void geometry(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni, SDL_Color c)
{
    if (c.a < 255) {
        draw_triangles(r, v, nv, idx, ni, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(r, NULL, v, nv, idx, ni);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

/* Edge x at the row centre yc, always evaluated from the edge's upper end so that two triangles
 * sharing an edge compute the same boundary (no pixel blended twice, no gap). */
static float edge_x(SDL_FPoint a, SDL_FPoint b, float yc)
{
    if (b.y < a.y || (b.y == a.y && b.x < a.x)) {
        SDL_FPoint t = a;
        a = b;
        b = t;
    }
    return b.y > a.y ? a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y) : a.x;
}

void draw_triangles(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni, SDL_Color c)
{
    if (!v || nv <= 0 || c.a == 0)
        return;
    /* Rows outside the clip (or the output) are skipped before they are cut into runs. */
    SDL_Rect clip;
    SDL_RenderGetClipRect(r, &clip);
    if (clip.w <= 0 || clip.h <= 0) {
        clip.x = clip.y = 0;
        SDL_GetRendererOutputSize(r, &clip.w, &clip.h);
    }
    Spans s;
    spans_begin(&s, r, c);
    /* One pending run per row: a triangle's run that touches it (the next triangle of a strip
     * or a fan) extends it, so a polygon costs about one rectangle per row, not one per
     * triangle per row. The fill rule never overlaps two runs, so merging is exact. */
    enum { MAX_ROWS = 2048 };
    int pend0[MAX_ROWS], pend1[MAX_ROWS];
    bool merge = clip.h <= MAX_ROWS;
    int row_lo = MAX_ROWS, row_hi = -1;
    int n = idx ? ni : nv;
    for (int t = 0; t + 2 < n; t += 3) {
        SDL_FPoint p[3];
        bool ok = true;
        for (int k = 0; k < 3; k++) {
            int i = idx ? idx[t + k] : t + k;
            ok = ok && i >= 0 && i < nv && isfinite(v[i].position.x) && isfinite(v[i].position.y);
            if (ok)
                p[k] = v[i].position;
        }
        if (!ok)
            continue;
        /* p[0] top, p[2] bottom. */
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2 - a; b++)
                if (p[b].y > p[b + 1].y || (p[b].y == p[b + 1].y && p[b].x > p[b + 1].x)) {
                    SDL_FPoint q = p[b];
                    p[b] = p[b + 1];
                    p[b + 1] = q;
                }
        float fy0 = ceilf(p[0].y - 0.5f), fy1 = ceilf(p[2].y - 0.5f);
        if (fy0 < (float)clip.y)
            fy0 = (float)clip.y;
        if (fy1 > (float)(clip.y + clip.h))
            fy1 = (float)(clip.y + clip.h);
        for (int y = (int)fy0; y < (int)fy1; y++) {
            float yc = (float)y + 0.5f;
            float xa = edge_x(p[0], p[2], yc);
            float xb = yc < p[1].y ? edge_x(p[0], p[1], yc) : edge_x(p[1], p[2], yc);
            if (xa > xb) {
                float q = xa;
                xa = xb;
                xb = q;
            }
            float x0 = ceilf(xa - 0.5f), x1 = ceilf(xb - 0.5f);
            if (x0 < (float)clip.x)
                x0 = (float)clip.x;
            if (x1 > (float)(clip.x + clip.w))
                x1 = (float)(clip.x + clip.w);
            if (x1 <= x0)
                continue;
            int a0 = (int)x0, a1 = (int)x1;
            if (!merge) {
                spans_add(&s, (SDL_Rect){a0, y, a1 - a0, 1});
                continue;
            }
            int k = y - clip.y;
            if (row_hi < 0) {
                row_lo = row_hi = k;
                pend0[k] = pend1[k] = 0;
            } else if (k < row_lo) {
                for (int j = k; j < row_lo; j++)
                    pend0[j] = pend1[j] = 0;
                row_lo = k;
            } else if (k > row_hi) {
                for (int j = row_hi + 1; j <= k; j++)
                    pend0[j] = pend1[j] = 0;
                row_hi = k;
            }
            if (pend1[k] > pend0[k]) {
                if (a0 == pend1[k] || a1 == pend0[k]) {
                    pend0[k] = a0 < pend0[k] ? a0 : pend0[k];
                    pend1[k] = a1 > pend1[k] ? a1 : pend1[k];
                    continue;
                }
                spans_add(&s, (SDL_Rect){pend0[k], y, pend1[k] - pend0[k], 1});
            }
            pend0[k] = a0;
            pend1[k] = a1;
        }
    }
    /* The pending runs, merged down the rows where they line up. */
    for (int k = row_lo; k <= row_hi; k++)
        spans_row(&s, clip.y + k, 1, &pend0[k], &pend1[k]);
    spans_end(&s);
}

void draw_rect(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    if (c.a == 0)
        return;
    /* Opaque: no blending, a plain fill (many times faster on the software renderer). */
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r, &rect);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

static int clamp_radius(int rad, int w, int h)
{
    if (rad * 2 > w) rad = w / 2;
    if (rad * 2 > h) rad = h / 2;
    return rad < 0 ? 0 : rad;
}

/* How far row i (0 at the top) of a w x h rounded rectangle of radius rad is inset at each side. */
static int rounded_inset(int i, int h, int rad)
{
    float dy;
    if (i < rad)
        dy = (float)rad - (float)i - 0.5f;
    else if (i >= h - rad)
        dy = (float)(i - (h - rad)) + 0.5f;
    else
        return 0;
    float rf = (float)rad;
    float d = rf * rf - dy * dy;
    return (int)(rf - (d > 0 ? sqrtf(d) : 0.0f) + 0.5f);
}

void draw_rounded(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    int rad = clamp_radius(radius, rect.w, rect.h);
    if (rad <= 0) {
        draw_rect(r, rect, c);
        return;
    }
    Spans s;
    spans_begin(&s, r, c);
    for (int i = 0; i < rect.h; i++) {
        if (i == rad && rect.h - 2 * rad > 0) {
            /* The straight middle in one rectangle. */
            spans_settle(&s);
            spans_add(&s, (SDL_Rect){rect.x, rect.y + rad, rect.w, rect.h - 2 * rad});
            i = rect.h - rad - 1;
            continue;
        }
        int in = rounded_inset(i, rect.h, rad);
        int x0 = rect.x + in, x1 = rect.x + rect.w - in;
        spans_row(&s, rect.y + i, 1, &x0, &x1);
    }
    spans_end(&s);
}

void draw_rounded_outline(SDL_Renderer *r, SDL_Rect rect, int radius, int thickness, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0 || thickness <= 0)
        return;
    int t = thickness;
    int rad = clamp_radius(radius, rect.w, rect.h);
    int iw = rect.w - 2 * t, ih = rect.h - 2 * t;
    int irad = iw > 0 && ih > 0 ? clamp_radius(radius - t, iw, ih) : 0;
    Spans s;
    spans_begin(&s, r, c);
    for (int i = 0; i < rect.h; i++) {
        int in = rounded_inset(i, rect.h, rad);
        int x0[2] = {rect.x + in, 0}, x1[2] = {rect.x + rect.w - in, 0};
        int j = i - t;
        if (iw > 0 && ih > 0 && j >= 0 && j < ih) {
            int iin = rounded_inset(j, ih, irad);
            x1[1] = x1[0];
            x1[0] = rect.x + t + iin;
            x0[1] = rect.x + t + iw - iin;
            spans_row(&s, rect.y + i, 2, x0, x1);
        } else {
            spans_row(&s, rect.y + i, 1, x0, x1);
        }
    }
    spans_end(&s);
}

/* Row i of a rounded rectangle as the run [*x0, *x1); false when the row is outside it. */
static bool rounded_row(SDL_Rect rect, int rad, int y, int *x0, int *x1)
{
    int i = y - rect.y;
    if (rect.w <= 0 || i < 0 || i >= rect.h)
        return false;
    int in = rounded_inset(i, rect.h, rad);
    *x0 = rect.x + in;
    *x1 = rect.x + rect.w - in;
    return *x1 > *x0;
}

void draw_shadow(SDL_Renderer *r, SDL_Rect rect, int radius, int drop, SDL_Color c)
{
    /* Three widening layers approximate a blur. Where layers overlap, the pixel gets their
     * combined alpha in one blend (1 - (1-a1)(1-a2)(1-a3), the same as blending them in turn),
     * and the card's own area is left out: each pixel around the card is blended once. */
    SDL_Rect layer[3];
    int lrad[3];
    float keep[3];
    int top = rect.y, bottom = rect.y + rect.h;
    for (int k = 0; k < 3; k++) {
        int i = 3 - k;
        layer[k] = (SDL_Rect){rect.x - i * drop / 3, rect.y + drop - i * drop / 4, rect.w + 2 * i * drop / 3, rect.h + i * drop / 2};
        lrad[k] = clamp_radius(radius + i * drop / 3, layer[k].w, layer[k].h);
        keep[k] = 1.0f - (float)(c.a / (i + 1)) / 255.0f;
        if (layer[k].w > 0 && layer[k].h > 0) {
            if (layer[k].y < top)
                top = layer[k].y;
            if (layer[k].y + layer[k].h > bottom)
                bottom = layer[k].y + layer[k].h;
        }
    }
    int crad = clamp_radius(radius, rect.w, rect.h);
    /* One Spans per set of overlapping layers (a bit mask), each in its combined alpha. */
    Spans sets[8];
    for (int m = 1; m < 8; m++) {
        float k = 1.0f;
        for (int b = 0; b < 3; b++)
            if (m & (1 << b))
                k *= keep[b];
        spans_begin(&sets[m], r, color_alpha8(c, (Uint8)((1.0f - k) * 255.0f + 0.5f)));
    }
    for (int y = top; y < bottom; y++) {
        int x0[3], x1[3], cut[9], nc = 0;
        bool in[3];
        for (int b = 0; b < 3; b++) {
            in[b] = rounded_row(layer[b], lrad[b], y, &x0[b], &x1[b]);
            if (in[b]) {
                cut[nc++] = x0[b];
                cut[nc++] = x1[b];
            }
        }
        int h0 = 0, h1 = 0;
        bool hole = rounded_row(rect, crad, y, &h0, &h1);
        if (hole) {
            cut[nc++] = h0;
            cut[nc++] = h1;
        }
        for (int a = 1; a < nc; a++)
            for (int b = a; b > 0 && cut[b - 1] > cut[b]; b--) {
                int t = cut[b];
                cut[b] = cut[b - 1];
                cut[b - 1] = t;
            }
        /* Runs of each set on this row (at most two: left and right of the card). */
        int rx0[8][2], rx1[8][2], rn[8] = {0};
        for (int j = 0; j + 1 < nc; j++) {
            int a = cut[j], e = cut[j + 1];
            if (e <= a || (hole && a >= h0 && e <= h1))
                continue;
            int m = 0;
            for (int b = 0; b < 3; b++)
                if (in[b] && a >= x0[b] && e <= x1[b])
                    m |= 1 << b;
            if (!m)
                continue;
            if (rn[m] > 0 && rx1[m][rn[m] - 1] == a)
                rx1[m][rn[m] - 1] = e;
            else if (rn[m] < 2) {
                rx0[m][rn[m]] = a;
                rx1[m][rn[m]] = e;
                rn[m]++;
            } else {
                spans_add(&sets[m], (SDL_Rect){a, y, e - a, 1});
            }
        }
        for (int m = 1; m < 8; m++)
            spans_row(&sets[m], y, rn[m], rx0[m], rx1[m]);
    }
    for (int m = 1; m < 8; m++) {
        spans_settle(&sets[m]);
        spans_flush(&sets[m]);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

static Uint8 lerp8(Uint8 a, Uint8 b, float f)
{
    return (Uint8)((float)a + ((float)b - (float)a) * f + 0.5f);
}

void draw_gradient_v(SDL_Renderer *r, SDL_Rect rect, SDL_Color top, SDL_Color bottom)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    /* Bands of rows that round to the same colour: as smooth as per-pixel interpolation at
     * 8 bits a channel, in a few dozen fills. */
    bool opaque = top.a == 255 && bottom.a == 255;
    SDL_SetRenderDrawBlendMode(r, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    int band = 0;
    SDL_Color bc = top;
    for (int i = 0; i <= rect.h; i++) {
        SDL_Color c = bc;
        if (i < rect.h) {
            float f = rect.h > 1 ? (float)i / (float)(rect.h - 1) : 0.0f;
            c = (SDL_Color){lerp8(top.r, bottom.r, f), lerp8(top.g, bottom.g, f), lerp8(top.b, bottom.b, f),
                            lerp8(top.a, bottom.a, f)};
        }
        if (i == rect.h || (i > band && (c.r != bc.r || c.g != bc.g || c.b != bc.b || c.a != bc.a))) {
            SDL_SetRenderDrawColor(r, bc.r, bc.g, bc.b, bc.a);
            SDL_RenderFillRect(r, &(SDL_Rect){rect.x, rect.y + band, rect.w, i - band});
            band = i;
        }
        bc = c;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

/* Rows of a disc (and of the hole in it when inner > 0). */
static void disc(SDL_Renderer *r, float cx, float cy, float radius, float inner, SDL_Color c)
{
    if (!(radius > 0) || !isfinite(cx) || !isfinite(cy) || radius > 1e5f)
        return;
    Spans s;
    spans_begin(&s, r, c);
    int y0 = (int)floorf(cy - radius), y1 = (int)ceilf(cy + radius);
    for (int y = y0; y < y1; y++) {
        float dy = (float)y + 0.5f - cy;
        if (dy * dy >= radius * radius)
            continue;
        float half = sqrtf(radius * radius - dy * dy);
        int x0[2] = {(int)lroundf(cx - half), 0}, x1[2] = {(int)lroundf(cx + half), 0};
        if (inner > 0 && dy * dy < inner * inner) {
            float ih = sqrtf(inner * inner - dy * dy);
            x1[1] = x1[0];
            x1[0] = (int)lroundf(cx - ih);
            x0[1] = (int)lroundf(cx + ih);
            spans_row(&s, y, 2, x0, x1);
        } else {
            spans_row(&s, y, 1, x0, x1);
        }
    }
    spans_end(&s);
}

void draw_circle(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c)
{
    disc(r, cx, cy, radius, 0, c);
}

void draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float thickness, SDL_Color c)
{
    disc(r, cx, cy, radius, radius - thickness, c);
}

void draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (!(len > 0) || !(width > 0) || len > 1e5f)
        return;
    /* Runs along the major axis: each column (or row) covers the line's thickness measured
     * across it (width * len / major), and neighbours at the same height merge. */
    bool xmajor = fabsf(dx) >= fabsf(dy);
    if (!xmajor) {
        float t;
        t = x0; x0 = y0; y0 = t;
        t = x1; x1 = y1; y1 = t;
        t = dx; dx = dy; dy = t;
    }
    if (dx < 0) {
        float t;
        t = x0; x0 = x1; x1 = t;
        t = y0; y0 = y1; y1 = t;
        dx = -dx;
        dy = -dy;
    }
    float across = width * len / dx;
    int a0 = (int)lroundf(x0), a1 = (int)lroundf(x1);
    if (a1 == a0)
        a1 = a0 + 1;
    Spans s;
    spans_begin(&s, r, c);
    SDL_Rect run = {0, 0, 0, 0};
    for (int a = a0; a < a1; a++) {
        float f = ((float)a + 0.5f - x0) / dx;
        float mid = y0 + dy * (f < 0 ? 0 : f > 1 ? 1 : f);
        int b0 = (int)lroundf(mid - across / 2), b1 = (int)lroundf(mid + across / 2);
        if (b1 <= b0)
            b1 = b0 + 1;
        if (run.w > 0 && run.y == b0 && run.h == b1 - b0 && run.x + run.w == a) {
            run.w++;
            continue;
        }
        if (run.w > 0)
            spans_add(&s, xmajor ? run : (SDL_Rect){run.y, run.x, run.h, run.w});
        run = (SDL_Rect){a, b0, 1, b1 - b0};
    }
    if (run.w > 0)
        spans_add(&s, xmajor ? run : (SDL_Rect){run.y, run.x, run.h, run.w});
    spans_end(&s);
}

void draw_tick(SDL_Renderer *r, float cx, float cy, float s, SDL_Color c)
{
    float w = s * 0.18f;
    draw_line(r, cx - s * 0.42f, cy + s * 0.02f, cx - s * 0.12f, cy + s * 0.32f, w, c);
    draw_line(r, cx - s * 0.18f, cy + s * 0.32f, cx + s * 0.45f, cy - s * 0.32f, w, c);
}

void draw_cross(SDL_Renderer *r, float cx, float cy, float s, SDL_Color c)
{
    float w = s * 0.18f, h = s * 0.36f;
    draw_line(r, cx - h, cy - h, cx + h, cy + h, w, c);
    draw_line(r, cx - h, cy + h, cx + h, cy - h, w, c);
}

void draw_star(SDL_Renderer *r, float cx, float cy, float radius, bool filled, SDL_Color c)
{
    SDL_FPoint p[10];
    for (int i = 0; i < 10; i++) {
        float a = -PI_F / 2 + i * PI_F / 5;
        float rad = (i % 2 == 0) ? radius : radius * 0.45f;
        p[i] = (SDL_FPoint){cx + cosf(a) * rad, cy + sinf(a) * rad};
    }
    if (filled) {
        SDL_Vertex v[11];
        int idx[30];
        v[0] = vtx(cx, cy, c);
        for (int i = 0; i < 10; i++) {
            v[i + 1] = vtx(p[i].x, p[i].y, c);
            idx[3 * i] = 0;
            idx[3 * i + 1] = 1 + i;
            idx[3 * i + 2] = 1 + (i + 1) % 10;
        }
        geometry(r, v, 11, idx, 30, c);
    } else {
        float w = radius * 0.14f;
        for (int i = 0; i < 10; i++)
            draw_line(r, p[i].x, p[i].y, p[(i + 1) % 10].x, p[(i + 1) % 10].y, w, c);
        for (int i = 0; i < 10; i++)
            draw_circle(r, p[i].x, p[i].y, w / 2, c);
    }
}

void draw_lock(SDL_Renderer *r, float cx, float cy, float s, SDL_Color c)
{
    SDL_Rect body = {(int)(cx - s * 0.4f), (int)(cy - s * 0.05f), (int)(s * 0.8f), (int)(s * 0.55f)};
    draw_rounded(r, body, (int)(s * 0.08f), c);
    draw_ring(r, cx, cy - s * 0.12f, s * 0.27f, s * 0.1f, c);
}

void draw_arrow(SDL_Renderer *r, float cx, float cy, float s, int dir, SDL_Color c)
{
    float d = (float)dir;
    SDL_Vertex v[3] = {vtx(cx + d * s * 0.4f, cy, c), vtx(cx - d * s * 0.3f, cy - s * 0.4f, c), vtx(cx - d * s * 0.3f, cy + s * 0.4f, c)};
    int idx[3] = {0, 1, 2};
    geometry(r, v, 3, idx, 3, c);
}

void draw_focus_ring(SDL_Renderer *r, SDL_Rect rect, int radius, int unit, SDL_Color c)
{
    int gap = unit / 2 > 2 ? unit / 2 : 2;
    int th = unit / 2 > 3 ? unit / 2 : 3;
    SDL_Rect outer = {rect.x - gap - th, rect.y - gap - th, rect.w + 2 * (gap + th), rect.h + 2 * (gap + th)};
    draw_rounded_outline(r, outer, radius + gap + th, th, c);
}

bool point_in_rect(int x, int y, SDL_Rect rect)
{
    return x >= rect.x && y >= rect.y && x < rect.x + rect.w && y < rect.y + rect.h;
}
