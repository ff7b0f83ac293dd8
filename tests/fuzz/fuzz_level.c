/* libFuzzer target: level files and the campaign file, checked against the real sino-russian-border pack
 * (loaded once from the source tree, so level ids resolve and items are dealt). Any crash,
 * leak or sanitizer report is a bug; diagnostics are expected. */
#include "content/level.h"
#include "content/pack.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Pack *example_pack(void)
{
    static Pack *pack;
    static int tried;
    if (!tried) {
        tried = 1;
        Diag d;
        diag_init(&d);
        if (pack_load(FRONTIERS_SOURCE_DIR "/content/sino-russian-border", &pack, &d) != PACK_OK) {
            fprintf(stderr, "fuzz_level: the sino-russian-border pack does not load\n");
            abort();
        }
        diag_free(&d);
    }
    return pack;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const Pack *pack = example_pack();
    Diag d;
    diag_init(&d);
    Level *level = NULL;
    if (level_load_memory(text, size, "level.json", pack, &level, &d) == LEVEL_OK) {
        PackItemRef items[128];
        size_t n = 0;
        Rng rng;
        rng_seed(&rng, (uint64_t)size);
        if (level_select_items(level, pack, &rng, items, 128, &n) && n > 128)
            abort();
        (void)level_candidate_count(level, pack);
        (void)level_mode_name(level->mode);
        (void)level_variant_name(level->variant);
    }
    level_free(level);
    Campaign *cp = NULL;
    if (campaign_load_memory(text, size, "campaign.json", &cp, &d) == LEVEL_OK)
        campaign_free(cp);
    char line[1024];
    for (size_t i = 0; i < d.count; i++)
        diag_format(&d.items[i], line, sizeof line);
    diag_free(&d);
    return 0;
}
