/* frontiers validate and frontiers import-csv: thin command-line wrappers over the content
 * validator and the CSV importer; messages go to stdout, usage errors to stderr. */
#include "cli/cli.h"

#include "content/validate.h"

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

int cli_import_csv(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "frontiers: import-csv is not available yet\n");
    return 2;
}
