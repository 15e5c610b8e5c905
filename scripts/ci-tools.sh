#!/usr/bin/env bash
# Makes (or reuses) the release tools' venv, target/ci-tools/venv, from tools/ci/requirements.txt
# (pinned; PyPI only), and prints its bin directory (scripts/venv.sh).
exec bash "$(dirname "$0")/venv.sh" ci-tools/venv tools/ci/requirements.txt
