#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer) into .build-fuzz and runs each one:
#   scripts/fuzz.sh [--seconds N | --runs N] [--release] [target ...]
# --release builds with optimisation (-c release; overflow checks and the sanitizer stay): slower to
# build, many times more executions a second, for the long runs (--runs 1000000).
# Targets: rubric grade transcript responses (default: all). Seeds are in Fuzz/corpus/<target> (from
# the bundled bank and the test fixtures); new inputs go to
# .build-fuzz/corpus/<target>, crashes to .build-fuzz/crashes/<target>. Exits non-zero on a crash.
# --check-toolchain exits 0 when this Swift can build fuzz targets, 1 (with a message) when not.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=()
targets=()
configuration=debug
while (($#)); do
  case "$1" in
    --seconds) limit+=(-max_total_time="$2"); shift 2 ;;
    --runs) limit+=(-runs="$2"); shift 2 ;;
    --release) configuration=release; shift ;;
    --check-toolchain)
      runtime=$(find "$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib" -name 'libclang_rt.fuzzer*-x86_64.a' \
        -o -name 'libclang_rt.fuzzer*aarch64.a' 2>/dev/null | head -1)
      if [[ -z "$runtime" ]]; then
        echo "this Swift toolchain has no libFuzzer runtime (libclang_rt.fuzzer); fuzz targets cannot be built" >&2
        exit 1
      fi
      exit 0 ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(rubric grade transcript responses)
((${#limit[@]})) || limit=(-max_total_time=60)

swift build -c "$configuration" --scratch-path .build-fuzz --product rehearse-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING >&2
binary=.build-fuzz/$configuration/rehearse-fuzz

status=0
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus/$target crashes=.build-fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  echo "== fuzz $target (${limit[*]})" >&2
  log=.build-fuzz/$target.log
  # Inputs a little over the largest real one: a rubric file is at most 8 KB, an answer a few KB (the
  # size limits themselves have their own tests); longer inputs only make each run slower.
  case "$target" in rubric) max_len=16384 ;; grade) max_len=8192 ;; *) max_len=65536 ;; esac
  if ! REHEARSE_FUZZ_TARGET=$target REHEARSE_RUBRICS=Rubrics ASAN_OPTIONS=detect_leaks=0 \
    "$binary" "${limit[@]}" -dict=Fuzz/dictionaries/numbers.dict -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "Fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz $target FAILED; see $log and $crashes" >&2
    tail -40 "$log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^Done ' "$log" >&2 || true
done
exit $status
