#!/usr/bin/env python3
"""Candidate constraint sentences from the ECS API model, and the catalogue's coverage of them.

The model is the one botocore ships (pinned in tools/referees/requirements.txt; make the venv with
`bash scripts/referees.sh`). For every shape the catalogue covers (SHAPES below) the script
splits each member's documentation (and the shape's own) into sentences and keeps those that
state something AWS may enforce: "must", "can't", "cannot", "is required", "valid values",
"between <n>", "not supported", "only supported", "maximum", "minimum", "up to <n>", "at least", "isn't valid".

  python3 scripts/ecs_constraints.py candidates   # print the candidates, one JSON object a line
  python3 scripts/ecs_constraints.py check        # every candidate is in the catalogue, and back

Each candidate has an id: `Shape.member#hash`, the hash being the first 10 hex digits of the
SHA-1 of the sentence with its whitespace collapsed. The catalogue
(crates/engine/data/ecs-constraints.json) lists every id with the constraint in our own words,
when AWS enforces it and the rule that checks it, or why no offline check can. `check` fails
when the model has a candidate the catalogue lacks (a new or reworded sentence) or the catalogue
names an id the model no longer has.
"""
import glob
import gzip
import hashlib
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "crates", "engine", "data", "ecs-constraints.json")

# The shapes of RegisterTaskDefinition and CreateService/UpdateService input the catalogue
# covers: those issue 16 names and the ones they hold.
SHAPES = [
    "RegisterTaskDefinitionRequest",
    "ContainerDefinition",
    "HealthCheck",
    "LogConfiguration",
    "FirelensConfiguration",
    "LinuxParameters",
    "KernelCapabilities",
    "Tmpfs",
    "Device",
    "PortMapping",
    "Secret",
    "EnvironmentFile",
    "ContainerDependency",
    "ContainerRestartPolicy",
    "MountPoint",
    "VolumeFrom",
    "HostEntry",
    "Ulimit",
    "ResourceRequirement",
    "RepositoryCredentials",
    "SystemControl",
    "Volume",
    "HostVolumeProperties",
    "DockerVolumeConfiguration",
    "EFSVolumeConfiguration",
    "EFSAuthorizationConfig",
    "FSxWindowsFileServerVolumeConfiguration",
    "FSxWindowsFileServerAuthorizationConfig",
    "EphemeralStorage",
    "RuntimePlatform",
    "ProxyConfiguration",
    "TaskDefinitionPlacementConstraint",
    "Tag",
    "CreateServiceRequest",
    "NetworkConfiguration",
    "AwsVpcConfiguration",
    "DeploymentConfiguration",
    "DeploymentCircuitBreaker",
    "DeploymentAlarms",
    "DeploymentController",
    "LoadBalancer",
    "ServiceRegistry",
    "CapacityProviderStrategyItem",
    "PlacementConstraint",
    "PlacementStrategy",
    "ServiceConnectConfiguration",
    "ServiceConnectService",
    "ServiceConnectClientAlias",
    "ServiceVolumeConfiguration",
    "ServiceManagedEBSVolumeConfiguration",
]

KEYWORDS = re.compile(
    r"\b(must|can't|cannot|can not|is required|are required|valid values?|between \d|"
    r"isn't supported|aren't supported|not supported|only supported|only support|supports only|"
    r"maximum|minimum|up to \d|at least|no more than|doesn't support|don't support|not allowed|are allowed|only one|"
    r"isn't valid|not valid|is invalid|aren't valid)\b",
    re.IGNORECASE,
)


def model_path():
    found = glob.glob(
        os.path.join(ROOT, "target", "referees", "venv", "lib", "python*", "site-packages",
                     "botocore", "data", "ecs", "2014-11-13", "service-2.json*"))
    if not found:
        sys.exit("no botocore model: run `bash scripts/referees.sh` first")
    return found[0]


def load_model():
    path = model_path()
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def botocore_version():
    for meta in glob.glob(os.path.join(ROOT, "target", "referees", "venv", "lib", "python*",
                                       "site-packages", "botocore-*.dist-info", "METADATA")):
        with open(meta, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    return "unknown"


def text_of(doc):
    doc = re.sub(r"<li>", " ", doc or "")
    doc = re.sub(r"</?(p|li|ul|ol|note|important|dt|dd|dl)[^>]*>", " . ", doc)
    doc = re.sub(r"<[^>]+>", "", doc)
    return re.sub(r"\s+", " ", html.unescape(doc)).strip()


def sentences(doc):
    text = text_of(doc)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"(`<])|\s\.\s", text)
    for p in parts:
        p = p.strip(" .")
        if len(p) > 12:
            yield p


def digest(sentence):
    return hashlib.sha1(re.sub(r"\s+", " ", sentence).encode("utf-8")).hexdigest()[:10]


def candidates(model):
    shapes = model["shapes"]
    out = []
    for shape in SHAPES:
        sh = shapes.get(shape)
        if sh is None:
            continue
        docs = [("", sh.get("documentation", ""))]
        docs += [(m, v.get("documentation", "")) for m, v in sh.get("members", {}).items()]
        for member, doc in docs:
            seen = set()
            for s in sentences(doc):
                if not KEYWORDS.search(s):
                    continue
                key = f"{shape}.{member}#{digest(s)}" if member else f"{shape}#{digest(s)}"
                if key in seen:
                    continue
                seen.add(key)
                out.append({"id": key, "shape": shape, "member": member, "sentence": s})
    return out


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "candidates"
    model = load_model()
    found = candidates(model)
    if cmd == "candidates":
        for c in found:
            print(json.dumps(c, ensure_ascii=False))
        return
    if cmd == "check":
        with open(CATALOGUE, encoding="utf-8") as f:
            cat = json.load(f)
        entries = cat["constraints"]
        listed = {e["id"] for e in entries if not e["id"].startswith("extra:")}
        ids = {c["id"] for c in found}
        missing = [c for c in found if c["id"] not in listed]
        stale = sorted(listed - ids)
        for c in missing:
            print(f"not in the catalogue: {c['id']}: {c['sentence']}")
        for i in stale:
            print(f"no longer in the model: {i}")
        if cat.get("botocore") != botocore_version():
            print(f"catalogue made from botocore {cat.get('botocore')}, venv has {botocore_version()}")
        kinds = {"rule": 0, "todo": 0, "offline": 0, "not_enforced": 0}
        for e in entries:
            found_kinds = [k for k in kinds if k in e]
            if len(found_kinds) != 1:
                print(f"{e['id']}: needs exactly one of rule, todo, offline, not_enforced")
                missing.append(e)
                continue
            kinds[found_kinds[0]] += 1
        codes = set()
        for path in glob.glob(os.path.join(ROOT, "crates", "engine", "src", "rules", "*", "*.rs")):
            with open(path, encoding="utf-8") as f:
                codes.update(re.findall(r'code: "([A-Z]+[0-9]+)"', f.read()))
        for e in entries:
            if "rule" in e and e["rule"] not in codes:
                print(f"{e['id']}: names the rule {e['rule']}, which does not exist")
                missing.append(e)
        counts = cat.get("counts", {})
        expect = {
            "entries": len(entries),
            "model_sentences": len(listed),
            "checked_by_a_rule": kinds["rule"],
            "checkable_no_rule_yet": kinds["todo"],
            "not_checkable_offline": kinds["offline"],
            "not_enforced": kinds["not_enforced"],
        }
        for k, v in expect.items():
            if counts.get(k) != v:
                print(f"counts.{k} is {counts.get(k)}, the entries say {v}")
                missing.append(k)
        if missing or stale:
            sys.exit(1)
        print(f"ok: {len(ids)} candidate sentences, all catalogued (botocore {botocore_version()}); "
              f"{kinds['rule']} constraints checked by a rule, {kinds['todo']} checkable with no rule "
              f"yet, {kinds['offline']} not checkable offline, {kinds['not_enforced']} not enforced")
        return
    sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
