#!/usr/bin/env bash
# The fuzz suite's long profile: at least 300 examples per form, list parameter and URL value.
# Extra arguments go to pytest (e.g. -k "forms and duty" for one app's forms).
set -euo pipefail
cd "$(dirname "$0")/.."
export HYPOTHESIS_PROFILE=long
exec scripts/test.sh tests/fuzz -m fuzz -p no:randomly -s "$@"
