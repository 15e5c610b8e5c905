#!/usr/bin/env bash
# Growth benchmark: is `ecsplain lint` linear in the input's size? Builds the CLI in release,
# generates task definitions of about 10 KB, 100 KB, 1 MB and 10 MB (many containers, each with an
# environment list) and Dockerfiles of 100, 1,000 and 10,000 lines (stages of RUN, ENV, COPY,
# LABEL and continuation lines), times `ecsplain lint` on each with hyperfine (whole process,
# median) and prints a table: size, ms, and ms per MB (flat when growth is linear), wall time and
# CPU time (user+sys: what the process itself costs, when other work shares the cores).
# Issue 10's target: a 1 MB task definition and a 10,000-line Dockerfile in <= 50 ms each.
# Rerun: `bash scripts/growth.sh` (env GROWTH_RUNS, default 10). Writes target/growth/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${GROWTH_RUNS:-10}
out=$root/target/growth
mkdir -p "$out"

echo "growth: building the CLI (release)" >&2
cargo build --release -q -p ecsplain -j2
ecsplain=$root/target/release/ecsplain
command -v hyperfine >/dev/null || { echo "growth: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

# Inputs: each in its own folder under a name the CLI recognises.
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]

def container(i, env):
    return {
        "name": f"app-{i}",
        "image": f"123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app-{i}:1.{i}",
        "cpu": 64, "memory": 128, "essential": i == 0,
        "portMappings": [{"containerPort": 8000 + i % 1000, "protocol": "tcp"}],
        "environment": [{"name": f"VAR_{i}_{j}", "value": f"value-{j}"} for j in range(env)],
        "logConfiguration": {"logDriver": "awslogs", "options": {
            "awslogs-group": "/ecs/app", "awslogs-region": "ap-northeast-1",
            "awslogs-stream-prefix": f"app-{i}"}},
    }

def taskdef(target):
    # Containers of ~2 KB each (20 environment variables) until the text reaches the target.
    n, text = 1, ""
    while True:
        doc = {"family": "growth", "requiresCompatibilities": ["EC2"], "networkMode": "bridge",
               "cpu": "1024", "memory": "2048",
               "containerDefinitions": [container(i, 20) for i in range(n)]}
        text = json.dumps(doc, indent=2)
        if len(text) >= target:
            return text
        n = max(n + 1, int(n * target / len(text)))

def dockerfile(lines):
    out, i = [], 0
    while len(out) < lines:
        stage = i // 50
        if i % 50 == 0:
            out.append(f"FROM debian:12-slim AS stage{stage}")
        elif i % 5 == 1:
            out += [f"RUN apt-get update \\", f"    && apt-get install -y --no-install-recommends pkg{i} \\",
                    "    && rm -rf /var/lib/apt/lists/*"]
        elif i % 5 == 2:
            out.append(f"ENV VAR_{i}=value-{i} OTHER_{i}=\"quoted {i}\"")
        elif i % 5 == 3:
            out.append(f"COPY --chown=app:app src/{i} /app/{i}")
        else:
            out.append(f"LABEL org.example.k{i}=\"v{i}\"")
        i += 1
    out = out[:lines - 2] + ["USER app", "CMD [\"/app/run\"]"]
    return "\n".join(out) + "\n"

for label, size in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)]:
    d = os.path.join(out, f"taskdef-{label}"); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "ecs-task-def.json"), "w").write(taskdef(size))
for lines in [100, 1_000, 10_000]:
    d = os.path.join(out, f"dockerfile-{lines}"); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "Dockerfile"), "w").write(dockerfile(lines))
PY

cases=(taskdef-10KB taskdef-100KB taskdef-1MB taskdef-10MB dockerfile-100 dockerfile-1000 dockerfile-10000)
cmds=()
for c in "${cases[@]}"; do
  f=$(find "$out/$c" -type f | head -1)
  cmds+=(-n "$c" "$ecsplain lint $f")
done
# `lint` exits 1 when it finds errors: that is expected here (-i).
hyperfine -N -i -w 2 -r "$runs" --export-json "$out/hyperfine.json" "${cmds[@]}" >&2

python3 - "$out" "${cases[@]}" <<'PY' | tee "$out/results.md"
import json, os, sys
out, cases = sys.argv[1], sys.argv[2:]
res = {r["command"]: r for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]}
print("| input | size | lines | median ms (wall) | ms per MB | CPU ms (user+sys, mean) | CPU ms per MB |")
print("|---|---:|---:|---:|---:|---:|---:|")
for c in cases:
    d = os.path.join(out, c)
    f = os.path.join(d, os.listdir(d)[0])
    data = open(f, "rb").read()
    mb = len(data) / 1e6
    ms = res[c]["median"] * 1000
    size = f"{len(data)/1e6:.2f} MB" if mb >= 1 else f"{len(data)/1e3:.0f} KB"
    lines = data.count(b"\n")
    cpu = (res[c]["user"] + res[c]["system"]) * 1000
    print(f"| {c} | {size} | {lines} | {ms:.1f} | {ms/mb:.1f} | {cpu:.1f} | {cpu/mb:.1f} |")
PY
echo "growth: machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/results.md"
