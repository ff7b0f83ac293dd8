/* Drawing helpers on SDL_Renderer: rounded rectangles, outlines, circles, soft shadows,
 * gradients and simple shapes (tick, cross, star, lock) used as non-colour signals.
 * Shapes are filled as runs of pixels (SDL_RenderFillRects) with no allocation, which is also
 * what SDL's software renderer does fastest. */
#ifndef FRONTIERS_DRAW_H
#define FRONTIERS_DRAW_H

#include <SDL.h>
#include <stdbool.h>

void draw_rect(SDL_Renderer *r, SDL_Rect rect, SDL_Color c);
void draw_rounded(SDL_Renderer *r, SDL_Rect rect, int radius, SDL_Color c);
/* An outline of the given thickness inside the rectangle. */
void draw_rounded_outline(SDL_Renderer *r, SDL_Rect rect, int radius, int thickness, SDL_Color c);
/* A soft shadow under a rounded rectangle, offset down by `drop`. Only what shows around the
 * rectangle is drawn: draw the rectangle itself over it. */
void draw_shadow(SDL_Renderer *r, SDL_Rect rect, int radius, int drop, SDL_Color c);
void draw_gradient_v(SDL_Renderer *r, SDL_Rect rect, SDL_Color top, SDL_Color bottom);
void draw_circle(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c);
void draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float thickness, SDL_Color c);
/* A thick line segment with square ends. */
void draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, SDL_Color c);
void draw_tick(SDL_Renderer *r, float cx, float cy, float size, SDL_Color c);
void draw_cross(SDL_Renderer *r, float cx, float cy, float size, SDL_Color c);
/* A five-pointed star, filled or as an outline. */
void draw_star(SDL_Renderer *r, float cx, float cy, float radius, bool filled, SDL_Color c);
void draw_lock(SDL_Renderer *r, float cx, float cy, float size, SDL_Color c);
/* Triangle pointing right (dir 1) or left (dir -1). */
void draw_arrow(SDL_Renderer *r, float cx, float cy, float size, int dir, SDL_Color c);

/* Triangles (three indices each, or consecutive vertices when idx is NULL) filled in one colour,
 * the vertices' colours ignored. Cut into pixel runs by the pixel-centre rule, so triangles
 * that share an edge never blend a pixel twice; unlike SDL_RenderGeometry on the software
 * renderer, a translucent fill allocates nothing. */
void draw_triangles(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni, SDL_Color c);

/* The keyboard/gamepad focus ring: a clear double outline around the rectangle. */
void draw_focus_ring(SDL_Renderer *r, SDL_Rect rect, int radius, int unit, SDL_Color c);

bool point_in_rect(int x, int y, SDL_Rect rect);

#endif
