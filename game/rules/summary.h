/* The outcome of one round in any mode, shown by the results screen and stored as a level
 * result: score, stars from the level's thresholds, time, and what was missed with the right
 * answer and its source. Pure (libc only). */
#ifndef FRONTIERS_SUMMARY_H
#define FRONTIERS_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#define SUMMARY_MAX_MISSES 40

typedef struct RoundMiss {
    char item[96];        /* item id in the pack */
    char prompt[256];     /* what was asked, in the player's language */
    char answer[256];     /* the right answer */
    char given[160];      /* what the player answered ("" when nothing) */
    char source[256];     /* the source title (and author) backing the answer */
} RoundMiss;

typedef struct RoundSummary {
    char level[64];       /* level id ("" for free play and reviews) */
    char title[160];      /* shown as the heading */
    char pack[64];
    char mode[16];        /* "timeline", "map", "flashcards", "review", "classroom" */
    int score, max_score;
    int correct, total;
    int thresholds[3];    /* star thresholds in percent of max_score */
    int stars;            /* 0..3, filled by summary_finish */
    int64_t time_ms;
    bool won;             /* false when the round ended early (lives ran out) */
    RoundMiss misses[SUMMARY_MAX_MISSES];
    int miss_count;
    char retry_scene[32]; /* scene and argument that play the same level again */
    char retry_arg[64];
} RoundSummary;

/* Stars for score out of max with ascending percentage thresholds (0 when max is 0). */
int summary_stars(int score, int max_score, const int thresholds[3]);
/* Computes stars. */
void summary_finish(RoundSummary *s);
/* Adds a missed item (strings are truncated to fit; extra misses beyond the limit are counted
 * in total but not listed). */
void summary_add_miss(RoundSummary *s, const char *item, const char *prompt, const char *answer,
                      const char *given, const char *source);

#endif
