#!/usr/bin/env bash
# Runs every test. Installs what the tests need (Azurite from the pinned npm package) first.
# Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || { echo "npm ci failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# Repository checks, each counted as one test: every comment and page cites docs/ or a public URL, never a document the
# repository lacks; every file under src/ over 250 lines says why at its top.
checks_passed=0
checks_failed=0
for check in scripts/check-citations.sh scripts/check-class-size.sh; do
  if bash "$check"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); fi
done

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The filter holds every project of Functions.sln, the Functions app and the tests that run its worker included.
# A test that hangs is named, with a dump, after 5 minutes instead of running into the CI job's timeout.
dotnet test WhatsAppMedia.Tests.slnf --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 5m --blame-hang-dump-type mini "$@"
status=$?

passed=$checks_passed
failed=$checks_failed
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# The ten slowest tests (duration is hh:mm:ss.fffffff, so a text sort orders them), to see where the run's time goes.
echo "slowest tests:"
cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*>' \
  | sed -n 's/.*testName="\([^"]*\)".*duration="\([^"]*\)".*/\2 \1/p' | sort -r | head -n 10 | sed 's/^/  /'

if [ "$checks_failed" -ne 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count it, so the run is not mistaken for green.
  failed=1
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
