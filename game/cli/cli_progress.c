/* memory-trace (replays a review history through the FSRS-6 model and prints one JSON line per
 * review, to compare with any reference implementation) and export-results (the progress
 * database as CSV). */
#include "cli/cli.h"

#include "platform/paths.h"
#include "rules/fsrs.h"
#include "store/store.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TRACE_MAX 1000

static const char MEMORY_TRACE_USAGE[] =
    "usage: frontiers memory-trace --grades G,G,... --days D,D,... [--retention R]\n"
    "                              [--params w0,...,w20]\n"
    "  Replays reviews through the FSRS-6 model (no learning steps, no fuzz).\n"
    "  --grades   1 Again, 2 Hard, 3 Good, 4 Easy, one per review\n"
    "  --days     the day of each review, counted from the first (non-decreasing)\n"
    "  --retention desired retention for the interval (default 0.9)\n"
    "  --params   21 (FSRS-6) or 19 (FSRS-5) parameters instead of the defaults\n"
    "  Prints per review: review, day, grade, elapsed_days, retrievability (before the review;\n"
    "  null for the first), stability and difficulty (after it), interval_days (after it;\n"
    "  the four grades' intervals strictly increasing, as in ts-fsrs without short-term steps).\n";

/* Parses a comma-separated list of numbers; returns the count or -1. */
static int parse_list(const char *text, double *out, int max)
{
    int n = 0;
    const char *p = text;
    while (*p) {
        char *end = NULL;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno != 0 || !isfinite(v) || n >= max)
            return -1;
        out[n++] = v;
        p = end;
        if (*p == ',')
            p++;
        else if (*p != '\0')
            return -1;
    }
    return n;
}

int cli_memory_trace(int argc, char **argv)
{
    const char *grades_arg = NULL, *days_arg = NULL, *params_arg = NULL;
    double retention = 0.9;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(MEMORY_TRACE_USAGE, stdout);
            return 0;
        } else if (strcmp(a, "--grades") == 0 && v) {
            grades_arg = v;
            i++;
        } else if (strcmp(a, "--days") == 0 && v) {
            days_arg = v;
            i++;
        } else if (strcmp(a, "--params") == 0 && v) {
            params_arg = v;
            i++;
        } else if (strcmp(a, "--retention") == 0 && v) {
            char *end = NULL;
            retention = strtod(v, &end);
            if (*end || !(retention > 0.0 && retention < 1.0)) {
                fprintf(stderr, "frontiers: memory-trace: --retention must be in (0, 1)\n");
                return 2;
            }
            i++;
        } else {
            fprintf(stderr, "frontiers: memory-trace: unexpected argument '%s'\n%s", a,
                    MEMORY_TRACE_USAGE);
            return 2;
        }
    }
    if (!grades_arg || !days_arg) {
        fputs(MEMORY_TRACE_USAGE, stderr);
        return 2;
    }
    static const char *const bad = "frontiers: memory-trace: %s\n";
    double grades[TRACE_MAX], days[TRACE_MAX];
    int ng = parse_list(grades_arg, grades, TRACE_MAX);
    int nd = parse_list(days_arg, days, TRACE_MAX);
    if (ng <= 0 || nd <= 0 || ng != nd) {
        fprintf(stderr, bad, "--grades and --days need the same number of values");
        return 2;
    }
    for (int i = 0; i < ng; i++) {
        if (grades[i] != floor(grades[i]) || grades[i] < 1 || grades[i] > 4) {
            fprintf(stderr, bad, "grades are 1, 2, 3 or 4");
            return 2;
        }
        if (days[i] != floor(days[i]) || days[i] < 0 || (i > 0 && days[i] < days[i - 1])
            || days[i] > 1e7) {
            fprintf(stderr, bad, "days are whole, non-negative and non-decreasing");
            return 2;
        }
    }
    FsrsParams params;
    fsrs_params_default(&params);
    params.desired_retention = retention;
    if (params_arg) {
        double w[FSRS_PARAM_COUNT + 1];
        int nw = parse_list(params_arg, w, FSRS_PARAM_COUNT + 1);
        if (!fsrs_params_set_w(&params, w, nw)) {
            fprintf(stderr, bad, "--params needs 19 or 21 numbers");
            return 2;
        }
    }

    FsrsMemory m = {0, 0};
    for (int i = 0; i < ng; i++) {
        int elapsed = i == 0 ? 0 : (int)(days[i] - days[i - 1]);
        char r_text[32] = "null";
        if (i > 0)
            snprintf(r_text, sizeof r_text, "%.9g",
                     fsrs_retrievability(params.w, elapsed, m.stability));
        /* every grade's outcome, so the chosen one's interval is ordered against the others' */
        FsrsMemory next[4];
        int interval[4];
        fsrs_next_intervals(&params, i == 0 ? NULL : &m, elapsed, next, interval);
        int g = (int)grades[i] - 1;
        m = next[g];
        printf("{\"review\":%d,\"day\":%d,\"grade\":%d,\"elapsed_days\":%d,"
               "\"retrievability\":%s,\"stability\":%.9g,\"difficulty\":%.9g,"
               "\"interval_days\":%d}\n",
               i + 1, (int)days[i], (int)grades[i], elapsed, r_text, m.stability, m.difficulty,
               interval[g]);
    }
    return 0;
}

/* Opens the progress store of the user folder (--user-dir, else the default) for a command;
 * prints why not and returns NULL when it cannot. */
static Store *cli_open_store(const char *cmd, const char *user_dir)
{
    /* the same folder the game uses: --user-dir, FRONTIERS_USER_DIR, then SDL_GetPrefPath */
    char *dir = paths_find_user_dir(user_dir);
    if (!dir) {
        fprintf(stderr, "frontiers: %s: no user folder; pass --user-dir DIR\n", cmd);
        return NULL;
    }
    Store *store = NULL;
    char *aside = NULL;
    StoreOptions opt = {.now = (int64_t)time(NULL)};
    StoreError err = store_open_ex(dir, &opt, &store, &aside);
    if (aside) {
        fprintf(stderr, "frontiers: the progress database in %s was damaged; it was moved to %s\n",
                dir, aside);
        free(aside);
    }
    if (err != STORE_OK) {
        fprintf(stderr, "frontiers: %s: %s: %s\n", cmd, dir, store_error_message(err));
        store = NULL;
    }
    free(dir);
    return store;
}

static const char EXPORT_USAGE[] =
    "usage: frontiers export-results --out FILE.csv [--profile NAME] [--user-dir DIR]\n"
    "  Writes every answer, level result and classroom answer (or one profile's answers and\n"
    "  level results) as CSV: UTF-8 with BOM, CRLF, a header row and a `kind` column.\n"
    "  The user folder is the game's: --user-dir, $FRONTIERS_USER_DIR, else the per-user\n"
    "  folder (on Linux ~/.local/share/frontiers).\n";

int cli_export_results(int argc, char **argv)
{
    const char *out = NULL, *profile = NULL, *user_dir = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(EXPORT_USAGE, stdout);
            return 0;
        } else if (strcmp(a, "--out") == 0 && v) {
            out = argv[++i];
        } else if (strcmp(a, "--profile") == 0 && v) {
            profile = argv[++i];
        } else if (strcmp(a, "--user-dir") == 0 && v) {
            user_dir = argv[++i];
        } else {
            fprintf(stderr, "frontiers: export-results: unexpected argument '%s'\n%s", a,
                    EXPORT_USAGE);
            return 2;
        }
    }
    if (!out) {
        fputs(EXPORT_USAGE, stderr);
        return 2;
    }
    Store *store = cli_open_store("export-results", user_dir);
    if (!store)
        return 1;
    StoreError err = store_export_csv(store, out, profile);
    if (err == STORE_ERR_NOT_FOUND)
        fprintf(stderr, "frontiers: export-results: no profile named '%s'\n", profile);
    else if (err != STORE_OK)
        fprintf(stderr, "frontiers: export-results: %s: %s (%s)\n", out,
                store_error_message(err), store_last_detail(store));
    store_close(store);
    return err == STORE_OK ? 0 : 1;
}

static const char PROFILE_USAGE[] =
    "usage: frontiers export-profile NAME --out FILE.json [--user-dir DIR]\n"
    "       frontiers import-profile FILE.json [--as NAME] [--user-dir DIR]\n"
    "  Export writes one profile (every answer, memory state and level result) to a file, to\n"
    "  back it up or carry it to another computer; import adds it there as a new profile\n"
    "  (named as in the file, or NAME). Close the game first: it locks the user folder.\n";

/* export-profile and import-profile share their options: one positional, --out/--as, --user-dir. */
static int profile_args(const char *cmd, int argc, char **argv, const char **pos,
                        const char **opt_value, const char *opt_name, const char **user_dir)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(PROFILE_USAGE, stdout);
            return 0;
        } else if (strcmp(a, opt_name) == 0 && v) {
            *opt_value = argv[++i];
        } else if (strcmp(a, "--user-dir") == 0 && v) {
            *user_dir = argv[++i];
        } else if (a[0] != '-' && !*pos) {
            *pos = a;
        } else {
            fprintf(stderr, "frontiers: %s: unexpected argument '%s'\n%s", cmd, a, PROFILE_USAGE);
            return 2;
        }
    }
    return -1;
}

int cli_export_profile(int argc, char **argv)
{
    const char *name = NULL, *out = NULL, *user_dir = NULL;
    int rc = profile_args("export-profile", argc, argv, &name, &out, "--out", &user_dir);
    if (rc >= 0)
        return rc;
    if (!name || !out) {
        fputs(PROFILE_USAGE, stderr);
        return 2;
    }
    Store *store = cli_open_store("export-profile", user_dir);
    if (!store)
        return 1;
    StoreError err = store_profile_export(store, name, out);
    if (err == STORE_ERR_NOT_FOUND)
        fprintf(stderr, "frontiers: export-profile: no profile named '%s'\n", name);
    else if (err != STORE_OK)
        fprintf(stderr, "frontiers: export-profile: %s: %s (%s)\n", out, store_error_message(err),
                store_last_detail(store));
    else
        printf("exported profile '%s' to %s\n", name, out);
    store_close(store);
    return err == STORE_OK ? 0 : 1;
}

int cli_import_profile(int argc, char **argv)
{
    const char *file = NULL, *as = NULL, *user_dir = NULL;
    int rc = profile_args("import-profile", argc, argv, &file, &as, "--as", &user_dir);
    if (rc >= 0)
        return rc;
    if (!file) {
        fputs(PROFILE_USAGE, stderr);
        return 2;
    }
    Store *store = cli_open_store("import-profile", user_dir);
    if (!store)
        return 1;
    StoreImportReport rep;
    StoreError err = store_profile_import(store, file, as, (int64_t)time(NULL), &rep);
    if (err == STORE_ERR_EXISTS)
        fprintf(stderr, "frontiers: import-profile: %s: a profile named '%s' already exists; "
                        "import it under another name with --as NAME\n", file, rep.name);
    else if (err != STORE_OK)
        fprintf(stderr, "frontiers: import-profile: %s: %s; nothing was imported\n", file,
                store_last_detail(store)[0] ? store_last_detail(store) : store_error_message(err));
    else
        printf("imported profile '%s': %zu answers, %zu memory states, %zu level results\n",
               rep.name, rep.answers, rep.memory, rep.level_results);
    store_close(store);
    return err == STORE_OK ? 0 : 1;
}
