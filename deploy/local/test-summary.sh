#!/usr/bin/env bash
# Adds up the TRX files in a folder and prints "N passed, N failed" (", N skipped" when any were), so that a run
# that executed nothing is visible. Exits non-zero when there are no results or any test failed.
set -euo pipefail
results="${1:?usage: test-summary.sh RESULTS_DIR}"

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
done

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"

if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "No test results were found in $results." >&2
  exit 1
fi
[ "$failed" -eq 0 ]
