/* libFuzzer target: the replay file parser must never crash, leak or read out of bounds, and
 * every event it accepts must be well formed. */
#include "app/replay.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Replay r;
    char err[256];
    if (replay_parse((const char *)data, size, &r, err, sizeof err) == 0) {
        long last = 0;
        for (size_t i = 0; i < r.count; i++) {
            if (r.events[i].frame < last || r.events[i].action.kind <= ACTION_NONE ||
                r.events[i].action.kind >= ACTION_KIND_COUNT)
                abort();
            last = r.events[i].frame;
        }
        replay_free(&r);
    }
    return 0;
}
