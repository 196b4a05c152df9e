#!/usr/bin/env bash
# Run the tests against a real PostgreSQL and Redis (started under var/ unless DATABASE_URL /
# REDIS_URL are set) and Debian's Chromium. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export PORTAL_PG_PROFILE=test  # the fast, throwaway cluster (scripts/services.sh)
scripts/services.sh start
eval "$(scripts/services.sh env)"
export DATABASE_URL REDIS_URL
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=var >/dev/null
exec .venv/bin/pytest "$@"
