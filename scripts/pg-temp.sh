#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for tests, in a temp data dir, run as a non-root user (initdb refuses root).
#   scripts/pg-temp.sh start   → prints DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres and the data dir
#   scripts/pg-temp.sh stop DIR
# The locale is C.UTF-8 so that pg_trgm and lower() work on Hangul.
set -euo pipefail
cmd=${1:-start}
find_bin() {
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
    [ -x "$d/$1" ] && { echo "$d/$1"; return; }
  done
  command -v "$1" || { echo "postgres binary $1 not found: install postgresql-15" >&2; exit 1; }
}
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local user=postgres; id "$user" >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else "$@"; fi
}
case "$cmd" in
  start)
    PGPORT=${PGPORT:-$((54000 + RANDOM % 1000))}
    PGDATA=$(mktemp -d "${TMPDIR:-/tmp}/open-seoul-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then
      owner=postgres; id "$owner" >/dev/null 2>&1 || owner=nobody
      chown "$owner": "$PGDATA"
    fi
    chmod 700 "$PGDATA"
    as_owner "$(find_bin initdb)" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$(find_bin pg_ctl)" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
      -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    echo "PGDATA=$PGDATA"
    ;;
  stop)
    dir=${2:?usage: pg-temp.sh stop PGDATA}
    as_owner "$(find_bin pg_ctl)" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
