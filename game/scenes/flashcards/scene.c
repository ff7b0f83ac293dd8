/* The treaty flashcard round. Classic: the front names a treaty (or, for a region card, shows
 * the land on the map: which treaty moved it?); flip it to read when and where it was signed,
 * who signed, what it did and the source, then grade yourself Again / Hard / Good / Easy (each
 * button shows when the card would come back). Choice: pick the year from four. Typed: type the
 * year. Opened with "review", it deals the due flashcard items instead of a level. Every answer
 * is stored before the next card shows. */
#include "content/i18n.h"
#include "app/session.h"
#include "app/scene.h"
#include "base/util.h"
#include "rules/flashcards.h"
#include "scenes/scenes.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/mapview.h"
#include "ui/text.h"
#include "ui/notes.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum Phase { PHASE_FRONT = 0, PHASE_BACK, PHASE_FEEDBACK } Phase;

typedef struct FlashScene {
    Scene base;
    Level *level;
    bool review;
    char title[160];
    int region;           /* the current card's region (map face), -1 none */
    MapView *view;        /* of the region's map, built when first needed */
    const Pack *pack;
    LevelVariant variant;
    PackItemRef deck[FLASHCARDS_MAX];
    int count, index;
    Phase phase;
    double t, flip_t, card_t;
    /* The current card's text, built once when it is dealt. */
    char front[600];
    char back_title[400];
    char back[2400];
    /* How each side's historiography frames the treaty (the pack's perspectives), for the back. */
    char persp[2][900];
    char persp_label[2][96];
    int persp_count;
    char source[320];
    int year;
    /* Choice */
    int years[4], right, chosen;
    /* Typed */
    char typed[32];
    bool typed_right;
    /* Classic grade buttons */
    int64_t intervals[4];
    char interval_label[4][48];
    Nav nav;
    SDL_Rect buttons[4];
    SDL_Rect card_rect;
    int right_count, answers_recorded;
    RoundSummary summary;
    NotesPanel notes;     /* the card's note and sources, once its answer is shown */
    Rng rng;
} FlashScene;

static bool classic(const FlashScene *s)
{
    return s->variant != LEVEL_VARIANT_CHOICE && s->variant != LEVEL_VARIANT_TYPED;
}


static void append(char *buf, size_t cap, const char *text)
{
    size_t n = strlen(buf);
    if (n < cap)
        snprintf(buf + n, cap - n, "%s", text);
}

/* The name, in all three languages when the setting asks. */
static void item_name(const FlashScene *s, App *app, PackItemRef ref, char *out, size_t cap)
{
    const Text *name = ref.kind == PACK_KIND_TREATY ? &s->pack->treaties[ref.index].name : NULL;
    if (name && app->settings.show_all_names) {
        snprintf(out, cap, "%s\n%s \xC2\xB7 %s", text_get(name, app->lang),
                 text_get(name, strcmp(app->lang, "ru") == 0 ? "en" : "ru"),
                 text_get(name, strcmp(app->lang, "zh") == 0 ? "en" : "zh"));
    } else {
        snprintf(out, cap, "%s", pack_item_title(s->pack, ref, app->lang));
    }
}

static void build_card(FlashScene *s, App *app)
{
    PackItemRef ref = s->deck[s->index];
    const Pack *p = s->pack;
    /* A region card asks for the treaty that moved the region: its back is that treaty. */
    s->region = -1;
    if (ref.kind == PACK_KIND_REGION && p->regions[ref.index].treaty >= 0) {
        s->region = (int)ref.index;
        ref = (PackItemRef){PACK_KIND_TREATY, (uint32_t)p->regions[ref.index].treaty};
        if (s->view && mapview_map_index(s->view) != (uint32_t)p->regions[s->region].map) {
            mapview_destroy(s->view);
            s->view = NULL;
        }
        if (!s->view && p->regions[s->region].map >= 0) {
            char err[300];
            s->view = mapview_create(p, (uint32_t)p->regions[s->region].map, err, sizeof err);
            if (!s->view)
                app_notice(app, err, 8);
        }
    }
    char name[400];
    item_name(s, app, ref, name, sizeof name);
    s->year = 0;
    flashcards_year(p, ref, &s->year);
    When w = {0};
    bool dated = pack_item_when(p, ref, &w);
    char date[128] = "";
    if (dated) {
        when_format(&w, app->lang, date, sizeof date);
        if (w.has_old_style) {
            char os[64];
            date_format(&w.old_style, app->lang, os, sizeof os);
            size_t n = strlen(date);
            snprintf(date + n, sizeof date - n, " (%s %s)", app_tr(app, "timeline.old_style"), os);
        }
    }
    if (s->region >= 0 && classic(s)) {
        snprintf(s->front, sizeof s->front, "%s", app_tr(app, "map.which_treaty"));
    } else if (classic(s)) {
        snprintf(s->front, sizeof s->front, "%s", name);
    } else {
        /* A year in the treaty's own name would give the answer away: blank it out. */
        for (char *c = name; *c; c++)
            if (c[0] >= '0' && c[0] <= '9' && c[1] >= '0' && c[1] <= '9' && c[2] >= '0' && c[2] <= '9' && c[3] >= '0' && c[3] <= '9') {
                memcpy(c, "\xE2\x80\xA6", 3);
                memmove(c + 3, c + 4, strlen(c + 4) + 1);
            }
        const char *names[] = {"name"};
        const char *values[] = {name};
        i18n_format(s->front, sizeof s->front, app_tr(app, "flashcards.when_signed"), names, values, 1);
    }
    snprintf(s->back_title, sizeof s->back_title, "%s", s->region >= 0 ? name : pack_item_title(p, ref, app->lang));
    s->back[0] = '\0';
    s->persp_count = 0;
    PackRefs sources = {0};
    if (s->region >= 0) {
        char line[400];
        snprintf(line, sizeof line, "%s: %s\n", app_tr(app, "flashcards.region"), text_get(&p->regions[s->region].name, app->lang));
        append(s->back, sizeof s->back, line);
    }
    if (ref.kind == PACK_KIND_TREATY) {
        const PackTreaty *t = &p->treaties[ref.index];
        sources = t->sources;
        char line[600];
        snprintf(line, sizeof line, "%s: %s\n", app_tr(app, "flashcards.signed"), date);
        append(s->back, sizeof s->back, line);
        if (t->place >= 0) {
            snprintf(line, sizeof line, "%s: %s\n", app_tr(app, "flashcards.place"), text_get(&p->places[t->place].name, app->lang));
            append(s->back, sizeof s->back, line);
        }
        for (uint32_t i = 0; i < t->signatory_count; i++) {
            const PackSignatory *sg = &t->signatories[i];
            if (sg->people.count == 0)
                continue; /* a side whose signatories the sources do not name */
            snprintf(line, sizeof line, "%s:", sg->party >= 0 ? text_get(&p->parties[sg->party].name, app->lang) : "?");
            for (uint32_t k = 0; k < sg->people.count; k++) {
                size_t n = strlen(line);
                snprintf(line + n, sizeof line - n, "%s %s", k ? "," : "", text_get(&p->people[sg->people.items[k]].name, app->lang));
            }
            append(s->back, sizeof s->back, line);
            append(s->back, sizeof s->back, "\n");
        }
        /* Ratification and later confirmation, kept apart from the signing, before the terms so
         * they are never cut off. */
        for (uint32_t i = 0; i < t->ratification_count && i < 2; i++) {
            snprintf(line, sizeof line, "%s\n", text_get(&t->ratifications[i].text, app->lang));
            append(s->back, sizeof s->back, line);
        }
        for (uint32_t i = 0; i < t->term_count && i < 3; i++) {
            snprintf(line, sizeof line, "\xE2\x80\xA2 %s\n", text_get(&t->terms[i], app->lang));
            append(s->back, sizeof s->back, line);
        }
        for (uint32_t i = 0; i < t->perspective_count && s->persp_count < 2; i++) {
            const PackPerspective *pv = &t->perspectives[i];
            char key[64];
            snprintf(key, sizeof key, "flashcards.view_%s", pv->key);
            const char *label = app_tr(app, key);
            snprintf(s->persp_label[s->persp_count], sizeof s->persp_label[0], "%s",
                     strcmp(label, key) == 0 ? pv->key : label);
            snprintf(s->persp[s->persp_count], sizeof s->persp[0], "%s", text_get(&pv->text, app->lang));
            s->persp_count++;
        }
    } else if (ref.kind == PACK_KIND_EVENT) {
        const PackEvent *e = &p->events[ref.index];
        sources = e->sources;
        char line[400];
        snprintf(line, sizeof line, "%s\n", date);
        append(s->back, sizeof s->back, line);
        append(s->back, sizeof s->back, text_get(&e->summary, app->lang));
    } else if (ref.kind == PACK_KIND_FLASHCARD) {
        const PackFlashcard *f = &p->flashcards[ref.index];
        sources = f->sources;
        snprintf(s->front, sizeof s->front, "%s", text_get(&f->front, app->lang));
        snprintf(s->back_title, sizeof s->back_title, "%s", text_get(&f->front, app->lang));
        append(s->back, sizeof s->back, text_get(&f->back, app->lang));
    }
    app_source_label(p, sources, s->source, sizeof s->source);
    s->phase = PHASE_FRONT;
    s->card_t = s->t;
    s->chosen = -1;
    s->typed[0] = '\0';
    if (s->variant == LEVEL_VARIANT_CHOICE) {
        flashcards_year_choices(p, ref, &s->rng, s->years, &s->right);
        nav_init(&s->nav, 4, 2);
        s->nav.focus = 0;
    }
    app->input.text_input = s->variant == LEVEL_VARIANT_TYPED;
    /* Next intervals for the grade buttons, from the stored memory state. */
    FsrsParams params;
    fsrs_params_default(&params);
    params.desired_retention = app->settings.retention;
    FsrsCard card;
    int64_t now = app_now(app);
    fsrs_card_init(&card, now);
    StoreMemory mem;
    if (app->store && app->profile_id &&
        store_memory_get(app->store, app->profile_id, p->id, pack_item_id(p, s->deck[s->index]), GRADE_MODE_FLASHCARDS, &mem) == STORE_OK)
        card = mem.card;
    flashcards_intervals(&params, &card, now, s->intervals);
    const char *units[5] = {app_tr(app, "flashcards.unit_min"), app_tr(app, "flashcards.unit_h"),
                            app_tr(app, "flashcards.unit_d"), app_tr(app, "flashcards.unit_mo"),
                            app_tr(app, "flashcards.unit_y")};
    for (int g = 0; g < 4; g++)
        flashcards_interval_label_units(s->intervals[g], units, s->interval_label[g], sizeof s->interval_label[g]);
}

/* The due flashcard items of one pack (the first pack with any), most overdue first. */
static void deal_review(FlashScene *s, App *app)
{
    StoreMemory due[FLASHCARDS_MAX];
    size_t n = app_review_due(app, GRADE_MODE_FLASHCARDS, due, FLASHCARDS_MAX);
    for (size_t i = 0; i < n; i++) {
        const Pack *p = app_review_pack(app, &due[i], s->pack);
        if (!p)
            continue;
        /* Ids are unique per kind only: a card last asked as a region comes back as one. */
        char kind[16] = "";
        store_answer_last_prompt_kind(app->store, app->profile_id, due[i].pack, due[i].item, GRADE_MODE_FLASHCARDS, kind, sizeof kind);
        bool region_first = strcmp(kind, "region") == 0;
        const PackKind kinds[] = {region_first ? PACK_KIND_REGION : PACK_KIND_TREATY, PACK_KIND_EVENT,
                                  region_first ? PACK_KIND_TREATY : PACK_KIND_REGION, PACK_KIND_FLASHCARD};
        for (int k = 0; k < 4; k++) {
            int32_t idx = pack_find(p, kinds[k], due[i].item);
            if (idx < 0 || (kinds[k] == PACK_KIND_REGION && p->regions[idx].treaty < 0))
                continue;
            s->pack = p;
            s->deck[s->count++] = (PackItemRef){kinds[k], (uint32_t)idx};
            break;
        }
    }
}

static Scene *flash_create(App *app, const char *arg)
{
    FlashScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    rng_seed(&s->rng, app->seed);
    s->region = -1;
    if (arg && strcmp(arg, "review") == 0) {
        s->review = true;
        deal_review(s, app);
        if (s->count == 0) {
            app_notice(app, app_tr(app, "timeline.nothing_due"), 5);
            free(s);
            return NULL;
        }
        s->variant = LEVEL_VARIANT_CLASSIC;
        snprintf(s->title, sizeof s->title, "%s \xC2\xB7 %s", app_tr(app, "menu.review"), app_tr(app, "menu.flashcards"));
        snprintf(s->summary.title, sizeof s->summary.title, "%s", s->title);
        snprintf(s->summary.pack, sizeof s->summary.pack, "%s", s->pack->id);
        snprintf(s->summary.mode, sizeof s->summary.mode, "flashcards");
        build_card(s, app);
        return &s->base;
    }
    char *fallback = arg ? NULL : app_first_level(app, "fc-");
    s->level = app_level_load(app, arg ? arg : fallback, &s->pack);
    free(fallback);
    size_t n = 0;
    if (!s->level || !level_select_items(s->level, s->pack, &s->rng, s->deck, FLASHCARDS_MAX, &n) || n == 0) {
        app_notice(app, app_tr(app, "timeline.no_cards"), 5);
        level_free(s->level);
        free(s);
        return NULL;
    }
    s->count = (int)n;
    s->variant = s->level->variant;
    snprintf(s->title, sizeof s->title, "%s", text_get(&s->level->title, app->lang));
    RoundSummary *sum = &s->summary;
    snprintf(sum->level, sizeof sum->level, "%s", s->level->id);
    snprintf(sum->title, sizeof sum->title, "%s", text_get(&s->level->title, app->lang));
    snprintf(sum->pack, sizeof sum->pack, "%s", s->pack->id);
    snprintf(sum->mode, sizeof sum->mode, "flashcards");
    memcpy(sum->thresholds, s->level->stars, sizeof sum->thresholds);
    snprintf(sum->retry_scene, sizeof sum->retry_scene, "flashcards");
    snprintf(sum->retry_arg, sizeof sum->retry_arg, "%s", s->level->id);
    build_card(s, app);
    return &s->base;
}

static void flash_destroy(Scene *scene, App *app)
{
    FlashScene *s = (FlashScene *)scene;
    app->input.text_input = false;
    mapview_destroy(s->view);
    level_free(s->level);
    free(s);
}

static void answer(FlashScene *s, App *app, bool correct, int grade)
{
    int64_t ms = (int64_t)((s->t - s->card_t) * 1000);
    PackItemRef ref = s->deck[s->index];
    if (app_record_answer(app, s->pack, pack_item_id(s->pack, ref), GRADE_MODE_FLASHCARDS, s->region >= 0 ? "region" : "treaty", correct, grade, ms))
        s->answers_recorded++;
    if (correct) {
        s->right_count++;
    } else {
        char year[16];
        snprintf(year, sizeof year, "%d", s->year);
        const char *right = s->region >= 0 ? s->back_title : ref.kind == PACK_KIND_FLASHCARD ? s->back : year;
        const char *prompt = s->region >= 0 ? text_get(&s->pack->regions[s->region].name, app->lang) : s->back_title;
        summary_add_miss(&s->summary, pack_item_id(s->pack, ref), prompt, right, s->typed, s->source);
    }
}

static SceneOutcome next_card(FlashScene *s, App *app)
{
    s->index++;
    if (s->index < s->count) {
        build_card(s, app);
        return scene_stay();
    }
    app->input.text_input = false;
    s->summary.score = s->right_count;
    s->summary.max_score = s->count;
    s->summary.correct = s->right_count;
    s->summary.total = s->count;
    s->summary.time_ms = (int64_t)(s->t * 1000);
    s->summary.won = true;
    if (s->review)
        return app_finish_review_part(app, &s->summary);
    return app_finish_round(app, &s->summary);
}

static SceneOutcome grade(FlashScene *s, App *app, int g)
{
    answer(s, app, g > 1, g);
    app_sound(app, g > 1 ? "select" : "flip");
    return next_card(s, app);
}

static int64_t fast_ms(void)
{
    return grade_fast_threshold_ms(0);
}

static SceneOutcome choose(FlashScene *s, App *app, int option)
{
    s->chosen = option;
    bool ok = option == s->right;
    GradeOutcome o = {.mode = GRADE_MODE_FLASHCARDS, .correct = ok, .attempts = 1,
                      .response_ms = (int64_t)((s->t - s->card_t) * 1000), .fast_ms = fast_ms()};
    if (!ok)
        snprintf(s->typed, sizeof s->typed, "%d", s->years[option]);
    answer(s, app, ok, grade_from_outcome(&o));
    app_sound(app, ok ? "correct" : "wrong");
    s->phase = PHASE_FEEDBACK;
    s->flip_t = s->t;
    return scene_stay();
}

static SceneOutcome submit_typed(FlashScene *s, App *app)
{
    if (!s->typed[0])
        return scene_stay();
    s->typed_right = flashcards_match_year(s->typed, s->year);
    GradeOutcome o = {.mode = GRADE_MODE_FLASHCARDS, .correct = s->typed_right, .attempts = 1,
                      .response_ms = (int64_t)((s->t - s->card_t) * 1000), .fast_ms = fast_ms()};
    answer(s, app, s->typed_right, grade_from_outcome(&o));
    app_sound(app, s->typed_right ? "correct" : "wrong");
    app->input.text_input = false;
    s->phase = PHASE_FEEDBACK;
    s->flip_t = s->t;
    return scene_stay();
}

static SceneOutcome flash_action(Scene *scene, App *app, const Action *a)
{
    FlashScene *s = (FlashScene *)scene;
    if (notes_action(&s->notes, a))
        return scene_stay();
    if (a->kind == ACTION_BACK || ui_back_hit(&app->ui, a))
        return scene_pop();
    if (s->phase == PHASE_FEEDBACK) {
        if (a->kind == ACTION_CONFIRM || a->kind == ACTION_POINTER_UP)
            return next_card(s, app);
        return scene_stay();
    }
    if (s->variant == LEVEL_VARIANT_TYPED) {
        if (a->kind == ACTION_TEXT && strlen(s->typed) + strlen(a->text) < sizeof s->typed)
            strcat(s->typed, a->text);
        else if (a->kind == ACTION_BACKSPACE && s->typed[0])
            s->typed[strlen(s->typed) - 1] = '\0';
        else if (a->kind == ACTION_CONFIRM)
            return submit_typed(s, app);
        return scene_stay();
    }
    if (s->variant == LEVEL_VARIANT_CHOICE) {
        if (a->kind == ACTION_NUMBER)
            return choose(s, app, a->number - 1);
        NavResult r = nav_handle(&s->nav, a, s->buttons);
        if (r == NAV_ACTIVATED)
            return choose(s, app, s->nav.focus);
        return scene_stay();
    }
    /* Classic. */
    if (s->phase == PHASE_FRONT) {
        if (a->kind == ACTION_CONFIRM || (a->kind == ACTION_POINTER_UP && point_in_rect(a->x, a->y, s->card_rect))) {
            s->phase = PHASE_BACK;
            s->flip_t = s->t;
            nav_init(&s->nav, 4, 4);
            s->nav.focus = 2;   /* Good */
            app_sound(app, "flip");
        }
        return scene_stay();
    }
    if (a->kind == ACTION_NUMBER)
        return grade(s, app, a->number);
    NavResult r = nav_handle(&s->nav, a, s->buttons);
    if (r == NAV_ACTIVATED)
        return grade(s, app, s->nav.focus + 1);
    return scene_stay();
}

static SceneOutcome flash_update(Scene *scene, App *app, double dt)
{
    (void)app;
    FlashScene *s = (FlashScene *)scene;
    s->t += dt;
    /* Notes and sources once the answer is shown: the back of a classic card, the feedback
     * of the others. */
    bool shown = classic(s) ? s->phase == PHASE_BACK : s->phase == PHASE_FEEDBACK;
    if (s->index < s->count)
        notes_offer(&s->notes, shown, s->deck[s->index]);
    return scene_stay();
}

static void flash_draw(Scene *scene, App *app)
{
    FlashScene *s = (FlashScene *)scene;
    const Theme *th = app->ui.theme;
    ui_background(&app->ui, 0);
    TextOpts to = {.style = TEXT_H1, .wrap = app->ui.width * 55 / 100, .max_lines = 1};
    ui_text_draw(app->ui.text, s->title, &to, th->margin, th->margin / 2, th->ink);
    char progress[64];
    snprintf(progress, sizeof progress, "%d / %d", s->index + 1, s->count);
    SDL_Rect back = ui_back_rect(&app->ui);
    TextOpts po = {.style = TEXT_H2, .align = TEXT_RIGHT};
    ui_text_draw(app->ui.text, progress, &po, back.x - th->unit * 3, back.y, th->ink_soft);
    ui_back_button(&app->ui);
    /* A progress bar under the title. */
    int bar_w = app->ui.width - 2 * th->margin;
    SDL_Rect bar = {th->margin, th->margin * 2 + th->unit * 2, bar_w, th->unit};
    draw_rounded(app->ui.renderer, bar, th->unit / 2, th->paper_dark);
    draw_rounded(app->ui.renderer, (SDL_Rect){bar.x, bar.y, bar_w * s->index / (s->count ? s->count : 1), bar.h}, th->unit / 2, th->gold);

    /* A card with both sides' views is wider: the back gives them a column of their own. */
    bool views = classic(s) && s->persp_count > 0;
    int cw = app->ui.width * (views ? 84 : 62) / 100;
    int ch = app->ui.height * (!classic(s) ? 38 : views ? 61 : s->region >= 0 ? 58 : 52) / 100;
    SDL_Rect card = {(app->ui.width - cw) / 2, bar.y + th->unit * 4, cw, ch};
    /* The flip: the card narrows to nothing and opens again on its other side. */
    bool showing_back = s->phase != PHASE_FRONT;
    double k = app->settings.reduced_motion ? 1.0 : clamp01((s->t - s->flip_t) / 0.25);
    if (classic(s) && s->phase == PHASE_BACK && k < 1.0) {
        double w = k < 0.5 ? 1.0 - 2 * k : 2 * k - 1.0;
        showing_back = k >= 0.5;
        int nw = (int)(cw * w);
        card.x += (cw - nw) / 2;
        card.w = nw > 2 ? nw : 2;
    }
    s->card_rect = card;
    draw_shadow(app->ui.renderer, card, th->radius, th->unit, th->shadow);
    draw_rounded(app->ui.renderer, card, th->radius, th->card);
    draw_rounded_outline(app->ui.renderer, card, th->radius, 1, th->line);
    int pad = th->unit * 4;
    draw_rect(app->ui.renderer, (SDL_Rect){card.x + pad, card.y + pad + th->size[TEXT_SMALL] * 3 / 2, card.w - 2 * pad > 0 ? card.w - 2 * pad : 0, th->unit / 3 + 1}, color_alpha(th->seal, 150));
    TextOpts stamp = {.style = TEXT_SMALL};
    if (card.w > pad * 3)
        ui_text_draw(app->ui.text, app_tr(app, showing_back && classic(s) ? "flashcards.back" : "timeline.cat_treaty"), &stamp, card.x + pad, card.y + pad, th->seal);
    int inner_y = card.y + pad + th->size[TEXT_SMALL] * 2 + th->unit;
    if (card.w > pad * 3) {
        if (!showing_back && classic(s) && s->region >= 0) {
            /* The map face: the question above the map with the region highlighted. */
            TextOpts qo = {.style = TEXT_H2, .wrap = card.w - 2 * pad, .max_lines = 2, .align = TEXT_CENTER};
            const TextBlock *qb = ui_text_draw(app->ui.text, s->front, &qo, card.x + card.w / 2, inner_y, th->ink);
            SDL_Rect mr = {card.x + pad, inner_y + qb->h + th->unit, card.w - 2 * pad, card.y + card.h - pad - (inner_y + qb->h + th->unit)};
            if (s->view && card.w == cw && mr.h > th->unit * 10) {
                mapview_layout(s->view, mr, th->unit);
                MapStyle st = {.highlight_region = s->region, .highlight = color_alpha(th->gold, 170), .mark_region = -1,
                               .highlight_river = -1, .mark_river = -1, .river_labels = true, .lang = app->lang};
                mapview_draw(s->view, app->ui.renderer, app->ui.text, th, &st);
            }
        } else if (!showing_back || !classic(s)) {
            TextOpts fo = {.style = TEXT_H1, .wrap = card.w - 2 * pad, .max_lines = 4, .align = TEXT_CENTER};
            ui_text_draw_centered(app->ui.text, s->front, &fo, (SDL_Rect){card.x + pad, inner_y, card.w - 2 * pad, card.y + card.h - inner_y - pad}, th->ink);
        } else {
            /* With views: facts on the left, how each side remembers it on the right. */
            int col_gap = pad;
            int facts_w = views ? (card.w - 2 * pad - col_gap) / 2 : card.w - 2 * pad;
            TextOpts bt = {.style = TEXT_H2, .wrap = facts_w, .max_lines = 2};
            const TextBlock *b = ui_text_draw(app->ui.text, s->back_title, &bt, card.x + pad, inner_y, th->ink);
            int y = inner_y + b->h + th->unit;
            int bottom = card.y + card.h - pad - th->size[TEXT_SMALL] * 2;
            int lines = (bottom - y) / (th->size[TEXT_SMALL] * 3 / 2);
            TextOpts bo = {.style = TEXT_SMALL, .wrap = facts_w, .max_lines = lines > 1 ? lines : 1};
            ui_text_draw(app->ui.text, s->back, &bo, card.x + pad, y, th->ink);
            if (views) {
                int vx = card.x + pad + facts_w + col_gap, vw = card.x + card.w - pad - vx;
                draw_rect(app->ui.renderer, (SDL_Rect){vx - col_gap / 2, inner_y, 1, bottom - inner_y}, th->line);
                TextOpts ho = {.style = TEXT_BODY_BOLD, .wrap = vw, .max_lines = 1};
                const TextBlock *hb = ui_text_draw(app->ui.text, app_tr(app, "flashcards.views"), &ho, vx, inner_y, th->seal);
                int vy = inner_y + hb->h + th->unit;
                int line_h = th->size[TEXT_SMALL] * 3 / 2;
                for (int i = 0; i < s->persp_count; i++) {
                    TextOpts lo = {.style = TEXT_BODY_BOLD, .size = th->size[TEXT_SMALL], .wrap = vw, .max_lines = 1};
                    const TextBlock *lb = ui_text_draw(app->ui.text, s->persp_label[i], &lo, vx, vy, th->ink);
                    /* each view gets an equal share of what is left; the last gets all of it */
                    int share = (bottom - vy - lb->h) / (s->persp_count - i);
                    int vl = share / line_h;
                    TextOpts vo = {.style = TEXT_SMALL, .wrap = vw, .max_lines = vl > 1 ? vl : 1};
                    const TextBlock *vb = ui_text_draw(app->ui.text, s->persp[i], &vo, vx, vy + lb->h, th->ink_soft);
                    vy += lb->h + vb->h + th->unit;
                }
            }
            char src[360];
            snprintf(src, sizeof src, "%s: %s", app_tr(app, "timeline.source"), s->source);
            int link_w = card.w == cw ? notes_link_draw(&app->ui, &s->notes, card.x + card.w - pad, card.y + card.h - pad - th->size[TEXT_SMALL]) : 0;
            TextOpts so = {.style = TEXT_SMALL, .size = th->size[TEXT_SMALL] * 85 / 100, .wrap = card.w - 2 * pad - link_w - (link_w ? th->unit * 2 : 0), .max_lines = 1};
            ui_text_draw(app->ui.text, src, &so, card.x + pad, card.y + card.h - pad - th->size[TEXT_SMALL], th->ink_soft);
        }
        if (!classic(s) && s->phase == PHASE_FEEDBACK)
            notes_link_draw(&app->ui, &s->notes, card.x + card.w - pad, card.y + card.h - pad - th->size[TEXT_SMALL]);
    }

    /* Below the card: grade buttons, the four choices, or the typed answer. */
    int by = card.y + ch + th->unit * 4;
    int bh = th->size[TEXT_BODY] * 2 + th->unit * 2;
    int total_w = cw;
    if (classic(s)) {
        if (s->phase == PHASE_FRONT) {
            TextOpts ho = {.style = TEXT_BODY, .align = TEXT_CENTER};
            ui_text_draw(app->ui.text, app_tr(app, "flashcards.flip"), &ho, app->ui.width / 2, by + th->unit, th->ink_soft);
        } else {
            static const char *const keys[4] = {"flashcards.again", "flashcards.hard", "flashcards.good", "flashcards.easy"};
            int gap = th->unit * 2, w = (total_w - 3 * gap) / 4;
            for (int g = 0; g < 4; g++) {
                char label[96];
                snprintf(label, sizeof label, "%s \xC2\xB7 %s", app_tr(app, keys[g]), s->interval_label[g]);
                s->buttons[g] = (SDL_Rect){(app->ui.width - cw) / 2 + g * (w + gap), by, w, bh};
                ui_button(&app->ui, s->buttons[g], label, g == 0 ? BUTTON_DANGER : g == 2 ? BUTTON_PRIMARY : BUTTON_SECONDARY, s->nav.focus == g, true);
            }
        }
    } else if (s->variant == LEVEL_VARIANT_CHOICE) {
        int gap = th->unit * 2, w = (total_w - gap) / 2;
        for (int i = 0; i < 4; i++) {
            SDL_Rect r = {card.x + (i % 2) * (w + gap), by + (i / 2) * (bh + gap), w, bh};
            s->buttons[i] = r;
            char label[32];
            snprintf(label, sizeof label, "%d   %d", i + 1, s->years[i]);
            ButtonKind kind = BUTTON_SECONDARY;
            if (s->phase == PHASE_FEEDBACK && i == s->right)
                kind = BUTTON_PRIMARY;
            ui_button(&app->ui, r, label, kind, s->phase != PHASE_FEEDBACK && s->nav.focus == i, true);
            if (s->phase == PHASE_FEEDBACK && i == s->right)
                draw_tick(app->ui.renderer, (float)(r.x + r.w - th->unit * 4), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.2f, th->on_accent);
            if (s->phase == PHASE_FEEDBACK && i == s->chosen && i != s->right)
                draw_cross(app->ui.renderer, (float)(r.x + r.w - th->unit * 4), (float)(r.y + r.h / 2), th->size[TEXT_BODY] * 1.2f, th->wrong);
        }
    } else {
        SDL_Rect field = {card.x, by, cw, bh};
        draw_rounded(app->ui.renderer, field, th->radius, th->card);
        SDL_Color edge = s->phase == PHASE_FEEDBACK ? (s->typed_right ? th->right : th->wrong) : th->ink;
        draw_rounded_outline(app->ui.renderer, field, th->radius, th->unit / 3 + 1, edge);
        TextOpts fo = {.style = TEXT_H2};
        const char *shown = s->typed[0] ? s->typed : app_tr(app, "flashcards.type_year");
        ui_text_draw(app->ui.text, shown, &fo, field.x + th->unit * 3, field.y + (field.h - th->size[TEXT_H2] * 4 / 3) / 2, s->typed[0] ? th->ink : th->ink_soft);
    }
    const char *hints[] = {app_tr(app, "key.enter"), app_tr(app, classic(s) && s->phase == PHASE_FRONT ? "flashcards.hint_flip" : "hint.choose"),
                           "1 2 3 4", app_tr(app, classic(s) ? "flashcards.hint_grade" : "flashcards.hint_answer")};
    ui_hints(&app->ui, hints, s->variant == LEVEL_VARIANT_TYPED ? 1 : 2);
    if (s->phase == PHASE_FEEDBACK) {
        char msg[300];
        bool ok = s->variant == LEVEL_VARIANT_CHOICE ? s->chosen == s->right : s->typed_right;
        char year[16];
        snprintf(year, sizeof year, "%d", s->year);
        const char *names[] = {"year"};
        const char *values[] = {year};
        i18n_format(msg, sizeof msg, app_tr(app, ok ? "flashcards.right" : "flashcards.wrong"), names, values, 1);
        TextOpts mo = {.style = TEXT_H2, .align = TEXT_CENTER, .wrap = app->ui.width - 2 * th->margin, .max_lines = 1};
        ui_text_draw(app->ui.text, msg, &mo, app->ui.width / 2, app->ui.height - th->margin * 2 - th->size[TEXT_H2] / 2, ok ? th->right : th->wrong);
    }
    notes_draw(&app->ui, &s->notes, s->pack);
}

static void flash_report(Scene *scene, App *app, cJSON *out)
{
    (void)app;
    FlashScene *s = (FlashScene *)scene;
    cJSON_AddStringToObject(out, "level", s->level ? s->level->id : "review");
    cJSON_AddStringToObject(out, "face", s->region >= 0 ? "map" : "name");
    cJSON_AddStringToObject(out, "variant", level_variant_name(s->variant));
    cJSON_AddNumberToObject(out, "cards", s->count);
    cJSON_AddNumberToObject(out, "index", s->index);
    cJSON_AddStringToObject(out, "phase", s->phase == PHASE_FRONT ? "front" : s->phase == PHASE_BACK ? "back" : "feedback");
    cJSON_AddNumberToObject(out, "right", s->right_count);
    cJSON_AddNumberToObject(out, "answers_recorded", s->answers_recorded);
    cJSON_AddStringToObject(out, "item", pack_item_id(s->pack, s->deck[s->index]));
    cJSON_AddBoolToObject(out, "notes_open", s->notes.open);
}

const SceneVtable scene_flashcards = {
    .name = "flashcards",
    .create = flash_create,
    .destroy = flash_destroy,
    .action = flash_action,
    .update = flash_update,
    .draw = flash_draw,
    .report = flash_report,
};
