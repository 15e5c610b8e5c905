#!/usr/bin/env bash
# Makes (or reuses) the venv target/<NAME> from the pinned requirements file REQS (PyPI only)
# and prints its bin directory; reinstalls when the requirements change. The per-purpose
# scripts (referees.sh, checkov.sh, ci-tools.sh) name their venv and file and call this.
# Usage: bash scripts/venv.sh NAME REQS   (both relative to the repository's root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/$1"
req="$root/$2"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin"
