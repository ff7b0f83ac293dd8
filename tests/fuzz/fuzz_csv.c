/* libFuzzer target: CSV/TSV import. csv_parse on any bytes, then csvimport_build on what it
 * accepts, and the pack.json it builds must load as a valid pack (the importer promises a pack
 * that validates, or an error naming the CSV line). */
#include "content/csvimport.h"
#include "content/pack.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diag d;
    diag_init(&d);
    CsvTable t;
    if (csv_parse((const char *)data, size, "fuzz.csv", &t, &d)) {
        for (size_t i = 0; i < t.count; i++)
            for (size_t k = 0; k < t.rows[i].count; k++)
                if (!t.rows[i].fields[k])
                    abort();
        CsvImportOptions o = {.id = "fuzz-pack", .title = NULL, .lang = "en", .source_title = NULL};
        char *json = NULL;
        CsvShape shape;
        size_t items = 0;
        if (csvimport_build(&t, "fuzz.csv", &o, &json, &shape, &items, &d)) {
            if (!json)
                abort();
            Diag pd;
            diag_init(&pd);
            Pack *pack = NULL;
            PackError pe = pack_load_memory(json, strlen(json), "pack.json", "fuzz-pack", &pack, &pd);
            if (pe != PACK_OK && pe != PACK_ERR_NOMEM) {
                /* The importer built a pack that does not validate: show why, then fail. */
                char line[1024];
                for (size_t i = 0; i < pd.count; i++) {
                    diag_format(&pd.items[i], line, sizeof line);
                    fprintf(stderr, "%s\n", line);
                }
                abort();
            }
            pack_free(pack);
            diag_free(&pd);
        }
        free(json);
        csv_table_free(&t);
    }
    char line[1024];
    for (size_t i = 0; i < d.count; i++)
        diag_format(&d.items[i], line, sizeof line);
    diag_free(&d);
    return 0;
}
