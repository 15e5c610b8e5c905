#!/bin/bash
# scripts/page-wasm-size.sh LABEL [BIN]
#
# Builds one of the page's wasm binaries (BIN: ecsplain-web, the first view, by default; or
# ecsplain-teach) from this checkout the way the page build does (xtask's PAGE_TOOLCHAIN with the
# standard library rebuilt for size, the wasm-release profile, wasm-bindgen, then wasm-opt -Oz
# --converge --low-memory-unused as index.html asks Trunk to), and prints the raw and brotli-11
# sizes of the .wasm and its JS glue: the numbers a size change is judged by, without a whole
# `trunk build` (whose hooks build five more modules). Output in target/page-size/LABEL/;
# `twiggy top -n 60 target/page-size/LABEL/m_bg.wasm` (before wasm-opt, with names) shows where
# the bytes are. Needs `cargo xtask setup` first (the nightly, wasm-bindgen, tools/).
set -euo pipefail
label=${1:?usage: scripts/page-wasm-size.sh LABEL [BIN]}
bin=${2:-ecsplain-web}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
toolchain=$(sed -n 's/^const PAGE_TOOLCHAIN: &str = "\(.*\)";/\1/p' xtask/src/main.rs)
export RUSTUP_TOOLCHAIN=$toolchain CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
cargo build -j2 --profile wasm-release --target wasm32-unknown-unknown --bin "$bin" -p ecsplain-web
target=${CARGO_TARGET_DIR:-$root/target}
out=$target/page-size/$label
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name m "$target/wasm32-unknown-unknown/wasm-release/$bin.wasm"
tools/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/m_bg.wasm" -o "$out/opt.wasm"
for f in opt.wasm m.js; do
  printf '%s %s: %s B raw, %s B brotli\n' "$label" "$f" "$(wc -c < "$out/$f")" "$(brotli -c -q 11 "$out/$f" | wc -c)"
done
