#!/usr/bin/env sh
# pre-commit entry point (see .pre-commit-hooks.yaml): runs ecsplain from the hook's checkout,
# built with cargo on first use (pre-commit keeps the checkout, so later runs reuse the build).
# An `ecsplain` already on PATH is used instead when ECSPLAIN_USE_PATH=1.
set -eu
if [ "${ECSPLAIN_USE_PATH:-0}" = 1 ] && command -v ecsplain >/dev/null 2>&1; then
  exec ecsplain lint "$@"
fi
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
exec cargo run --quiet --release --locked --manifest-path "$root/Cargo.toml" -p ecsplain -- lint "$@"
