#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, coverage over the whole library) and runs each one in
# turn for a set time or a set number of executions, then prints the executions and findings per target.
#
#   tests/fuzz/run_fuzz.sh [--time SECONDS | --runs N] [--targets "fuzz_analyze fuzz_jsonl"]
#                          [--build DIR] [--jobs N] [--no-build] [--news FILE.jsonl] [--suites DIR]
#                          [--max-len BYTES]
#
# Defaults: 60 seconds per target, build-fuzz, all four targets, -j2. The corpus grows in DIR/corpus/<target>
# across runs; findings land in DIR/findings/<target>/ (crash-*, leak-*, timeout-*, oom-*): turn each into a
# regression test (tests/test_hostile.cpp or tests/golden/fuzz_regressions/) before fixing it.
# --news and --suites add local seeds from ../shared (measuring-only text: it stays in the build directory).
# Fuzzers run under nice -n 19, one process at a time: the machine is shared with other builds.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=60 runs="" build=build-fuzz jobs=2 do_build=1 news="" suites="" max_len=""
targets="fuzz_analyze fuzz_jsonl fuzz_encoding fuzz_data_dir"
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds="$2"; runs=""; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    --max-len) max_len="$2"; shift 2 ;;  # instead of the target's own limit below
    --news) news="$2"; shift 2 ;;
    --suites) suites="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run_fuzz.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

cc=$(command -v clang-14 || command -v clang || true)
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ]; then echo "run_fuzz.sh: clang is needed (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; fi

if [ "$do_build" = 1 ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
        -DNEWSNORM_FUZZ=ON -DNEWSNORM_SANITIZE=address -DNEWSNORM_BUILD_TESTS=OFF -DNEWSNORM_BUILD_EXAMPLES=OFF \
        -DNEWSNORM_BUILD_BENCH=OFF -DNEWSNORM_BUILD_TOOLS=OFF -DNEWSNORM_BUILD_CLI=OFF -DNEWSNORM_INSTALL=OFF >/dev/null
  # shellcheck disable=SC2086
  nice -n 10 cmake --build "$build" -j"$jobs" --target $targets
fi

seed_args=()
[ -n "$news" ] && seed_args+=(--news "$news")
[ -n "$suites" ] && seed_args+=(--suites "$suites")
python3 tests/fuzz/make_seeds.py "$build/seeds" "${seed_args[@]}"
if [[ " $targets " == *" fuzz_data_dir "* ]]; then
  NEWSNORM_FUZZ_WRITE_SEEDS="$build/seeds/fuzz_data_dir" "$build/tests/fuzz/fuzz_data_dir" >/dev/null 2>&1
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
summary=()
status=0
for t in $targets; do
  corpus="$build/corpus/$t" findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings" "$build/seeds/$t"
  case "$t" in
    fuzz_analyze) extra=(-max_len=4096 -dict=tests/fuzz/german.dict) ;;  # longer inputs are the hostile tests' job
    fuzz_jsonl) extra=(-max_len=16384 -dict=tests/fuzz/jsonl.dict) ;;
    fuzz_encoding) extra=(-max_len=2048) ;;  # the conversion is byte by byte: long inputs add nothing
    fuzz_data_dir) extra=(-max_len=16384) ;;  # rows are short; the hostile tests have the 1 MB line
    *) extra=() ;;
  esac
  [ -n "$max_len" ] && extra=("${extra[@]/#-max_len=*/-max_len=$max_len}")
  if [ -n "$runs" ]; then limit=(-runs="$runs"); else limit=(-max_total_time="$seconds"); fi
  log="$build/findings/$t.log"
  start=$(date +%s)
  set +e
  nice -n 19 "$build/tests/fuzz/$t" "$corpus" "$build/seeds/$t" "${limit[@]}" "${extra[@]}" -print_final_stats=1 \
       -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$findings/" >"$log" 2>&1
  rc=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  found=$(ls "$findings" 2>/dev/null | wc -l)
  # libFuzzer exits 72 when it is interrupted (SIGINT, a session that ends): no finding, but not a complete run
  if [ "$rc" -eq 0 ] && [ "$found" -eq 0 ]; then result="ok"
  elif [ "$rc" -eq 72 ] && [ "$found" -eq 0 ] && grep -q "run interrupted" "$log"; then result="interrupted, no finding"; status=1
  else result="FINDING (exit $rc, see $log)"; status=1; fi
  summary+=("$(printf '%-15s %12s executions %7ss %8s exec/s  peak %5s MB  corpus %5s  %s' "$t" "${execs:-?}" "$took" \
    "$(( ${execs:-0} / (took > 0 ? took : 1) ))" "${peak:-?}" "$(ls "$corpus" | wc -l)" "$result")")
  echo "${summary[-1]}"
done
echo
echo "fuzz summary ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo "no git")):"
printf '  %s\n' "${summary[@]}"
exit $status
