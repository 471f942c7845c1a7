#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The browser tests (CTest "browser"): indexes corpus/ plus tests/browser/fixtures/ into a
# temporary index, serves it with a6kb-searchd on 127.0.0.1 (any free port), and runs
# tests/browser/*.test.mjs with node --test against it in Debian's headless Chromium.
#
#   tests/browser/run.sh INDEXER SEARCHD SOURCE_DIR BUILD_DIR [node --test options...]
#
# node_modules (playwright-core only) are installed with `npm ci` into BUILD_DIR/node when
# missing or when package-lock.json changed. Screenshots go to BUILD_DIR/browser-screenshots,
# searchd's log to BUILD_DIR/browser-searchd.log. Exits with node's status.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 INDEXER SEARCHD SOURCE_DIR BUILD_DIR [node --test options...]" >&2
  exit 2
fi
indexer=$1 searchd=$2 src=$3 build=$4
shift 4
here="$src/tests/browser"
chromium=${A6KB_CHROMIUM:-/usr/bin/chromium}

fail() { echo "browser tests: $*" >&2; exit 1; }
[[ -x "$chromium" ]] || fail "no Chromium at $chromium: install it with scripts/setup (Debian package chromium), or set A6KB_CHROMIUM"
command -v node >/dev/null || fail "node is missing: install it with scripts/setup (Debian packages nodejs npm)"
command -v npm >/dev/null || fail "npm is missing: install it with scripts/setup (Debian package npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ $node_major -ge 18 ]] || fail "node $(node --version) is too old: the tests need node 18 or newer"
[[ -x "$indexer" && -x "$searchd" ]] || fail "cannot run $indexer or $searchd: build first (scripts/build)"

# Dependencies, in the build tree. The stamp is the hash of what npm ci installed from.
deps="$build/node"
want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
if [[ ! -f "$deps/node_modules/playwright-core/package.json" || "$(cat "$deps/.installed" 2>/dev/null)" != "$want" ]]; then
  echo "browser tests: npm ci into $deps" >&2
  mkdir -p "$deps"
  cp "$here/package.json" "$here/package-lock.json" "$deps/"
  rm -f "$deps/.installed"
  npm ci --prefix "$deps" --no-audit --no-fund --loglevel=error >&2 || fail "npm ci failed (it needs the npm registry, or a filled npm cache)"
  echo "$want" >"$deps/.installed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/a6kb-browser.XXXXXX")
pid=""
pid2=""
cleanup() {
  for p in "$pid" "$pid2"; do
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null || true
      wait "$p" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The index: the shipped corpus plus the fixtures (lab questions with asked-by, an older
# methodology version). --strict: a fixture catalog with an error fails here, not later.
# The reader's fixtures (lib/make_fixtures.mjs) are written afresh, beside the index.
node "$here/lib/make_fixtures.mjs" "$work/generated" || fail "could not write the reader's fixtures"
"$indexer" --db "$work/db" --taxonomy "$src/corpus/taxonomy.xml" --strict --quiet "$src/corpus" "$here/fixtures" "$work/generated" >/dev/null ||
  fail "a6kb-indexer failed (status $?)"

# Two daemons. The first serves the pages every test file reads, with contributions on
# (so /contribute and /moderate are checked like the other pages) but none approved. The
# second serves a copy of the index for community.test.mjs, which approves questions:
# they would change the labs matrix that labs.test.mjs counts, while it counts.
cp -r "$work/db" "$work/db-community"
token=$("$searchd" moderator add rapporteur --community "$work/community-tests.db" | tail -n 1) || fail "could not add a moderator"
log="$build/browser-searchd.log"
log2="$build/browser-searchd-community.log"
mkdir -p "$build"
"$searchd" --db "$work/db" --listen 127.0.0.1:0 --web "$src/web" --community "$work/community.db" 2>"$log" &
pid=$!
"$searchd" --db "$work/db-community" --listen 127.0.0.1:0 --web "$src/web" --community "$work/community-tests.db" \
  --submit-limit 0 2>"$log2" &
pid2=$!

# Waits (at most 20 s) for "info listening address=http://127.0.0.1:PORT/" in log $1 of process $2.
port_of() {
  local p=""
  for _ in $(seq 200); do
    p=$(sed -n 's|^info listening address=http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$1" | head -n 1)
    [[ -n "$p" ]] && break
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; fail "a6kb-searchd exited before listening"; }
    sleep 0.1
  done
  [[ -n "$p" ]] || { cat "$1" >&2; fail "a6kb-searchd did not say where it listens within 20 s"; }
  echo "$p"
}
port=$(port_of "$log" "$pid")
port2=$(port_of "$log2" "$pid2")

echo "browser tests: a6kb-searchd on http://127.0.0.1:$port/ (log: $log), $("$chromium" --version 2>/dev/null | head -n 1), node $(node --version)"
screenshots="$build/browser-screenshots"
rm -rf "$screenshots"
mkdir -p "$screenshots"

# TAP (node's default when not on a terminal) ends with the summary lines; the spec
# reporter lists failures after them. A --test-reporter among the arguments wins.
reporter=(--test-reporter=tap)
for a in "$@"; do if [[ $a == --test-reporter* ]]; then reporter=(); fi; done
set +e
A6KB_BASE_URL="http://127.0.0.1:$port" \
A6KB_NODE_PREFIX="$deps" \
A6KB_CHROMIUM="$chromium" \
A6KB_SCREENSHOTS="$screenshots" \
A6KB_GENERATED="$work/generated" \
A6KB_MODERATOR_TOKEN="$token" \
A6KB_COMMUNITY_BASE_URL="http://127.0.0.1:$port2" \
  node --test "${reporter[@]}" "$@" "$here"/*.test.mjs
status=$?
set -e
exit "$status"
