#!/usr/bin/env bash
# Local PostgreSQL and Redis for the run and test commands, kept under var/.
#   scripts/services.sh start   start both unless already running (idempotent)
#   scripts/services.sh stop    stop both
#   scripts/services.sh env     print the DATABASE_URL / REDIS_URL to export
# With DATABASE_URL or REDIS_URL already set, that service is left to its owner.
# PORTAL_PG_PROFILE=test (set by scripts/test.sh) uses a second cluster, var/pgtest on port
# 54339, without fsync: throwaway test databases need speed, not durability. The run cluster
# (var/pgdata, 54329) keeps its data like a real database: fsync and full_page_writes on.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VAR="$ROOT/var"
PROFILE="${PORTAL_PG_PROFILE:-run}"
if [ "$PROFILE" = test ]; then
  PGDATA="$VAR/pgtest"
  PGPORT="${PORTAL_PG_PORT:-54339}"
else
  PGDATA="$VAR/pgdata"
  PGPORT="${PORTAL_PG_PORT:-54329}"
fi
REDIS_PORT="${PORTAL_REDIS_PORT:-63799}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
DB_NAME=office

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  [ -n "${DATABASE_URL:-}" ] && return 0
  [ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$VAR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$VAR"; fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # The portal's settings live in portal.conf, written on every start and included last, so
  # a cluster made by an older version of this script is brought in line too.
  grep -q "include_if_exists = 'portal.conf'" "$PGDATA/postgresql.conf" ||
    echo "include_if_exists = 'portal.conf'" >> "$PGDATA/postgresql.conf"
  if [ "$PROFILE" = test ]; then durability=off; else durability=on; fi
  cat > "$PGDATA/portal.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$VAR'
max_connections = 200
fsync = $durability
full_page_writes = $durability
synchronous_commit = $durability
CONF
  chown postgres "$PGDATA/portal.conf" 2>/dev/null || true
  if ! as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$VAR/postgres-$PROFILE.log" -w -t 60 start >/dev/null
  else
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" reload >/dev/null  # fsync & co. are reloadable
  fi
  if ! as_postgres "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
      "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1; then
    as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$DB_NAME"
  fi
}

start_redis() {
  [ -n "${REDIS_URL:-}" ] && return 0
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$VAR/redis"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$VAR/redis" --daemonize yes \
      --pidfile "$VAR/redis/redis.pid" --logfile "$VAR/redis/redis.log" --save "" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
}

case "${1:-}" in
  start) start_postgres; start_redis ;;
  stop)
    # Stops the profile's cluster (PORTAL_PG_PROFILE=test scripts/services.sh stop for the test one).
    [ -f "$PGDATA/PG_VERSION" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
  env)
    echo "export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:$PGPORT/$DB_NAME}"
    echo "export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
