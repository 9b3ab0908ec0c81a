#!/usr/bin/env bash
# Times whole `rapport-cli sheet` runs over a generated bank of N questions
# (bench/big_bank.py, about 300 bytes each: 100,000 make 30 MB) next to the
# shipped banks, for N = 1,000, 10,000 and 100,000 (or the sizes given), to
# show how the cost grows with the bank. Per size: the median wall time and
# the median CPU time (user + system) of a run, the page faults of a run,
# and the same with the fast path off (RAPPORT_BANK_SLOW=1: the
# line-recording reader alone). Target: 150 ms per run at 100,000. The
# machine's load is printed too: wall time on a shared machine waits for the
# CPU, CPU time does not.
# Usage: bench/bank_load.sh [BUILD_DIR] [RUNS] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
runs=${2:-11}
shift $(( $# > 2 ? 2 : $# ))
sizes=(1000 10000 100000)
[[ $# -eq 0 ]] || sizes=("$@")
cli="$build_dir/cli/rapport-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
echo "rapport-cli sheet, median of $runs runs ($(uptime | sed 's/.*load/load/'))"
printf '%9s %6s | %8s %8s %8s | %12s %12s\n' "" "" "fast" "fast" "fast" "slow reader" "slow reader"
printf '%9s %6s | %8s %8s %8s | %12s %12s\n' questions MB "wall ms" "CPU ms" faults "wall ms" "CPU ms"
for count in "${sizes[@]}"; do
  banks="$work/banks-$count"
  mkdir -p "$banks"
  cp question-banks/*.json "$banks"/
  bench/big_bank.py "$banks/questions.bench.en.json" "$count"
  python3 - "$cli" "$banks" "$runs" "$count" <<'PY'
import os, statistics, subprocess, sys, time
cli, banks, runs, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
args = [cli, "--db", os.path.join(os.environ["XDG_DATA_HOME"], "r.db"), "--banks", banks, "sheet",
        "--industry", "technology", "--goal", "change-careers", "--minutes", "30", "--format", "md"]
def run(slow):
    env = dict(os.environ)
    if slow: env["RAPPORT_BANK_SLOW"] = "1"
    start = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status != 0: sys.exit(f"rapport-cli failed on the bank of {count}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_minflt
def median_of(slow, n):
    run(slow)  # warm the page cache
    rows = [run(slow) for _ in range(n)]
    return [statistics.median(r[i] for r in rows) for i in range(3)]
fast = median_of(False, runs)
slow = median_of(True, max(3, runs // 3))
mb = os.path.getsize(os.path.join(banks, "questions.bench.en.json")) / 1e6
print(f"{count:9d} {mb:6.1f} | {fast[0]:8.0f} {fast[1]:8.0f} {fast[2]:8.0f} | {slow[0]:12.0f} {slow[1]:12.0f}")
PY
done
