/* libFuzzer target: settings.json parsing must accept anything without crashing and always
 * leave values inside their documented ranges; serialising and parsing again is stable. */
#include "content/settings.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Settings s, again;
    settings_parse(&s, (const char *)data, size);
    if (s.text_scale < 100 || s.text_scale > 200 || s.volume < 0 || s.volume > 100 ||
        s.retention < 0.7 || s.retention > 0.97 || s.new_per_day < 0 || s.new_per_day > 200)
        abort();
    char *text = settings_serialize(&s);
    if (!text)
        return 0;
    if (!settings_parse(&again, text, strlen(text)) || again.text_scale != s.text_scale ||
        again.volume != s.volume || strcmp(again.lang, s.lang) != 0 || strcmp(again.last_profile, s.last_profile) != 0)
        abort();
    free(text);
    return 0;
}
