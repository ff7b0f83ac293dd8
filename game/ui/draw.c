/* Shape drawing with SDL_RenderGeometry; every buffer is on the stack. */
#include "ui/draw.h"

#include <math.h>

#define ARC_STEPS 8
#define PI_F 3.14159265f

static SDL_Vertex vtx(float x, float y, SDL_Color c)
{
    return (SDL_Vertex){{x, y}, c, {0, 0}};
}

void draw_rect(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r, &rect);
}

/* Outline points of a rounded rectangle, clockwise from the top-left arc. */
static int rounded_points(SDL_FPoint *pts, float x, float y, float w, float h, float rad)
{
    if (rad * 2 > w) rad = w / 2;
    if (rad * 2 > h) rad = h / 2;
    if (rad < 0) rad = 0;
    const float cx[4] = {x + rad, x + w - rad, x + w - rad, x + rad};
    const float cy[4] = {y + rad, y + rad, y + h - rad, y + h - rad};
    int n = 0;
    for (int corner = 0; corner < 4; corner++) {
        float start = PI_F + corner * (PI_F / 2);
        for (int i = 0; i <= ARC_STEPS; i++) {
            float a = start + (PI_F / 2) * i / ARC_STEPS;
            pts[n++] = (SDL_FPoint){cx[corner] + cosf(a) * rad, cy[corner] + sinf(a) * rad};
        }
    }
    return n;
}

void draw_rounded(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    if (radius <= 0) {
        draw_rect(r, rect, c);
        return;
    }
    SDL_FPoint pts[4 * (ARC_STEPS + 1)];
    int n = rounded_points(pts, (float)rect.x, (float)rect.y, (float)rect.w, (float)rect.h, (float)radius);
    SDL_Vertex v[4 * (ARC_STEPS + 1) + 1];
    int idx[3 * 4 * (ARC_STEPS + 1)];
    v[0] = vtx(rect.x + rect.w / 2.0f, rect.y + rect.h / 2.0f, c);
    for (int i = 0; i < n; i++)
        v[i + 1] = vtx(pts[i].x, pts[i].y, c);
    int k = 0;
    for (int i = 0; i < n; i++) {
        idx[k++] = 0;
        idx[k++] = 1 + i;
        idx[k++] = 1 + (i + 1) % n;
    }
    SDL_RenderGeometry(r, NULL, v, n + 1, idx, k);
}

void draw_rounded_outline(SDL_Renderer *r, SDL_Rect rect, int radius, int thickness, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0 || thickness <= 0)
        return;
    SDL_FPoint outer[4 * (ARC_STEPS + 1)], inner[4 * (ARC_STEPS + 1)];
    float t = (float)thickness;
    int n = rounded_points(outer, (float)rect.x, (float)rect.y, (float)rect.w, (float)rect.h, (float)radius);
    rounded_points(inner, rect.x + t, rect.y + t, rect.w - 2 * t, rect.h - 2 * t, radius - t > 0 ? radius - t : 0);
    SDL_Vertex v[8 * (ARC_STEPS + 1)];
    int idx[6 * 4 * (ARC_STEPS + 1)];
    for (int i = 0; i < n; i++) {
        v[2 * i] = vtx(outer[i].x, outer[i].y, c);
        v[2 * i + 1] = vtx(inner[i].x, inner[i].y, c);
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        int a = 2 * i, b = 2 * ((i + 1) % n);
        idx[k++] = a; idx[k++] = a + 1; idx[k++] = b;
        idx[k++] = b; idx[k++] = a + 1; idx[k++] = b + 1;
    }
    SDL_RenderGeometry(r, NULL, v, 2 * n, idx, k);
}

void draw_shadow(SDL_Renderer *r, SDL_Rect rect, int radius, int drop, SDL_Color c)
{
    /* Three widening layers approximate a blur. */
    for (int i = 3; i >= 1; i--) {
        SDL_Rect s = {rect.x - i * drop / 3, rect.y + drop - i * drop / 4, rect.w + 2 * i * drop / 3, rect.h + i * drop / 2};
        SDL_Color cc = c;
        cc.a = (Uint8)(c.a / (i + 1));
        draw_rounded(r, s, radius + i * drop / 3, cc);
    }
}

void draw_gradient_v(SDL_Renderer *r, SDL_Rect rect, SDL_Color top, SDL_Color bottom)
{
    SDL_Vertex v[4] = {
        vtx((float)rect.x, (float)rect.y, top), vtx((float)(rect.x + rect.w), (float)rect.y, top),
        vtx((float)(rect.x + rect.w), (float)(rect.y + rect.h), bottom), vtx((float)rect.x, (float)(rect.y + rect.h), bottom)};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

void draw_circle(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c)
{
    enum { N = 40 };
    SDL_Vertex v[N + 1];
    int idx[3 * N];
    v[0] = vtx(cx, cy, c);
    for (int i = 0; i < N; i++) {
        float a = 2 * PI_F * i / N;
        v[i + 1] = vtx(cx + cosf(a) * radius, cy + sinf(a) * radius, c);
        idx[3 * i] = 0;
        idx[3 * i + 1] = 1 + i;
        idx[3 * i + 2] = 1 + (i + 1) % N;
    }
    SDL_RenderGeometry(r, NULL, v, N + 1, idx, 3 * N);
}

void draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float thickness, SDL_Color c)
{
    enum { N = 40 };
    SDL_Vertex v[2 * N];
    int idx[6 * N];
    for (int i = 0; i < N; i++) {
        float a = 2 * PI_F * i / N;
        v[2 * i] = vtx(cx + cosf(a) * radius, cy + sinf(a) * radius, c);
        v[2 * i + 1] = vtx(cx + cosf(a) * (radius - thickness), cy + sinf(a) * (radius - thickness), c);
    }
    int k = 0;
    for (int i = 0; i < N; i++) {
        int a = 2 * i, b = 2 * ((i + 1) % N);
        idx[k++] = a; idx[k++] = a + 1; idx[k++] = b;
        idx[k++] = b; idx[k++] = a + 1; idx[k++] = b + 1;
    }
    SDL_RenderGeometry(r, NULL, v, 2 * N, idx, k);
}

void draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    SDL_Vertex v[4] = {vtx(x0 + nx, y0 + ny, c), vtx(x1 + nx, y1 + ny, c), vtx(x1 - nx, y1 - ny, c), vtx(x0 - nx, y0 - ny, c)};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
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
        SDL_RenderGeometry(r, NULL, v, 11, idx, 30);
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
    SDL_RenderGeometry(r, NULL, v, 3, idx, 3);
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
