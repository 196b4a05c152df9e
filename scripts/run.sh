#!/usr/bin/env bash
# Run the portal locally: PostgreSQL + Redis under var/, migrations, translations, demo data,
# then web server, Celery worker and Celery beat together. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/services.sh start
eval "$(scripts/services.sh env)"
export DATABASE_URL REDIS_URL
PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py compilemessages --ignore=.venv --ignore=var >/dev/null
$PY manage.py seed_demo
mkdir -p var

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo "Stopping web, worker and beat ..."
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

.venv/bin/celery -A office worker --loglevel=INFO --concurrency=2 &
pids+=($!)
.venv/bin/celery -A office beat --loglevel=INFO --schedule var/celerybeat-schedule &
pids+=($!)
echo
echo "  Portal: http://127.0.0.1:${PORT:-8000}   accounts: director clerk leader officer reception supervisor finance staff / demo12345"
echo
$PY manage.py runserver "127.0.0.1:${PORT:-8000}" &
pids+=($!)
wait -n "${pids[@]}"
