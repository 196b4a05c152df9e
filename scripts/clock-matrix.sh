#!/usr/bin/env bash
# The clock matrix: the whole non-browser suite at the awkward instants of an office's day and
# year (China time), each run with Python's clock moved there (tests/clock.py, time-machine).
# Then the browser journeys once, with the server's clock at 23:50 (see E2E_INSTANTS).
#   scripts/clock-matrix.sh                 every instant
#   scripts/clock-matrix.sh 2026-12-31T23:50:00+08:00 -k roster   one instant, extra pytest args
# CI runs it after the ordinary suite. Exit status: non-zero if any instant failed.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export PORTAL_PG_PROFILE=test  # the fast, throwaway cluster (scripts/services.sh)
scripts/services.sh start
eval "$(scripts/services.sh env)"
export DATABASE_URL REDIS_URL
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=var >/dev/null

INSTANTS=(
  2026-11-30T00:30:00+08:00   # Monday, just after midnight: yesterday's night shift still on
  2026-11-30T07:55:00+08:00   # before the day shift and the working day
  2026-11-30T08:05:00+08:00   # just after shift change
  2026-11-30T13:59:00+08:00
  2026-11-30T14:30:00+08:00
  2026-11-30T19:55:00+08:00   # before the night shift
  2026-11-30T20:05:00+08:00   # just after it
  2026-11-30T23:50:00+08:00   # before midnight
  2026-12-06T10:00:00+08:00   # Sunday
  2026-12-31T23:50:00+08:00   # year end: the number series roll over in ten minutes
  2028-02-29T12:00:00+08:00   # leap day
)
# The browser journeys once, ten minutes before midnight: the server's clock moves (the
# live server runs in the test process), the browser's stays; a journey that books "in an
# hour" must still land today. Skipped when an instant or pytest arguments are given.
E2E_INSTANTS=(2026-11-30T23:50:00+08:00)
if [ $# -gt 0 ]; then E2E_INSTANTS=(); fi
if [ $# -gt 0 ] && [[ "$1" == 20* ]]; then INSTANTS=("$1"); shift; fi

failed=()
summary=()
for instant in "${INSTANTS[@]}"; do
  echo "== clock at $instant"
  log=$(mktemp)
  PORTAL_CLOCK="$instant" .venv/bin/pytest -m "not e2e and not fuzz" -q -p no:randomly "$@" 2>&1 | tee "$log" | tail -n 25
  rc=${PIPESTATUS[0]}
  summary+=("$instant  $(grep -E '^(=+ )?[0-9]+ (passed|failed)' "$log" | tail -n 1 | tr -d '=')")
  rm -f "$log"
  [ "$rc" -eq 0 ] || failed+=("$instant")
done
for instant in "${E2E_INSTANTS[@]}"; do
  echo "== browser journeys with the server's clock at $instant"
  log=$(mktemp)
  PORTAL_CLOCK="$instant" .venv/bin/pytest -m e2e -q -p no:randomly tests/e2e 2>&1 | tee "$log" | tail -n 25
  rc=${PIPESTATUS[0]}
  summary+=("$instant (browser)  $(grep -E '^(=+ )?[0-9]+ (passed|failed)' "$log" | tail -n 1 | tr -d '=')")
  rm -f "$log"
  [ "$rc" -eq 0 ] || failed+=("$instant (browser)")
done

echo
echo "== clock matrix"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed at: ${failed[*]}"
  exit 1
fi
