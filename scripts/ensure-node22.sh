#!/bin/sh
# Prints the path of a Node.js >= 22.12 binary (Hardhat 3's minimum), installing node@22 from the
# npm registry into a cache folder when the machine has none: CI images and fresh laptops often
# ship an older system node, and npm is the one download source we can count on.
#
#   NODE22="$(sh scripts/ensure-node22.sh)" && PATH="$(dirname "$NODE22"):$PATH"
#
# Progress and errors go to stderr; the exit status is non-zero when no usable node was found.
# EHR_NODE22_CACHE overrides the install folder (default: ~/.cache/ehr-ledger/node22).
set -eu

cache_dir="${EHR_NODE22_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ehr-ledger/node22}"

is_recent_enough() {
  [ -x "$1" ] && "$1" -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1);
  ' 2>/dev/null
}

for candidate in "$(command -v node || true)" /opt/node22/node_modules/.bin/node "$cache_dir/node_modules/.bin/node"; do
  if [ -n "$candidate" ] && is_recent_enough "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

echo "ensure-node22: no Node.js >= 22.12 found; installing node@22 into $cache_dir" >&2
mkdir -p "$cache_dir"
# Recent npm skips dependencies' install scripts unless the project allows them, and node@22
# fetches its binary in one; older npm ignores the field.
printf '{ "private": true, "allowScripts": { "node": true } }\n' > "$cache_dir/package.json"
npm install --prefix "$cache_dir" --no-audit --no-fund --loglevel=error node@22 >&2
if is_recent_enough "$cache_dir/node_modules/.bin/node"; then
  echo "$cache_dir/node_modules/.bin/node"
  exit 0
fi
echo "ensure-node22: installing node@22 did not yield a working $cache_dir/node_modules/.bin/node" >&2
exit 1
