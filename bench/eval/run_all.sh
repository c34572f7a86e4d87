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
echo "== eval_time"
python3 bench/eval/eval_time.py --cli "$cli" --shared "$shared" | tee "$out/eval_time.txt"
echo "== eval_numbers"
python3 bench/eval/eval_numbers.py --cli "$cli" --shared "$shared" | tee "$out/eval_numbers.txt"
echo "== eval_entities"
python3 bench/eval/eval_entities.py --cli "$cli" --gold "$shared/eval/de/germeval2014/NER-de-dev.tsv" \
  --train-tool "$build/newsnorm_train_ner" | tee "$out/eval_entities.txt"
if [ -d /tmp/peers/node_modules/chrono-node ]; then
  echo "== peers_time"
  python3 bench/eval/peers_time.py --cli "$cli" --shared "$shared" | tee "$out/peers_time.txt" || true
fi
echo "== bench"
"$build/bench/newsnorm_bench" --corpus "$shared/corpus/de/news.jsonl" --seconds 3 | tee "$out/bench.txt"
echo "figures written to $out"
