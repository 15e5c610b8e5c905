#!/usr/bin/env python3
"""How many of BuildKit's own Dockerfile test cases ecsplain accepts and rejects as BuildKit does.

Run by hand (it reads a local mirror of moby/buildkit; nothing is downloaded, and no BuildKit file
is copied into this repository):

    cargo build -p ecsplain
    python3 scripts/buildkit_parity.py --mirror /path/to/moby+buildkit/repo [--rev HEAD] [-v]

`--mirror` is a git directory of moby/buildkit (bare or not). The cases are:

- every `frontend/dockerfile/parser/testfiles*/*/Dockerfile` and `testfile-line/Dockerfile`;
- the Dockerfile texts of BuildKit's Go tests whose verdict the test asserts: the JSON arrays of
  `parser/json_test.go`, the heredoc files of `parser/parser_heredoc_test.go`, the cases of
  `instructions/parse_test.go`, `instructions/parse_heredoc_test.go`,
  `instructions/commands_rundevice_test.go`, and the `df` texts of
  `dockerfile2llb/convert_test.go`.

A case is "accepted" by ecsplain when it gets no IN003 finding, "rejected" otherwise. BuildKit's
verdict is the one of the whole front end (parser, instruction parsing, conversion): BuildKit's
parser tests only run the parser, so the few parser test files that a later step rejects are listed
in LATER with the step and the reason (read from BuildKit's source). A rejection agrees when
ecsplain's first IN003 is on the line BuildKit names (when the case names one).

Go-test texts that are a single instruction get `FROM scratch` put before them (BuildKit's tests
parse one instruction alone; a whole build needs a stage): their lines shift by one.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Parser test files that BuildKit's parser accepts but a later step rejects:
# directory -> (1-based line of the first error, the step and reason).
LATER = {
    "flags": (3, "instructions: COPY has no --user flag (unknown flag)"),
    "health": (4, "instructions: HEALTHCHECK with no argument"),
    "json": (1, "instructions: CMD before any FROM (no build stage)"),
    "jeztah-invalid-json-json-inside-string": (1, "instructions: CMD before any FROM"),
    "jeztah-invalid-json-json-inside-string-double": (1, "instructions: CMD before any FROM"),
    "jeztah-invalid-json-single-quotes": (1, "instructions: CMD before any FROM"),
    "jeztah-invalid-json-unterminated-bracket": (1, "instructions: CMD before any FROM"),
    "jeztah-invalid-json-unterminated-string": (1, "instructions: CMD before any FROM"),
}

# Negative parser test files: the line of BuildKit's error, when it names one.
NEGATIVE_LINES = {"env_no_value": 3, "shykes-nested-json": 1}


def git(mirror, *args):
    return subprocess.run(
        ["git", "--git-dir", mirror, *args], check=True, capture_output=True
    ).stdout


def show(mirror, rev, path):
    return git(mirror, "show", f"{rev}:{path}").decode("utf-8", "surrogateescape")


def go_string(lit):
    """The value of a Go string literal (raw `...` or interpreted "...")."""
    if lit.startswith("`"):
        return lit[1:-1]
    body = lit[1:-1]
    out, i = [], 0
    simple = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            if n in simple:
                out.append(simple[n])
                i += 2
                continue
            if n == "u":
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
            if n == "x":
                out.append(chr(int(body[i + 2 : i + 4], 16)))
                i += 4
                continue
        out.append(c)
        i += 1
    return "".join(out)


GO_LIT = r'(`[^`]*`|"(?:[^"\\\n]|\\.)*")'


def with_from(text):
    """A Go test's instruction with a stage to live in; returns (text, line shift)."""
    first = text.lstrip().split(None, 1)[0].upper() if text.strip() else ""
    if first in ("FROM", "ARG"):
        return text, 0
    return "FROM scratch\n" + text, 1


def func_body(src, name):
    m = re.search(r"func " + re.escape(name) + r"\(", src)
    if not m:
        return ""
    nxt = re.search(r"\nfunc ", src[m.end() :])
    return src[m.start() : m.end() + (nxt.start() if nxt else len(src))]


def go_cases(mirror, rev):
    """(name, text, expected, line) for the Go tests' Dockerfile texts."""
    cases = []
    base = "frontend/dockerfile/"

    src = show(mirror, rev, base + "parser/json_test.go")
    for var, expected in (("invalidJSONArraysOfStrings", "reject"), ("validJSONArraysOfStrings", "accept")):
        block = re.search(r"\b" + var + r"\s*=\s*[^{]*\{(.*?)\n\}", src, re.S).group(1)
        for lit in re.findall(r"^\s*" + GO_LIT, block, re.M):
            cases.append((f"json_test {var} {lit}", "FROM scratch\nCMD " + go_string(lit) + "\n", expected, 2 if expected == "reject" else None))

    src = show(mirror, rev, base + "parser/parser_heredoc_test.go")
    for fn in ("TestParseExtractsHeredoc", "TestParseJSONHeredoc"):
        body = func_body(src, fn)
        lit = re.search(r"bytes\.NewBufferString\(" + GO_LIT, body).group(1)
        text = go_string(lit)
        # `USER <<INVALID` is not a heredoc (USER takes none), so the next line, `INVALID`, is an
        # instruction of its own, which BuildKit's instruction step rejects as unknown.
        lines = text.split("\n")
        if "INVALID" in lines:
            cases.append((f"parser_heredoc_test {fn}", text, "reject", lines.index("INVALID") + 1))
        else:
            cases.append((f"parser_heredoc_test {fn}", text, "accept", None))

    src = show(mirror, rev, base + "instructions/parse_test.go")
    for fn in ("TestCommandsExactlyOneArgument", "TestCommandsAtLeastOneArgument", "TestCommandsNoDestinationArgument"):
        body = func_body(src, fn)
        suffix = " arg1" if "NoDestination" in fn else ""
        block = re.search(r"\[\]string\{(.*?)\}", body, re.S).group(1)
        for lit in re.findall(GO_LIT, block):
            text, shift = with_from(go_string(lit) + suffix)
            cases.append((f"parse_test {fn} {go_string(lit)}", text + "\n", "reject", 1 + shift))
    for cmd in re.findall(r'Original:\s*cmd \+ "( =arg2)"', func_body(src, "TestCommandsBlankNames")):
        for kw in ("ENV", "LABEL"):
            cases.append((f"parse_test TestCommandsBlankNames {kw}", f"FROM scratch\n{kw}{cmd}\n", "reject", 2))
    body = func_body(src, "TestParseOptInterval")
    for value in re.findall(r'Value(?::|\s*=)\s*"([^"]+)"', body):
        expected = "reject" if value == "50ns" else "accept"
        cases.append((f"parse_test TestParseOptInterval {value}", f"FROM scratch\nHEALTHCHECK --interval={value} CMD true\n", expected, 2 if expected == "reject" else None))
    for fn in ("TestRunCmdFlagsUsed", "TestCommentsDetection"):
        body = func_body(src, fn)
        lit = re.search(r"(?:dockerfile|dt) :=\s*" + GO_LIT, body).group(1)
        text, _ = with_from(go_string(lit))
        cases.append((f"parse_test {fn}", text + "\n", "accept", None))

    for path in ("instructions/parse_test.go", "instructions/parse_heredoc_test.go"):
        src = show(mirror, rev, base + path)
        for m in re.finditer(r"\{\s*(?:name:\s*" + GO_LIT + r",\s*)?dockerfile:\s*" + GO_LIT + r",(.*?)\n\t\t\}", src, re.S):
            name, lit, rest = m.group(1), m.group(2), m.group(3)
            text, shift = with_from(go_string(lit))
            reject = "expectedError" in rest
            cases.append((f"{os.path.basename(path)} {go_string(name) if name else go_string(lit)[:40]!r}", text + "\n", "reject" if reject else "accept", 1 + shift if reject else None))

    src = show(mirror, rev, base + "instructions/commands_rundevice_test.go")
    for m in re.finditer(r"input:\s*" + GO_LIT + r",.*?expectedErr:\s*([^\n]+)", src, re.S):
        value = go_string(m.group(1))
        reject = not m.group(2).strip().startswith("nil")
        cases.append((f"commands_rundevice_test {value}", f"FROM scratch\nRUN --device={value} true\n", "reject" if reject else "accept", 2 if reject else None))

    src = show(mirror, rev, base + "dockerfile2llb/convert_test.go")
    for fn in re.findall(r"func (Test\w+)\(", src):
        body = func_body(src, fn)
        for m in re.finditer(r"\bdf :?= " + GO_LIT, body):
            text = go_string(m.group(1))
            after = body[m.end() :]
            call = re.search(r"Dockerfile2LLB\((.*?)\n\s*(require|assert)\.(\w+)", after, re.S)
            if not call or "Target" in call.group(1):
                continue
            verdict = call.group(3)
            if verdict == "NoError":
                cases.append((f"convert_test {fn} #{m.start()}", text, "accept", None))
            elif verdict in ("Error", "EqualError", "ErrorContains"):
                cases.append((f"convert_test {fn} #{m.start()}", text, "reject", None))
    return cases


def file_cases(mirror, rev):
    cases = []
    files = git(mirror, "ls-tree", "-r", "--name-only", rev, "frontend/dockerfile/parser/").decode().split("\n")
    for path in sorted(f for f in files if f.endswith("/Dockerfile")):
        parts = path.split("/")
        group, name = parts[-3], parts[-2]
        text = show(mirror, rev, path)
        if group == "testfiles":
            if name in LATER:
                line, _ = LATER[name]
                cases.append((f"testfiles/{name}", text, "reject", line))
            else:
                cases.append((f"testfiles/{name}", text, "accept", None))
        elif group == "testfiles-negative":
            cases.append((f"testfiles-negative/{name}", text, "reject", NEGATIVE_LINES.get(name)))
        elif parts[-2] == "testfile-line":
            cases.append(("testfile-line", text, "accept", None))
    return cases


def lint(binary, text, tmp):
    path = os.path.join(tmp, "Dockerfile")
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    out = subprocess.run([binary, "lint", "--kind", "dockerfile", "--format", "json", path], capture_output=True, text=True).stdout
    findings = json.loads(out)["findings"]
    return [f for f in findings if f["code"] == "IN003"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", default="/work/.mirror/moby+buildkit/repo")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "debug", "ecsplain"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sha = git(args.mirror, "rev-parse", args.rev).decode().strip()
    groups = {"parser test files": file_cases(args.mirror, args.rev), "Go test cases": go_cases(args.mirror, args.rev)}
    print(f"BuildKit {sha}")
    differences = []
    with tempfile.TemporaryDirectory() as tmp:
        for group, cases in groups.items():
            counts = {"accept": [0, 0], "reject": [0, 0]}
            for name, text, expected, line in cases:
                found = lint(args.bin, text, tmp)
                first = min((f["line"] for f in found), default=None)
                if expected == "accept":
                    ok = not found
                    why = "" if ok else f"ecsplain rejects: {found[0]['line']}:{found[0]['column']} {found[0]['message']}"
                else:
                    ok = bool(found) and (line is None or first == line)
                    if not found:
                        why = "ecsplain accepts"
                    elif not ok:
                        why = f"ecsplain's first IN003 is on line {first}, BuildKit's on line {line}"
                    else:
                        why = ""
                counts[expected][0] += ok
                counts[expected][1] += 1
                if not ok:
                    differences.append(f"{group}: {name}: BuildKit {expected}s; {why}")
                if args.verbose:
                    print(f"  {'ok ' if ok else 'DIFF'} {expected:6} {name}" + (f" ({first})" if found else ""))
            a, r = counts["accept"], counts["reject"]
            print(f"{group}: {a[0] + r[0]}/{a[1] + r[1]} as BuildKit "
                  f"(accepted {a[0]}/{a[1]} that BuildKit accepts, rejected {r[0]}/{r[1]} that BuildKit rejects)")
    for d in differences:
        print("difference:", d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
