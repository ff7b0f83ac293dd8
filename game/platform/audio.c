/* A tiny mixer: up to 8 voices of 16-bit mono 44.1 kHz samples, summed with clipping. */
#include "platform/audio.h"
#include "base/util.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#define VOICES 8

static const char *const effect_names[] = {"select", "confirm", "correct", "wrong", "flip", "tick", "stamp", "fanfare"};
#define EFFECTS (int)COUNT_OF(effect_names)

typedef struct Voice {
    const Sint16 *samples;
    Uint32 length;   /* samples */
    Uint32 pos;
} Voice;

struct Audio {
    SDL_AudioDeviceID device;
    Sint16 *samples[EFFECTS];
    Uint32 lengths[EFFECTS];
    Voice voices[VOICES];
    int volume;      /* 0-128, read in the callback under the device lock */
    unsigned long played;
};

static void mix(void *userdata, Uint8 *stream, int len)
{
    Audio *a = userdata;
    Sint16 *out = (Sint16 *)stream;
    int n = len / 2;
    memset(stream, 0, (size_t)len);
    for (int v = 0; v < VOICES; v++) {
        Voice *voice = &a->voices[v];
        if (!voice->samples)
            continue;
        for (int i = 0; i < n && voice->pos < voice->length; i++) {
            int s = out[i] + voice->samples[voice->pos++] * a->volume / 128;
            out[i] = (Sint16)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
        }
        if (voice->pos >= voice->length)
            voice->samples = NULL;
    }
}

Audio *audio_create(const char *dir)
{
    Audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->volume = 90;
    /* No folder: count effects but open no device (headless runs). */
    if (!dir || SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return a;
    SDL_AudioSpec want = {.freq = 44100, .format = AUDIO_S16SYS, .channels = 1, .samples = 512, .callback = mix, .userdata = a};
    SDL_AudioSpec have;
    a->device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!a->device)
        return a;
    for (int i = 0; i < EFFECTS; i++) {
        char *name = util_format("%s.wav", effect_names[i]);
        char *path = util_path_join(dir, name);
        SDL_AudioSpec spec;
        Uint8 *buf = NULL;
        Uint32 len = 0;
        if (path && SDL_LoadWAV(path, &spec, &buf, &len)) {
            SDL_AudioCVT cvt;
            if (SDL_BuildAudioCVT(&cvt, spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 1, 44100) >= 0) {
                cvt.len = (int)len;
                cvt.buf = malloc((size_t)len * (size_t)(cvt.len_mult > 0 ? cvt.len_mult : 1));
                if (cvt.buf) {
                    memcpy(cvt.buf, buf, len);
                    if (SDL_ConvertAudio(&cvt) == 0) {
                        a->samples[i] = (Sint16 *)cvt.buf;
                        a->lengths[i] = (Uint32)cvt.len_cvt / 2;
                    } else {
                        free(cvt.buf);
                    }
                }
            }
            SDL_FreeWAV(buf);
        }
        free(path);
        free(name);
    }
    SDL_PauseAudioDevice(a->device, 0);
    return a;
}

void audio_destroy(Audio *a)
{
    if (!a)
        return;
    if (a->device)
        SDL_CloseAudioDevice(a->device);
    for (int i = 0; i < EFFECTS; i++)
        free(a->samples[i]);
    free(a);
}

bool audio_available(const Audio *a)
{
    return a && a->device != 0;
}

void audio_set_volume(Audio *a, int percent, bool mute)
{
    if (!a)
        return;
    if (a->device)
        SDL_LockAudioDevice(a->device);
    a->volume = mute ? 0 : percent * 128 / 100;
    if (a->device)
        SDL_UnlockAudioDevice(a->device);
}

void audio_play(Audio *a, const char *name)
{
    if (!a)
        return;
    a->played++;
    if (!a->device || a->volume == 0)
        return;
    for (int i = 0; i < EFFECTS; i++) {
        if (strcmp(effect_names[i], name) != 0 || !a->samples[i])
            continue;
        SDL_LockAudioDevice(a->device);
        int slot = 0;
        for (int v = 0; v < VOICES; v++)
            if (!a->voices[v].samples) {
                slot = v;
                break;
            }
        a->voices[slot] = (Voice){a->samples[i], a->lengths[i], 0};
        SDL_UnlockAudioDevice(a->device);
        return;
    }
}

unsigned long audio_played(const Audio *a)
{
    return a ? a->played : 0;
}
