/* Player profiles: pick, create, rename and delete. Names are typed on a physical keyboard
 * (SDL text input, any script) or on the on-screen keyboard with a gamepad, mouse or touch.
 * Deleting asks first, with Cancel focused. */
#include "content/i18n.h"
#include "app/scene.h"
#include "scenes/scenes.h"
#include "base/util.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_PROFILES 32
#define NAME_MAX_CHARS 24

typedef enum ProfilesMode { MODE_LIST = 0, MODE_EDIT, MODE_DELETE } ProfilesMode;

/* On-screen keyboard: letters, then the special keys. */
static const char *const osk_keys[] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J",
    "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T",
    "U", "V", "W", "X", "Y", "Z", "-", "'", "1", "2",
    "3", "4", "5", "6", "7", "8", "9", "0", ".", "_",
};
#define OSK_COLS 10
#define OSK_LETTERS 40
enum { OSK_SPACE = OSK_LETTERS, OSK_ERASE, OSK_CANCEL, OSK_DONE, OSK_COUNT };

typedef struct ProfilesScene {
    Scene base;
    StoreProfile list[MAX_PROFILES];
    size_t count;
    ProfilesMode mode;
    Nav nav;                    /* rows: profiles then "new" */
    int col;                    /* 0 play, 1 rename, 2 delete */
    SDL_Rect row_rects[MAX_PROFILES + 1];
    SDL_Rect col_rects[MAX_PROFILES + 1][3];
    int pressed_row, pressed_col;
    /* Edit */
    int64_t editing_id;         /* 0 = creating */
    char name[NAME_MAX_CHARS * 4 + 1];
    const char *error_key;
    Nav osk;
    SDL_Rect osk_rects[OSK_COUNT];
    /* Delete dialog */
    Nav dlg;
    SDL_Rect dlg_rects[2];
    double t;
} ProfilesScene;

static void reload(ProfilesScene *s, App *app)
{
    s->count = 0;
    if (app->store)
        store_profile_list(app->store, s->list, MAX_PROFILES, &s->count);
    int focus = s->nav.focus;
    nav_init(&s->nav, (int)s->count + 1, 1);
    s->nav.focus = focus <= (int)s->count ? focus : (int)s->count;
}

static Scene *profiles_create(App *app, const char *arg)
{
    (void)arg;
    ProfilesScene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    reload(s, app);
    s->pressed_row = -1;
    /* Start on the current profile when there is one. */
    for (size_t i = 0; i < s->count; i++)
        if (s->list[i].id == app->profile_id)
            s->nav.focus = (int)i;
    return &s->base;
}

static void profiles_destroy(Scene *scene, App *app)
{
    app->input.text_input = false;
    free(scene);
}

static void start_edit(ProfilesScene *s, App *app, int64_t id, const char *name)
{
    s->mode = MODE_EDIT;
    s->editing_id = id;
    snprintf(s->name, sizeof s->name, "%s", name ? name : "");
    s->error_key = NULL;
    nav_init(&s->osk, OSK_COUNT, OSK_COLS);
    s->osk.focus = 0;
    app->input.text_input = true;
}

static void end_edit(ProfilesScene *s, App *app)
{
    s->mode = MODE_LIST;
    app->input.text_input = false;
}

static void append_text(ProfilesScene *s, const char *text)
{
    if (utf8_length(s->name) + utf8_length(text) > NAME_MAX_CHARS)
        return;
    if (strlen(s->name) + strlen(text) >= sizeof s->name)
        return;
    /* No control characters in names. */
    for (const char *p = text; *p; p++)
        if ((unsigned char)*p < 0x20)
            return;
    strcat(s->name, text);
}

static void erase_last(ProfilesScene *s)
{
    size_t n = strlen(s->name);
    while (n > 0) {
        n--;
        if (((unsigned char)s->name[n] & 0xC0) != 0x80)
            break;
    }
    s->name[n] = '\0';
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == ' ')
        k++;
    memmove(s, s + k, strlen(s + k) + 1);
}

static void choose(ProfilesScene *s, App *app, size_t i)
{
    app->profile_id = s->list[i].id;
    snprintf(app->profile_name, sizeof app->profile_name, "%s", s->list[i].name);
    snprintf(app->settings.last_profile, sizeof app->settings.last_profile, "%s", s->list[i].name);
    if (app->store)
        store_profile_touch(app->store, app->profile_id, (int64_t)time(NULL));
    char *path = util_path_join(app->user_dir, "settings.json");
    settings_save(&app->settings, path);
    free(path);
}

static SceneOutcome submit(ProfilesScene *s, App *app)
{
    trim(s->name);
    if (!s->name[0]) {
        s->error_key = "profiles.err_empty";
        app_sound(app, "wrong");
        return scene_stay();
    }
    if (!app->store) {
        s->error_key = "profiles.err_store";
        return scene_stay();
    }
    StoreError err;
    int64_t id = s->editing_id;
    if (id)
        err = store_profile_rename(app->store, id, s->name);
    else
        err = store_profile_create(app->store, s->name, (int64_t)time(NULL), &id);
    if (err == STORE_ERR_EXISTS) {
        s->error_key = "profiles.err_exists";
        app_sound(app, "wrong");
        return scene_stay();
    }
    if (err != STORE_OK) {
        s->error_key = "profiles.err_store";
        app_notice(app, store_error_message(err), 6);
        return scene_stay();
    }
    app_sound(app, "confirm");
    end_edit(s, app);
    reload(s, app);
    for (size_t i = 0; i < s->count; i++)
        if (s->list[i].id == id) {
            s->nav.focus = (int)i;
            if (app->profile_id == id || !s->editing_id) {
                choose(s, app, i);
                if (!s->editing_id)
                    return scene_replace("menu", NULL);
            }
        }
    return scene_stay();
}

static SceneOutcome press_osk(ProfilesScene *s, App *app, int key)
{
    if (key < OSK_LETTERS) {
        /* Letters after the first are lower case, as names are usually written. */
        char buf[4];
        snprintf(buf, sizeof buf, "%s", osk_keys[key]);
        if (s->name[0] && buf[0] >= 'A' && buf[0] <= 'Z' && s->name[strlen(s->name) - 1] != ' ')
            buf[0] = (char)(buf[0] - 'A' + 'a');
        append_text(s, buf);
        app_sound(app, "select");
    } else if (key == OSK_SPACE) {
        append_text(s, " ");
    } else if (key == OSK_ERASE) {
        erase_last(s);
    } else if (key == OSK_CANCEL) {
        end_edit(s, app);
    } else if (key == OSK_DONE) {
        return submit(s, app);
    }
    return scene_stay();
}

static SceneOutcome edit_action(ProfilesScene *s, App *app, const Action *a)
{
    switch (a->kind) {
    case ACTION_TEXT:
        append_text(s, a->text);
        s->error_key = NULL;
        return scene_stay();
    case ACTION_BACKSPACE:
        erase_last(s);
        return scene_stay();
    case ACTION_BACK:
        end_edit(s, app);
        return scene_stay();
    case ACTION_CONFIRM:
        /* Keyboard users typed the name: Enter submits. A pad presses the focused key. */
        if (a->device == INPUT_GAMEPAD)
            return press_osk(s, app, s->osk.focus);
        return submit(s, app);
    default:
        break;
    }
    NavResult r = nav_handle(&s->osk, a, s->osk_rects);
    if (r == NAV_ACTIVATED)
        return press_osk(s, app, s->osk.focus);
    return scene_stay();
}

static SceneOutcome delete_action(ProfilesScene *s, App *app, const Action *a)
{
    NavResult r = nav_handle(&s->dlg, a, s->dlg_rects);
    if (r == NAV_BACK || (r == NAV_ACTIVATED && s->dlg.focus == 0)) {
        s->mode = MODE_LIST;
        return scene_stay();
    }
    if (r == NAV_ACTIVATED && s->dlg.focus == 1) {
        int i = s->nav.focus;
        if (i < (int)s->count && app->store) {
            int64_t id = s->list[i].id;
            if (store_profile_delete(app->store, id) == STORE_OK && app->profile_id == id) {
                app->profile_id = 0;
                app->profile_name[0] = '\0';
            }
        }
        app_sound(app, "stamp");
        s->mode = MODE_LIST;
        reload(s, app);
    }
    return scene_stay();
}

static int hit_col(ProfilesScene *s, int x, int y, int *row)
{
    for (int i = 0; i <= (int)s->count; i++)
        for (int c = 0; c < 3; c++)
            if ((i < (int)s->count || c == 0) && point_in_rect(x, y, s->col_rects[i][c])) {
                *row = i;
                return c;
            }
    return -1;
}

static SceneOutcome activate(ProfilesScene *s, App *app, int row, int col)
{
    if (row == (int)s->count) {
        if (s->count >= MAX_PROFILES) {
            app_notice(app, app_tr(app, "profiles.err_full"), 4);
            return scene_stay();
        }
        start_edit(s, app, 0, "");
        return scene_stay();
    }
    if (col == 1) {
        start_edit(s, app, s->list[row].id, s->list[row].name);
    } else if (col == 2) {
        s->mode = MODE_DELETE;
        nav_init(&s->dlg, 2, 2);
        s->dlg.focus = 0;
    } else {
        app_sound(app, "confirm");
        choose(s, app, (size_t)row);
        return scene_replace("menu", NULL);
    }
    return scene_stay();
}

static SceneOutcome profiles_action(Scene *scene, App *app, const Action *a)
{
    ProfilesScene *s = (ProfilesScene *)scene;
    if (s->mode == MODE_EDIT)
        return edit_action(s, app, a);
    if (s->mode == MODE_DELETE)
        return delete_action(s, app, a);
    int row = -1, col;
    if (ui_back_hit(&app->ui, a))
        return scene_replace(app->profile_id ? "menu" : "title", NULL);
    switch (a->kind) {
    case ACTION_LEFT:
        if (s->col > 0)
            s->col--;
        return scene_stay();
    case ACTION_RIGHT:
        if (s->nav.focus < (int)s->count && s->col < 2)
            s->col++;
        return scene_stay();
    case ACTION_DELETE:
        if (s->nav.focus < (int)s->count)
            return activate(s, app, s->nav.focus, 2);
        return scene_stay();
    case ACTION_KEY:
        if ((a->key == 'r' || a->key == SDLK_F2) && s->nav.focus < (int)s->count)
            return activate(s, app, s->nav.focus, 1);
        if (a->key == 'n')
            return activate(s, app, (int)s->count, 0);
        return scene_stay();
    case ACTION_POINTER_MOVE:
        col = hit_col(s, a->x, a->y, &row);
        if (col >= 0) {
            s->nav.focus = row;
            s->col = col;
        }
        return scene_stay();
    case ACTION_POINTER_DOWN:
        s->pressed_col = hit_col(s, a->x, a->y, &s->pressed_row);
        if (s->pressed_col < 0)
            s->pressed_row = -1;
        return scene_stay();
    case ACTION_POINTER_UP:
        col = hit_col(s, a->x, a->y, &row);
        if (col >= 0 && row == s->pressed_row && col == s->pressed_col) {
            s->nav.focus = row;
            s->col = col;
            s->pressed_row = -1;
            return activate(s, app, row, col);
        }
        s->pressed_row = -1;
        return scene_stay();
    case ACTION_BACK:
        return scene_replace(app->profile_id ? "menu" : "title", NULL);
    default:
        break;
    }
    NavResult r = nav_handle(&s->nav, a, NULL);
    if (r == NAV_MOVED) {
        app_sound(app, "select");
        if (s->nav.focus == (int)s->count)
            s->col = 0;
    }
    if (r == NAV_ACTIVATED)
        return activate(s, app, s->nav.focus, s->nav.focus == (int)s->count ? 0 : s->col);
    return scene_stay();
}

static SceneOutcome profiles_update(Scene *scene, App *app, double dt)
{
    (void)app;
    ((ProfilesScene *)scene)->t += dt;
    return scene_stay();
}

static void draw_list(ProfilesScene *s, App *app, int top)
{
    const Theme *th = app->ui.theme;
    int w = app->ui.width - 2 * th->margin;
    if (w > th->unit * 120)
        w = th->unit * 120;
    int x = th->margin;
    int row_h = th->size[TEXT_H2] * 2 + th->unit;
    int gap = th->unit * 2;
    int avail = app->ui.height - top - th->margin * 2;
    int visible = avail / (row_h + gap);
    if (visible < 1)
        visible = 1;
    int first = s->nav.focus >= visible ? s->nav.focus - visible + 1 : 0;
    memset(s->col_rects, 0, sizeof s->col_rects);
    int btn_w = th->unit * 22;
    for (int i = first; i <= (int)s->count && i < first + visible; i++) {
        int y = top + (i - first) * (row_h + gap);
        SDL_Rect r = {x, y, w, row_h};
        bool focused = s->nav.focus == i;
        if (i == (int)s->count) {
            /* The "new profile" row: a dashed-looking outline card with a plus. */
            draw_rounded_outline(app->ui.renderer, r, th->radius, th->unit / 3 + 1, th->ink_soft);
            float cx = (float)(r.x + th->unit * 5), cy = (float)(r.y + r.h / 2);
            draw_line(app->ui.renderer, cx - th->unit * 1.5f, cy, cx + th->unit * 1.5f, cy, th->unit * 0.5f, th->ink);
            draw_line(app->ui.renderer, cx, cy - th->unit * 1.5f, cx, cy + th->unit * 1.5f, th->unit * 0.5f, th->ink);
            TextOpts o = {.style = TEXT_H2};
            const TextBlock *b = ui_text_get(app->ui.text, app_tr(app, "profiles.new"), &o);
            ui_text_draw(app->ui.text, app_tr(app, "profiles.new"), &o, r.x + th->unit * 9, r.y + (r.h - b->h) / 2, th->ink);
            s->col_rects[i][0] = r;
            if (focused && ui_show_focus(&app->ui))
                draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
            continue;
        }
        bool current = s->list[i].id == app->profile_id;
        draw_shadow(app->ui.renderer, r, th->radius, th->unit / 2, th->shadow);
        draw_rounded(app->ui.renderer, r, th->radius, th->card);
        draw_rounded_outline(app->ui.renderer, r, th->radius, 1, th->line);
        /* An initial in a seal-red disc. */
        float cx = (float)(r.x + th->unit * 5), cy = (float)(r.y + r.h / 2);
        draw_circle(app->ui.renderer, cx, cy, row_h * 0.32f, current ? th->seal : th->ink_soft);
        char initial[8] = {0};
        const char *p = s->list[i].name;
        utf8_next(&p);
        memcpy(initial, s->list[i].name, (size_t)(p - s->list[i].name) < 7 ? (size_t)(p - s->list[i].name) : 7);
        TextOpts io = {.style = TEXT_BODY_BOLD, .align = TEXT_CENTER};
        ui_text_draw_centered(app->ui.text, initial, &io, (SDL_Rect){(int)(cx - row_h * 0.32f), (int)(cy - row_h * 0.32f), (int)(row_h * 0.64f), (int)(row_h * 0.64f)}, th->on_accent);
        TextOpts no = {.style = TEXT_H2, .wrap = w - btn_w * 2 - th->unit * 16, .max_lines = 1};
        const TextBlock *nb = ui_text_get(app->ui.text, s->list[i].name, &no);
        ui_text_draw(app->ui.text, s->list[i].name, &no, r.x + th->unit * 9, r.y + (r.h - nb->h) / 2, th->ink);
        if (current) {
            TextOpts co = {.style = TEXT_SMALL};
            ui_text_draw(app->ui.text, app_tr(app, "profiles.current"), &co, r.x + th->unit * 10 + nb->w + th->unit * 2, r.y + (r.h - th->size[TEXT_SMALL]) / 2 - th->unit / 2, th->seal);
        }
        SDL_Rect rename = {r.x + r.w - 2 * btn_w - th->unit * 3, r.y + th->unit, btn_w, r.h - 2 * th->unit};
        SDL_Rect del = {r.x + r.w - btn_w - th->unit * 2, r.y + th->unit, btn_w, r.h - 2 * th->unit};
        s->col_rects[i][0] = (SDL_Rect){r.x, r.y, rename.x - r.x - th->unit, r.h};
        s->col_rects[i][1] = rename;
        s->col_rects[i][2] = del;
        ui_button(&app->ui, rename, app_tr(app, "profiles.rename"), BUTTON_GHOST, focused && s->col == 1, true);
        ui_button(&app->ui, del, app_tr(app, "profiles.delete"), BUTTON_GHOST, focused && s->col == 2, true);
        if (focused && s->col == 0 && ui_show_focus(&app->ui))
            draw_focus_ring(app->ui.renderer, r, th->radius, th->unit, th->focus);
    }
}

static void draw_dim(App *app)
{
    draw_rect(app->ui.renderer, (SDL_Rect){0, 0, app->ui.width, app->ui.height}, color_alpha(app->ui.theme->ink, 150));
}

static void draw_edit(ProfilesScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    draw_dim(app);
    int w = app->ui.width * 7 / 10, h = app->ui.height * 8 / 10;
    if (w > th->unit * 150)
        w = th->unit * 150;
    SDL_Rect box = {(app->ui.width - w) / 2, (app->ui.height - h) / 2, w, h};
    draw_shadow(app->ui.renderer, box, th->radius, th->unit * 2, th->shadow);
    draw_rounded(app->ui.renderer, box, th->radius, th->paper);
    int pad = th->unit * 4;
    int y = box.y + pad;
    TextOpts to = {.style = TEXT_H1, .wrap = w - 2 * pad, .max_lines = 1};
    const TextBlock *b = ui_text_draw(app->ui.text, app_tr(app, s->editing_id ? "profiles.rename_title" : "profiles.new_title"), &to, box.x + pad, y, th->ink);
    y += b->h + th->unit * 2;
    /* The field, with a caret. */
    int field_h = th->size[TEXT_H2] * 2;
    SDL_Rect field = {box.x + pad, y, w - 2 * pad, field_h};
    draw_rounded(app->ui.renderer, field, th->radius, th->card);
    draw_rounded_outline(app->ui.renderer, field, th->radius, th->unit / 3 + 1, s->error_key ? th->wrong : th->ink);
    TextOpts fo = {.style = TEXT_H2};
    const TextBlock *nb = ui_text_get(app->ui.text, s->name, &fo);
    int tx = field.x + th->unit * 2;
    int ty = field.y + (field.h - (nb->h ? nb->h : th->size[TEXT_H2] * 4 / 3)) / 2;
    if (s->name[0])
        ui_text_draw(app->ui.text, s->name, &fo, tx, ty, th->ink);
    else
        ui_text_draw(app->ui.text, app_tr(app, "profiles.placeholder"), &fo, tx, ty, color_alpha(th->ink_soft, 150));
    bool caret_on = app->settings.reduced_motion || ((int)(s->t * 2) % 2 == 0);
    if (caret_on)
        draw_rect(app->ui.renderer, (SDL_Rect){tx + nb->w + 2, field.y + th->unit * 2, th->unit / 3 + 1, field.h - th->unit * 4}, th->seal);
    y += field_h + th->unit;
    if (s->error_key) {
        TextOpts eo = {.style = TEXT_BODY_BOLD};
        draw_cross(app->ui.renderer, (float)(field.x + th->unit * 1.5f), (float)(y + th->size[TEXT_BODY] * 0.7f), th->size[TEXT_BODY] * 1.0f, th->wrong);
        ui_text_draw(app->ui.text, app_tr(app, s->error_key), &eo, field.x + th->unit * 4, y, th->wrong);
    }
    y += th->size[TEXT_BODY] * 2;
    /* The on-screen keyboard. */
    int gap = th->unit;
    int kw = (w - 2 * pad - gap * (OSK_COLS - 1)) / OSK_COLS;
    int rows_total = OSK_LETTERS / OSK_COLS + 1;
    int kh = (box.y + box.h - pad - y - gap * (rows_total - 1)) / rows_total;
    if (kh > kw)
        kh = kw;
    if (kh > th->size[TEXT_BODY] * 3)
        kh = th->size[TEXT_BODY] * 3;
    for (int i = 0; i < OSK_LETTERS; i++) {
        SDL_Rect k = {box.x + pad + (i % OSK_COLS) * (kw + gap), y + (i / OSK_COLS) * (kh + gap), kw, kh};
        s->osk_rects[i] = k;
        ui_button(&app->ui, k, osk_keys[i], BUTTON_SECONDARY, s->osk.focus == i, true);
    }
    int ly = y + (OSK_LETTERS / OSK_COLS) * (kh + gap);
    int sw = (w - 2 * pad - gap * 3) / 4;
    const char *labels[4] = {app_tr(app, "profiles.space"), app_tr(app, "profiles.erase"), app_tr(app, "common.cancel"), app_tr(app, "common.done")};
    ButtonKind kinds[4] = {BUTTON_SECONDARY, BUTTON_SECONDARY, BUTTON_GHOST, BUTTON_PRIMARY};
    for (int i = 0; i < 4; i++) {
        SDL_Rect k = {box.x + pad + i * (sw + gap), ly, sw, kh};
        s->osk_rects[OSK_LETTERS + i] = k;
        ui_button(&app->ui, k, labels[i], kinds[i], s->osk.focus == OSK_LETTERS + i, true);
    }
}

static void draw_delete(ProfilesScene *s, App *app)
{
    const Theme *th = app->ui.theme;
    draw_dim(app);
    int w = app->ui.width / 2, h = app->ui.height / 3;
    if (w < th->unit * 80)
        w = th->unit * 80;
    SDL_Rect box = {(app->ui.width - w) / 2, (app->ui.height - h) / 2, w, h};
    draw_rounded(app->ui.renderer, box, th->radius, th->paper);
    int pad = th->unit * 4;
    const char *name = s->nav.focus < (int)s->count ? s->list[s->nav.focus].name : "";
    char msg[256];
    const char *names[] = {"name"};
    const char *values[] = {name};
    i18n_format(msg, sizeof msg, app_tr(app, "profiles.delete_confirm"), names, values, 1);
    TextOpts o = {.style = TEXT_H2, .wrap = w - 2 * pad, .max_lines = 3};
    ui_text_draw(app->ui.text, msg, &o, box.x + pad, box.y + pad, th->ink);
    int bw = (w - 3 * pad) / 2, bh = th->size[TEXT_BODY] * 2 + th->unit;
    s->dlg_rects[0] = (SDL_Rect){box.x + pad, box.y + h - pad - bh, bw, bh};
    s->dlg_rects[1] = (SDL_Rect){box.x + 2 * pad + bw, box.y + h - pad - bh, bw, bh};
    ui_button(&app->ui, s->dlg_rects[0], app_tr(app, "common.cancel"), BUTTON_SECONDARY, s->dlg.focus == 0, true);
    ui_button(&app->ui, s->dlg_rects[1], app_tr(app, "profiles.delete"), BUTTON_DANGER, s->dlg.focus == 1, true);
}

static void profiles_draw(Scene *scene, App *app)
{
    ProfilesScene *s = (ProfilesScene *)scene;
    ui_background(&app->ui, 0);
    int top = ui_header(&app->ui, app_tr(app, "profiles.title"), app_tr(app, app->store ? "profiles.subtitle" : "profiles.err_store"));
    draw_list(s, app, top);
    if (s->mode == MODE_LIST) {
        const char *hints[] = {app_tr(app, "key.enter"), app_tr(app, "hint.play"), "R", app_tr(app, "profiles.rename"),
                               app_tr(app, "key.del"), app_tr(app, "profiles.delete"), app_tr(app, "key.esc"), app_tr(app, "hint.back")};
        ui_hints(&app->ui, hints, 4);
        ui_back_button(&app->ui);
    } else if (s->mode == MODE_EDIT) {
        draw_edit(s, app);
    } else {
        draw_delete(s, app);
    }
}

static void profiles_report(Scene *scene, App *app, cJSON *out)
{
    ProfilesScene *s = (ProfilesScene *)scene;
    (void)app;
    cJSON *names = cJSON_AddArrayToObject(out, "profiles");
    for (size_t i = 0; i < s->count; i++)
        cJSON_AddItemToArray(names, cJSON_CreateString(s->list[i].name));
    cJSON_AddStringToObject(out, "mode", s->mode == MODE_EDIT ? "edit" : s->mode == MODE_DELETE ? "delete" : "list");
    cJSON_AddStringToObject(out, "typed", s->name);
    if (s->error_key)
        cJSON_AddStringToObject(out, "error", s->error_key);
}

const SceneVtable scene_profiles = {
    .name = "profiles",
    .create = profiles_create,
    .destroy = profiles_destroy,
    .action = profiles_action,
    .update = profiles_update,
    .draw = profiles_draw,
    .report = profiles_report,
};
