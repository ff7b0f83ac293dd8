#!/bin/sh
# Start-up order in play mode (no display: SDL's dummy video driver): the first frame is
# presented before the progress store, the packs and the audio device are opened when the title
# screen does not show them yet, and after them when it does (reduced motion) or when the game
# starts on another screen; --renderer and FRONTIERS_RENDERER choose the renderer, and a bad FRONTIERS_RENDERER is
# reported and ignored. Reads the FRONTIERS_TRACE_STARTUP phase lines.
# Usage: tests/scene/startup_order.sh BINARY
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

run() {   # run NAME [ENV=VALUE...] -- ARGS...: play until the first frame, trace to $work/NAME
  name=$1; shift
  envs=""
  while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
  shift
  # shellcheck disable=SC2086
  env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy FRONTIERS_TRACE_STARTUP=1 FRONTIERS_EXIT_AFTER_FIRST_FRAME=1 $envs \
    "$bin" --user-dir "$work/user-$name" "$@" > "$work/$name" 2>&1
  status=$?
  if [ $status -ne 0 ]; then echo "FAIL: $name exited $status:"; cat "$work/$name"; fail=1; fi
}
# line NAME PHASE: the line number of the phase's trace line (0 when missing)
line() { awk -v p="$2" '$1 == "startup" && $2 == p { print NR; found = 1; exit } END { if (!found) print 0 }' "$work/$1"; }
before() {   # before NAME A B: phase A is traced, and before phase B
  a=$(line "$1" "$2"); b=$(line "$1" "$3")
  if [ "$a" -eq 0 ] || [ "$b" -eq 0 ] || [ "$a" -ge "$b" ]; then
    echo "FAIL: $1: expected '$2' before '$3' (lines $a, $b):"; cat "$work/$1"; fail=1
  fi
}
has() {   # has NAME TEXT
  grep -q -- "$2" "$work/$1" || { echo "FAIL: $1: no '$2' in:"; cat "$work/$1"; fail=1; }
}

# The title fades in: its first frame shows the page alone, so the progress store, the packs and
# the sound come after it.
run title --
before title present store
before title store packs
before title present packs
before title present audio
before title packs deferred
has title "first_frame_ms "
has title "startup_done_ms "

# Reduced motion shows the whole title at once: the packs are loaded before that frame.
mkdir -p "$work/user-still"
printf '{"reduced_motion": true}\n' > "$work/user-still/settings.json"
run still --
before still store present
before still packs present

# Any other first screen gets its packs before it is created.
run menu -- --scene menu
before menu store scene
before menu packs scene
before menu present audio

# The renderer: asked on the command line, or in the environment; a bad value is reported.
run software -- --renderer software
has software "startup renderer software (asked)"
run gpu FRONTIERS_RENDERER=gpu --
has gpu "startup renderer gpu (asked)"
run bogus FRONTIERS_RENDERER=vulkan --
has bogus "FRONTIERS_RENDERER=vulkan is not auto, software or gpu; using auto"
has bogus "startup renderer gpu (not x11)"

# Under X without a GPU (Xvfb), auto picks the software renderer and no GL library is ever
# mapped into the process (the ~90 MiB and ~200 ms of CPU the software GL driver costs).
if command -v xvfb-run >/dev/null 2>&1 && command -v xauth >/dev/null 2>&1; then
  cat > "$work/x11.sh" <<EOS
#!/bin/sh
# The test suite runs with SDL's dummy video driver and software renderer forced (tests/run.sh):
# here the real X11 driver and the game's own choice are under test.
unset SDL_VIDEODRIVER SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION
SDL_AUDIODRIVER=dummy FRONTIERS_TRACE_STARTUP=1 "$bin" --user-dir "$work/user-x11" 2> "$work/x11" &
pid=\$!
i=0
while [ \$i -lt 300 ] && ! grep -q "^startup deferred" "$work/x11"; do sleep 0.1; i=\$((i + 1)); done
cat /proc/\$pid/maps > "$work/x11-maps" 2>/dev/null
kill \$pid
wait \$pid 2>/dev/null
EOS
  xvfb-run -a -s "-screen 0 1280x720x24" sh "$work/x11.sh"
  has x11 "startup renderer software ("
  has x11 "startup deferred"
  if grep -E "libGL|libEGL|_dri\.so|llvmpipe|libgallium" "$work/x11-maps" >/dev/null; then
    echo "FAIL: x11: a GL library is mapped on the software path:"
    grep -E "libGL|libEGL|_dri\.so|libgallium" "$work/x11-maps" | awk '{print $6}' | sort -u
    fail=1
  fi
else
  echo "startup_order: no xvfb-run, the X11 case is not checked"
fi
exit $fail
