#!/usr/bin/env python3
"""Lists the factual claims in every rule's documentation, for the claims audit (docs/claims-audit.md).

For each rule (crates/engine/src/rules/<group>/<code>_*.rs) it prints the code, severity, the
sentences of "Why is this bad?" that state a number, a limit, a default, a version or that AWS /
BuildKit / ecspresso rejects something, the References' links, and, when the ECS API model that
botocore ships is given (--ecs-model service-2.json[.gz]), whether each quoted passage of
the documentation occurs in it or in the upstream sources given with --corpus (case, punctuation,
whitespace and markup ignored).

  python3 scripts/claims_audit.py [--ecs-model PATH] [--corpus DIR]... [--json]
"""
import argparse, glob, gzip, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIM = re.compile(
    r"\d|reject|refus|fail|default|required|must|only|version|since|deprecat|maximum|minimum|at most|at least|error",
    re.I,
)


def rule_docs():
    for path in sorted(glob.glob(os.path.join(ROOT, "crates/engine/src/rules/*/*.rs"))):
        src = open(path, encoding="utf-8").read()
        m = re.search(r"declare_rule!\s*\{(.*?)pub static RULE = \{(.*?)\}", src, re.S)
        if not m:
            continue
        doc = "\n".join(
            l.strip()[4:] if l.strip().startswith("/// ") else l.strip()[3:]
            for l in m.group(1).splitlines()
            if l.strip().startswith("///")
        )
        meta = m.group(2)
        code = re.search(r'code:\s*"([^"]+)"', meta).group(1)
        sev = re.search(r"severity:\s*(\w+)", meta).group(1)
        yield path, code, sev, doc


def section(doc, title):
    m = re.search(r"## " + re.escape(title) + r"\n(.*?)(?=\n## |\Z)", doc, re.S)
    return m.group(1).strip() if m else ""


def sentences(text):
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+(?=[A-Z(`])", text) if s.strip()]


def norm(t):
    t = re.sub(r"<[^>]+>", " ", t)
    t = t.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()


def model_text(path):
    if not path:
        return None
    opener = gzip.open if path.endswith(".gz") else open
    model = json.load(opener(path, "rt", encoding="utf-8"))
    parts = []
    for shape in model["shapes"].values():
        parts.append(shape.get("documentation", ""))
        for member in shape.get("members", {}).values():
            parts.append(member.get("documentation", ""))
    for op in model["operations"].values():
        parts.append(op.get("documentation", ""))
    return norm(" ".join(parts))


TEXT_EXT = (".go", ".md", ".hs", ".py", ".json", ".txt", ".yaml", ".yml", ".rs")


def corpus_text(dirs):
    parts = []
    for d in dirs:
        for base, subdirs, files in os.walk(d):
            subdirs[:] = [s for s in subdirs if s not in ("vendor", "node_modules", ".git", "testdata")]
            for f in files:
                if f.endswith(TEXT_EXT):
                    try:
                        parts.append(norm(open(os.path.join(base, f), encoding="utf-8", errors="replace").read()))
                    except OSError:
                        pass
    return " ".join(parts)


PRIMARY = (
    "docs.aws.amazon.com",
    "aws.amazon.com",
    "docs.docker.com",
    "github.com/kayac/ecspresso",
    "github.com/moby/buildkit",
    "github.com/hadolint/hadolint",
    "github.com/aws/",
    "github.com/aws-observability/",
    "github.com/kayac/go-config",
    "github.com/fujiwara/",
    "github.com/opencontainers/",
    "opentelemetry.io",
    "go.dev",
    "pkg.go.dev",
    "jsonnet.org",
    "github.com/google/go-jsonnet",
    "spdx.org",
    "semver.org",
    "rfc-editor.org",
    "github.com/opencontainers/image-spec",
    "aws-otel.github.io",
    "yaml.org",
    "github.com/ecsplain/",
)


def domain(link):
    m = re.match(r"https?://([^/]+)(/[^/]+)?", link)
    host = m.group(1) if m else link
    if host == "github.com" and m and m.group(2):
        return host + m.group(2)
    return host


def is_primary(link):
    bare = re.sub(r"^https?://(www\.)?", "", link)
    return any(bare.startswith(p) for p in PRIMARY)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ecs-model")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="print the ledger's table of rules")
    ap.add_argument(
        "--corpus",
        action="append",
        default=[],
        help="a directory of upstream sources (botocore, cfn-lint, ecspresso, BuildKit, hadolint) "
        "whose text files are searched for the quoted passages too; repeatable",
    )
    args = ap.parse_args()
    corpus = model_text(args.ecs_model)
    extra = corpus_text(args.corpus)
    if extra:
        corpus = (corpus or "") + " " + extra
    out = []
    for path, code, sev, doc in rule_docs():
        why = section(doc, "Why is this bad?")
        refs = section(doc, "References")
        claims = [s for s in sentences(why) if CLAIM.search(s)]
        links = re.findall(r"\]\((https?://[^)]+)\)", refs)
        quotes = [q for q in re.findall(r'"([^"]{12,})"', refs + " " + why)]
        found = []
        if corpus is not None:
            for q in quotes:
                n = norm(q)
                # a quote with "..." elisions: every piece must be found
                pieces = [p for p in re.split(r"\s*(?:\.\.\.|…)\s*", q) if len(norm(p)) > 6]
                ok = all(norm(p) in corpus for p in pieces) if pieces else n in corpus
                found.append((q, ok))
        out.append(
            {
                "code": code,
                "severity": sev,
                "file": os.path.relpath(path, ROOT),
                "claims": claims,
                "links": links,
                "quotes_in_ecs_model": found,
            }
        )
    if args.json:
        json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
        return
    if args.markdown:
        print("| Rule | Severity | Claims | Primary references | Quotes found verbatim | Verdict |")
        print("|---|---|---|---|---|---|")
        order = {"Error": 0, "Warning": 1, "Info": 2}
        for r in sorted(out, key=lambda r: (order.get(r["severity"], 3), r["code"])):
            primary = sorted({domain(l) for l in r["links"] if is_primary(l)})
            qs = r["quotes_in_ecs_model"]
            found = sum(ok for _, ok in qs)
            if not r["links"]:
                verdict = "no reference"
            elif qs and found == len(qs) and primary:
                verdict = "quotes verified"
            elif primary:
                verdict = "cited" + ("; unmatched quotes listed below" if found < len(qs) else "")
            else:
                verdict = "secondary sources only"
            print(
                f"| {r['code']} | {r['severity']} | {len(r['claims'])} | {', '.join(primary) or '-'} "
                f"| {found}/{len(qs)} | {verdict} |"
            )
        return
    for r in out:
        print(f"## {r['code']} ({r['severity']}) {r['file']}")
        for c in r["claims"]:
            print(f"  claim: {c}")
        for l in r["links"]:
            print(f"  ref: {l}")
        for q, ok in r["quotes_in_ecs_model"]:
            print(f"  quote {'FOUND' if ok else 'not found in the sources given'}: {q[:120]}")


if __name__ == "__main__":
    main()
