#!/usr/bin/env python3
"""Japanese rule docs: a half-width space between Japanese and half-width alphanumerics.

docs/ja/style.md: "ECS のタスク", "`networkMode` を", "30 秒", "エラー "Unknown parameter" で".
Code blocks, inline code and link targets are left as they are; 、。「」（）・ need no space.
tests/ja_docs.rs checks the same rule. Usage: scripts/ja_spacing.py [--fix] [FILE...]
(default: every crates/engine/src/rules/*/*.ja.md); exit 1 when a file needs a change.
"""
import glob
import re
import sys

# Hiragana, katakana (not the middle dot ・ U+30FB), CJK ideographs, half-width katakana.
JA = r"[\u3041-\u30fa\u30fc-\u30ff\u3400-\u9fff\uff66-\uff9f]"
ASCII = r"[A-Za-z0-9`\"]"
BOTH = re.compile(f"(?<={JA})(?={ASCII})|(?<={ASCII})(?={JA})")


def fix_line(line):
    # Leave inline code and link targets alone: space only at their edges.
    out, rest = [], line
    pattern = re.compile(r"(`+)(.+?)\1|\]\([^)]*\)")
    pos = 0
    for m in pattern.finditer(line):
        out.append(BOTH.sub(" ", line[pos:m.start()]))
        out.append("\x00" + m.group(0) + "\x01")
        pos = m.end()
    out.append(BOTH.sub(" ", line[pos:]))
    text = "".join(out)
    text = re.sub(f"(?<={JA})\x00(?=`)", " ", text)
    text = re.sub(f"(?<=`)\x01(?={JA})", " ", text)
    return text.replace("\x00", "").replace("\x01", "")


def fix(text):
    lines, code = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            code = not code
            lines.append(line)
            continue
        lines.append(line if code else fix_line(line))
    return "\n".join(lines)


def main(argv):
    write = "--fix" in argv
    files = [a for a in argv if not a.startswith("--")] or sorted(
        glob.glob("crates/engine/src/rules/*/*.ja.md"))
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        fixed = fix(text)
        if fixed != text:
            bad += 1
            if write:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(fixed)
            else:
                print(path)
    if bad and not write:
        print(f"{bad} file(s) need spacing (run with --fix)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
