#!/usr/bin/env bash
# Formats the Swift sources in place with swift-format (rules in .swift-format), or with --lint only
# reports what is off, exiting non-zero; the test command runs the lint.
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Sources Tests Benchmarks Package.swift)
if [[ "${1:-}" == "--lint" ]]; then
  swift format lint --strict --recursive "${paths[@]}"
else
  swift format --in-place --recursive "${paths[@]}"
fi
