#!/usr/bin/env bash
# Runs a command with Node.js 24 first on PATH. lapkin targets Node 24 (active LTS; the Lambda runtime is
# nodejs24.x). When the machine's node is older, the official Node 24 binary is taken from the npm registry
# (the platform package node-linux-<arch>@24, the same binary nodejs.org ships) into a cache outside the
# repository, once — no other download. Usage: bash scripts/node24.sh <command> [args…]
set -euo pipefail
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "lapkin needs Node.js 24; install it for $(uname -m) and put it first on PATH." >&2; exit 1 ;;
  esac
  cache="${LAPKIN_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lapkin}/node-24-linux-$arch"
  if [ ! -x "$cache/bin/node" ]; then
    echo "Node.js $(node --version 2>/dev/null || echo '(none)') is older than 24: fetching node-linux-$arch@24 from the npm registry into $cache…" >&2
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack "node-linux-$arch@24" --silent >/dev/null && tar xzf node-linux-*.tgz)
    mkdir -p "$(dirname "$cache")"
    rm -rf "$cache"
    mv "$tmp/package" "$cache"
  fi
  export PATH="$cache/bin:$PATH"
fi
exec "$@"
