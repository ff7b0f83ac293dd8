/* Short UI sound effects: WAV files from assets/sounds mixed in SDL's audio callback.
 * Without an audio device (servers, CI, the dummy driver) every call is a silent no-op. */
#ifndef FRONTIERS_AUDIO_H
#define FRONTIERS_AUDIO_H

#include <stdbool.h>

typedef struct Audio Audio;

/* Opens the default device and loads every known effect from dir (NULL: no device, for
 * headless runs). Never NULL on success of the
 * allocation; audio_available tells whether sound will be heard. */
Audio *audio_create(const char *dir);
void audio_destroy(Audio *audio);
bool audio_available(const Audio *audio);
void audio_set_volume(Audio *audio, int percent, bool mute);
void audio_play(Audio *audio, const char *name);
/* How many effects were played (replay tests check sounds were triggered). */
unsigned long audio_played(const Audio *audio);

#endif
