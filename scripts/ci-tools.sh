#!/usr/bin/env bash
# Makes (or reuses) the release tools' venv, target/ci-tools/venv, from tools/ci/requirements.txt
# (pinned; PyPI only), and prints its bin directory. Reinstalls when the requirements change.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/ci-tools/venv"
req="$root/tools/ci/requirements.txt"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin"
