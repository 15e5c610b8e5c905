#!/usr/bin/env bash
# Makes (or reuses) Checkov's venv, target/referees/checkov-venv, from
# tools/referees/checkov-requirements.txt (pinned; PyPI only), and prints its bin directory
# (scripts/venv.sh). Separate from scripts/referees.sh: Checkov pins a cfn-lint of its own.
exec bash "$(dirname "$0")/venv.sh" referees/checkov-venv tools/referees/checkov-requirements.txt
