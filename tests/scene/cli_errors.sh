#!/bin/sh
# Unknown options, commands and missing arguments: one line on stderr, exit status 2.
bin=$1
fail=0
check() {
  expect_msg=$1; shift
  err=$("$@" 2>&1 >/dev/null)
  status=$?
  lines=$(printf '%s\n' "$err" | wc -l)
  if [ $status -ne 2 ]; then echo "FAIL: '$*' exited $status, expected 2"; fail=1; fi
  if [ "$lines" -ne 1 ]; then echo "FAIL: '$*' printed $lines lines: $err"; fail=1; fi
  case "$err" in *"$expect_msg"*) ;; *) echo "FAIL: '$*' said '$err', expected '$expect_msg'"; fail=1 ;; esac
}
check "unknown option '--bogus'" "$bin" --bogus
check "unknown command 'frobnicate'" "$bin" frobnicate
check "option --lang needs a value" "$bin" --lang
check "unknown language 'fr'" "$bin" --lang fr
check "screenshot needs --out FILE.png" "$bin" screenshot --scene title
check "unknown scene 'nowhere'" "$bin" screenshot --scene nowhere --out x.png
check "--size takes WxH" "$bin" screenshot --scene title --size 12 --out x.png
check "replay needs a FILE" "$bin" replay
check "--renderer takes auto, software or gpu, not 'opengl'" "$bin" --renderer opengl
check "option --renderer needs a value" "$bin" --renderer
exit $fail
