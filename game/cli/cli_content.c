/* frontiers validate and frontiers import-csv: thin command-line wrappers over the content
 * validator and the CSV importer; messages go to stdout, usage errors to stderr. */
#include "cli/cli.h"

#include "content/csvimport.h"
#include "content/validate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int validate_usage(void)
{
    fprintf(stderr,
            "usage: frontiers validate [--content DIR] PATH...\n"
            "  PATH is a pack folder (or its pack.json), a level file, levels/campaign.json,\n"
            "  a .geojson file, or a folder of these. Levels find their pack in DIR\n"
            "  (default: the content folder beside the levels folder).\n"
            "  Exit status: 0 valid (warnings allowed), 1 errors, 2 usage.\n");
    return 2;
}

int cli_validate(int argc, char **argv)
{
    ValidateOptions opt = {0};
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n = 0;
    if (!paths)
        return 2;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--content") == 0 && i + 1 < argc) {
            opt.content_dir = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            free(paths);
            validate_usage();
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "frontiers validate: unknown option '%s'\n", argv[i]);
            free(paths);
            return validate_usage();
        } else {
            paths[n++] = argv[i];
        }
    }
    if (n == 0) {
        free(paths);
        return validate_usage();
    }
    Diag d;
    diag_init(&d);
    size_t files = validate_paths(paths, n, &opt, &d);
    diag_sort(&d);
    diag_print(&d, stdout);
    printf("%zu file%s checked: %zu error%s, %zu warning%s\n", files, files == 1 ? "" : "s",
           d.errors, d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
    int rc = d.errors ? 1 : 0;
    diag_free(&d);
    free(paths);
    return rc;
}

static int import_usage(void)
{
    fprintf(stderr,
            "usage: frontiers import-csv FILE.csv --out DIR [--id ID] [--title T] [--lang CODE] [--force]\n"
            "  FILE is CSV (RFC 4180, UTF-8) or tab-separated text (Anki, Quizlet exports) with\n"
            "  rows term,definition (flashcards) or title,date[,summary] (events; dates YYYY,\n"
            "  YYYY-MM or YYYY-MM-DD). Writes DIR/pack.json; the pack id is DIR's name.\n");
    return 2;
}

int cli_import_csv(int argc, char **argv)
{
    const char *csv = NULL, *out = NULL;
    CsvImportOptions opt = {0};
    bool force = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--out") == 0 && has_value)
            out = argv[++i];
        else if (strcmp(a, "--id") == 0 && has_value)
            opt.id = argv[++i];
        else if (strcmp(a, "--title") == 0 && has_value)
            opt.title = argv[++i];
        else if (strcmp(a, "--lang") == 0 && has_value)
            opt.lang = argv[++i];
        else if (strcmp(a, "--force") == 0)
            force = true;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            import_usage();
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "frontiers import-csv: unknown option '%s'\n", a);
            return import_usage();
        } else if (!csv) {
            csv = a;
        } else {
            fprintf(stderr, "frontiers import-csv: one CSV file at a time\n");
            return import_usage();
        }
    }
    if (!csv || !out)
        return import_usage();
    if (opt.lang && (strlen(opt.lang) < 2 || strlen(opt.lang) > 3 ||
                     strspn(opt.lang, "abcdefghijklmnopqrstuvwxyz") != strlen(opt.lang))) {
        fprintf(stderr, "frontiers import-csv: --lang takes a language code such as en, ru or zh\n");
        return 2;
    }
    Diag d;
    diag_init(&d);
    CsvShape shape = CSV_SHAPE_UNKNOWN;
    size_t items = 0;
    int rc = csvimport_file(csv, out, &opt, force, &d, &shape, &items);
    diag_print(&d, stdout);
    if (rc == 0)
        printf("wrote %s/pack.json: %zu %s\n", out, items,
               shape == CSV_SHAPE_EVENTS ? (items == 1 ? "event" : "events")
                                         : (items == 1 ? "flashcard" : "flashcards"));
    diag_free(&d);
    return rc;
}
