/* Subcommands of the frontiers command line. Each takes the arguments after its own name and
 * returns the process exit status (0 ok, 1 a failed check, 2 a usage error). */
#ifndef FRONTIERS_CLI_H
#define FRONTIERS_CLI_H

int cli_validate(int argc, char **argv);        /* frontiers validate PATH... */
int cli_import_csv(int argc, char **argv);      /* frontiers import-csv FILE.csv --out DIR */
int cli_memory_trace(int argc, char **argv);    /* frontiers memory-trace --grades ... --days ... */
int cli_export_results(int argc, char **argv);  /* frontiers export-results --out FILE.csv */
int cli_export_profile(int argc, char **argv);  /* frontiers export-profile NAME --out FILE */
int cli_import_profile(int argc, char **argv);  /* frontiers import-profile FILE [--as NAME] */

#endif
