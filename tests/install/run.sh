#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The installed programs work on their own: `cmake --install` the build into a
# temporary prefix, index the installed corpus with the installed indexer,
# serve it with the installed searchd (no --web: it must find the installed
# pages itself), and fetch a page, an API answer and a static asset.
#
#   tests/install/run.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install failed"; }
for f in bin/a6kb-indexer bin/a6kb-searchd share/a6kb/web/templates/search.tpl share/a6kb/corpus/taxonomy.xml; do
  [[ -e "$prefix/$f" ]] || fail "$f is not installed"
done
# Nothing may point back into the source or build tree.
if strings "$prefix/bin/a6kb-searchd" "$prefix/bin/a6kb-indexer" | grep -F -e "$(cd "$build" && pwd)" -e "$(cd "$(dirname "$0")/../.." && pwd)/" >"$work/paths.txt"; then
  fail "a source or build path is compiled into the installed programs: $(head -3 "$work/paths.txt")"
fi

# The indexer without --taxonomy, on a corpus folder without taxonomy.xml:
# it must fall back to the installed corpus's taxonomy.
mkdir -p "$work/mine"
printf '# Cookstove notes\n\nNotes on improved cookstoves and the AMS-II.G methodology.\n' >"$work/mine/notes.md"
"$prefix/bin/a6kb-indexer" --db "$work/db" "$prefix/share/a6kb/corpus" "$work/mine" >"$work/index.log" 2>&1 \
  || { cat "$work/index.log" >&2; fail "the installed indexer failed"; }

log="$work/searchd.log"
(cd "$work" && exec "$prefix/bin/a6kb-searchd" --db "$work/db" --listen 127.0.0.1:0) 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 200); do
  port=$(sed -n 's|^info listening address=http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$log" | head -n 1)
  [[ -n "$port" ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "the installed a6kb-searchd exited before listening"; }
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$log" >&2; fail "the installed a6kb-searchd did not say where it listens within 20 s"; }
base="http://127.0.0.1:$port"

page=$(curl -fsS "$base/search?q=cookstove") || fail "GET /search failed"
grep -q 'Cookstove notes' <<<"$page" || fail "the results page does not list the record indexed from mine/notes.md"
grep -q '<form' <<<"$page" || fail "the results page has no search form (templates not found?)"
api=$(curl -fsS "$base/api/v1/search?q=AMS-III.D") || fail "GET /api/v1/search failed"
grep -q '"ams-iii-d' <<<"$api" || fail "the API does not find AMS-III.D in the installed corpus"
curl -fsS -o /dev/null "$base/static/a6kb.css" || fail "the installed static assets are not served"
echo "install test: $prefix serves $(grep -o '"total":[0-9]*' <<<"$api" | head -1) for AMS-III.D on $base"
