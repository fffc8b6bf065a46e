#!/usr/bin/env bash
# Installs what is missing, then runs every test:
#   native     cargo test --no-fail-fast
#   component  wasm-bindgen-test in headless Chromium (tests/web.rs)
#   e2e        node --test + Playwright against the release build, served on loopback
#   lint       cargo fmt --check; clippy and rustdoc with warnings denied, natively and for wasm32
# and ends with each runner's summary line and a total. Exits non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_chromium
ensure_toolchain
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps
check_pins

logs="${CARGO_TARGET_DIR:-target}/test-logs"
site="${CARGO_TARGET_DIR:-target}/release-site"
mkdir -p "$logs"
failed=""

# run NAME COMMAND...: runs one suite, its output on screen and in $logs/NAME.log.
run() {
  name=$1
  shift
  say "$name: $*"
  if ! "$@" 2>&1 | tee "$logs/$name.log"; then
    failed="$failed $name"
  fi
}

run fmt cargo fmt --check
run clippy cargo clippy --all-targets -- -D warnings
run clippy-wasm cargo clippy --target "$WASM_TARGET" --all-targets -- -D warnings
run doc env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items
run doc-wasm env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --target "$WASM_TARGET"
run native cargo test --no-fail-fast
run component cargo test --target "$WASM_TARGET" --test web
run release-build scripts/build-release.sh "$site"
case " $failed " in
  *" release-build "*) echo "release build failed: no e2e run" > "$logs/e2e.log" ;;
  *) run e2e env LOOPSCOPE_SITE="$site" node --test --test-reporter=spec tests/e2e/*.test.mjs ;;
esac

# The summary: each runner's totals, then the grand total. A suite that failed
# without counting a failed test (a build error, a crash) counts as one failure.
say "summary"
passed_total=0
failed_total=0
tally() { # SUITE RUNNER PASSED FAILED
  case " $failed " in *" $1 "*) [ "$4" -gt 0 ] || set -- "$1" "$2" "$3" 1 ;; esac
  echo "$1 ($2): $3 passed; $4 failed"
  passed_total=$((passed_total + $3))
  failed_total=$((failed_total + $4))
}
for check in fmt clippy clippy-wasm doc doc-wasm; do
  case " $failed " in *" $check "*) tally "$check" lint 0 1 ;; *) tally "$check" lint 1 0 ;; esac
done
for suite in native component; do
  read -r p f < <(awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$logs/$suite.log")
  tally "$suite" "cargo test" "$p" "$f"
done
case " $failed " in *" release-build "*) tally release-build build 0 1 ;; esac
read -r p f < <(sed 's/\x1b\[[0-9;]*m//g' "$logs/e2e.log" |
  awk '/^ℹ pass / { p = $3 } /^ℹ fail / { f = $3 } END { print p + 0, f + 0 }')
tally e2e "node --test" "$p" "$f"
[ -z "$failed" ] || echo "failed suites:$failed"
echo "total: $passed_total passed, $failed_total failed"
[ -z "$failed" ]
