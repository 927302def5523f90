#!/usr/bin/env bash
# The main job: installs what is missing, builds rehearse, and starts a mock interview on the bundled
# bank. Arguments are passed to 'rehearse practice' (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release >&2
exec .build/release/rehearse practice "$@"
