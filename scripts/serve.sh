#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app on http://127.0.0.1:8080
# with `trunk serve`, rebuilding on every change. Extra arguments go to trunk serve
# (e.g. `--release`, `--port 9000`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_toolchain
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps # wasm-opt, used by `trunk serve --release`
ensure_trunk
check_pins
# Trunk.toml says offline (Trunk must never download a tool), which also makes its
# `cargo build` offline: fetch the crates first.
cargo fetch --quiet
exec trunk serve "$@"
