#!/usr/bin/env bash
# Lints and renders ecspresso's own test data (its `tests/` folder) with ecsplain and counts the
# input errors (IN*) and unknown-key errors (TD002/SV002) that would be false: ecspresso loads
# all of these files in its own tests. Reads a fetched copy of kayac/ecspresso (a bare git
# directory, ECSPRESSO_GIT, default the `fetch` tool's mirror); nothing is downloaded, and no file
# of ecspresso's is kept. Skips, saying so, when the copy is absent.
#
#   bash scripts/ecspresso_tests.sh [path/to/ecsplain]
set -euo pipefail
git_dir="${ECSPRESSO_GIT:-/work/.mirror/kayac+ecspresso/repo}"
bin="${1:-target/debug/ecsplain}"
if ! git --git-dir="$git_dir" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  echo "skipped: no copy of kayac/ecspresso at $git_dir (set ECSPRESSO_GIT)"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is missing"
  exit 0
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git --git-dir="$git_dir" archive HEAD tests | tar -x -C "$work"
echo "ecspresso $(git --git-dir="$git_dir" log -1 --format='%h %cs') tests/: $(find "$work/tests" -type f | wc -l) files"
cd "$work/tests"
count() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
bad = [f for f in d["findings"] if f["code"].startswith("IN") or f["code"] in ("TD002", "SV002")]
errors = [f for f in d["findings"] if f["severity"] == "error"]
for f in errors:
    print("   ", f["code"], f["path"] + ":" + str(f["line"]), f["message"][:100])
print("  input errors (IN*, TD002, SV002):", len(bad), "| all errors:", len(errors))
'
}
# The values ecspresso's tests set (config_test.go: JSON, AWS_REGION; TAG, PWD for the paths).
values=(--var 'JSON={"foo":"bar","html":"<b>&"}' --var TAG=v1 --var AWS_REGION=ap-northeast-1
        --var "PWD=$work" --var ECSPRESSO_TEST=ok --tfstate terraform.tfstate)
echo "lint without values:"
"$bin" lint . --format json --quiet 2>/dev/null | count || true
echo "lint with the values ecspresso's tests use:"
"$bin" lint . --format json --quiet "${values[@]}" 2>/dev/null | count || true
echo "render of every config (template errors):"
fails=0
for config in $(ls *.yml *.yaml *.json *.jsonnet ci/*.yml ci/*.yaml 2>/dev/null); do
  if ! grep -q -E '^(region|cluster|task_definition|service)|"(region|cluster)"|(region|cluster):' "$config"; then
    continue
  fi
  if ! "$bin" render "$config" "${values[@]}" >/dev/null 2>"$work/err"; then
    if grep -q "template:" "$work/err"; then
      fails=$((fails + 1))
      sed 's/^/    /' "$work/err" | grep "template:"
    fi
  fi
done
echo "  configs with template errors: $fails"
# What `ecspresso render config taskdef servicedef` prints (`ecsplain render CONFIG TARGET...`).
# Every config must load as ecspresso loads it (`render config`), except the one ecspresso's own
# config_test.go expects to fail (two tfstate plugins without func_prefix). The definitions a
# config names render too, unless they call a plugin function the config does not set up
# (ecspresso stops there as well; EP006 reports it): such pairs are counted apart, since
# ecspresso's tests load those configs but never render their definitions.
echo "render as ecspresso prints it (ecsplain render CONFIG config [taskdef] [servicedef]):"
fails=0
unconfigured=0
for config in $(ls *.yml *.yaml *.json *.jsonnet ci/*.yml ci/*.yaml 2>/dev/null); do
  if ! grep -q -E '^(region|cluster|task_definition|service)|"(region|cluster)"|(region|cluster):' "$config"; then
    continue
  fi
  if grep -q -E '"?containerDefinitions|"?launchType' "$config"; then
    continue # a definition, not a config
  fi
  if ! "$bin" render "$config" config "${values[@]}" >/dev/null 2>"$work/err"; then
    if [ "$config" = config_duplicate_plugins.yaml ] && grep -q "already exists. set func_prefix to tfstate plugin" "$work/err"; then
      echo "    $config: fails as ecspresso's config_test.go expects: $(grep -o 'template function.*' "$work/err")"
      continue
    fi
    fails=$((fails + 1))
    echo "    $config (config): $(grep -v 'not given' "$work/err" | head -2)"
    continue
  fi
  targets=()
  grep -q -E 'task_definition' "$config" && targets+=(taskdef)
  grep -q -E 'service_definition' "$config" && targets+=(servicedef)
  for target in "${targets[@]}"; do
    if ! "$bin" render "$config" "$target" "${values[@]}" >/dev/null 2>"$work/err"; then
      if grep -q -E 'function "(tfstate|tfstatef|cfn_output|cfn_export)" not defined' "$work/err"; then
        unconfigured=$((unconfigured + 1))
        continue
      fi
      fails=$((fails + 1))
      echo "    $config ($target): $(grep -v 'not given' "$work/err" | head -2)"
    fi
  done
done
echo "  definitions that call a plugin function their config does not set up (ecspresso stops too; EP006): $unconfigured"
echo "  configs or definitions that do not render as ecspresso loads them: $fails"
