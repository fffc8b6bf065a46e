#!/usr/bin/env bash
# Builds the release site into a folder (default: dist/) without Trunk:
#   cargo build --profile wasm-release → wasm-bindgen → wasm-opt → index.html + static/.
# The output is what `trunk build --release` makes: hashed app files, relative URLs,
# Trunk's loader script. Any static host serves it, from any sub-path.
#
# The Cargo profile and the wasm-opt level and flags are read from the
# <link data-trunk rel="rust"> line of index.html, so Trunk and this script agree.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

out=${1:-dist}
ensure_toolchain
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps
check_pins

rust_link=$(grep -E '<link data-trunk rel="rust"' index.html)
attr() { printf '%s\n' "$rust_link" | sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p"; }
profile=$(attr data-cargo-profile-release)
opt_level=$(attr data-wasm-opt)
opt_params=$(attr data-wasm-opt-params)
bin=$(attr data-bin)
[ -n "$profile" ] && [ -n "$opt_level" ] && [ -n "$bin" ] || {
  echo "index.html: the rust link lacks data-bin, data-cargo-profile-release or data-wasm-opt" >&2
  exit 1
}

say "cargo build --profile $profile --target $WASM_TARGET --bin $bin"
cargo build --profile "$profile" --target "$WASM_TARGET" --bin "$bin"
wasm="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/$profile/$bin.wasm"

stage="${CARGO_TARGET_DIR:-target}/site-staging"
rm -rf "$stage"
mkdir -p "$stage"

say "wasm-bindgen, wasm-opt -O$opt_level"
wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name "$bin" "$wasm"
# shellcheck disable=SC2086 # the flags are a word list
wasm-opt "-O$opt_level" $opt_params "$stage/${bin}_bg.wasm" -o "$stage/${bin}_bg.wasm"

# Content hash in the names (as Trunk does), so a CDN may cache them forever.
hash=$(cat "$stage/$bin.js" "$stage/${bin}_bg.wasm" | sha256sum | cut -c1-16)
js="$bin-$hash.js"
wasm_out="$bin-${hash}_bg.wasm"
mv "$stage/$bin.js" "$stage/$js"
mv "$stage/${bin}_bg.wasm" "$stage/$wasm_out"
cp -R static "$stage/static"

# index.html: drop the copy-dir link, put Trunk's preload links and loader where the
# rust link was.
loader="<link rel=\"modulepreload\" href=\"./$js\" crossorigin=\"anonymous\">\\
  <link rel=\"preload\" href=\"./$wasm_out\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\\
  <script type=\"module\">\\
import init, * as bindings from './$js';\\
const wasm = await init({ module_or_path: './$wasm_out' });\\
window.wasmBindings = bindings;\\
dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\\
</script>"
sed -e '/<link data-trunk rel="copy-dir"/d' \
    -e "/<link data-trunk rel=\"rust\"/c\\
  $loader" index.html > "$stage/index.html"
if grep -q 'data-trunk' "$stage/index.html"; then
  echo "index.html has a data-trunk link this script does not handle" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$stage" "$out"
say "built $out/:"
ls -l "$out"
