#!/usr/bin/env sh
# pre-commit entry point (see .pre-commit-hooks.yaml): runs ecsplain from the prebuilt wheel
# (`pip install ecsplain` of the hook's version, into a venv inside the hook's checkout, which
# pre-commit keeps: seconds, once); when PyPI has no wheel for this version or platform, or
# python3 is missing, the hook's checkout is built with cargo on first use instead (minutes).
# An `ecsplain` already on PATH is used instead when ECSPLAIN_USE_PATH=1.
set -eu
if [ "${ECSPLAIN_USE_PATH:-0}" = 1 ] && command -v ecsplain >/dev/null 2>&1; then
  exec ecsplain lint "$@"
fi
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
venv="$root/target/pre-commit-venv"
if [ ! -x "$venv/bin/ecsplain" ] && [ ! -e "$venv/.no-wheel" ] && command -v python3 >/dev/null 2>&1; then
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
  if ! { python3 -m venv "$venv" >/dev/null 2>&1 \
      && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
           --only-binary=:all: "ecsplain==$version" >/dev/null 2>&1; }; then
    # Remember, so later runs go straight to the source build.
    rm -rf "$venv" && mkdir -p "$venv" && : > "$venv/.no-wheel"
  fi
fi
if [ -x "$venv/bin/ecsplain" ]; then
  exec "$venv/bin/ecsplain" lint "$@"
fi
exec cargo run --quiet --release --locked --manifest-path "$root/Cargo.toml" -p ecsplain -- lint "$@"
