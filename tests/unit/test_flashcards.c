/* Unit tests for the flashcard rules, on the shipped Sino-Russian pack. */
#include "check.h"
#include "base/util.h"
#include "rules/flashcards.h"

#include <stdlib.h>

static Pack *load_pack(void)
{
    const char *src = getenv("FRONTIERS_SOURCE_DIR");
    char *dir = util_format("%s/content/sino-russian-border", src ? src : ".");
    Pack *p = NULL;
    CHECK_INT(pack_load(dir, &p, NULL), PACK_OK);
    free(dir);
    return p;
}

static void year_choices_should_hold_the_right_year_once_among_four_different_years(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int32_t aigun = pack_find(p, PACK_KIND_TREATY, "aigun-1858");
    CHECK(aigun >= 0);
    Rng rng;
    rng_seed(&rng, 5);
    for (int round = 0; round < 20; round++) {
        int years[4], right = -1;
        flashcards_year_choices(p, (PackItemRef){PACK_KIND_TREATY, (uint32_t)aigun}, &rng, years, &right);
        CHECK(right >= 0 && right < 4);
        CHECK_INT(years[right], 1858);
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
                CHECK(years[i] != years[j]);
        /* Distractors are plausible: other treaty years near 1858, not centuries away. */
        for (int i = 0; i < 4; i++)
            CHECK(abs(years[i] - 1858) <= 30);
    }
    pack_free(p);
}

static void year_choices_should_repeat_for_the_same_seed(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    int32_t nerchinsk = pack_find(p, PACK_KIND_TREATY, "nerchinsk-1689");
    int a[4], b[4], ra, rb;
    Rng r1, r2;
    rng_seed(&r1, 99);
    rng_seed(&r2, 99);
    flashcards_year_choices(p, (PackItemRef){PACK_KIND_TREATY, (uint32_t)nerchinsk}, &r1, a, &ra);
    flashcards_year_choices(p, (PackItemRef){PACK_KIND_TREATY, (uint32_t)nerchinsk}, &r2, b, &rb);
    CHECK_INT(ra, rb);
    for (int i = 0; i < 4; i++)
        CHECK_INT(a[i], b[i]);
    CHECK_INT(a[ra], 1689);
    pack_free(p);
}

static void match_year_should_forgive_words_around_the_number(void)
{
    CHECK(flashcards_match_year("1858", 1858));
    CHECK(flashcards_match_year(" 1858 г.", 1858));
    CHECK(flashcards_match_year("1858年", 1858));
    CHECK(flashcards_match_year("in 1858", 1858));
    CHECK(!flashcards_match_year("1860", 1858));
    CHECK(!flashcards_match_year("1858 or 1860", 1858));
    CHECK(!flashcards_match_year("", 1858));
    CHECK(!flashcards_match_year("18580", 1858));
    CHECK(flashcards_match_year("-221", -221));
}

static void intervals_should_grow_from_again_to_easy(void)
{
    FsrsParams params;
    fsrs_params_default(&params);
    FsrsCard card;
    fsrs_card_init(&card, 1000);
    int64_t out[4];
    flashcards_intervals(&params, &card, 1000, out);
    CHECK_INT(out[0], 60);      /* Again: the first learning step, 1 min */
    CHECK(out[0] < out[1] && out[1] < out[2] && out[2] < out[3]);
    CHECK(out[3] >= 86400);     /* Easy graduates at once to a day or more */
    char buf[32];
    flashcards_interval_label(60, buf, sizeof buf);
    CHECK_STR(buf, "1 min");
    flashcards_interval_label(4 * 86400, buf, sizeof buf);
    CHECK_STR(buf, "4 d");
    flashcards_interval_label(400 * 86400LL, buf, sizeof buf);
    CHECK_STR(buf, "1.1 y");
    const char *ru[5] = {"мин", "ч", "дн.", "мес.", "г."};
    flashcards_interval_label_units(600, ru, buf, sizeof buf);
    CHECK_STR(buf, "10 мин");
    flashcards_interval_label_units(3 * 3600, ru, buf, sizeof buf);
    CHECK_STR(buf, "3 ч");
    flashcards_interval_label_units(90 * 86400LL, ru, buf, sizeof buf);
    CHECK_STR(buf, "3.0 мес.");
}

/* A card in REVIEW shown again on the day it was learned: Hard and Good have the same stability
 * (8.3 days); the buttons read 10 min, 8 d, 9 d, 13 d, never Hard = Good, and each is what that
 * grade schedules. */
static void intervals_should_be_strictly_increasing_for_a_card_in_review(void)
{
    FsrsParams params;
    fsrs_params_default(&params);
    FsrsCard card;
    fsrs_card_init(&card, 1000);
    fsrs_card_review(&params, &card, FSRS_EASY, 1000);
    int64_t out[4];
    flashcards_intervals(&params, &card, 1000 + 3600, out);
    CHECK_INT(out[0], 600);
    CHECK_INT(out[1], 8 * 86400);
    CHECK_INT(out[2], 9 * 86400);
    CHECK_INT(out[3], 13 * 86400);
    for (int g = 1; g <= 4; g++) {
        FsrsCard c = card;
        fsrs_card_review(&params, &c, (FsrsGrade)g, 1000 + 3600);
        CHECK_INT(c.due - (1000 + 3600), out[g - 1]);
    }
}

int main(void)
{
    RUN(year_choices_should_hold_the_right_year_once_among_four_different_years);
    RUN(year_choices_should_repeat_for_the_same_seed);
    RUN(match_year_should_forgive_words_around_the_number);
    RUN(intervals_should_grow_from_again_to_easy);
    RUN(intervals_should_be_strictly_increasing_for_a_card_in_review);
    return CHECK_DONE();
}
