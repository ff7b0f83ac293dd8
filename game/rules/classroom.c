/* Classroom rounds: question generation, teams, scoring, answer styles, teacher controls and
 * ranking. See classroom.h for the rules; everything here is deterministic for a seed. */
#include "rules/classroom.h"

#include "base/util.h"
#include "rules/flashcards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Scoring ---- */

int classroom_speed_points(double seconds, int limit)
{
    if (limit <= 0 || seconds <= CLASSROOM_FULL_SECONDS)
        return CLASSROOM_FULL_POINTS;
    double span = (double)limit - CLASSROOM_FULL_SECONDS;
    double f = (seconds - CLASSROOM_FULL_SECONDS) / span;
    if (f > 1.0)
        f = 1.0;
    /* Rounded to whole points so totals add up exactly in the store and the CSV. */
    return (int)(CLASSROOM_FULL_POINTS * (1.0 - 0.5 * f) + 0.5);
}

int classroom_streak_bonus(int streak)
{
    if (streak <= 1)
        return 0;
    int bonus = (streak - 1) * CLASSROOM_STREAK_STEP;
    return bonus > CLASSROOM_STREAK_CAP ? CLASSROOM_STREAK_CAP : bonus;
}

/* ---- Questions ---- */

static const char *const KIND_NAMES[CLASSROOM_Q_KIND_COUNT] = {
    "when-signed", "which-treaty", "first", "order", "region"};

const char *classroom_question_kind_name(ClassroomQuestionKind kind)
{
    return (unsigned)kind < CLASSROOM_Q_KIND_COUNT ? KIND_NAMES[kind] : "?";
}

static bool item_year(const Pack *pack, PackItemRef ref, int *year)
{
    When w;
    if (!pack_item_when(pack, ref, &w))
        return false;
    *year = w.from.year;
    return true;
}

typedef struct Pools {
    PackItemRef *treaties, *dated, *regions, *all_dated;
    size_t nt, nd, nr, nad;
    size_t ct, cd, cr;             /* cursors: subjects are taken in turn, no repeat until all used */
} Pools;

static bool year_taken(const Pack *pack, const PackItemRef *items, int n, int year)
{
    for (int i = 0; i < n; i++) {
        int y;
        if (item_year(pack, items[i], &y) && y == year)
            return true;
    }
    return false;
}

/* Fills items[1..3] with dated items whose years differ from each other and from items[0],
 * from the level's pool first and then the whole pack. */
static bool pick_distinct_dated(const Pack *pack, const Pools *p, PackItemRef items[4])
{
    int n = 1;
    const PackItemRef *lists[2] = {p->dated, p->all_dated};
    size_t counts[2] = {p->nd, p->nad};
    for (int l = 0; l < 2 && n < 4; l++)
        for (size_t i = 0; i < counts[l] && n < 4; i++) {
            int y;
            if (item_year(pack, lists[l][i], &y) && !year_taken(pack, items, n, y))
                items[n++] = lists[l][i];
        }
    return n == 4;
}

static void shuffle_options(Rng *rng, ClassroomQuestion *q)
{
    /* Shuffles the option slots together and follows the right one. */
    int perm[4] = {0, 1, 2, 3};
    rng_shuffle(rng, perm, 4, sizeof perm[0]);
    ClassroomQuestion c = *q;
    for (int i = 0; i < 4; i++) {
        q->items[i] = c.items[perm[i]];
        q->years[i] = c.years[perm[i]];
        memcpy(q->orders[i], c.orders[perm[i]], sizeof q->orders[i]);
        if (perm[i] == c.right)
            q->right = i;
    }
}

static bool gen_when(const Pack *pack, Pools *p, Rng *rng, ClassroomQuestion *q)
{
    if (p->nt == 0)
        return false;
    q->subject = p->treaties[p->ct++ % p->nt];
    flashcards_year_choices(pack, q->subject, rng, q->years, &q->right);
    for (int i = 0; i < 4; i++)
        q->items[i] = q->subject;
    return true;
}

static bool gen_which_treaty(const Pack *pack, Pools *p, Rng *rng, ClassroomQuestion *q)
{
    if (p->nt == 0 || pack->treaty_count < 4)
        return false;
    PackItemRef subject = p->treaties[p->ct % p->nt];
    int year;
    if (!item_year(pack, subject, &year))
        return false;
    uint32_t *idx = malloc(pack->treaty_count * sizeof *idx);
    if (!idx)
        return false;
    for (uint32_t i = 0; i < pack->treaty_count; i++)
        idx[i] = i;
    rng_shuffle(rng, idx, pack->treaty_count, sizeof idx[0]);
    q->items[0] = subject;
    int n = 1;
    for (uint32_t i = 0; i < pack->treaty_count && n < 4; i++) {
        PackItemRef r = {PACK_KIND_TREATY, idx[i]};
        int y;
        if (item_year(pack, r, &y) && !year_taken(pack, q->items, n, y))
            q->items[n++] = r;
    }
    free(idx);
    if (n < 4)
        return false;
    p->ct++;
    q->subject = subject;
    q->right = 0;
    shuffle_options(rng, q);
    return true;
}

static bool gen_first(const Pack *pack, Pools *p, Rng *rng, ClassroomQuestion *q)
{
    if (p->nd == 0)
        return false;
    q->items[0] = p->dated[p->cd % p->nd];
    if (!pick_distinct_dated(pack, p, q->items))
        return false;
    p->cd++;
    rng_shuffle(rng, q->items, 4, sizeof q->items[0]);
    int best = 0, by = 0;
    for (int i = 0; i < 4; i++) {
        int y = 0;
        item_year(pack, q->items[i], &y);
        if (i == 0 || y < by) {
            best = i;
            by = y;
        }
    }
    q->right = best;
    q->subject = q->items[best];
    return true;
}

static bool same_order(const int8_t a[4], const int8_t b[4])
{
    return memcmp(a, b, 4) == 0;
}

static bool gen_order(const Pack *pack, Pools *p, Rng *rng, ClassroomQuestion *q)
{
    if (p->nd == 0)
        return false;
    q->items[0] = p->dated[p->cd % p->nd];
    if (!pick_distinct_dated(pack, p, q->items))
        return false;
    p->cd++;
    rng_shuffle(rng, q->items, 4, sizeof q->items[0]);
    /* The right order: item indices sorted by year (years are distinct). */
    int years[4];
    for (int i = 0; i < 4; i++)
        item_year(pack, q->items[i], &years[i]);
    int8_t right[4] = {0, 1, 2, 3};
    for (int i = 1; i < 4; i++)
        for (int j = i; j > 0 && years[right[j - 1]] > years[right[j]]; j--) {
            int8_t t = right[j];
            right[j] = right[j - 1];
            right[j - 1] = t;
        }
    memcpy(q->orders[0], right, 4);
    int n = 1;
    while (n < 4) {
        int8_t cand[4] = {0, 1, 2, 3};
        rng_shuffle(rng, cand, 4, sizeof cand[0]);
        bool dup = false;
        for (int i = 0; i < n; i++)
            dup = dup || same_order(cand, q->orders[i]);
        if (!dup)
            memcpy(q->orders[n++], cand, 4);
    }
    /* Options are orders, not items: shuffle only the orders. */
    int perm[4] = {0, 1, 2, 3};
    rng_shuffle(rng, perm, 4, sizeof perm[0]);
    int8_t orders[4][4];
    memcpy(orders, q->orders, sizeof orders);
    for (int i = 0; i < 4; i++) {
        memcpy(q->orders[i], orders[perm[i]], 4);
        if (perm[i] == 0)
            q->right = i;
    }
    q->subject = q->items[right[0]];
    return true;
}

static bool gen_region(const Pack *pack, Pools *p, Rng *rng, ClassroomQuestion *q)
{
    for (size_t tries = 0; tries < p->nr; tries++) {
        PackItemRef subject = p->regions[p->cr++ % p->nr];
        const PackRegion *reg = &pack->regions[subject.index];
        if (reg->map < 0)
            continue;
        const PackMap *map = &pack->maps[reg->map];
        if (map->region_count < 4)
            continue;
        uint32_t others[64];
        uint32_t n = 0;
        for (uint32_t i = 0; i < map->region_count && n < 64; i++)
            if (map->region_first + i != subject.index)
                others[n++] = map->region_first + i;
        rng_shuffle(rng, others, n, sizeof others[0]);
        q->items[0] = subject;
        for (int i = 1; i < 4; i++)
            q->items[i] = (PackItemRef){PACK_KIND_REGION, others[i - 1]};
        q->subject = subject;
        q->right = 0;
        shuffle_options(rng, q);
        return true;
    }
    return false;
}

int classroom_generate(const Pack *pack, const PackItemRef *pool, size_t pool_count, int count,
                       uint64_t seed, ClassroomQuestion *out)
{
    if (count > CLASSROOM_MAX_QUESTIONS)
        count = CLASSROOM_MAX_QUESTIONS;
    if (!pack || count <= 0)
        return 0;
    size_t all = pack->treaty_count + pack->event_count;
    Pools p = {0};
    p.treaties = malloc((pool_count + 1) * sizeof *p.treaties);
    p.dated = malloc((pool_count + 1) * sizeof *p.dated);
    p.regions = malloc((pool_count + 1) * sizeof *p.regions);
    p.all_dated = malloc((all + 1) * sizeof *p.all_dated);
    int made = 0;
    if (!p.treaties || !p.dated || !p.regions || !p.all_dated)
        goto done;
    for (size_t i = 0; i < pool_count; i++) {
        int y;
        if (pool[i].kind == PACK_KIND_TREATY && item_year(pack, pool[i], &y))
            p.treaties[p.nt++] = pool[i];
        if ((pool[i].kind == PACK_KIND_TREATY || pool[i].kind == PACK_KIND_EVENT) && item_year(pack, pool[i], &y))
            p.dated[p.nd++] = pool[i];
        if (pool[i].kind == PACK_KIND_REGION)
            p.regions[p.nr++] = pool[i];
    }
    for (uint32_t i = 0; i < pack->treaty_count; i++)
        p.all_dated[p.nad++] = (PackItemRef){PACK_KIND_TREATY, i};
    for (uint32_t i = 0; i < pack->event_count; i++)
        p.all_dated[p.nad++] = (PackItemRef){PACK_KIND_EVENT, i};
    Rng rng;
    rng_seed(&rng, seed);
    rng_shuffle(&rng, p.all_dated, p.nad, sizeof p.all_dated[0]);
    static const ClassroomQuestionKind rota[CLASSROOM_Q_KIND_COUNT] = {
        CLASSROOM_Q_WHEN_SIGNED, CLASSROOM_Q_FIRST, CLASSROOM_Q_REGION, CLASSROOM_Q_WHICH_TREATY,
        CLASSROOM_Q_ORDER};
    for (int i = 0; i < count; i++) {
        bool ok = false;
        for (int k = 0; k < CLASSROOM_Q_KIND_COUNT && !ok; k++) {
            ClassroomQuestion q;
            memset(&q, 0, sizeof q);
            q.kind = rota[(i + k) % CLASSROOM_Q_KIND_COUNT];
            switch (q.kind) {
            case CLASSROOM_Q_WHEN_SIGNED: ok = gen_when(pack, &p, &rng, &q); break;
            case CLASSROOM_Q_WHICH_TREATY: ok = gen_which_treaty(pack, &p, &rng, &q); break;
            case CLASSROOM_Q_FIRST: ok = gen_first(pack, &p, &rng, &q); break;
            case CLASSROOM_Q_ORDER: ok = gen_order(pack, &p, &rng, &q); break;
            case CLASSROOM_Q_REGION: ok = gen_region(pack, &p, &rng, &q); break;
            default: break;
            }
            if (ok)
                out[made++] = q;
        }
        if (!ok)
            break;
    }
done:
    free(p.treaties);
    free(p.dated);
    free(p.regions);
    free(p.all_dated);
    return made;
}

/* ---- The game ---- */

void classroom_init(ClassroomGame *g, const ClassroomConfig *config)
{
    memset(g, 0, sizeof *g);
    g->config = *config;
    if (g->config.scoring == CLASSROOM_SCORING_FAIR || g->config.time_limit < 0)
        g->config.time_limit = 0;
    g->phase = CLASSROOM_PHASE_SETUP;
}

int classroom_team_add(ClassroomGame *g, const char *name, int mark)
{
    if (g->phase != CLASSROOM_PHASE_SETUP || g->team_count >= CLASSROOM_MAX_TEAMS || !name || !*name)
        return -1;
    ClassroomTeam *t = &g->teams[g->team_count];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    t->mark = mark;
    return g->team_count++;
}

static void open_question(ClassroomGame *g)
{
    g->phase = CLASSROOM_PHASE_OPEN;
    g->elapsed = 0;
    g->answer_count = 0;
    for (int t = 0; t < CLASSROOM_MAX_TEAMS; t++)
        g->answers[g->current][t] = (ClassroomAnswer){.choice = -1};
}

bool classroom_start(ClassroomGame *g, const ClassroomQuestion *questions, int count)
{
    if (g->phase != CLASSROOM_PHASE_SETUP || g->team_count < CLASSROOM_MIN_TEAMS || count <= 0)
        return false;
    if (count > CLASSROOM_MAX_QUESTIONS)
        count = CLASSROOM_MAX_QUESTIONS;
    memcpy(g->questions, questions, (size_t)count * sizeof *questions);
    g->question_count = count;
    g->current = 0;
    open_question(g);
    return true;
}

bool classroom_all_answered(const ClassroomGame *g)
{
    if (g->phase != CLASSROOM_PHASE_OPEN)
        return false;
    for (int t = 0; t < g->team_count; t++) {
        const ClassroomAnswer *a = &g->answers[g->current][t];
        if (!a->answered && !a->locked_out)
            return false;
    }
    return true;
}

/* Scores the open question: points for each right answer, streaks advance for teams that
 * scored and reset for the rest; the state before goes to the undo log. */
static void score_question(ClassroomGame *g)
{
    ClassroomLogEntry e = {.kind = CLASSROOM_LOG_QUESTION, .question = g->current};
    for (int t = 0; t < g->team_count; t++) {
        e.scores[t] = g->teams[t].score;
        e.streaks[t] = g->teams[t].streak;
    }
    bool speed = g->config.scoring == CLASSROOM_SCORING_SPEED;
    for (int t = 0; t < g->team_count; t++) {
        ClassroomAnswer *a = &g->answers[g->current][t];
        ClassroomTeam *team = &g->teams[t];
        a->points = 0;
        if (a->answered && a->correct) {
            team->streak++;
            a->points = speed ? classroom_speed_points(a->seconds, g->config.time_limit) + classroom_streak_bonus(team->streak)
                              : CLASSROOM_FULL_POINTS;
            team->score += a->points;
        } else {
            team->streak = 0;
        }
    }
    if (g->log_count == CLASSROOM_LOG_MAX) {
        memmove(g->log, g->log + 1, (CLASSROOM_LOG_MAX - 1) * sizeof g->log[0]);
        g->log_count--;
    }
    g->log[g->log_count++] = e;
    g->phase = CLASSROOM_PHASE_CLOSED;
}

ClassroomBuzz classroom_answer(ClassroomGame *g, int team, int choice)
{
    if (g->phase != CLASSROOM_PHASE_OPEN || g->paused || team < 0 || team >= g->team_count ||
        choice < 0 || choice >= CLASSROOM_OPTIONS)
        return CLASSROOM_BUZZ_IGNORED;
    ClassroomAnswer *a = &g->answers[g->current][team];
    if (a->answered || a->locked_out)
        return CLASSROOM_BUZZ_IGNORED;
    bool right = choice == g->questions[g->current].right;
    a->choice = choice;
    a->seconds = g->elapsed;
    a->order = ++g->answer_count;
    a->correct = right;
    if (g->config.style == CLASSROOM_STYLE_ALL) {
        a->answered = true;
        if (classroom_all_answered(g))
            score_question(g);
        return CLASSROOM_BUZZ_LOCKED_IN;
    }
    if (right) {
        a->answered = true;
        score_question(g);
        return CLASSROOM_BUZZ_RIGHT;
    }
    /* A wrong buzz: the team keeps its recorded choice but may not buzz again. */
    a->answered = true;
    a->locked_out = true;
    if (classroom_all_answered(g))
        score_question(g);
    return CLASSROOM_BUZZ_WRONG;
}

bool classroom_tick(ClassroomGame *g, double dt)
{
    if (g->phase != CLASSROOM_PHASE_OPEN || g->paused || dt <= 0)
        return false;
    g->elapsed += dt;
    if (g->config.time_limit > 0 && g->elapsed >= g->config.time_limit) {
        g->elapsed = g->config.time_limit;
        score_question(g);
        return true;
    }
    return false;
}

void classroom_set_paused(ClassroomGame *g, bool paused)
{
    g->paused = paused;
}

bool classroom_reveal(ClassroomGame *g)
{
    if (g->phase != CLASSROOM_PHASE_OPEN)
        return false;
    score_question(g);
    return true;
}

bool classroom_next(ClassroomGame *g)
{
    if (g->phase != CLASSROOM_PHASE_CLOSED)
        return false;
    if (g->current + 1 >= g->question_count) {
        g->phase = CLASSROOM_PHASE_OVER;
        return false;
    }
    g->current++;
    open_question(g);
    return true;
}

bool classroom_skip(ClassroomGame *g)
{
    if (g->phase != CLASSROOM_PHASE_OPEN)
        return false;
    g->skipped[g->current] = true;
    g->phase = CLASSROOM_PHASE_CLOSED;
    return true;
}

bool classroom_undo(ClassroomGame *g, ClassroomLogEntry *what)
{
    if (g->log_count == 0 || g->phase == CLASSROOM_PHASE_SETUP)
        return false;
    ClassroomLogEntry *e = &g->log[--g->log_count];
    for (int t = 0; t < g->team_count; t++) {
        g->teams[t].score = e->scores[t];
        g->teams[t].streak = e->streaks[t];
    }
    if (e->kind == CLASSROOM_LOG_QUESTION) {
        g->voided[e->question] = true;
        for (int t = 0; t < g->team_count; t++)
            g->answers[e->question][t].points = 0;
    }
    if (what)
        *what = *e;
    return true;
}

bool classroom_adjust(ClassroomGame *g, int team, int delta)
{
    if (team < 0 || team >= g->team_count || delta == 0 || g->phase == CLASSROOM_PHASE_SETUP)
        return false;
    ClassroomLogEntry e = {.kind = CLASSROOM_LOG_ADJUST, .question = g->current, .team = team, .delta = delta};
    for (int t = 0; t < g->team_count; t++) {
        e.scores[t] = g->teams[t].score;
        e.streaks[t] = g->teams[t].streak;
    }
    if (g->log_count == CLASSROOM_LOG_MAX) {
        memmove(g->log, g->log + 1, (CLASSROOM_LOG_MAX - 1) * sizeof g->log[0]);
        g->log_count--;
    }
    g->log[g->log_count++] = e;
    g->teams[team].score += delta;
    return true;
}

void classroom_end(ClassroomGame *g)
{
    if (g->phase == CLASSROOM_PHASE_OPEN)
        g->skipped[g->current] = true;
    g->phase = CLASSROOM_PHASE_OVER;
}

void classroom_ranking(const ClassroomGame *g, int order[CLASSROOM_MAX_TEAMS],
                       int rank[CLASSROOM_MAX_TEAMS])
{
    int n = g->team_count;
    for (int i = 0; i < n; i++)
        order[i] = i;
    /* Insertion sort: stable, so equal scores keep team order. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && g->teams[order[j - 1]].score < g->teams[order[j]].score; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        if (i > 0 && g->teams[order[i]].score == g->teams[order[i - 1]].score)
            rank[order[i]] = rank[order[i - 1]];
        else
            rank[order[i]] = i + 1;
    }
}
