#!/usr/bin/env python3
"""The differential test against hadolint (run by `cargo xtask test`, step "hadolint
differential"): hadolint 2.15.1 (the referees' venv, `bash scripts/referees.sh`) and ecsplain
lint the same Dockerfiles, the corpus's and our own behaviour set (tests/hadolint/*.Dockerfile),
and for every DL code both implement, each file either gets the code from both or from neither.

    python3 scripts/hadolint_diff.py --hadolint target/referees/venv/bin/hadolint \
        --ecsplain target/debug/ecsplain DIR...

Agreement is per (file, code): lines differ by design (hadolint reports an instruction's first
line, ecsplain the word at fault). Every disagreement must be listed, with its reason, in
tests/hadolint/differences.txt (`file code hadolint-only|ecsplain-only -- reason`, the file by its
name only); an unlisted disagreement fails, and so does a listed one that no longer happens.
Files hadolint cannot parse (its DL1000) are left out and named. Exit status 1 on failure.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ecsplain's rules that hadolint leaves off by default, and those that need a label schema.
OFF_BY_DEFAULT = {'DL1001', 'DL3057'} | {f'DL{n}' for n in range(3049, 3057)} | {'DL3058'}


def our_codes():
    d = os.path.join(ROOT, 'crates', 'engine', 'src', 'rules', 'dockerfile')
    return sorted({f[:6].upper() for f in os.listdir(d) if re.match(r'dl\d{4}_', f)} - OFF_BY_DEFAULT)


def dockerfiles(dirs):
    out = []
    for d in dirs:
        if not os.path.isdir(d):
            print(f'hadolint differential: no folder {d}, skipped')
            continue
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isfile(p) and not name.endswith(('.snap', '.txt', '.md')):
                out.append(p)
    return out


def read_differences(path):
    out = {}
    if not os.path.exists(path):
        return out
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'(\S+)\s+(DL\d{4})\s+(hadolint-only|ecsplain-only)\s+--\s+(.+)$', line)
        if not m:
            sys.exit(f'{path}:{n}: expected `file CODE hadolint-only|ecsplain-only -- reason`')
        out[(m.group(1), m.group(2), m.group(3))] = m.group(4)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--hadolint', required=True)
    ap.add_argument('--ecsplain', required=True)
    ap.add_argument('--differences', default=os.path.join(ROOT, 'tests', 'hadolint', 'differences.txt'))
    ap.add_argument('dirs', nargs='+')
    args = ap.parse_args()

    files = dockerfiles(args.dirs)
    names = {}
    for f in files:
        names.setdefault(os.path.basename(f), f)
    if len(names) != len(files):
        sys.exit('hadolint differential: two inputs share a file name')
    codes = our_codes()

    theirs = collections.defaultdict(set)
    out = subprocess.run([args.hadolint, '--no-fail', '-f', 'json', *files],
                         capture_output=True, text=True)
    for d in json.loads(out.stdout or '[]'):
        theirs[os.path.basename(d['file'])].add(d['code'])
    broken = sorted(f for f, c in theirs.items() if 'DL1000' in c)

    ours = collections.defaultdict(set)
    with tempfile.TemporaryDirectory() as tmp:
        conf = os.path.join(tmp, 'ecsplain.yaml')
        with open(conf, 'w') as f:
            f.write('select: ' + json.dumps(codes) + '\n')
        out = subprocess.run([args.ecsplain, 'lint', '--kind', 'dockerfile', '--format', 'json',
                              '--fail-on', 'error', '--config', conf, *files],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f'ecsplain failed: {out.stderr}')
        for d in json.loads(out.stdout)['findings']:
            ours[os.path.basename(d['path'])].add(d['code'])

    table = {c: [0, 0, 0, 0] for c in codes}  # both, neither, hadolint-only, ecsplain-only
    found = {}
    compared = [n for n in sorted(names) if n not in broken]
    for name in compared:
        for c in codes:
            h, e = c in theirs[name], c in ours[name]
            table[c][0 if h and e else 1 if not h and not e else 2 if h else 3] += 1
            if h != e:
                found[(name, c, 'hadolint-only' if h else 'ecsplain-only')] = True

    print(f'hadolint differential: {len(compared)} Dockerfiles, {len(codes)} shared codes'
          + (f'; hadolint cannot parse {len(broken)}: {", ".join(broken)}' if broken else ''))
    print(f"{'code':8}{'both':>6}{'neither':>9}{'hadolint only':>15}{'ecsplain only':>15}{'agreement':>11}")
    total = [0, 0, 0, 0]
    for c in codes:
        t = table[c]
        fired = t[0] + t[2] + t[3]
        if fired == 0:
            continue
        total = [a + b for a, b in zip(total, t)]
        print(f'{c:8}{t[0]:>6}{t[1]:>9}{t[2]:>15}{t[3]:>15}{t[0] / fired:>11.0%}')
    fired = total[0] + total[2] + total[3]
    if fired:
        print(f"{'total':8}{total[0]:>6}{total[1]:>9}{total[2]:>15}{total[3]:>15}{total[0] / fired:>11.0%}"
              '  (agreement: files where both report the code, of files where either does)')

    documented = read_differences(args.differences)
    unlisted = [k for k in sorted(found) if k not in documented]
    stale = [k for k in sorted(documented) if k not in found]
    listed = len(found) - len(unlisted)
    print(f'disagreements: {len(found)}, documented in {os.path.relpath(args.differences, ROOT)}: {listed}')
    for k in unlisted:
        print('  NOT DOCUMENTED:', *k)
    for k in stale:
        print('  documented but no longer happening:', *k)
    if unlisted or stale:
        sys.exit(1)


if __name__ == '__main__':
    main()
