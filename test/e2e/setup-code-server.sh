#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) from npm into a tool folder, offline-safe:
# @vscode/ripgrep's postinstall would download ripgrep from GitHub, so its cache is seeded with
# Debian's /usr/bin/rg (the same 13.0.0); native modules build from source against /usr headers.
# Needs: apt chromium ripgrep libkrb5-dev pkg-config build-essential python3.
set -euo pipefail
CS_DIR=${CS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/policy-lint-e2e/code-server-4.100.3}
if [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then echo "$CS_DIR"; exit 0; fi
# CS_ONLY_CHECK=1: report whether it is installed, never install (the test's before hook uses this).
if [ -n "${CS_ONLY_CHECK:-}" ]; then exit 1; fi
export TMPDIR=${TMPDIR:-/tmp}
RGC=$TMPDIR/vscode-ripgrep-cache-1.15.11
mkdir -p "$RGC/x" "$CS_DIR"
cp /usr/bin/rg "$RGC/x/rg"
tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RGC/x" rg
rm -r "$RGC/x"
cd "$CS_DIR"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_build_from_source=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error code-server@4.100.3 >&2
echo "$CS_DIR"
