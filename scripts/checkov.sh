#!/usr/bin/env bash
# Makes (or reuses) Checkov's venv, target/referees/checkov-venv, from
# tools/referees/checkov-requirements.txt (pinned; PyPI only), and prints its bin directory.
# Separate from scripts/referees.sh: Checkov pins a cfn-lint of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/referees/checkov-venv"
req="$root/tools/referees/checkov-requirements.txt"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin"
