#!/usr/bin/env bash
# Frame times of every screen of the app, under Xvfb at 1400x900, with few
# records (10 contacts, 10 meetings) and with years of them (by default
# 20,000 contacts and 50,000 meetings from bench/big_export.py). The app
# opens on each screen in turn (the screen saved in gui.json), draws FRAMES
# frames with the mouse moving on every frame (each move makes a frame), and
# writes each frame's times (--frame-times): the whole frame, and the part
# spent building it (our code and ImGui, NewFrame to Render). The rest is
# OpenGL drawing and the swap, done by Mesa's software renderer under Xvfb,
# which costs the same whatever the records. Printed per screen and size:
# the first frame (the screen's model is built then), then the median and
# 95th percentile of the following frames, for the build and for the whole
# frame. Target: under 16 ms a frame. Machine load matters (2 cores shared):
# the script prints `uptime` before each size.
# Usage: bench/gui_frames.sh [BUILD_DIR] [CONTACTS] [MEETINGS] [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$(realpath "${1:-build}")
contacts=${2:-20000}
meetings=${3:-50000}
frames=${4:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/script.json" "$frames" <<'PY'
import json, sys
path, frames = sys.argv[1], int(sys.argv[2])
# Over the screen's content, a little further each frame.
steps = [{"frame": f, "move": [500 + (f * 7) % 600, 200 + (f * 5) % 500]} for f in range(frames)]
json.dump(steps, open(path, "w"))
PY

run_size() {  # CONTACTS MEETINGS
  local db="$work/rapport-$1-$2.db"
  bench/big_export.py "$work/export.json" "$1" "$2"
  "$build_dir/cli/rapport-cli" --db "$db" import "$work/export.json" >/dev/null
  echo
  echo "$1 contacts, $2 meetings ($frames frames per screen; $(uptime | sed 's/.*load/load/'))"
  printf '%-9s %9s | %8s %8s | %8s %8s\n' "" "first" "build" "build" "frame" "frame"
  printf '%-9s %9s | %8s %8s | %8s %8s\n' screen "frame ms" "median" "p95" "median" "p95"
  for screen in home prepare pitch meetings meeting debrief profile; do
    mkdir -p "$work/config/rapport"
    echo "{\"width\": 1400, \"height\": 900, \"screen\": \"$screen\"}" >"$work/config/rapport/gui.json"
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
      xvfb-run -a -s "-screen 0 1400x900x24" \
      "$build_dir/gui/rapport" --db "$db" --frames "$frames" \
      --script "$work/script.json" --frame-times "$work/times.txt" >/dev/null 2>"$work/err.txt" ||
      { echo "$screen: the app failed:"; cat "$work/err.txt"; exit 1; }
    python3 - "$work/times.txt" "$screen" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
rows = [(float(total), float(build)) for name, total, build in rows if name == sys.argv[2]]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]
rest = rows[1:] or [(0.0, 0.0)]
build = [b for _, b in rest]
total = [t for t, _ in rest]
print(f"{sys.argv[2]:<9} {rows[0][0]:9.1f} | {pct(build, .5):8.1f} {pct(build, .95):8.1f} |"
      f" {pct(total, .5):8.1f} {pct(total, .95):8.1f}")
PY
  done
}

run_size 10 10
run_size "$contacts" "$meetings"
