/* Unit tests for the classroom rules: speed points, streaks, buzz-in arbitration and lockout,
 * ties, undo, and question generation on the shipped pack. */
#include "check.h"
#include "base/util.h"
#include "rules/classroom.h"

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

/* A game with n teams and q questions whose right answer is option (i % 4). */
static void setup(ClassroomGame *g, ClassroomScoring scoring, ClassroomStyle style, int limit, int n, int q)
{
    ClassroomConfig c = {.scoring = scoring, .style = style, .time_limit = limit};
    classroom_init(g, &c);
    static const char *const names[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
    for (int i = 0; i < n; i++)
        CHECK_INT(classroom_team_add(g, names[i], i), i);
    ClassroomQuestion qs[CLASSROOM_MAX_QUESTIONS] = {0};
    for (int i = 0; i < q; i++)
        qs[i].right = i % 4;
    CHECK(classroom_start(g, qs, q));
}

static void speed_points_should_be_full_within_half_a_second(void)
{
    CHECK_INT(classroom_speed_points(0.0, 20), 1000);
    CHECK_INT(classroom_speed_points(0.5, 20), 1000);
}

static void speed_points_should_fall_linearly_to_half_at_the_limit(void)
{
    CHECK_INT(classroom_speed_points(20.0, 20), 500);
    /* Halfway between 0.5 s and 20 s: three quarters. */
    CHECK_INT(classroom_speed_points(10.25, 20), 750);
    CHECK_INT(classroom_speed_points(30.0, 20), 500);
    CHECK(classroom_speed_points(5.0, 20) > classroom_speed_points(6.0, 20));
}

static void speed_points_should_be_full_without_a_timer(void)
{
    CHECK_INT(classroom_speed_points(42.0, 0), 1000);
}

static void streak_bonus_should_grow_by_100_and_stop_at_500(void)
{
    CHECK_INT(classroom_streak_bonus(1), 0);
    CHECK_INT(classroom_streak_bonus(2), 100);
    CHECK_INT(classroom_streak_bonus(4), 300);
    CHECK_INT(classroom_streak_bonus(6), 500);
    CHECK_INT(classroom_streak_bonus(12), 500);
}

static void streaks_should_add_bonus_and_reset_on_a_miss(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 20, 2, 4);
    /* Q0 (right 0): A right at once, B wrong. */
    CHECK_INT(classroom_answer(&g, 0, 0), CLASSROOM_BUZZ_LOCKED_IN);
    CHECK_INT(classroom_answer(&g, 1, 1), CLASSROOM_BUZZ_LOCKED_IN);
    CHECK_INT(g.phase, CLASSROOM_PHASE_CLOSED);
    CHECK_INT(g.teams[0].score, 1000);
    CHECK_INT(g.teams[1].score, 0);
    CHECK(classroom_next(&g));
    /* Q1 (right 1): A right again: 1000 + 100 streak. */
    classroom_answer(&g, 0, 1);
    classroom_answer(&g, 1, 1);
    CHECK_INT(g.answers[1][0].points, 1100);
    CHECK_INT(g.answers[1][1].points, 1000);
    CHECK(classroom_next(&g));
    /* Q2: A does not answer before the teacher reveals: streak resets. */
    classroom_answer(&g, 1, 2);
    CHECK(classroom_reveal(&g));
    CHECK_INT(g.teams[0].streak, 0);
    CHECK_INT(g.teams[1].streak, 2);
    CHECK_INT(g.answers[2][1].points, 1100);
    CHECK_INT(g.teams[0].score, 2100);
    CHECK_INT(g.teams[1].score, 2100);
}

static void fair_mode_should_give_flat_points_with_no_timer_and_no_streak(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_FAIR, CLASSROOM_STYLE_ALL, 20, 2, 3);
    CHECK_INT(g.config.time_limit, 0);
    CHECK(!classroom_tick(&g, 500.0));
    CHECK_INT(g.phase, CLASSROOM_PHASE_OPEN);
    classroom_answer(&g, 0, 0);
    classroom_answer(&g, 1, 0);
    classroom_next(&g);
    classroom_answer(&g, 0, 1);
    classroom_answer(&g, 1, 1);
    CHECK_INT(g.answers[1][0].points, 1000);
    CHECK_INT(g.teams[0].score, 2000);
    CHECK_INT(g.teams[1].score, 2000);
}

static void every_team_should_lock_in_only_its_first_answer(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 20, 3, 1);
    classroom_tick(&g, 2.0);
    CHECK_INT(classroom_answer(&g, 1, 3), CLASSROOM_BUZZ_LOCKED_IN);
    CHECK_INT(classroom_answer(&g, 1, 0), CLASSROOM_BUZZ_IGNORED);
    CHECK_INT(g.answers[0][1].choice, 3);
    CHECK_INT(g.phase, CLASSROOM_PHASE_OPEN);
    CHECK(!classroom_all_answered(&g));
    CHECK_INT(classroom_answer(&g, 7, 0), CLASSROOM_BUZZ_IGNORED);   /* no such team */
}

static void time_limit_should_close_and_score_the_question(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 10, 2, 2);
    classroom_tick(&g, 4.0);
    classroom_answer(&g, 0, 0);
    CHECK(!classroom_tick(&g, 5.9));
    CHECK(classroom_tick(&g, 0.2));
    CHECK_INT(g.phase, CLASSROOM_PHASE_CLOSED);
    /* 4 s of 10: 1000 * (1 - 0.5 * 3.5 / 9.5) = 815.8 -> 816 */
    CHECK_INT(g.teams[0].score, 816);
    CHECK_INT(classroom_answer(&g, 1, 0), CLASSROOM_BUZZ_IGNORED);
}

static void pause_should_stop_the_clock_and_the_buzzers(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 10, 2, 1);
    classroom_set_paused(&g, true);
    CHECK(!classroom_tick(&g, 60.0));
    CHECK_NEAR(g.elapsed, 0.0, 1e-9);
    CHECK_INT(classroom_answer(&g, 0, 0), CLASSROOM_BUZZ_IGNORED);
    classroom_set_paused(&g, false);
    CHECK_INT(classroom_answer(&g, 0, 0), CLASSROOM_BUZZ_LOCKED_IN);
}

static void buzz_in_should_let_the_first_right_buzz_win(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_BUZZ, 20, 3, 1);
    CHECK_INT(classroom_answer(&g, 2, 0), CLASSROOM_BUZZ_RIGHT);
    /* A buzz in the same instant after the winner arrives too late. */
    CHECK_INT(classroom_answer(&g, 0, 0), CLASSROOM_BUZZ_IGNORED);
    CHECK_INT(g.phase, CLASSROOM_PHASE_CLOSED);
    CHECK_INT(g.teams[2].score, 1000);
    CHECK_INT(g.teams[0].score, 0);
    CHECK_INT(g.answers[0][0].choice, -1);
}

static void buzz_in_should_lock_out_a_wrong_team_and_pass_to_the_others(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_BUZZ, 20, 3, 1);
    CHECK_INT(classroom_answer(&g, 0, 2), CLASSROOM_BUZZ_WRONG);
    CHECK(g.answers[0][0].locked_out);
    CHECK_INT(classroom_answer(&g, 0, 0), CLASSROOM_BUZZ_IGNORED);   /* locked out */
    CHECK_INT(g.phase, CLASSROOM_PHASE_OPEN);
    classroom_tick(&g, 3.0);
    CHECK_INT(classroom_answer(&g, 1, 0), CLASSROOM_BUZZ_RIGHT);
    CHECK_INT(g.answers[0][1].order, 2);
    CHECK_INT(g.teams[0].score, 0);
    CHECK_INT(g.teams[1].score, classroom_speed_points(3.0, 20));
}

static void buzz_in_should_close_when_every_team_is_locked_out(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_FAIR, CLASSROOM_STYLE_BUZZ, 0, 2, 1);
    CHECK_INT(classroom_answer(&g, 0, 1), CLASSROOM_BUZZ_WRONG);
    CHECK_INT(classroom_answer(&g, 1, 2), CLASSROOM_BUZZ_WRONG);
    CHECK_INT(g.phase, CLASSROOM_PHASE_CLOSED);
    CHECK_INT(g.teams[0].score + g.teams[1].score, 0);
}

static void ranking_should_share_ranks_on_ties(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_FAIR, CLASSROOM_STYLE_ALL, 0, 4, 1);
    g.teams[0].score = 1000;
    g.teams[1].score = 3000;
    g.teams[2].score = 3000;
    g.teams[3].score = 0;
    int order[CLASSROOM_MAX_TEAMS], rank[CLASSROOM_MAX_TEAMS];
    classroom_ranking(&g, order, rank);
    CHECK_INT(order[0], 1);
    CHECK_INT(order[1], 2);
    CHECK_INT(order[2], 0);
    CHECK_INT(order[3], 3);
    CHECK_INT(rank[1], 1);
    CHECK_INT(rank[2], 1);
    CHECK_INT(rank[0], 3);
    CHECK_INT(rank[3], 4);
}

static void undo_should_take_back_the_last_scoring_then_the_one_before(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 20, 2, 2);
    classroom_answer(&g, 0, 0);
    classroom_answer(&g, 1, 0);
    classroom_next(&g);
    classroom_answer(&g, 0, 1);
    classroom_answer(&g, 1, 0);
    CHECK_INT(g.teams[0].score, 2100);
    CHECK(classroom_adjust(&g, 1, 250));
    CHECK_INT(g.teams[1].score, 1250);
    ClassroomLogEntry e;
    CHECK(classroom_undo(&g, &e));
    CHECK_INT(e.kind, CLASSROOM_LOG_ADJUST);
    CHECK_INT(g.teams[1].score, 1000);
    CHECK(classroom_undo(&g, &e));
    CHECK_INT(e.kind, CLASSROOM_LOG_QUESTION);
    CHECK_INT(e.question, 1);
    CHECK_INT(g.teams[0].score, 1000);
    CHECK_INT(g.teams[0].streak, 1);
    CHECK(g.voided[1]);
    CHECK_INT(g.answers[1][0].points, 0);
    CHECK(classroom_undo(&g, &e));
    CHECK_INT(g.teams[0].score + g.teams[1].score, 0);
    CHECK(!classroom_undo(&g, &e));
}

static void skip_should_score_nothing_and_end_after_the_last(void)
{
    ClassroomGame g;
    setup(&g, CLASSROOM_SCORING_SPEED, CLASSROOM_STYLE_ALL, 20, 2, 2);
    classroom_answer(&g, 0, 0);
    CHECK(classroom_skip(&g));
    CHECK(!classroom_skip(&g));
    CHECK(g.skipped[0]);
    CHECK_INT(g.teams[0].score, 0);
    CHECK_INT(g.answers[0][0].choice, 0);
    CHECK(classroom_next(&g));
    CHECK_INT(g.current, 1);
    CHECK(classroom_skip(&g));
    CHECK(!classroom_next(&g));
    CHECK_INT(g.phase, CLASSROOM_PHASE_OVER);
}

static void start_should_need_two_teams(void)
{
    ClassroomGame g;
    ClassroomConfig c = {0};
    classroom_init(&g, &c);
    ClassroomQuestion q = {0};
    CHECK_INT(classroom_team_add(&g, "Solo", 0), 0);
    CHECK(!classroom_start(&g, &q, 1));
    CHECK_INT(classroom_team_add(&g, "", 1), -1);
    for (int i = 1; i < CLASSROOM_MAX_TEAMS; i++)
        CHECK_INT(classroom_team_add(&g, "T", i), i);
    CHECK_INT(classroom_team_add(&g, "Ninth", 0), -1);
    CHECK(classroom_start(&g, &q, 1));
}

static int year_of(const Pack *p, PackItemRef r)
{
    When w;
    return pack_item_when(p, r, &w) ? w.from.year : 0;
}

static void generated_questions_should_have_one_right_answer_and_repeat_for_a_seed(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    PackItemRef pool[64];
    size_t n = 0;
    for (uint32_t i = 0; i < p->treaty_count && n < 20; i++)
        pool[n++] = (PackItemRef){PACK_KIND_TREATY, i};
    for (uint32_t i = 0; i < p->region_count && n < 30; i++)
        pool[n++] = (PackItemRef){PACK_KIND_REGION, i};
    ClassroomQuestion a[12], b[12];
    int na = classroom_generate(p, pool, n, 12, 42, a);
    int nb = classroom_generate(p, pool, n, 12, 42, b);
    CHECK_INT(na, 12);
    CHECK_INT(nb, 12);
    CHECK(memcmp(a, b, sizeof a) == 0);
    bool seen[CLASSROOM_Q_KIND_COUNT] = {false};
    for (int i = 0; i < na; i++) {
        const ClassroomQuestion *q = &a[i];
        seen[q->kind] = true;
        CHECK(q->right >= 0 && q->right < 4);
        if (q->kind == CLASSROOM_Q_WHEN_SIGNED) {
            CHECK_INT(q->years[q->right], year_of(p, q->subject));
            for (int j = 0; j < 4; j++)
                if (j != q->right)
                    CHECK(q->years[j] != q->years[q->right]);
        } else if (q->kind == CLASSROOM_Q_FIRST) {
            for (int j = 0; j < 4; j++)
                if (j != q->right)
                    CHECK(year_of(p, q->items[j]) > year_of(p, q->items[q->right]));
        } else if (q->kind == CLASSROOM_Q_ORDER) {
            const int8_t *o = q->orders[q->right];
            for (int j = 1; j < 4; j++)
                CHECK(year_of(p, q->items[o[j - 1]]) < year_of(p, q->items[o[j]]));
            for (int j = 0; j < 4; j++)
                if (j != q->right)
                    CHECK(memcmp(q->orders[j], o, 4) != 0);
        } else {
            CHECK(q->items[q->right].kind == q->subject.kind && q->items[q->right].index == q->subject.index);
            for (int j = 0; j < 4; j++)
                for (int k = j + 1; k < 4; k++)
                    CHECK(q->items[j].index != q->items[k].index);
        }
    }
    for (int k = 0; k < CLASSROOM_Q_KIND_COUNT; k++)
        CHECK(seen[k]);
    pack_free(p);
}

static void generate_should_make_nothing_from_an_empty_pool(void)
{
    Pack *p = load_pack();
    if (!p)
        return;
    ClassroomQuestion q[4];
    CHECK_INT(classroom_generate(p, NULL, 0, 4, 1, q), 0);
    pack_free(p);
}

int main(void)
{
    RUN(speed_points_should_be_full_within_half_a_second);
    RUN(speed_points_should_fall_linearly_to_half_at_the_limit);
    RUN(speed_points_should_be_full_without_a_timer);
    RUN(streak_bonus_should_grow_by_100_and_stop_at_500);
    RUN(streaks_should_add_bonus_and_reset_on_a_miss);
    RUN(fair_mode_should_give_flat_points_with_no_timer_and_no_streak);
    RUN(every_team_should_lock_in_only_its_first_answer);
    RUN(time_limit_should_close_and_score_the_question);
    RUN(pause_should_stop_the_clock_and_the_buzzers);
    RUN(buzz_in_should_let_the_first_right_buzz_win);
    RUN(buzz_in_should_lock_out_a_wrong_team_and_pass_to_the_others);
    RUN(buzz_in_should_close_when_every_team_is_locked_out);
    RUN(ranking_should_share_ranks_on_ties);
    RUN(undo_should_take_back_the_last_scoring_then_the_one_before);
    RUN(skip_should_score_nothing_and_end_after_the_last);
    RUN(start_should_need_two_teams);
    RUN(generated_questions_should_have_one_right_answer_and_repeat_for_a_seed);
    RUN(generate_should_make_nothing_from_an_empty_pool);
    return CHECK_DONE();
}
