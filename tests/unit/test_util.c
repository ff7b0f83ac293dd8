/* Unit tests for game/core/util: seeded randomness, UTF-8 decoding, file helpers. */
#include "check.h"
#include "base/util.h"

#include <stdlib.h>

static void rng_should_repeat_the_same_sequence_for_the_same_seed(void)
{
    Rng a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    for (int i = 0; i < 100; i++)
        CHECK_INT(rng_next(&a), rng_next(&b));
}

static void rng_should_differ_between_seeds(void)
{
    Rng a, b;
    rng_seed(&a, 1);
    rng_seed(&b, 2);
    int same = 0;
    for (int i = 0; i < 100; i++)
        same += rng_next(&a) == rng_next(&b);
    CHECK(same < 3);
}

static void rng_below_should_stay_in_range_and_hit_every_value(void)
{
    Rng r;
    rng_seed(&r, 7);
    int seen[6] = {0};
    for (int i = 0; i < 6000; i++) {
        uint32_t v = rng_below(&r, 6);
        CHECK(v < 6);
        if (v < 6)
            seen[v]++;
    }
    for (int i = 0; i < 6; i++)
        CHECK(seen[i] > 800 && seen[i] < 1200);
    CHECK_INT(rng_below(&r, 0), 0);
}

static void rng_shuffle_should_keep_every_element(void)
{
    Rng r;
    rng_seed(&r, 3);
    int a[50], sum = 0;
    for (int i = 0; i < 50; i++)
        a[i] = i;
    rng_shuffle(&r, a, 50, sizeof a[0]);
    int moved = 0;
    for (int i = 0; i < 50; i++) {
        sum += a[i];
        moved += a[i] != i;
    }
    CHECK_INT(sum, 49 * 50 / 2);
    CHECK(moved > 25);
}

static void utf8_next_should_decode_cyrillic_and_chinese(void)
{
    const char *s = "Aй瑷\xF0\x9F\x98\x80";
    CHECK_INT(utf8_next(&s), 'A');
    CHECK_INT(utf8_next(&s), 0x439);
    CHECK_INT(utf8_next(&s), 0x7477);
    CHECK_INT(utf8_next(&s), 0x1F600);
    CHECK_INT(utf8_next(&s), 0);
}

static void utf8_valid_should_reject_overlong_and_truncated_sequences(void)
{
    CHECK(utf8_valid("Айгун 瑷珲", strlen("Айгун 瑷珲")));
    CHECK(!utf8_valid("\xC0\xAF", 2));
    CHECK(!utf8_valid("\xE7\x91", 2));
    CHECK(!utf8_valid("\xED\xA0\x80", 3));
    CHECK(utf8_valid("\xEF\xBF\xBD", 3));
    CHECK_INT(utf8_length("Айгун"), 5);
}

static void util_write_file_atomic_should_replace_content(void)
{
    const char *dir = getenv("FRONTIERS_TEST_TMP");
    CHECK(dir != NULL);
    if (!dir)
        return;
    CHECK(util_mkdirs(dir));
    char *path = util_path_join(dir, "atomic.txt");
    CHECK_INT(util_write_file_atomic(path, "first", 5), 0);
    CHECK_INT(util_write_file_atomic(path, "second", 6), 0);
    char *data = NULL;
    size_t len = 0;
    CHECK_INT(util_read_file(path, 1024, &data, &len), UTIL_OK);
    CHECK_STR(data, "second");
    CHECK_INT(len, 6);
    free(data);
    CHECK_INT(util_read_file(path, 3, &data, &len), UTIL_ERR_TOO_LARGE);
    CHECK(data == NULL);
    free(path);
}

static void util_path_join_should_not_double_slashes(void)
{
    char *p = util_path_join("/a/b/", "c.json");
    CHECK_STR(p, "/a/b/c.json");
    free(p);
}

int main(void)
{
    RUN(rng_should_repeat_the_same_sequence_for_the_same_seed);
    RUN(rng_should_differ_between_seeds);
    RUN(rng_below_should_stay_in_range_and_hit_every_value);
    RUN(rng_shuffle_should_keep_every_element);
    RUN(utf8_next_should_decode_cyrillic_and_chinese);
    RUN(utf8_valid_should_reject_overlong_and_truncated_sequences);
    RUN(util_write_file_atomic_should_replace_content);
    RUN(util_path_join_should_not_double_slashes);
    return CHECK_DONE();
}
