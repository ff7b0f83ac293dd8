/* Unit tests for the replay file parser. */
#include "check.h"
#include "app/replay.h"

static int parse(const char *text, Replay *r, char *err)
{
    return replay_parse(text, strlen(text), r, err, 256);
}

static void replay_parse_should_read_headers_and_events(void)
{
    Replay r;
    char err[256] = "";
    const char *t = "# a comment\nsize 1920x1080\nlang zh\nscene menu\nseed 7\n"
                    "3 down\n3 confirm\n10 text Аня\n12 number 4\n20 buzzer 2 3\n25 pad a\n30 key r\n";
    CHECK_INT(parse(t, &r, err), 0);
    CHECK_INT(r.width, 1920);
    CHECK_INT(r.height, 1080);
    CHECK_STR(r.lang, "zh");
    CHECK_STR(r.scene, "menu");
    CHECK_INT(r.seed, 7);
    CHECK_INT(r.count, 7);
    CHECK_INT(r.events[0].frame, 3);
    CHECK_INT(r.events[0].action.kind, ACTION_DOWN);
    CHECK_INT(r.events[1].action.kind, ACTION_CONFIRM);
    CHECK_STR(r.events[2].action.text, "Аня");
    CHECK_INT(r.events[3].action.number, 4);
    CHECK_INT(r.events[4].action.kind, ACTION_BUZZER);
    CHECK_INT(r.events[4].action.team, 1);
    CHECK_INT(r.events[4].action.number, 3);
    CHECK_INT(r.events[5].action.kind, ACTION_CONFIRM);
    CHECK_INT(r.events[5].action.device, INPUT_GAMEPAD);
    CHECK_INT(r.events[6].action.kind, ACTION_KEY);
    CHECK_INT(r.events[6].action.key, 'r');
    CHECK_INT(r.end_frame, 60);
    replay_free(&r);
}

static void replay_parse_should_expand_click_and_drag(void)
{
    Replay r;
    char err[256];
    CHECK_INT(parse("1 click 100 200\n5 drag 0 0 60 120\nend 99\n", &r, err), 0);
    CHECK_INT(r.count, 3 + 1 + 6 + 1);
    CHECK_INT(r.events[1].action.kind, ACTION_POINTER_DOWN);
    CHECK_INT(r.events[2].action.kind, ACTION_POINTER_UP);
    CHECK_INT(r.events[2].action.x, 100);
    CHECK_INT(r.events[r.count - 1].action.kind, ACTION_POINTER_UP);
    CHECK_INT(r.events[r.count - 1].frame, 11);
    CHECK_INT(r.events[r.count - 2].action.y, 120);
    CHECK_INT(r.end_frame, 99);
    replay_free(&r);
}

static void replay_parse_should_name_the_line_of_each_error(void)
{
    Replay r;
    char err[256];
    CHECK_INT(parse("1 up\n2 jump\n", &r, err), -1);
    CHECK_STR(err, "line 2: unknown action 'jump'");
    CHECK_INT(parse("5 up\n3 down\n", &r, err), -1);
    CHECK_STR(err, "line 2: frame 3 comes before frame 5");
    CHECK_INT(parse("1 number 7\n", &r, err), -1);
    CHECK_STR(err, "line 1: bad arguments for 'number'");
    CHECK_INT(parse("size 10x10\n", &r, err), -1);
    CHECK_STR(err, "line 1: bad value for 'size'");
    CHECK_INT(parse("colour red\n", &r, err), -1);
    CHECK_STR(err, "line 1: unknown header 'colour'");
    CHECK_INT(parse("1 click 5\n", &r, err), -1);
    CHECK_STR(err, "line 1: bad arguments for 'click'");
}

static void replay_parse_should_accept_crlf_and_blank_lines(void)
{
    Replay r;
    char err[256];
    CHECK_INT(parse("\r\n  \r\n4 back\r\n", &r, err), 0);
    CHECK_INT(r.count, 1);
    CHECK_INT(r.events[0].action.kind, ACTION_BACK);
    replay_free(&r);
}

int main(void)
{
    RUN(replay_parse_should_read_headers_and_events);
    RUN(replay_parse_should_expand_click_and_drag);
    RUN(replay_parse_should_name_the_line_of_each_error);
    RUN(replay_parse_should_accept_crlf_and_blank_lines);
    return CHECK_DONE();
}
