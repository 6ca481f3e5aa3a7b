#!/usr/bin/env bash
# npm test: typecheck, lint, unit tests (node) and browser tests (Debian's headless Chromium).
# Installs Debian's chromium, fonts-noto-cjk and gdal-bin (ogr2ogr: test/browser/tiles.test.ts cuts a pack
# into vector tiles) when missing (needs root, as on CI and dev machines),
# and prints the line "N passed, N failed" from vitest's JSON report.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "The browser tests need Debian packages: ${missing[*]}." >&2
    echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from Debian (browser tests need them)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { echo "apt-get could not install ${missing[*]}." >&2; exit 1; }
fi
[ -d node_modules ] || npm install --no-audit --no-fund

failed=0
echo "== typecheck"; node_modules/.bin/tsc -p tsconfig.json --noEmit || failed=1
echo "== lint"; node_modules/.bin/biome check . || failed=1

mkdir -p test-results
echo "== tests"
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || failed=1
node_modules/.bin/tsx scripts/test-summary.ts test-results/vitest.json || failed=1
exit $failed
