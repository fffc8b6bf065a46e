# Shared by scripts/*.sh: the pinned tools and idempotent installers. Each
# `ensure_*` checks the version that is there and does nothing when it matches,
# so a warm run costs well under a second here.
#
# Sourced, not run: expects `set -eu` and the project root as the working dir.

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

# node_modules/.bin holds npm's wasm-opt (binaryen); ~/.cargo/bin the cargo installs.
PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

say() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version the crate is locked to; the CLI must be the same.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Fails when Trunk.toml names another wasm-bindgen than Cargo.lock.
check_pins() {
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || { echo "Cargo.lock has no wasm-bindgen" >&2; return 1; }
  grep -q "^wasm_bindgen = \"$want\"" Trunk.toml || {
    echo "Trunk.toml's wasm_bindgen differs from Cargo.lock's wasm-bindgen $want" >&2
    return 1
  }
}

# The toolchain rust-toolchain.toml pins, with its components and target.
# rustup does not install it by itself where RUSTUP_AUTO_INSTALL=0.
ensure_toolchain() {
  local channel
  channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
  if rustup toolchain list | grep -q "^$channel-" &&
    rustup component list --installed --toolchain "$channel" | grep -q '^clippy' &&
    rustup component list --installed --toolchain "$channel" | grep -q '^rustfmt'; then
    return 0
  fi
  say "rustup toolchain install $channel (rust-toolchain.toml)"
  rustup toolchain install "$channel" --profile minimal -c clippy -c rustfmt -t "$WASM_TARGET"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx "$WASM_TARGET" && return 0
  say "rustup target add $WASM_TARGET"
  rustup target add "$WASM_TARGET"
}

ensure_wasm_bindgen() {
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null || true)
  [ "$have" = "wasm-bindgen $want" ] && return 0
  say "cargo install wasm-bindgen-cli $want (found: ${have:-none})"
  # Not --locked: its lockfile names crate versions (webpki-roots 1.0.11) that the
  # registry mirror used here does not have; the resolved set builds.
  cargo install wasm-bindgen-cli --version "$want" --force
}

ensure_trunk() {
  have=$(trunk --version 2>/dev/null || true)
  [ "$have" = "trunk $TRUNK_VERSION" ] && return 0
  say "cargo install trunk $TRUNK_VERSION (found: ${have:-none}; about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
}

# npm packages pinned in package.json (playwright-core, binaryen): `npm ls` fails
# when one is missing or at another version.
ensure_npm_deps() {
  npm ls --depth=0 >/dev/null 2>&1 && return 0
  say "npm ci"
  npm ci --no-audit --no-fund
}

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  say "apt-get install chromium chromium-driver"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver
}
