#!/usr/bin/env bash
# Measures the CPU the idle app uses: starts rapport under Xvfb, lets it settle,
# then reads its CPU time (utime+stime from /proc) over a window of seconds.
# Usage: bench/idle_cpu.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build_dir=${1:-build}
seconds=${2:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config

xvfb-run -a -s "-screen 0 1280x800x24" "$build_dir/gui/rapport" --db "$tmp/r.db" &
wrapper=$!
for _ in $(seq 50); do
  # The app itself (exact process name), not the xvfb-run wrapper around it.
  pid=$(pgrep -n -x rapport || true)
  [[ -n "$pid" ]] && break
  sleep 0.1
done
[[ -n "${pid:-}" ]] || { echo "rapport did not start" >&2; exit 1; }
sleep 2  # let it open, settle and go idle

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks "$pid")
sleep "$seconds"
after=$(ticks "$pid")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill -TERM "$pid"
wait "$wrapper" || true

cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$seconds" 'BEGIN {printf "%.2f", 100 * t / hz / s}')
echo "idle CPU over ${seconds}s: ${cpu}% of one core ($((after - before)) ticks at ${hz} Hz); RSS ${rss_kb} kB"
