#!/usr/bin/env bash
# Times `rapport-cli sheet` over a generated bank of N questions (default
# 100,000, about 21 MB) next to the shipped ones: the simdjson fast path, and
# the line-recording reader alone (RAPPORT_BANK_SLOW=1) for comparison.
# Usage: bench/bank_load.sh [BUILD_DIR] [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
count=${2:-100000}
runs=${3:-10}
cli="$build_dir/cli/rapport-cli"
banks=$(mktemp -d)
trap 'rm -rf "$banks"' EXIT
cp question-banks/*.json "$banks"/
bench/big_bank.py "$banks/questions.bench.en.json" "$count"
size=$(du -h "$banks/questions.bench.en.json" | cut -f1)
args=(--banks "$banks" sheet --industry technology --goal change-careers --minutes 30 --format md)
time_runs() {
  "$cli" "${args[@]}" >/dev/null  # warm the page cache
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$cli" "${args[@]}" >/dev/null; done
  end=$(date +%s%N)
  echo "$(( (end - start) / runs / 1000000 )) ms per run"
}
echo "bank of $count questions ($size): fast path: $(time_runs)"
echo "bank of $count questions ($size): line-recording reader only: $(RAPPORT_BANK_SLOW=1 time_runs)"
