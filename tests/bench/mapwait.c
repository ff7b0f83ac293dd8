/* mapwait: starts a program and prints how long it took until its first top-level window was
 * mapped, as the X server reports it (a MapNotify event on the root window), with no polling:
 * polling with xdotool (two processes started every 10 ms) adds tens of milliseconds on a slow
 * machine to whichever program it measures. The clock starts just before the fork. The
 * first top-level window mapped counts (run it in an X server of its own, as peers.sh does: the
 * program may be started through a wrapper such as /usr/bin/time). The program is left running,
 * its standard output sent to /dev/null; the pid mapwait started is printed, and the window's
 * _NET_WM_PID (-1 when it has none).
 * Usage: mapwait TIMEOUT_MS PROGRAM [ARGS...]
 * Prints "map_ms N pid P window_pid W start_unix_ms S" (S: the wall clock at the fork), or
 * "no_window pid P" after TIMEOUT_MS. */
#define _POSIX_C_SOURCE 200809L
#include <X11/Xatom.h>
#include <fcntl.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The window's _NET_WM_PID, or -1 when it has none. */
static long window_pid(Display *d, Window w, Atom pid_atom)
{
    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    long pid = -1;
    if (XGetWindowProperty(d, w, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success &&
        data && n == 1 && format == 32)
        pid = (long)*(unsigned long *)data;
    if (data)
        XFree(data);
    return pid;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: mapwait TIMEOUT_MS PROGRAM [ARGS...]\n");
        return 2;
    }
    double timeout = atof(argv[1]);
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "mapwait: cannot open the display\n");
        return 2;
    }
    Window root = DefaultRootWindow(d);
    XSelectInput(d, root, SubstructureNotifyMask);
    Atom pid_atom = XInternAtom(d, "_NET_WM_PID", False);
    XSync(d, False);
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    double t0 = now_ms();
    pid_t child = fork();
    if (child == 0) {
        /* The program's standard output goes nowhere: a caller reading ours must not wait for
         * it. Its standard error is ours. */
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            close(null);
        }
        close(ConnectionNumber(d));
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    if (child < 0)
        return 2;
    struct pollfd pfd = {.fd = ConnectionNumber(d), .events = POLLIN};
    for (;;) {
        while (XPending(d)) {
            XEvent e;
            XNextEvent(d, &e);
            if (e.type != MapNotify || e.xmap.override_redirect)
                continue;
            double t = now_ms() - t0;
            long pid = window_pid(d, e.xmap.window, pid_atom);
            printf("map_ms %.1f pid %ld window_pid %ld start_unix_ms %.3f\n", t, (long)child, pid,
                   (double)wall.tv_sec * 1e3 + (double)wall.tv_nsec / 1e6);
            return 0;
        }
        double left = timeout - (now_ms() - t0);
        if (left <= 0)
            break;
        poll(&pfd, 1, (int)left + 1);
    }
    printf("no_window pid %ld\n", (long)child);
    return 1;
}
