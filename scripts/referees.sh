#!/usr/bin/env bash
# Makes (or reuses) the referees' venv, target/referees/venv, from tools/referees/requirements.txt
# (pinned; PyPI only), and prints its bin directory (scripts/venv.sh).
exec bash "$(dirname "$0")/venv.sh" referees/venv tools/referees/requirements.txt
