/* Frontiers entry point: the command line (play, validate, screenshot, replay, ...). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("frontiers %s\n", FRONTIERS_VERSION);
        return 0;
    }
    return 0;
}
