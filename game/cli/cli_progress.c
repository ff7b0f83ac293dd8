/* memory-trace and export-results: replaced by the progress store work (issue 4). */
#include "cli/cli.h"
#include <stdio.h>

int cli_memory_trace(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "frontiers: memory-trace is not available in this build yet\n");
    return 2;
}

int cli_export_results(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "frontiers: export-results is not available in this build yet\n");
    return 2;
}
