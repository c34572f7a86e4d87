#!/usr/bin/env bash
# Runs every evaluation command and the benchmark, and keeps their output in OUT (default build/figures):
# the figures README.md shows come from here.
#   bash bench/eval/run_all.sh [BUILD_DIR] [SHARED_DIR] [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shared=${2:-../shared}
out=${3:-$build/figures}
mkdir -p "$out"
cli="$build/newsnorm"
[ -x "$cli" ] || { echo "run_all: build the project first ($cli is missing)" >&2; exit 1; }
for script in bench/eval/eval_*.py; do
  name=$(basename "$script" .py)
  echo "== $name"
  python3 "$script" --cli "$cli" --shared "$shared" | tee "$out/$name.txt"
done
echo "== bench"
"$build/bench/newsnorm_bench" --corpus "$shared/corpus/de/news.jsonl" --seconds 3 | tee "$out/bench.txt"
echo "figures written to $out"
