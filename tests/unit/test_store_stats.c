/* The review and stats queries of store_stats.c against a temporary database: the next due
 * time, all-time totals, and counting a session's own answers by id. */
#include "check.h"
#include "store_fixture.h"

static StoreAnswer answer(int64_t profile, const char *item, GradeMode mode, int grade, int64_t t)
{
    return (StoreAnswer){.profile = profile, .pack = "sino-russian", .pack_version = "1.0",
                         .item = item, .mode = mode, .prompt_kind = "date",
                         .correct = grade > 1, .grade = grade, .response_ms = 900, .timestamp = t};
}

static void next_due_should_be_the_earliest_scheduled_item_after_now(void)
{
    char *dir = fixture_dir("store_stats", "next_due");
    Store *s = open_store(dir);
    int64_t p = 0, when = -1;
    CHECK_INT(store_profile_create(s, "Ann", T0, &p), STORE_OK);
    CHECK_INT(store_review_next_due(s, p, T0, &when), STORE_ERR_NOT_FOUND);
    CHECK_INT(when, 0);
    /* new items never count as "next review" */
    CHECK_INT(store_memory_introduce(s, p, "sino-russian", "new-one", GRADE_MODE_MAP, T0), STORE_OK);
    CHECK_INT(store_review_next_due(s, p, T0, &when), STORE_ERR_NOT_FOUND);
    StoreMemory easy, good;
    StoreAnswer a = answer(p, "easy", GRADE_MODE_FLASHCARDS, 4, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, &easy), STORE_OK);
    a = answer(p, "good", GRADE_MODE_TIMELINE, 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, &good), STORE_OK);
    CHECK(good.card.due < easy.card.due);
    CHECK_INT(store_review_next_due(s, p, T0, &when), STORE_OK);
    CHECK_INT(when, good.card.due);
    /* once the first is due, the next one after now is the other */
    CHECK_INT(store_review_next_due(s, p, good.card.due, &when), STORE_OK);
    CHECK_INT(when, easy.card.due);
    CHECK_INT(store_review_next_due(s, p, easy.card.due, &when), STORE_ERR_NOT_FOUND);
    /* another profile's items are not counted */
    int64_t q = 0;
    CHECK_INT(store_profile_create(s, "Bo", T0, &q), STORE_OK);
    CHECK_INT(store_review_next_due(s, q, T0, &when), STORE_ERR_NOT_FOUND);
    store_close(s);
    free(dir);
}

static void totals_should_count_every_answer_and_the_right_ones(void)
{
    char *dir = fixture_dir("store_stats", "totals");
    Store *s = open_store(dir);
    int64_t p = 0, q = 0;
    CHECK_INT(store_profile_create(s, "Ann", T0, &p), STORE_OK);
    CHECK_INT(store_profile_create(s, "Bo", T0, &q), STORE_OK);
    int n = -1, right = -1;
    CHECK_INT(store_stats_totals(s, p, &n, &right), STORE_OK);
    CHECK_INT(n, 0);
    CHECK_INT(right, 0);
    const int grades[5] = {1, 3, 4, 1, 2};
    char item[16];
    for (int i = 0; i < 5; i++) {
        snprintf(item, sizeof item, "t%d", i);
        StoreAnswer a = answer(p, item, (GradeMode)(i % 3), grades[i], T0 + i * DAY);
        CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    }
    StoreAnswer other = answer(q, "t0", GRADE_MODE_MAP, 3, T0);
    CHECK_INT(store_answer_record(s, &other, NULL, NULL), STORE_OK);
    CHECK_INT(store_stats_totals(s, p, &n, &right), STORE_OK);
    CHECK_INT(n, 5);
    CHECK_INT(right, 3);
    CHECK_INT(store_stats_totals(s, q, &n, &right), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(right, 1);
    store_close(s);
    free(dir);
}

static void answers_since_should_count_only_a_sessions_answers(void)
{
    char *dir = fixture_dir("store_stats", "since");
    Store *s = open_store(dir);
    int64_t p = 0, q = 0, last = -1;
    CHECK_INT(store_profile_create(s, "Ann", T0, &p), STORE_OK);
    CHECK_INT(store_profile_create(s, "Bo", T0, &q), STORE_OK);
    int n = -1, right = -1;
    CHECK_INT(store_stats_answers_since(s, p, 0, &n, &right, &last), STORE_OK);
    CHECK_INT(n, 0);
    CHECK_INT(last, 0);
    StoreAnswer a = answer(p, "before", GRADE_MODE_FLASHCARDS, 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    CHECK_INT(store_stats_answers_since(s, p, 0, &n, &right, &last), STORE_OK);
    CHECK_INT(n, 1);
    int64_t session_start = last;
    CHECK(session_start > 0);
    /* the session: two right, one wrong, with another player's answer in between */
    a = answer(p, "x", GRADE_MODE_MAP, 3, T0 + DAY);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    StoreAnswer b = answer(q, "y", GRADE_MODE_MAP, 1, T0 + DAY);
    CHECK_INT(store_answer_record(s, &b, NULL, NULL), STORE_OK);
    a = answer(p, "y", GRADE_MODE_TIMELINE, 1, T0 + DAY);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a = answer(p, "before", GRADE_MODE_FLASHCARDS, 4, T0 + DAY);
    int64_t last_answer = 0;
    CHECK_INT(store_answer_record(s, &a, &last_answer, NULL), STORE_OK);
    CHECK_INT(store_stats_answers_since(s, p, session_start, &n, &right, &last), STORE_OK);
    CHECK_INT(n, 3);
    CHECK_INT(right, 2);
    CHECK_INT(last, last_answer);
    CHECK_INT(store_stats_answers_since(s, p, last, &n, &right, &last), STORE_OK);
    CHECK_INT(n, 0);
    CHECK_INT(last, last_answer);
    store_close(s);
    free(dir);
}

static void new_room_should_leave_out_started_and_waiting_new_items(void)
{
    char *dir = fixture_dir("store_stats", "room");
    Store *s = NULL;
    StoreOptions opt = {.now = T0, .new_per_day = 5};
    CHECK_INT(store_open_ex(dir, &opt, &s, NULL), STORE_OK);
    int64_t p = 0;
    int room = -1;
    CHECK_INT(store_profile_create(s, "Ann", T0, &p), STORE_OK);
    CHECK_INT(store_review_new_room(s, p, T0, &room), STORE_OK);
    CHECK_INT(room, 5);
    /* two first answered today, one waiting as new: two more may come */
    StoreAnswer a = answer(p, "a", GRADE_MODE_FLASHCARDS, 3, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a = answer(p, "b", GRADE_MODE_MAP, 1, T0);
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    CHECK_INT(store_memory_introduce(s, p, "sino-russian", "c", GRADE_MODE_FLASHCARDS, T0), STORE_OK);
    CHECK_INT(store_review_new_room(s, p, T0, &room), STORE_OK);
    CHECK_INT(room, 2);
    /* never below zero */
    for (int i = 0; i < 4; i++) {
        char id[8];
        snprintf(id, sizeof id, "n%d", i);
        CHECK_INT(store_memory_introduce(s, p, "sino-russian", id, GRADE_MODE_FLASHCARDS, T0), STORE_OK);
    }
    CHECK_INT(store_review_new_room(s, p, T0, &room), STORE_OK);
    CHECK_INT(room, 0);
    /* a later day starts afresh, less the five still waiting */
    CHECK_INT(store_review_new_room(s, p, T0 + 2 * DAY, &room), STORE_OK);
    CHECK_INT(room, 0);
    store_close(s);
    free(dir);
}

static void last_prompt_kind_should_name_how_an_item_was_last_asked(void)
{
    char *dir = fixture_dir("store_stats", "kind");
    Store *s = open_store(dir);
    int64_t p = 0;
    char kind[16] = "x";
    CHECK_INT(store_profile_create(s, "Ann", T0, &p), STORE_OK);
    CHECK_INT(store_answer_last_prompt_kind(s, p, "sino-russian", "tarbagatai-1864", GRADE_MODE_FLASHCARDS, kind, sizeof kind), STORE_ERR_NOT_FOUND);
    CHECK_STR(kind, "");
    StoreAnswer a = answer(p, "tarbagatai-1864", GRADE_MODE_FLASHCARDS, 3, T0);
    a.prompt_kind = "treaty";
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    a.prompt_kind = "region";
    a.timestamp = T0 + DAY;
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    CHECK_INT(store_answer_last_prompt_kind(s, p, "sino-russian", "tarbagatai-1864", GRADE_MODE_FLASHCARDS, kind, sizeof kind), STORE_OK);
    CHECK_STR(kind, "region");
    /* other modes keep their own */
    a.mode = GRADE_MODE_TIMELINE;
    a.prompt_kind = NULL;
    CHECK_INT(store_answer_record(s, &a, NULL, NULL), STORE_OK);
    CHECK_INT(store_answer_last_prompt_kind(s, p, "sino-russian", "tarbagatai-1864", GRADE_MODE_TIMELINE, kind, sizeof kind), STORE_OK);
    CHECK_STR(kind, "");
    CHECK_INT(store_answer_last_prompt_kind(s, p, "sino-russian", "tarbagatai-1864", GRADE_MODE_FLASHCARDS, kind, sizeof kind), STORE_OK);
    CHECK_STR(kind, "region");
    store_close(s);
    free(dir);
}

int main(void)
{
    RUN(last_prompt_kind_should_name_how_an_item_was_last_asked);
    RUN(new_room_should_leave_out_started_and_waiting_new_items);
    RUN(next_due_should_be_the_earliest_scheduled_item_after_now);
    RUN(totals_should_count_every_answer_and_the_right_ones);
    RUN(answers_since_should_count_only_a_sessions_answers);
    return CHECK_DONE();
}
