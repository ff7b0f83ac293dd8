/* The timeline round as pure rules: insert mode (one card starts the line, each next card is
 * placed into a gap; wrong cards move to their true place and cost a life) and order-all mode
 * (arrange every card, then check; partial credit from the longest correctly ordered subsequence).
 * Dates compare at the coarser precision of the two cards, so equal dates are ties and either
 * order is right. No clock, no SDL: times come in as arguments, deals come from a seeded Rng. */
#ifndef FRONTIERS_TIMELINE_H
#define FRONTIERS_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/level.h"
#include "content/pack.h"
#include "content/text.h"
#include "base/util.h"

#define TIMELINE_MAX_CARDS 64
#define TIMELINE_POINTS 100          /* for each right placement */
#define TIMELINE_STREAK_STEP 10      /* streak bonus per card in the streak before this one */
#define TIMELINE_STREAK_CAP 50
#define TIMELINE_SPEED_MAX 50        /* speed bonus for an answer within TIMELINE_SPEED_FULL_MS */
#define TIMELINE_SPEED_FULL_MS 3000
#define TIMELINE_SPEED_ZERO_MS 15000 /* no speed bonus from here (or from the time limit) */

typedef enum TimelineVariant {
    TIMELINE_INSERT = 0,
    TIMELINE_ORDER,
} TimelineVariant;

/* Which end of a range (a war) orders it. */
typedef enum TimelineRangeKey {
    TIMELINE_BY_START = 0,
    TIMELINE_BY_END,
} TimelineRangeKey;

typedef struct TimelineCard {
    PackItemRef ref;
    When when;
} TimelineCard;

typedef struct TimelineConfig {
    TimelineVariant variant;
    int lives;                  /* insert mode; 0 = unlimited */
    bool streak_bonus, speed_bonus;
    int time_limit_ms;          /* 0: none; the speed bonus reaches 0 at the limit */
    TimelineRangeKey range_key;
    int stars[3];               /* percent thresholds */
} TimelineConfig;

typedef enum TimelineCardState {
    TIMELINE_CARD_DECK = 0,     /* not yet on the line */
    TIMELINE_CARD_START,        /* the card the line starts with (insert mode; not scored) */
    TIMELINE_CARD_RIGHT,
    TIMELINE_CARD_WRONG,
} TimelineCardState;

typedef struct TimelinePlacement {
    int card;                   /* index in cards */
    int gap_chosen;             /* the gap the player chose */
    int gap_final;              /* where the card stays (== gap_chosen when right) */
    bool correct;
    bool tie;                   /* equal at precision to a neighbour at its final place */
    int points;                 /* base + bonuses, 0 when wrong */
    int streak_bonus, speed_bonus;
    bool life_lost;
    bool finished;              /* the round ended with this placement */
} TimelinePlacement;

typedef struct Timeline {
    TimelineConfig config;
    TimelineCard cards[TIMELINE_MAX_CARDS];   /* in deal order; insert mode starts with cards[0] */
    TimelineCardState state[TIMELINE_MAX_CARDS];
    int64_t response_ms[TIMELINE_MAX_CARDS];
    int count;
    /* Insert: the line in date order (indices into cards). Order: the player's arrangement. */
    int line[TIMELINE_MAX_CARDS];
    int line_count;
    int next;                   /* insert: next card of the deck to place */
    int lives;
    int score, max_score;
    int streak, best_streak;
    int right, wrong;
    /* Order mode, after the check. */
    bool checked;
    int pairs_right, pairs_total;
    bool finished;
    bool won;                   /* the deck ran out before the lives did */
} Timeline;

typedef enum TimelineError {
    TIMELINE_OK = 0,
    TIMELINE_ERR_ARGS,          /* too few or too many cards, bad gap or index */
    TIMELINE_ERR_STATE,         /* the round is finished or in the other mode */
    TIMELINE_ERR_NOMEM,
} TimelineError;

/* The date that orders a card: its start, or its end for a range with TIMELINE_BY_END. */
Date timeline_key(const When *w, TimelineRangeKey key);
/* -1, 0 (a tie at the coarser precision) or 1. */
int timeline_compare(const When *a, const When *b, TimelineRangeKey key);

/* The config a level asks for (variant, lives with 3 as default, bonuses, stars). */
void timeline_config_from_level(const Level *level, TimelineConfig *out);
/* Deals the level's cards (level_select_items: tags, date range, spread, avoid_ties, seed).
 * Only dated items are kept. */
TimelineError timeline_deal(const Level *level, const Pack *pack, Rng *rng, TimelineCard *out,
                            int max, int *n);
/* A card for one item of the pack; false when the item has no date. */
bool timeline_card_for(const Pack *pack, PackItemRef ref, TimelineCard *out);

/* Starts a round with n cards (2..TIMELINE_MAX_CARDS). Insert mode puts cards[0] on the line;
 * order mode lays all cards out in the given order for the player to arrange. */
TimelineError timeline_start(Timeline *t, const TimelineConfig *config, const TimelineCard *cards,
                             int n);

/* Insert mode. The card to place now, or -1 when finished. */
int timeline_current(const Timeline *t);
/* Whether card would be right in gap (0..line_count): every card before it is not later, every
 * card after it not earlier. */
bool timeline_gap_is_right(const Timeline *t, int card, int gap);
/* Places the current card in gap. response_ms is the time the player took (for the speed
 * bonus and the grade). */
TimelineError timeline_insert(Timeline *t, int gap, int64_t response_ms, TimelinePlacement *out);

/* Order mode: move the card at position from to position to (the others shift). */
TimelineError timeline_order_move(Timeline *t, int from, int to);
/* Order mode: marks every card right (in a longest correctly ordered subsequence of the
 * arrangement) or wrong, scores TIMELINE_POINTS per right card, counts pairs in the right
 * order, and finishes the round. response_ms is the time for the whole arrangement. */
TimelineError timeline_order_check(Timeline *t, int64_t response_ms);

/* The points for a right placement with this streak (right answers just before it) and time. */
int timeline_points(const TimelineConfig *config, int streak_before, int64_t response_ms,
                    int *streak_bonus, int *speed_bonus);
/* All cards in true date order (stable: deal order among ties). */
void timeline_sorted(const Timeline *t, int *out);
int timeline_stars(const Timeline *t);

#endif
