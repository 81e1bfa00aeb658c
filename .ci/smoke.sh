#!/usr/bin/env bash
# A smoke run of the server on another Node: `.ci/smoke.sh <node version> <PostgreSQL admin URL> <report.json>`.
# Starts `open-seoul serve` on that Node (.ci/node-lts.sh) against a new PostgreSQL database (so no SQLite binding is
# needed), waits for /health, asks /ready and makes one API call, stops it; writes {"passed": n, "failed": n} to the report.
set -uo pipefail
ver=$1 admin_url=$2 report=$3
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-18924}
db="os_smoke_$(date +%s)_$$"
dir=$(mktemp -d)
url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$admin_url" "$db")
passed=0 failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "smoke: failed: $*" >&2; fi; }
finish() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  psql -q "$admin_url" -c "drop database if exists $db with (force)" >/dev/null 2>&1
  rm -rf "$dir"
  echo "{\"passed\": $passed, \"failed\": $failed}" >"$report"
  echo "smoke on node $ver: $passed passed, $failed failed"
}
trap finish EXIT
node_bin=$(NODE_LTS_SQLITE=0 .ci/node-lts.sh "$ver") || { failed=1; exit 1; }
psql -q "$admin_url" -c "create database $db" || { failed=1; exit 1; }
PORT=$port HOST=127.0.0.1 DATABASE_URL=$url OPEN_SEOUL_DATA_DIR=$dir NODE_ENV=production LOG_LEVEL=warn \
  OPEN_SEOUL_SECRET=smoke-secret-of-enough-length-for-production-0000 OPEN_SEOUL_SEED_DEMO=false \
  "$node_bin" bin/open-seoul.js serve >"$dir.log" 2>&1 &
pid=$!
up() {
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir.log" >&2; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ] && return 0
    sleep 1
  done
  return 1
}
check up
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; }
check ready
api_call() { curl -sf "http://127.0.0.1:$port/api/v1/transit/lines" | "$node_bin" -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.exit(JSON.parse(s) ? 0 : 1))'; }
check api_call
rm -f "$dir.log"
[ "$failed" = 0 ]
