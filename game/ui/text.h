/* Text: a font fallback chain (Latin/Cyrillic face, then CJK, then symbols) chosen per run of
 * text, word wrapping that also breaks between CJK characters, ellipsis, alignment, and a cache
 * of rendered blocks as textures so unchanged text is never rasterised twice. Text is rendered
 * white and tinted with the texture colour at draw time. */
#ifndef FRONTIERS_UI_TEXT_H
#define FRONTIERS_UI_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "ui/theme.h"

typedef struct TextSystem TextSystem;

typedef enum TextAlign { TEXT_LEFT = 0, TEXT_CENTER, TEXT_RIGHT } TextAlign;

typedef struct TextOpts {
    TextStyle style;
    int size;         /* pixel size; 0 = the theme's size for the style */
    int wrap;         /* wrap width in pixels; 0 = one line */
    int max_lines;    /* 0 = unlimited; otherwise the last line ends with an ellipsis */
    TextAlign align;  /* alignment of lines inside the block */
} TextOpts;

typedef struct TextBlock {
    SDL_Texture *texture;  /* NULL for empty text; the block in the colour it was last drawn in */
    int w, h;
    int lines;
    int line_height;
    int baseline;          /* from the top of the block to the first line's baseline */
    bool truncated;
} TextBlock;

/* Opens the faces in fonts_dir. Missing optional faces are skipped; err says what is missing.
 * Returns NULL only when no face at all can be opened. */
TextSystem *ui_text_create(SDL_Renderer *renderer, const char *fonts_dir, const Theme *theme,
                        char *err, size_t errlen);
void ui_text_destroy(TextSystem *ts);
/* The renderer was recreated (headless resize); cached textures must be flushed first. */
void ui_text_set_renderer(TextSystem *ts, SDL_Renderer *renderer);
/* The theme's sizes changed (resize, text scale). */
void ui_text_set_theme(TextSystem *ts, const Theme *theme);

/* Lays out and renders s (cached). The block stays valid until text_end_frame evicts it,
 * which never happens in the frame it was used. */
const TextBlock *ui_text_get(TextSystem *ts, const char *s, const TextOpts *opts);

/* Draws s with its top-left (TEXT_LEFT), top-centre or top-right at (x, y). Returns the block. */
const TextBlock *ui_text_draw(TextSystem *ts, const char *s, const TextOpts *opts, int x, int y,
                           SDL_Color color);
/* Draws s centred in the rectangle (both axes). */
const TextBlock *ui_text_draw_centered(TextSystem *ts, const char *s, const TextOpts *opts,
                                    SDL_Rect r, SDL_Color color);

/* Call once per presented frame: evicts blocks not used for a while. */
void ui_text_end_frame(TextSystem *ts);
/* Drops every cached texture (renderer reset). */
void ui_text_flush(TextSystem *ts);

/* True when every code point of s has a glyph in some face of the chain; *missing receives the
 * first one without (for tests and the validator). */
bool ui_text_has_glyphs(TextSystem *ts, const char *s, uint32_t *missing);

typedef struct TextStats {
    unsigned long renders;    /* blocks rasterised */
    unsigned long hits;       /* cache hits */
    int cached;               /* blocks in the cache */
    unsigned long tints;      /* block textures coloured (made or recoloured) */
} TextStats;
TextStats ui_text_stats(const TextSystem *ts);

#endif
