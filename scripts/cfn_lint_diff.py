#!/usr/bin/env python3
"""cfn-lint as a second referee for ecsplain's task and service definition checks.

Every plain-JSON task definition and service definition of the corpus (`taskdef/`, `servicedef/`
and the definitions inside `ecspresso/` projects) is converted into a CloudFormation template
(AWS::ECS::TaskDefinition or AWS::ECS::Service; member names as CloudFormation spells them, read
from cfn-lint's own resource schemas, with the API's few renames) and linted by cfn-lint, while
ecsplain lints the original. Every cfn-lint error (an E code) must be an ecsplain error at the same
place (a finding of severity error whose lines hold the key or value cfn-lint points at), or be
listed in tools/referees/cfn-lint-differences.json with the reason and the source that shows
cfn-lint is wrong or does not apply. Anything else is an unexplained difference: exit 1.

Run with the referees' venv (pinned cfn-lint):
    "$(bash scripts/referees.sh)/python" scripts/cfn_lint_diff.py [--ecsplain target/debug/ecsplain]
        [--corpus DIR] [--verbose]
The corpus is $ECSPLAIN_CORPUS, else <repo>/../shared/corpus (as crates/engine/tests/corpus.rs).
"""

import argparse
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "crates/engine/data/ecs-schema.json").read_text())
SHAPES = SCHEMA["shapes"]
DIFFERENCES = ROOT / "tools/referees/cfn-lint-differences.json"

# The API's names that CloudFormation spells differently, beyond the first letter's case
# (CloudFormation's EFSVolumeConfiguration, FilesystemId, IAM... differ only in case and are
# found by a case-insensitive match on cfn-lint's schema).
RENAMES = {
    ("ProxyConfiguration", "properties"): "ProxyConfigurationProperties",
    ("CreateServiceRequest", "placementStrategy"): "PlacementStrategies",
    ("UpdateServiceRequest", "placementStrategy"): "PlacementStrategies",
}


# ---------------------------------------------------------------------------------------------
# A JSON reader that keeps the lines of every key and value (json.loads does not).

class Pos:
    __slots__ = ("key_line", "start", "end")

    def __init__(self, key_line, start, end):
        self.key_line, self.start, self.end = key_line, start, end


class Reader:
    def __init__(self, text):
        self.t, self.i, self.line = text, 0, 1
        self.pos = {}  # pointer tuple -> Pos

    def ws(self):
        t = self.t
        while self.i < len(t) and t[self.i] in " \t\r\n":
            if t[self.i] == "\n":
                self.line += 1
            self.i += 1

    def value(self, path, key_line):
        self.ws()
        start = self.line
        c = self.t[self.i]
        if c == "{":
            self.i += 1
            out = {}
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
            else:
                while True:
                    self.ws()
                    kl = self.line
                    k = self.string()
                    self.ws()
                    if self.t[self.i] != ":":
                        raise ValueError("expected :")
                    self.i += 1
                    out[k] = self.value(path + (k,), kl)
                    self.ws()
                    if self.t[self.i] == ",":
                        self.i += 1
                        continue
                    if self.t[self.i] == "}":
                        self.i += 1
                        break
                    raise ValueError("expected , or }")
        elif c == "[":
            self.i += 1
            out = []
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
            else:
                while True:
                    out.append(self.value(path + (len(out),), None))
                    self.ws()
                    if self.t[self.i] == ",":
                        self.i += 1
                        continue
                    if self.t[self.i] == "]":
                        self.i += 1
                        break
                    raise ValueError("expected , or ]")
        elif c == '"':
            out = self.string()
        else:
            m = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null").match(self.t, self.i)
            if not m:
                raise ValueError(f"bad value at line {self.line}")
            self.i = m.end()
            out = json.loads(m.group(0))
        self.pos[path] = Pos(key_line if key_line is not None else start, start, self.line)
        return out

    def string(self):
        m = re.compile(r'"(?:[^"\\\n]|\\.)*"').match(self.t, self.i)
        if not m:
            raise ValueError(f"bad string at line {self.line}")
        self.i = m.end()
        return json.loads(m.group(0))


def read_json(text):
    r = Reader(text)
    value = r.value((), None)
    r.ws()
    if r.i != len(r.t):
        raise ValueError("trailing text")
    return value, r.pos


# ---------------------------------------------------------------------------------------------
# The API's shapes (from ecsplain's generated data) and CloudFormation's (from cfn-lint).

def shape_of(ref):
    """(kind, detail) of a type reference of ecs-schema.json."""
    if ref.endswith("[]"):
        return "list", ref[:-2]
    if ref in ("s", "i", "d", "b"):
        return "scalar", ref
    if ref in ("m", "j"):
        return "verbatim", ref
    d = SHAPES[ref]
    if "m" in d:
        return "struct", ref
    if "l" in d:
        return "list", d["l"]
    return "scalar", ref


def cfn_schema(type_name):
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER
    return PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", type_name).schema


def deref(schema, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        node = schema["definitions"][node["$ref"].split("/")[-1]]
        seen += 1
    return node if isinstance(node, dict) else {}


def pascal(key):
    return key[:1].upper() + key[1:]


def keys_match(a, b):
    return a == b or (len(a) == len(b) and a[:1].lower() == b[:1].lower() and a[1:] == b[1:])


def member_of(struct_names, key):
    """The API member a key names (ecspresso's first-letter rule), over one or more structures."""
    for name in struct_names:
        for member, ref in SHAPES[name]["m"].items():
            if keys_match(member, key):
                return name, member, ref
    return None


class Converter:
    """Turns an API-shaped definition into CloudFormation properties, keeping, for each
    CloudFormation path, the pointer of the original node."""

    def __init__(self, schema):
        self.schema = schema
        self.paths = {}  # cfn path tuple (from Properties) -> original pointer tuple
        self.dropped = []  # (pointer, why): API members CloudFormation has no property for

    def struct(self, value, names, cfn, src, dst):
        cfn = deref(self.schema, cfn)
        props = cfn.get("properties", {})
        lower = {k.lower(): k for k in props}
        out = {}
        for key, v in value.items():
            found = member_of(names, key)
            if found is None:
                # Not an API member: keep it (PascalCased) so cfn-lint judges it too.
                name = lower.get(key.lower(), pascal(key))
                self.paths[dst + (name,)] = src + (key,)
                out[name] = self.verbatim(v, src + (key,), dst + (name,))
                continue
            shape, member, ref = found
            name = RENAMES.get((shape, member)) or lower.get(member.lower())
            if name is None:
                self.dropped.append(("/".join(map(str, src + (key,))),
                                     f"CloudFormation's {self.schema['typeName']} has no property for the API's {shape}.{member}"))
                continue
            self.paths[dst + (name,)] = src + (key,)
            if (member, name) == ("forceNewDeployment", "ForceNewDeployment") and isinstance(v, bool):
                # The API's boolean is an object in CloudFormation.
                out[name] = {"EnableForceNewDeployment": v}
                continue
            out[name] = self.typed(v, ref, props.get(name, {}), src + (key,), dst + (name,))
        return out

    def typed(self, v, ref, cfn, src, dst):
        kind, detail = shape_of(ref)
        if v is None:
            return None
        if kind == "struct" and isinstance(v, dict):
            return self.struct(v, [detail], cfn, src, dst)
        if kind == "list" and isinstance(v, list):
            items = deref(self.schema, cfn).get("items", {})
            out = []
            for i, item in enumerate(v):
                self.paths[dst + (i,)] = src + (i,)
                out.append(self.typed(item, detail, items, src + (i,), dst + (i,)))
            return out
        return self.verbatim(v, src, dst)

    def verbatim(self, v, src, dst):
        if isinstance(v, dict):
            out = {}
            for k, item in v.items():
                self.paths[dst + (k,)] = src + (k,)
                out[k] = self.verbatim(item, src + (k,), dst + (k,))
            return out
        if isinstance(v, list):
            out = []
            for i, item in enumerate(v):
                self.paths[dst + (i,)] = src + (i,)
                out.append(self.verbatim(item, src + (i,), dst + (i,)))
            return out
        return v


# ---------------------------------------------------------------------------------------------

def classify(value):
    """('taskdef' | 'servicedef' | None, the definition object, its pointer)."""
    if not isinstance(value, dict):
        return None, None, ()
    for wrapper in ("taskDefinition", "TaskDefinition"):
        inner = value.get(wrapper)
        if isinstance(inner, dict) and any(keys_match("containerDefinitions", k) for k in inner):
            return "taskdef", inner, (wrapper,)
    if any(keys_match("containerDefinitions", k) for k in value):
        return "taskdef", value, ()
    if any(k in value for k in ("service_definition", "task_definition", "plugins", "region")):
        return None, None, ()  # an ecspresso config
    service_keys = set(SHAPES["CreateServiceRequest"]["m"]) | set(SHAPES["UpdateServiceRequest"]["m"])
    if any(keys_match(s, k) for k in value for s in service_keys):
        return "servicedef", value, ()
    return None, None, ()


def inputs(corpus):
    out = []
    for folder, kind in (("taskdef", "taskdef"), ("servicedef", "servicedef"), ("ecspresso", None)):
        base = corpus / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.json")):
            out.append((path, kind))
    return out


# Text a template engine or script replaces before the definition reaches AWS: Go templates,
# ${...}, $VAR, <YOUR_VALUE>, ACCOUNT_ID-style tokens, XXXXXXXXXXXX.
PLACEHOLDER = re.compile(r"\{\{|\$\{|^\$[A-Z_][A-Z0-9_]*$|<[^<>]+>|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|[xX]{6,}")


def is_placeholder(v):
    return isinstance(v, str) and PLACEHOLDER.search(v) is not None


def node_at(value, pointer):
    for p in pointer:
        try:
            value = value[p]
        except (KeyError, IndexError, TypeError):
            return None
    return value


# Definitions that use every rename and case exception of the conversion: cfn-lint must find no
# error in them, or the conversion itself is wrong.
SELF_CHECK = {
    "taskdef": {
        "family": "selfcheck", "networkMode": "awsvpc", "requiresCompatibilities": ["EC2"],
        "containerDefinitions": [{
            "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "memory": 512, "essential": True,
            "dockerLabels": {"com.example.team": "web"},
            "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app"}},
            "mountPoints": [{"sourceVolume": "efs", "containerPath": "/data"}]}, {
            "name": "envoy", "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod",
            "memory": 256, "essential": True, "user": "1337"}],
        "volumes": [{"name": "efs", "efsVolumeConfiguration": {
            "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED",
            "authorizationConfig": {"iam": "ENABLED", "accessPointId": "fsap-0123456789abcdef0"}}}],
        "proxyConfiguration": {"type": "APPMESH", "containerName": "envoy", "properties": [
            {"name": "IgnoredUID", "value": "1337"}, {"name": "AppPorts", "value": "80"},
            {"name": "ProxyIngressPort", "value": "15000"}, {"name": "ProxyEgressPort", "value": "15001"}]},
        "tags": [{"key": "team", "value": "web"}],
    },
    "servicedef": {
        "cluster": "web", "serviceName": "selfcheck", "taskDefinition": "selfcheck:1", "desiredCount": 2,
        "launchType": "EC2", "forceNewDeployment": True,
        "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}],
        "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 50,
                                    "deploymentCircuitBreaker": {"enable": True, "rollback": True}},
        "tags": [{"key": "team", "value": "web"}],
    },
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ecsplain", default=str(ROOT / "target/debug/ecsplain"))
    ap.add_argument("--corpus", default=os.environ.get("ECSPLAIN_CORPUS", str(ROOT / "../shared/corpus")))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        print(f"cfn_lint_diff: no corpus at {corpus}; nothing compared")
        return 0
    differences = json.loads(DIFFERENCES.read_text())["differences"]
    used = [0] * len(differences)
    schemas = {"taskdef": cfn_schema("AWS::ECS::TaskDefinition"),
               "servicedef": cfn_schema("AWS::ECS::Service")}
    roots = {"taskdef": ["RegisterTaskDefinitionRequest"],
             "servicedef": ["CreateServiceRequest", "UpdateServiceRequest"]}
    types = {"taskdef": "AWS::ECS::TaskDefinition", "servicedef": "AWS::ECS::Service"}

    work = tempfile.mkdtemp(prefix="cfn-lint-diff-")
    atexit.register(shutil.rmtree, work, True)
    cases = []
    skipped = []
    for path, kind in inputs(corpus):
        rel = path.relative_to(corpus).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            value, pos = read_json(text)
        except (ValueError, IndexError):
            skipped.append((rel, "not plain JSON (a template filled in by a script)"))
            continue
        found, definition, prefix = classify(value)
        kind = kind or found
        if kind is None or definition is None:
            skipped.append((rel, "not a task or service definition"))
            continue
        if found is not None and found != kind:
            definition, prefix = value, ()
        conv = Converter(schemas[kind])
        props = conv.struct(definition, roots[kind], {"properties": schemas[kind]["properties"]},
                            prefix, ())
        template = {"AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {"Definition": {"Type": types[kind], "Properties": props}}}
        out = Path(work) / (re.sub(r"[^A-Za-z0-9_.-]", "_", rel))
        out.write_text(json.dumps(template, indent=1, ensure_ascii=False), encoding="utf-8")
        cases.append({"rel": rel, "path": path, "kind": kind, "value": value, "pos": pos,
                      "conv": conv, "template": str(out)})

    checks = []
    for kind, definition in SELF_CHECK.items():
        conv = Converter(schemas[kind])
        props = conv.struct(definition, roots[kind], {"properties": schemas[kind]["properties"]}, (), ())
        out = Path(work) / f"selfcheck-{kind}.json"
        out.write_text(json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
            "Definition": {"Type": types[kind], "Properties": props}}}, indent=1))
        checks.append(str(out))
        if conv.dropped:
            print(f"cfn_lint_diff: the conversion lost members of the self-check: {conv.dropped}")
            return 1

    bin_dir = Path(sys.executable).parent
    cfn = subprocess.run([str(bin_dir / "cfn-lint"), "--format", "json", "--regions", "us-east-1",
                          "--", *checks, *[c["template"] for c in cases]],
                         capture_output=True, text=True)
    try:
        matches = json.loads(cfn.stdout or "[]")
    except json.JSONDecodeError:
        sys.stderr.write(cfn.stdout + cfn.stderr)
        return 2
    by_template = {}
    for m in matches:
        by_template.setdefault(os.path.abspath(m["Filename"]), []).append(m)

    broken = [f"{Path(m['Filename']).name}: {m['Rule']['Id']} at {'/'.join(map(str, m['Location'].get('Path') or []))}: {m['Message']}"
              for c in checks for m in by_template.get(os.path.abspath(c), [])
              if m["Rule"]["Id"].startswith("E")]
    if broken:
        print("cfn_lint_diff: the conversion itself is wrong (cfn-lint errors in the self-check templates):")
        for b in broken:
            print("  " + b)
        return 1

    totals = {"errors": 0, "agree": 0, "explained": 0, "unexplained": 0, "warnings": 0}
    ecsplain_errors = 0
    ecsplain_only = 0
    unexplained = []
    for case in cases:
        report = subprocess.run([args.ecsplain, "lint", "--format", "json", "--kind", case["kind"],
                                 "--quiet", str(case["path"])], capture_output=True, text=True)
        try:
            findings = json.loads(report.stdout)["findings"]
        except (json.JSONDecodeError, KeyError):
            sys.stderr.write(f"ecsplain failed on {case['rel']}: {report.stderr}\n")
            return 2
        errors = [f for f in findings if f["severity"] == "error"]
        ecsplain_errors += len(errors)
        matched_errors = set()
        for m in by_template.get(os.path.abspath(case["template"]), []):
            rule = m["Rule"]["Id"]
            if not rule.startswith("E"):
                totals["warnings"] += 1
                continue
            totals["errors"] += 1
            where = m["Location"].get("Path") or []
            cfn_path = tuple(where[3:]) if where[:3] == \
                ["Resources", "Definition", "Properties"] else ()
            # The original node: the longest mapped prefix of cfn-lint's path.
            pointer = ()
            for n in range(len(cfn_path), 0, -1):
                if cfn_path[:n] in case["conv"].paths:
                    pointer = case["conv"].paths[cfn_path[:n]]
                    break
            p = case["pos"].get(pointer) or case["pos"].get(())
            lines = {p.key_line, p.start} if isinstance(node_at(case["value"], pointer), (dict, list)) \
                else set(range(p.key_line, p.end + 1))
            def at_place(f, related=False):
                spans = [f] + (f.get("related", []) if related else [])
                return any(r["line"] <= l <= r["end_line"] for r in spans for l in lines)
            hit = [i for i, f in enumerate(errors) if at_place(f)]
            pointer_text = "/" + "/".join(map(str, pointer))
            if hit:
                totals["agree"] += 1
                matched_errors.update(hit)
                if args.verbose:
                    print(f"agree  {case['rel']}:{p.key_line} {rule} {pointer_text} ~ "
                          f"{', '.join(errors[i]['code'] for i in hit)}")
                continue
            node = node_at(case["value"], pointer)
            explained = None
            for i, d in enumerate(differences):
                rules = d["rule"] if isinstance(d["rule"], list) else [d["rule"]]
                if rule not in rules and "*" not in rules:
                    continue
                if "path" in d and not re.search(d["path"], pointer_text):
                    continue
                if "message" in d and not re.search(d["message"], m["Message"]):
                    continue
                if "kind" in d and d["kind"] != case["kind"]:
                    continue
                when = d.get("when")
                if when == "placeholder" and not is_placeholder(node):
                    continue
                if when == "null" and node is not None:
                    continue
                if when == "empty" and node not in ([], {}, ""):
                    continue
                if "ecsplain" in d and not any(f["code"] in d["ecsplain"] and at_place(f, True)
                                               for f in findings):
                    continue
                explained = i
                break
            if explained is not None:
                used[explained] += 1
                totals["explained"] += 1
                if args.verbose:
                    print(f"explained  {case['rel']}:{p.key_line} {rule} {pointer_text}: "
                          f"{m['Message']} [{differences[explained]['id']}]")
                continue
            totals["unexplained"] += 1
            unexplained.append(f"{case['rel']}:{p.key_line}: {rule} at {pointer_text}: {m['Message']}")
        ecsplain_only += len(errors) - len(matched_errors)
        if args.verbose:
            for i, f in enumerate(errors):
                if i not in matched_errors:
                    print(f"ecsplain only  {case['rel']}:{f['line']} {f['code']}: {f['message']}")

    kinds = {k: sum(1 for c in cases if c["kind"] == k) for k in ("taskdef", "servicedef")}
    dropped = sum(len(c["conv"].dropped) for c in cases)
    print(f"cfn_lint_diff: {len(cases)} definitions compared ({kinds['taskdef']} task, "
          f"{kinds['servicedef']} service), {len(skipped)} files skipped "
          f"(not plain JSON or not a definition)")
    print(f"cfn-lint errors: {totals['errors']} = {totals['agree']} also ecsplain errors at the same place"
          f" + {totals['explained']} explained in {DIFFERENCES.relative_to(ROOT)}"
          f" + {totals['unexplained']} unexplained; cfn-lint warnings (not compared): {totals['warnings']}")
    print(f"ecsplain errors: {ecsplain_errors}, of which {ecsplain_errors - ecsplain_only} at a place"
          f" cfn-lint also reports; API members CloudFormation has no property for (left out of the"
          f" templates): {dropped}")
    by_status = {}
    for i, d in enumerate(differences):
        by_status[d["status"]] = by_status.get(d["status"], 0) + used[i]
    print("explained, by status: " + ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())))
    for i, d in enumerate(differences):
        print(f"  {used[i]:4}  {d['status']:<16} {d['id']}")
    if args.verbose:
        for rel, why in skipped:
            print(f"skipped {rel}: {why}")
        for c in cases:
            for pointer, why in c["conv"].dropped:
                print(f"left out {c['rel']} {pointer}: {why}")
    if unexplained:
        print("\nunexplained differences (an ecsplain bug, or a new entry for "
              f"{DIFFERENCES.relative_to(ROOT)} with its source):")
        for u in unexplained:
            print("  " + u)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
