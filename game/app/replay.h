/* Replay files: scripted input for headless runs and scene tests. Pure parsing (libc only).
 *
 * Format (UTF-8 text, one command per line, '#' starts a comment):
 *   size 1280x720          header lines (before the first event), all optional:
 *   lang ru                  size, lang, scene NAME, level ID, profile NAME, seed N, data-dir, frames N
 *   <frame> <action> [args]  an input at that frame (frames count from 0, non-decreasing):
 *     up down left right next prev confirm back menu backspace delete fullscreen pageup pagedown
 *     number N            answer key 1-4
 *     text STRING         typed text (the rest of the line)
 *     click X Y           press and release at X, Y (drawable pixels)
 *     press X Y / move X Y / release X Y
 *     drag X0 Y0 X1 Y1    press, move in steps over the following frames, release
 *     scroll DY
 *     buzzer TEAM BUTTON  classroom buzzer (team 1-8, button 1-4)
 *     pad BUTTON          a game-controller button: a b x y start up down left right lb rb
 *     key NAME            a raw key: a letter, digit, or f1-f12
 *     resize WxH
 *   end N                 stop after frame N (default: 30 frames after the last event) */
#ifndef FRONTIERS_REPLAY_H
#define FRONTIERS_REPLAY_H

#include <stddef.h>

#include "platform/input.h"

typedef struct ReplayEvent {
    long frame;
    Action action;
} ReplayEvent;

typedef struct Replay {
    ReplayEvent *events;
    size_t count;
    long end_frame;
    int width, height;
    char lang[8];
    char scene[32];
    char level[64];
    char profile[64];
    unsigned long long seed;
} Replay;

/* Parses text; on error returns -1 and writes "line N: message" into err. */
int replay_parse(const char *text, size_t len, Replay *out, char *err, size_t errlen);
void replay_free(Replay *r);

#endif
