#!/usr/bin/env bash
# Times `rapport-cli import` of years of records (bench/big_export.py: 20,000
# contacts and 50,000 meetings by default, about 53 MB) into a fresh
# database: wall and CPU time, and peak memory (GNU time's maximum RSS).
# Usage: bench/import.sh [BUILD_DIR] [CONTACTS] [MEETINGS]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
contacts=${2:-20000}
meetings=${3:-50000}
cli="$build_dir/cli/rapport-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/big_export.py "$work/export.json" "$contacts" "$meetings"
size=$(du -h "$work/export.json" | cut -f1)
/usr/bin/time -f '%e s wall, %U s user, %S s system, peak RSS %M KB' -o "$work/time" \
  "$cli" --db "$work/rapport.db" import "$work/export.json" >/dev/null
echo "import of $contacts contacts and $meetings meetings ($size): $(cat "$work/time")"
