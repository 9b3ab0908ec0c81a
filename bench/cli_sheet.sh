#!/usr/bin/env bash
# Times whole rapport-cli runs that load the shipped banks and print a sheet
# (target < 20 ms per run). Usage: bench/cli_sheet.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build_dir=${1:-build}
runs=${2:-50}
cli="$build_dir/cli/rapport-cli"
args=(sheet --industry technology --goal change-careers,training --minutes 30 --format md)
"$cli" "${args[@]}" >/dev/null  # warm the page cache
if command -v hyperfine >/dev/null; then
  exec hyperfine --warmup 3 --runs "$runs" "$cli ${args[*]}"
fi
start=$(date +%s%N)
for ((i = 0; i < runs; i++)); do "$cli" "${args[@]}" >/dev/null; done
end=$(date +%s%N)
echo "rapport-cli ${args[*]}: $(( (end - start) / runs / 1000 )) us per run over $runs runs"
