/* base/os: the folder listing every layer above uses instead of opendir. */
#include "check.h"
#include "base/os.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *fresh_dir(const char *name)
{
    const char *base = getenv("FRONTIERS_TEST_TMP");
    char *dir = util_format("%s/os/%s", base && *base ? base : "/tmp/frontiers-test", name);
    char *cmd = util_format("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not clear %s\n", dir);
    free(cmd);
    util_mkdirs(dir);
    return dir;
}

static void touch(const char *dir, const char *name)
{
    char *path = util_path_join(dir, name);
    CHECK_INT(util_write_file_atomic(path, "x", 1), 0);
    free(path);
}

static void list_dir_should_sort_names_and_skip_dot_files(void)
{
    char *dir = fresh_dir("sorted");
    touch(dir, "b.json");
    touch(dir, "a.json");
    touch(dir, ".hidden");
    touch(dir, "Пакет.json");
    char *sub = util_path_join(dir, "c-folder");
    util_mkdirs(sub);
    free(sub);
    size_t n = 0;
    char **names = plat_list_dir(dir, &n);
    CHECK(names != NULL);
    CHECK_INT(n, 4);
    if (names && n == 4) {
        CHECK_STR(names[0], "a.json");
        CHECK_STR(names[1], "b.json");
        CHECK_STR(names[2], "c-folder");
        CHECK_STR(names[3], "Пакет.json");
    }
    plat_list_free(names, n);
    free(dir);
}

static void list_dir_should_return_an_empty_list_for_an_empty_folder(void)
{
    char *dir = fresh_dir("empty");
    size_t n = 7;
    char **names = plat_list_dir(dir, &n);
    CHECK(names != NULL);
    CHECK_INT(n, 0);
    plat_list_free(names, n);
    free(dir);
}

static void list_dir_should_fail_on_a_missing_folder(void)
{
    size_t n = 7;
    char **names = plat_list_dir("/nonexistent/frontiers/folder", &n);
    CHECK(names == NULL);
    CHECK_INT(n, 0);
}

int main(void)
{
    RUN(list_dir_should_sort_names_and_skip_dot_files);
    RUN(list_dir_should_return_an_empty_list_for_an_empty_folder);
    RUN(list_dir_should_fail_on_a_missing_folder);
    return CHECK_DONE();
}
