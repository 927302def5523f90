#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs the unit and end-to-end tests, then proves
# every rubric in the bank with its own examples.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
swift build
swift test --no-parallel
.build/debug/rehearse rubric lint
.build/debug/rehearse rubric test
