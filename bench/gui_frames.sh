#!/usr/bin/env bash
# Frame times of every screen of the app with years of records (by default
# 20,000 contacts and 50,000 meetings from bench/big_export.py), under Xvfb
# at 1400x900. The app opens on each screen in turn (the screen saved in
# gui.json), draws FRAMES frames with the mouse moving on every frame (each
# move makes a frame), and writes each frame's time (--frame-times). Printed
# per screen: the first frame (the screen's model is built then), and the
# median and slowest of the following frames. Target: under 16 ms a frame.
# Usage: bench/gui_frames.sh [BUILD_DIR] [CONTACTS] [MEETINGS] [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$(realpath "${1:-build}")
contacts=${2:-20000}
meetings=${3:-50000}
frames=${4:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/big_export.py "$work/export.json" "$contacts" "$meetings"
"$build_dir/cli/rapport-cli" --db "$work/rapport.db" import "$work/export.json" >/dev/null
python3 - "$work/script.json" "$frames" <<'PY'
import json, sys
path, frames = sys.argv[1], int(sys.argv[2])
# Over the screen's content, a little further each frame.
steps = [{"frame": f, "move": [500 + (f * 7) % 600, 200 + (f * 5) % 500]} for f in range(frames)]
json.dump(steps, open(path, "w"))
PY
printf '%-9s %10s %12s %12s\n' screen "first ms" "median ms" "slowest ms"
for screen in home prepare pitch meetings meeting debrief profile; do
  mkdir -p "$work/config/rapport"
  echo "{\"width\": 1400, \"height\": 900, \"screen\": \"$screen\"}" >"$work/config/rapport/gui.json"
  XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build_dir/gui/rapport" --db "$work/rapport.db" --frames "$frames" \
    --script "$work/script.json" --frame-times "$work/times.txt" >/dev/null 2>"$work/err.txt" ||
    { echo "$screen: the app failed:"; cat "$work/err.txt"; exit 1; }
  python3 - "$work/times.txt" "$screen" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
times = [float(ms) for name, ms in rows if name == sys.argv[2]]
rest = times[1:] or [0.0]
print(f"{sys.argv[2]:<9} {times[0]:10.1f} {statistics.median(rest):12.1f} {max(rest):12.1f}")
PY
done
