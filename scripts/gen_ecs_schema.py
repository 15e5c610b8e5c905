#!/usr/bin/env python3
"""Generates crates/engine/data/ecs-schema.json from botocore's ECS API model.

The model is the one botocore ships (botocore/data/ecs/2014-11-13/service-2.json), read through
botocore's own loader, so the data follows the pinned botocore of tools/referees/requirements.txt.
Run it with the referees' venv:

    "$(bash scripts/referees.sh)/python" scripts/gen_ecs_schema.py          # rewrite the file
    "$(bash scripts/referees.sh)/python" scripts/gen_ecs_schema.py --check  # fail if it differs

What is kept: every shape reachable from the inputs of RegisterTaskDefinition, CreateService and
UpdateService, with each member's type, enum values, required members, min/max (a number's range,
a string's length, a list's item count) and the union flag (not the two tag patterns, which no
rule checks); plus the output-only keys of
DescribeTaskDefinition's TaskDefinition and DescribeServices' Service (members of the output shape
that the inputs do not take). Documentation text is left out: the page ships this file.

Compact form (read by crates/engine/src/ecs_schema.rs). A type reference is a string:
  "s" string, "i" integer, "d" double, "b" boolean, "m" map of string to string,
  "j" any JSON (a document), "<ref>[]" a list of <ref> with no bounds,
  or the name of a shape in "shapes".
A shape is one of
  {"m": {member: ref, ...}, "r": [required...], "u": 1}   a structure ("u": a union)
  {"e": [values...]}                                       a string with a fixed set of values
  {"t": "s"|"i", "min": n, "max": n}                       a bounded string (length) or integer
  {"l": ref, "min": n, "max": n}                           a bounded list (item count)
"""

import json
import os
import sys

import botocore
from botocore.loaders import Loader

OPERATIONS = ["RegisterTaskDefinition", "CreateService", "UpdateService"]
OUTPUTS = {"TaskDefinition": "RegisterTaskDefinitionRequest", "Service": None}
HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "crates", "engine", "data", "ecs-schema.json")
COMMAND = '"$(bash scripts/referees.sh)/python" scripts/gen_ecs_schema.py'

PRIMITIVE = {"string": "s", "integer": "i", "long": "i", "double": "d", "float": "d",
             "boolean": "b"}


def generate():
    model = Loader().load_service_model("ecs", "service-2")
    shapes = model["shapes"]
    out = {}
    order = []

    def ref(name):
        """The reference for shape `name`, defining it in `out` when it needs a definition."""
        s = shapes[name]
        t = s["type"]
        bounded = "min" in s or "max" in s
        if s.get("document"):
            return "j"
        if t in PRIMITIVE and not s.get("enum") and not bounded:
            return PRIMITIVE[t]
        if t == "map":
            k, v = ref(s["key"]["shape"]), ref(s["value"]["shape"])
            if (k, v) != ("s", "s") or bounded:
                raise SystemExit(f"map shape {name} is not string to string: extend the format")
            return "m"
        if t == "list" and not bounded:
            return ref(s["member"]["shape"]) + "[]"
        if name in out:
            return name
        out[name] = None  # reserve (recursive shapes)
        order.append(name)
        if t == "structure":
            d = {"m": {}}
            for member, target in s.get("members", {}).items():
                d["m"][member] = ref(target["shape"])
            if s.get("required"):
                d["r"] = list(s["required"])
            if s.get("union"):
                d["u"] = 1
        elif t == "string" and s.get("enum"):
            if bounded:
                raise SystemExit(f"bounded enum {name}: extend the format")
            d = {"e": list(s["enum"])}
        elif t in PRIMITIVE:
            d = {"t": PRIMITIVE[t]}
        elif t == "list":
            d = {"l": ref(s["member"]["shape"])}
        else:
            raise SystemExit(f"shape {name} of type {t}: extend the format")
        for bound in ("min", "max"):
            if bound in s:
                d[bound] = s[bound]
        out[name] = d
        return name

    roots = {}
    for op in OPERATIONS:
        roots[op] = ref(model["operations"][op]["input"]["shape"])
    inputs = {
        "TaskDefinition": set(shapes["RegisterTaskDefinitionRequest"]["members"]),
        "Service": set(shapes["CreateServiceRequest"]["members"])
        | set(shapes["UpdateServiceRequest"]["members"]),
    }
    output_only = {
        shape: [m for m in shapes[shape]["members"] if m not in inputs[shape]]
        for shape in ("TaskDefinition", "Service")
    }
    meta = model["metadata"]
    head = {
        "what": "ECS API model shapes of the RegisterTaskDefinition, CreateService and "
                "UpdateService inputs, and output-only members. Generated: do not edit; the "
                "format is in scripts/gen_ecs_schema.py.",
        "generated_by": COMMAND,
        "botocore": botocore.__version__,
        "model": f"botocore/data/ecs/{meta['apiVersion']}/service-2.json "
                 f"(uid {meta['uid']}, apiVersion {meta['apiVersion']})",
        "operations": roots,
        "output_only": output_only,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{json.dumps(key)}:{json.dumps(value, separators=(',', ':'))},")
    lines.append('"shapes":{')
    body = [f"{json.dumps(name)}:{json.dumps(out[name], separators=(',', ':'))}"
            for name in sorted(order)]
    lines.append(",\n".join(body))
    lines.append("}}")
    return "\n".join(lines) + "\n", out


def main():
    text, shapes = generate()
    if "--check" in sys.argv:
        current = open(TARGET, encoding="utf-8").read() if os.path.exists(TARGET) else ""
        if current != text:
            sys.stderr.write(
                "crates/engine/data/ecs-schema.json differs from what the pinned botocore "
                f"{botocore.__version__} model gives; run {COMMAND} and commit the result\n")
            sys.exit(1)
        print(f"ecs-schema.json matches botocore {botocore.__version__}")
        return
    with open(TARGET, "w", encoding="utf-8") as f:
        f.write(text)
    structs = [s for s in shapes.values() if "m" in s]
    print(f"wrote {os.path.relpath(TARGET)}: {len(text)} bytes, {len(shapes)} shapes "
          f"({len(structs)} structures, {sum(len(s['m']) for s in structs)} members, "
          f"{sum(1 for s in shapes.values() if 'e' in s)} enums, "
          f"{sum(len(s.get('r', [])) for s in structs)} required members, "
          f"{sum(1 for s in shapes.values() if 'min' in s or 'max' in s)} bounded shapes)")


if __name__ == "__main__":
    main()
