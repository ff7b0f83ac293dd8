/* Frontiers entry point: the command line (play, validate, screenshot, replay, ...). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("frontiers %s\n", FRONTIERS_VERSION);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "validate") == 0)
        return cli_validate(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "import-csv") == 0)
        return cli_import_csv(argc - 2, argv + 2);
    return 0;
}
