#!/usr/bin/env python3
"""Measures how ecsplain agrees with hadolint's own definition of each shared DL code.

hadolint's test suite (`test/Hadolint/Rule/*Spec.hs` in hadolint/hadolint) says, per code, which
Dockerfiles must fire it (`ruleCatches`, `onBuildRuleCatches`, `assertChecks ... (failsWith N)`
with N > 0) and which must not (`ruleCatchesNot`, `onBuildRuleCatchesNot`, `failsWith 0`). This
script reads those assertions from a local copy of hadolint's repository (nothing is downloaded,
and none of hadolint's test text is checked in here), runs ecsplain's CLI once per configuration
over every case, and prints, per code, how many must-fire cases fire and how many must-not cases
stay quiet. Cases listed in docs/hadolint-parity.md as deliberate differences are counted apart.

    # a bare git directory of hadolint/hadolint, e.g. from the `fetch` tool
    cargo build -p ecsplain -j2
    python3 scripts/hadolint_spec.py --hadolint-git /path/to/hadolint/repo \
        [--ecsplain target/debug/ecsplain] [--dump cases.json] [--code DL3008] [--show]

`--dump` writes the extracted cases ({code, name, dockerfile, must_fire, count, config}) as JSON;
`--show` prints every disagreement with its Dockerfile.

An `onBuild...` assertion runs the same text with every `RUN` instruction wrapped in `ONBUILD`, as
hadolint's test helper does. hadolint appends a newline to every case; so do we.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------- a small Haskell tokenizer


def read_string(src, i):
    """Reads the Haskell string literal starting at src[i] == '"'; returns (value, next index)."""
    assert src[i] == '"'
    i += 1
    out = []
    escapes = {'n': '\n', 't': '\t', '\\': '\\', '"': '"', "'": "'", 'r': '\r', '&': ''}
    while i < len(src):
        c = src[i]
        if c == '"':
            return ''.join(out), i + 1
        if c == '\\':
            n = src[i + 1]
            if n in escapes:
                out.append(escapes[n])
                i += 2
            elif n.isspace():  # a string gap: backslash, white space, backslash
                j = i + 1
                while src[j].isspace():
                    j += 1
                assert src[j] == '\\', src[i:j + 5]
                i = j + 1
            elif n.isdigit():
                j = i + 1
                while src[j].isdigit():
                    j += 1
                out.append(chr(int(src[i + 1:j])))
                i = j
            else:
                raise ValueError('unknown escape ' + src[i:i + 4])
        else:
            out.append(c)
            i += 1
    raise ValueError('unterminated string')


def tokens(src):
    """(kind, value, offset) for strings, identifiers, numbers and punctuation; comments dropped."""
    out = []
    i = 0
    while i < len(src):
        c = src[i]
        if src.startswith('--', i) and not (i > 0 and src[i - 1] in '!#$%&*+./<=>?@\\^|~:'):
            j = i
            while j < len(src) and src[j] == '-':
                j += 1
            if j >= len(src) or src[j] not in '!#$%&*+./<=>?@\\^|~:':
                i = src.find('\n', i)
                if i < 0:
                    break
                continue
        if src.startswith('{-', i):
            i = src.find('-}', i) + 2
            continue
        if c.isspace():
            i += 1
        elif c == '"':
            s, j = read_string(src, i)
            out.append(('str', s, i))
            i = j
        elif c.isalpha() or c == '_' or c == '?':
            j = i + 1
            while j < len(src) and (src[j].isalnum() or src[j] in "_'."):
                j += 1
            out.append(('id', src[i:j], i))
            i = j
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(('num', int(src[i:j]), i))
            i = j
        elif src.startswith('<>', i):
            out.append(('op', '<>', i))
            i += 2
        else:
            out.append(('op', c, i))
            i += 1
    return out


# ---------------------------------------------------------------- reading the assertions

CALLS = {
    'ruleCatches': (True, False),
    'ruleCatchesNot': (False, False),
    'onBuildRuleCatches': (True, True),
    'onBuildRuleCatchesNot': (False, True),
}


class Unreadable(Exception):
    pass


def skip_group(toks, k):
    """Index after the bracketed group opening at toks[k]."""
    pairs = {'(': ')', '[': ']', '{': '}'}
    depth = 0
    while k < len(toks):
        v = toks[k][1] if toks[k][0] == 'op' else None
        if v in pairs:
            depth += 1
        elif v in pairs.values():
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    raise Unreadable('unbalanced')


def eval_expr(toks, k, env):
    """Evaluates a Dockerfile expression at toks[k]: a string, a list of lines (kept as a list),
    `Text.unlines` / `unlines` of either, a name bound earlier, `<>` of strings, parentheses.
    Returns (value, next index)."""
    def atom(k):
        kind, v, _ = toks[k]
        if kind == 'str':
            return v, k + 1
        if kind == 'op' and v == '$':
            return eval_expr(toks, k + 1, env)
        if kind == 'op' and v == '(':
            val, j = eval_expr(toks, k + 1, env)
            if toks[j][1] != ')':
                raise Unreadable('expected )')
            return val, j + 1
        if kind == 'op' and v == '[':
            items = []
            j = k + 1
            while toks[j][1] != ']':
                val, j = eval_expr(toks, j, env)
                items.append(val)
                if toks[j][1] == ',':
                    j += 1
            return items, j + 1
        if kind == 'id' and v in ('Text.unlines', 'unlines'):
            val, j = atom(k + 1)
            if not isinstance(val, list):
                raise Unreadable('unlines of a non-list')
            return ''.join(x + '\n' for x in val), j
        if kind == 'id' and v in ('Text.intercalate', 'intercalate'):
            sep, j = atom(k + 1)
            val, j = atom(j)
            return sep.join(val), j
        if kind == 'id' and v in env:
            return env[v], k + 1
        raise Unreadable('cannot read %r' % (v,))

    val, k = atom(k)
    while k < len(toks) and toks[k][1] == '<>':
        rhs, k = atom(k + 1)
        val = val + rhs
    return val, k


def read_config(toks, k):
    """`def` or `def { field = value, ... }` at toks[k]; returns (dict, next index)."""
    conf = {}
    if toks[k][1] != 'def':
        return None, k
    k += 1
    if k < len(toks) and toks[k][1] == '{':
        end = skip_group(toks, k)
        inner = toks[k + 1:end - 1]
        # fields: allowedRegistries = [..strings..], labelSchema = Map.fromList [(s, T)], strictLabels = True
        j = 0
        while j < len(inner):
            if inner[j][0] == 'id' and j + 1 < len(inner) and inner[j + 1][1] == '=':
                field = inner[j][1]
                j += 2
                start = j
                depth = 0
                while j < len(inner) and not (depth == 0 and inner[j][1] == ','):
                    if inner[j][1] in '([{':
                        depth += 1
                    elif inner[j][1] in ')]}':
                        depth -= 1
                    j += 1
                value = inner[start:j]
                if field == 'allowedRegistries':
                    conf['trusted-registries'] = [t[1] for t in value if t[0] == 'str']
                elif field == 'labelSchema':
                    pairs = {}
                    vs = [t for t in value if t[0] in ('str', 'id') and t[1] != 'Map.fromList']
                    for a, b in zip(vs[::2], vs[1::2]):
                        pairs[a[1]] = b[1].split('.')[-1]
                    conf['label-schema'] = pairs
                elif field == 'strictLabels':
                    conf['strict-labels'] = value[0][1] == 'True'
                else:
                    conf[field] = ' '.join(str(t[1]) for t in value)
            j += 1
        k = end
    return conf, k


def extract(path):
    src = open(path, encoding='utf-8').read()
    toks = tokens(src)
    env = {}
    config = {}
    name = ''
    cases = []
    k = 0
    while k < len(toks):
        kind, v, off = toks[k]
        line = src.count('\n', 0, off) + 1
        try:
            if kind == 'id' and v == 'it' and toks[k + 1][0] == 'str':
                name = toks[k + 1][1]
                k += 2
                continue
            if kind == 'id' and v == '?config' and toks[k + 1][1] == '=':
                conf, k = read_config(toks, k + 2)
                if conf is not None:
                    config = conf
                continue
            if (kind == 'id' and k + 1 < len(toks) and toks[k + 1][1] == '='
                    and toks[k + 2][1] != '=' and v not in CALLS):
                try:
                    val, j = eval_expr(toks, k + 2, env)
                    env[v] = val
                    k = j
                    continue
                except (Unreadable, IndexError):
                    pass
            if kind == 'id' and v in CALLS:
                must_fire, onbuild = CALLS[v]
                code, j = eval_expr(toks, k + 1, env)
                if not re.fullmatch(r'DL\d{4}', code):
                    raise Unreadable(f'not a rule code: {code!r}')
                text, j = eval_expr(toks, j, env)
                if isinstance(text, list):
                    raise Unreadable('list given where text expected')
                cases.append(case(code, name, text, must_fire, onbuild, config, path, line,
                                  1 if (onbuild and must_fire) else None))
                k = j
                continue
            if kind == 'id' and v in ('assertChecks', 'assertOnBuildChecks'):
                text, j = eval_expr(toks, k + 1, env)
                # ( failsWith N "CODE" )
                rest = toks[j:j + 6]
                ids = [t[1] for t in rest]
                if 'failsWith' in ids:
                    p = ids.index('failsWith')
                    n = rest[p + 1][1]
                    code = rest[p + 2][1]
                    cases.append(case(code, name, text, n > 0, v == 'assertOnBuildChecks',
                                      config, path, line, n))
                k = j
                continue
        except (Unreadable, IndexError) as e:
            print(f'{os.path.basename(path)}:{line}: skipped ({e})', file=sys.stderr)
        k += 1
    return cases


def case(code, name, text, must_fire, onbuild, config, path, line, count):
    text = text + '\n'
    if onbuild:
        text = wrap_onbuild(text)
    return {
        'code': code,
        'name': name + (' (ONBUILD)' if onbuild else ''),
        'dockerfile': text,
        'must_fire': must_fire,
        'count': count,
        'config': config,
        'where': f'{os.path.basename(path)}:{line}',
    }


def wrap_onbuild(text):
    """Puts `ONBUILD ` before every RUN instruction (not before continuation lines)."""
    out = []
    continued = False
    for line in text.split('\n'):
        if not continued and re.match(r'\s*RUN\b', line, re.I):
            line = re.sub(r'^(\s*)', r'\1ONBUILD ', line, count=1)
        stripped = line.rstrip()
        is_comment = stripped.lstrip().startswith('#')
        if not is_comment:
            continued = stripped.endswith('\\')
        out.append(line)
    return '\n'.join(out)


# ---------------------------------------------------------------- running ecsplain


# hadolint's label-schema types and ours.
KINDS = {'RawText': 'text', 'Url': 'url', 'Rfc3339': 'rfc3339', 'Spdx': 'spdx', 'GitHash': 'hash',
         'SemVer': 'semver', 'Email': 'email'}


def config_text(conf, codes):
    # Every DL code selected by name, so the rules hadolint leaves off by default (DL1001,
    # DL3057) run too, as they do in hadolint's tests.
    lines = ['select: ' + json.dumps(codes)]
    if 'trusted-registries' in conf:
        lines.append('trusted-registries: ' + json.dumps(conf['trusted-registries']))
    if 'label-schema' in conf:
        lines.append('label-schema: ' + json.dumps(
            {k: KINDS.get(v, v) for k, v in conf['label-schema'].items()}))
    if 'strict-labels' in conf:
        lines.append('strict-labels: ' + json.dumps(conf['strict-labels']))
    return '\n'.join(lines) + '\n'


def run_ecsplain(binary, cases, codes):
    """Sets 'fired' (number of findings of the case's code) on every case."""
    groups = {}
    for i, c in enumerate(cases):
        groups.setdefault(json.dumps(c['config'], sort_keys=True), []).append(i)
    with tempfile.TemporaryDirectory() as tmp:
        for g, (key, idx) in enumerate(groups.items()):
            d = os.path.join(tmp, f'g{g}')
            os.makedirs(d)
            conf = os.path.join(tmp, f'g{g}.yaml')
            with open(conf, 'w') as f:
                f.write(config_text(json.loads(key), codes))
            for i in idx:
                with open(os.path.join(d, f'case{i:04}.Dockerfile'), 'w') as f:
                    f.write(cases[i]['dockerfile'])
            out = subprocess.run(
                [binary, 'lint', '--kind', 'dockerfile', '--format', 'json', '--fail-on', 'error',
                 '--config', conf, d],
                capture_output=True, text=True)
            if out.returncode not in (0, 1):
                sys.exit(f'ecsplain failed: {out.stderr}')
            found = {}
            for f in findings(json.loads(out.stdout)):
                found.setdefault((os.path.basename(f['file']), f['code']), []).append(f)
            for i in idx:
                c = cases[i]
                c['fired'] = len(found.get((f'case{i:04}.Dockerfile', c['code']), []))


def findings(report):
    """The findings of ecsplain's JSON report, each with its file."""
    if isinstance(report, dict):
        for f in report.get('files', []):
            for d in f.get('findings', f.get('diagnostics', [])):
                yield {'file': f.get('path', f.get('file', '')), 'code': d.get('code')}
        for d in report.get('findings', []):
            yield {'file': d.get('path', d.get('file', '')), 'code': d.get('code')}


def documented_differences():
    """{(code, where)} of the cases docs/hadolint-parity.md lists as deliberate differences:
    table rows whose first cell is a code and whose second cell is `SpecFile.hs:LINE`."""
    out = {}
    path = os.path.join(ROOT, 'docs', 'hadolint-parity.md')
    if not os.path.exists(path):
        return out
    for line in open(path, encoding='utf-8'):
        m = re.match(r'\|\s*(DL\d{4})\s*\|\s*`?(\w+Spec\.hs:\d+)`?\s*\|\s*(fires|quiet)', line)
        if m:
            out[(m.group(1), m.group(2), m.group(3))] = True
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--hadolint-git', required=True, help="a git directory of hadolint/hadolint")
    ap.add_argument('--rev', default='HEAD')
    ap.add_argument('--ecsplain', default=os.path.join(ROOT, 'target', 'debug', 'ecsplain'))
    ap.add_argument('--dump')
    ap.add_argument('--code', action='append')
    ap.add_argument('--show', action='store_true')
    args = ap.parse_args()

    ours = sorted({f[:6].upper() for f in os.listdir(os.path.join(
        ROOT, 'crates', 'engine', 'src', 'rules', 'dockerfile')) if re.match(r'dl\d{4}_', f)})
    listing = subprocess.run(['git', '--git-dir', args.hadolint_git, 'ls-tree', '-r', '--name-only',
                              args.rev, 'test/Hadolint/Rule/'], capture_output=True, text=True,
                             check=True).stdout.split()
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in listing:
            if not re.search(r'/DL\d{4}Spec\.hs$', p):
                continue
            local = os.path.join(tmp, os.path.basename(p))
            with open(local, 'w') as f:
                f.write(subprocess.run(['git', '--git-dir', args.hadolint_git, 'show',
                                        f'{args.rev}:{p}'], capture_output=True, text=True,
                                       check=True).stdout)
            cases.extend(extract(local))
    spec_codes = sorted({c['code'] for c in cases})
    missing = [c for c in spec_codes if c not in ours]
    cases = [c for c in cases if c['code'] in ours and (not args.code or c['code'] in args.code)]
    if args.dump:
        with open(args.dump, 'w') as f:
            json.dump(cases, f, indent=1)
    run_ecsplain(args.ecsplain, cases, ours)
    documented = documented_differences()

    per = {}
    for c in cases:
        p = per.setdefault(c['code'], [0, 0, 0, 0, 0])
        if c['must_fire']:
            p[0] += 1
            p[1] += c['fired'] > 0
        else:
            p[2] += 1
            p[3] += c['fired'] == 0
    print(f"{'code':8}{'must-fire':>14}{'must-not':>14}")
    tot = [0, 0, 0, 0]
    for code in sorted(per):
        p = per[code]
        mark = '' if p[1] == p[0] and p[3] == p[2] else '  <'
        print(f'{code:8}{p[1]:>8}/{p[0]:<5}{p[3]:>8}/{p[2]:<5}{mark}')
        for i in range(4):
            tot[i] += p[i]
    print(f"{'total':8}{tot[1]:>8}/{tot[0]:<5}{tot[3]:>8}/{tot[2]:<5}")
    if tot[0]:
        print(f'must-fire {tot[1] / tot[0]:.1%}, must-not {tot[3] / tot[2]:.1%} '
              f'over {len(per)} codes ({len(cases)} cases)')
    if missing:
        print('spec codes ecsplain does not implement:', ' '.join(missing))
    undocumented = 0
    for c in cases:
        ok = (c['fired'] > 0) == c['must_fire']
        if ok:
            continue
        state = 'quiet' if c['must_fire'] else 'fires'
        known = (c['code'], c['where'], state) in documented
        undocumented += not known
        if args.show:
            print(f"\n{c['code']} {c['where']} {'must fire' if c['must_fire'] else 'must not fire'}"
                  f" ({'documented' if known else 'UNDOCUMENTED'}): {c['name']}")
            print('    ' + c['dockerfile'].rstrip('\n').replace('\n', '\n    '))
    print(f'disagreements not documented in docs/hadolint-parity.md: {undocumented}')


if __name__ == '__main__':
    main()
