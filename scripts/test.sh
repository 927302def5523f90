#!/usr/bin/env bash
# The test command: installs what is missing, checks the code's format, builds (warnings are errors),
# runs the unit and end-to-end tests, then lints the bundled rubrics and proves each with its own examples,
# measures the grades against the human-graded answers in ../shared/data (with floors), then a fuzz smoke run of every libFuzzer target (15 s each), so the targets never rot.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
scripts/format.sh --lint
swift build --build-tests -Xswiftc -warnings-as-errors
swift test --skip-build --no-parallel
.build/debug/rehearse rubric lint
.build/debug/rehearse rubric test
scripts/check-agreement.sh
if [[ -n "${REHEARSE_SKIP_FUZZ:-}" ]]; then
  echo "fuzz smoke run skipped (REHEARSE_SKIP_FUZZ is set)" >&2
elif ! scripts/fuzz.sh --check-toolchain; then
  echo "fuzz smoke run skipped: see the message above" >&2
else
  scripts/fuzz.sh --seconds 15
fi
