#!/usr/bin/env bash
# Seeds the corpora and runs each fuzz target for a fixed time, one after another (the machine's
# cores are shared). Usage: `bash fuzz/run.sh [seconds per target] [target...]` (default 240 s,
# every target). Seeds: ../shared/corpus (ECSPLAIN_CORPUS) and tests/fixtures, copied into
# fuzz/corpus/<target>/ (git-ignored). -timeout=5 reports any input that takes over 5 s;
# crashes land in fuzz/artifacts/<target>/. FUZZ_PREBUILT=1 runs the binaries of the last
# `cargo +nightly fuzz build -O` without rebuilding. Summary lines go to fuzz/last-run.txt.
set -euo pipefail
cd "$(dirname "$0")"
fuzz=$PWD
repo=$(cd .. && pwd)
corpus=${ECSPLAIN_CORPUS:-$repo/../shared/corpus}
secs=${1:-240}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json_parse yaml_parse dockerfile_parse template_scan lint_any config_parse share_decode jsonnet_eval)

seed() { # target, find arguments...
  local dir=$fuzz/corpus/$1; shift
  mkdir -p "$dir"
  find "$@" -type f ! -name '*.snap' ! -name '*.md' -size -200k -print0 2>/dev/null |
    while IFS= read -r -d '' f; do cp "$f" "$dir/$(echo "$f" | md5sum | cut -c1-16)"; done
}
for t in "${targets[@]}"; do
  case $t in
    json_parse) seed $t "$corpus/taskdef" "$corpus/servicedef" "$repo/tests/fixtures/taskdef" "$repo/tests/fixtures/servicedef" -name '*.json' ;;
    yaml_parse) seed $t "$corpus/ecspresso" "$repo/tests/fixtures/ecspresso" "$repo/tests/fixtures/config" \( -name '*.yml' -o -name '*.yaml' \) ;;
    dockerfile_parse) seed $t "$corpus/dockerfile" "$repo/tests/fixtures/dockerfile" ;;
    template_scan) seed $t "$corpus/ecspresso" "$repo/tests/fixtures/ecspresso" ;;
    lint_any) seed $t "$corpus" "$repo/tests/fixtures" ;;
    config_parse) seed $t "$repo/tests/fixtures/config"
      sed -n 's|^//! \{0,1\}||p' "$repo/crates/engine/src/models/config.rs" | sed -n '/^```yaml/,/^```$/p' | sed '1d;$d' > "$fuzz/corpus/$t/seed-yaml"
      printf '{"ignore": ["DF001"], "severity": {"TD101": "info"}}' > "$fuzz/corpus/$t/seed-json" ;;
    share_decode) mkdir -p "$fuzz/corpus/$t" ;;
    jsonnet_eval) seed $t "$corpus/ecspresso" "$repo/tests/fixtures" \( -name '*.jsonnet' -o -name '*.libsonnet' \) ;;
  esac
done

: > "$fuzz/last-run.txt"
for t in "${targets[@]}"; do
  echo "== $t ($secs s)" >&2
  log=$fuzz/artifacts/$t.log
  mkdir -p "$fuzz/artifacts/$t"
  set +e
  args=(-max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
    -artifact_prefix="$fuzz/artifacts/$t/")
  if [ -n "${FUZZ_PREBUILT:-}" ]; then # binaries of the last `cargo fuzz build -O`
    "$fuzz/target/x86_64-unknown-linux-gnu/release/$t" "${args[@]}" "$fuzz/corpus/$t" > "$log" 2>&1
  else
    cargo +nightly fuzz run -O "$t" "$fuzz/corpus/$t" -- "${args[@]}" > "$log" 2>&1
  fi
  rc=$?
  set -e
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  crashes=$(find "$fuzz/artifacts/$t" -type f | wc -l)
  echo "$t: ${secs}s, ${execs:-?} executions, exit $rc, artifacts $crashes" | tee -a "$fuzz/last-run.txt"
done
