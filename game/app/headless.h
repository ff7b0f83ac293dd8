/* Runs without a display: `frontiers screenshot` renders a scene to a PNG, `frontiers replay`
 * plays a scripted input file and prints the outcome as one JSON line. Both use fixed 1/60 s
 * steps and the software renderer, so their output is the same on every run. */
#ifndef FRONTIERS_HEADLESS_H
#define FRONTIERS_HEADLESS_H

#include "app/app.h"
#include "app/replay.h"

/* Renders `frames` frames of the started scene and writes the last one to out_png. */
int headless_screenshot(App *app, int frames, const char *out_png);
/* Plays the replay's events; prints {"frames":…,"scene":…,…} to stdout. If shot_png is not
 * NULL the last frame is also written there. */
int headless_replay(App *app, const Replay *replay, const char *shot_png);
/* Changes the size of the headless canvas (replay `resize`). */
bool headless_resize(App *app, int w, int h);

#endif
