#!/usr/bin/env bash
# The test command: installs what is missing, checks the code's format, builds (warnings are errors),
# runs the unit and end-to-end tests, then lints the bundled rubrics and proves each with its own examples.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
scripts/format.sh --lint
swift build --build-tests -Xswiftc -warnings-as-errors
swift test --skip-build --no-parallel
.build/debug/rehearse rubric lint
.build/debug/rehearse rubric test
