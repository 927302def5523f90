#!/usr/bin/env bash
# Regenerates man/rehearse.1 from the commands' --help text, with swift-argument-parser's
# generate-manual plugin. Run after changing any command's help, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=${SCRATCH_PATH:-.build}
swift package --scratch-path "$scratch" plugin generate-manual --configuration debug --date "${MANUAL_DATE:-$(date +%F)}"
mkdir -p man
cp "$scratch/plugins/GenerateManual/outputs/rehearse/rehearse.1" man/rehearse.1
echo "Wrote man/rehearse.1 (read it with: man -l man/rehearse.1)" >&2
