#!/bin/sh
# Regenerates openapi.json from the app (on a fresh, empty SQLite database in a temporary directory, so that nothing in
# a developer's own database changes the document), then the TypeScript client types generated from it.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
env -u DATABASE_URL OPEN_SEOUL_DATA_DIR="$dir" node bin/open-seoul.js openapi --write
npx openapi-typescript openapi.json --output api-client/schema.d.ts
