/* validate and import-csv: replaced by the content loader work (issue 3). */
#include "cli/cli.h"
#include <stdio.h>

int cli_validate(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "frontiers: validate is not available in this build yet\n");
    return 2;
}

int cli_import_csv(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "frontiers: import-csv is not available in this build yet\n");
    return 2;
}
