#!/usr/bin/env bash
# Grades the human-graded MLOps answers in ../shared/data with the bundled bank and fails when the
# grades order them worse than the floors: pairwise order within a question and Spearman's rho.
# Prints the summary and the mean score of each kind of answer. Skips, saying so, when the data is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=../shared/data/mlops-answers-dev.jsonl
if [[ ! -f $dev ]]; then
  echo "agreement check skipped: $dev is absent" >&2
  exit 0
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
.build/debug/rehearse rubric test --responses "$dev" --min-pairwise 0.90 --min-spearman 0.84 >"$report" || status=$?
# The overall line and the kinds of answer; the rest of the report is for `rubric test --responses`.
sed -n '1,/^By question/p' "$report" | sed '$d'
exit "$status"
