/* libFuzzer target: the strict JSON parser, pack.json checking of an in-memory pack, a level
 * checked against it, and the GeoJSON checks, all on the same input. Any crash, leak or
 * sanitizer report is a bug; diagnostics are expected and ignored. */
#include "content/json.h"
#include "content/level.h"
#include "content/pack.h"
#include "content/validate.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    JsonDoc doc;
    JsonError err;
    if (json_parse(text, size, NULL, &doc, &err)) {
        char path[256];
        const cJSON *deepest = doc.root;
        while (deepest && deepest->child)
            deepest = deepest->child;
        json_path(&doc, deepest, path, sizeof path);
        json_doc_free(&doc);
    }
    Diag d;
    diag_init(&d);
    Pack *pack = NULL;
    pack_load_memory(text, size, "pack.json", "example-pack", &pack, &d);
    Level *level = NULL;
    level_load_memory(text, size, "level.json", pack, &level, &d);
    if (pack && level) {
        PackItemRef items[64];
        size_t n = 0;
        Rng rng;
        rng_seed(&rng, 7);
        level_select_items(level, pack, &rng, items, 64, &n);
        for (size_t i = 0; i < n; i++) {
            When w;
            pack_item_when(pack, items[i], &w);
            (void)pack_item_title(pack, items[i], "ru");
        }
    }
    level_free(level);
    pack_free(pack);
    GeoIds ids;
    validate_geojson_text(text, size, "map.geojson", &d, &ids);
    geoids_free(&ids);
    diag_sort(&d);
    char line[1024];
    for (size_t i = 0; i < d.count; i++)
        diag_format(&d.items[i], line, sizeof line);
    diag_free(&d);
    return 0;
}
