#!/usr/bin/env bash
# npm test: the outside judges, then the type check and lint run beside the test builds (two cores, two jobs), then every test once.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
# The outside judges first: install what is missing, or stop before any test naming it.
node scripts/install-judges.ts || exit 1
check_log=$(mktemp)
trap 'rm -f "$check_log"' EXIT
start=$SECONDS
npm run -s check >"$check_log" 2>&1 &
check_pid=$!
npm run -s build:sites
builds=$?
wait "$check_pid"
check=$?
cat "$check_log"
echo "check and builds: $((SECONDS - start)) s"
[ "$check" -eq 0 ] || { echo "npm run check failed (exit $check): see above" >&2; exit "$check"; }
[ "$builds" -eq 0 ] || { echo "npm run build:sites failed (exit $builds): see above" >&2; exit "$builds"; }
npx vitest run
