/* Unit tests for settings parsing and serialisation. */
#include "check.h"
#include "content/settings.h"

#include <stdlib.h>

static void settings_parse_should_keep_defaults_for_missing_fields(void)
{
    Settings s;
    CHECK(settings_parse(&s, "{}", 2));
    CHECK_INT(s.text_scale, 100);
    CHECK_INT(s.volume, 70);
    CHECK_NEAR(s.retention, 0.9, 1e-12);
    CHECK_STR(s.lang, "");
    CHECK(!s.high_contrast);
}

static void settings_parse_should_clamp_out_of_range_values(void)
{
    Settings s;
    const char *j = "{\"text_scale\": 500, \"volume\": -3, \"retention\": 0.2, \"new_per_day\": 9999}";
    CHECK(settings_parse(&s, j, strlen(j)));
    CHECK_INT(s.text_scale, 200);
    CHECK_INT(s.volume, 0);
    CHECK_NEAR(s.retention, 0.9, 1e-12);
    CHECK_INT(s.new_per_day, 200);
}

static void settings_parse_should_reject_unknown_language_and_wrong_types(void)
{
    Settings s;
    const char *j = "{\"lang\": \"fr\", \"mute\": \"yes\", \"fullscreen\": true}";
    CHECK(settings_parse(&s, j, strlen(j)));
    CHECK_STR(s.lang, "");
    CHECK(!s.mute);
    CHECK(s.fullscreen);
}

static void settings_parse_should_report_text_that_is_not_json(void)
{
    Settings s;
    CHECK(!settings_parse(&s, "not json", 8));
    CHECK_INT(s.text_scale, 100);
}

static void settings_serialize_should_round_trip(void)
{
    Settings a, b;
    settings_default(&a);
    strcpy(a.lang, "zh");
    a.text_scale = 150;
    a.high_contrast = true;
    a.reduced_motion = true;
    a.volume = 30;
    strcpy(a.last_profile, "Аня");
    char *text = settings_serialize(&a);
    CHECK(text != NULL);
    CHECK(settings_parse(&b, text, strlen(text)));
    CHECK_STR(b.lang, "zh");
    CHECK_INT(b.text_scale, 150);
    CHECK(b.high_contrast && b.reduced_motion);
    CHECK_INT(b.volume, 30);
    CHECK_STR(b.last_profile, "Аня");
    free(text);
}

static void buzzer_keys_should_take_whole_valid_sets_and_round_trip(void)
{
    Settings s;
    const char *json = "{\"buzzer_keys\": [[\"T\",\"Y\",\"G\",\"H\"], [\"7\",\"7\",\"9\",\"0\"],"
                       " [\"Q\",\"W\",\"E\"], 5, [\"F1\",\"F2\",\"F3\",\"F4\"]]}";
    CHECK(settings_parse(&s, json, strlen(json)));
    CHECK_STR(s.buzzer_keys[0][0], "T");
    CHECK_STR(s.buzzer_keys[0][3], "H");
    CHECK_STR(s.buzzer_keys[1][1], "8");   /* a repeated key: the default set stays */
    CHECK_STR(s.buzzer_keys[2][3], "R");   /* three keys: the default set stays */
    CHECK_STR(s.buzzer_keys[3][0], "U");   /* not an array */
    CHECK_STR(s.buzzer_keys[4][2], "F3");
    CHECK_STR(s.buzzer_keys[7][3], "/");   /* not given */
    char *text = settings_serialize(&s);
    Settings back;
    CHECK(text && settings_parse(&back, text, strlen(text)));
    for (int t = 0; t < SETTINGS_TEAMS; t++)
        for (int b = 0; b < 4; b++)
            CHECK_STR(back.buzzer_keys[t][b], s.buzzer_keys[t][b]);
    free(text);
}

int main(void)
{
    RUN(settings_parse_should_keep_defaults_for_missing_fields);
    RUN(settings_parse_should_clamp_out_of_range_values);
    RUN(settings_parse_should_reject_unknown_language_and_wrong_types);
    RUN(settings_parse_should_report_text_that_is_not_json);
    RUN(settings_serialize_should_round_trip);
    RUN(buzzer_keys_should_take_whole_valid_sets_and_round_trip);
    return CHECK_DONE();
}
