#!/usr/bin/env python3
"""Generates crates/engine/data/ecs-go-shapes.json: the Go types ecspresso decodes definitions
into, as the AWS SDK for Go v2 generates them from the ECS API model, for `ecsplain render`.

ecspresso reads a task definition into `ecs.RegisterTaskDefinitionInput` and a service
definition into `types.Service` (plus its own `ServiceConnectConfiguration`,
`VolumeConfigurations` and `DesiredCount`), and prints them back with `encoding/json`
(`MarshalJSONForAPI`). What it prints depends on each member's Go type: a pointer, slice or map
left unset prints nothing, while a plain value prints its zero (`"cpu": 0`, `"ipcMode": ""`,
`"enableExecuteCommand": false`). The SDK makes a member a plain value when its shape is an
enum or one of the model's non-boxed primitives (`Integer`, `Long`, `Boolean`, `Double`; the
`Boxed...` shapes and named ones such as `PortNumber` are pointers).

Run it with the referees' venv (the pinned botocore of tools/referees/requirements.txt):

    "$(bash scripts/referees.sh)/python" scripts/gen_go_shapes.py          # rewrite the file
    "$(bash scripts/referees.sh)/python" scripts/gen_go_shapes.py --check  # fail if it differs

Format (read by crates/engine/src/ecspresso/render.rs): "roots" names the shape of each
definition kind, "extra" the members ecspresso adds to one; "shapes" maps a structure to its
members, each a type reference:
  "s" *string, "i" *int32/*int64, "d" *float64, "b" *bool, "t" *time.Time, "j" a document,
  "I" int32/int64 value (zero 0), "D" float64 value (zero 0), "B" bool value (zero false),
  "E" an enum value (zero ""), "m" a map of string to string, "<ref>[]" a slice,
  or the name of a structure in "shapes" (a pointer).
"""

import json
import os
import sys

import botocore
from botocore.loaders import Loader

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "crates", "engine", "data", "ecs-go-shapes.json")
COMMAND = '"$(bash scripts/referees.sh)/python" scripts/gen_go_shapes.py'
VALUES = {"Integer": "I", "Long": "I", "Boolean": "B", "Double": "D"}
POINTERS = {"string": "s", "integer": "i", "long": "i", "double": "d", "float": "d",
            "boolean": "b", "timestamp": "t"}


def generate():
    model = Loader().load_service_model("ecs", "service-2")
    shapes = model["shapes"]
    out = {}

    def ref(name):
        s = shapes[name]
        t = s["type"]
        if s.get("document"):
            return "j"
        if name in VALUES:
            return VALUES[name]
        if t == "string" and s.get("enum"):
            return "E"
        if t in POINTERS:
            return POINTERS[t]
        if t == "map":
            k, v = ref(s["key"]["shape"]), ref(s["value"]["shape"])
            if (k, v) not in (("s", "s"), ("E", "s"), ("s", "E")):
                raise SystemExit(f"map shape {name} is not string to string: extend the format")
            return "m"
        if t == "list":
            return ref(s["member"]["shape"]) + "[]"
        if t == "structure":
            if name not in out:
                out[name] = None
                out[name] = {m: ref(target["shape"]) for m, target in s["members"].items()}
            return name
        raise SystemExit(f"shape {name} of type {t}: extend the format")

    roots = {"TaskDefinition": ref("RegisterTaskDefinitionRequest"), "Service": ref("Service")}
    extra = {"Service": {
        "serviceConnectConfiguration": ref("ServiceConnectConfiguration"),
        "volumeConfigurations": ref("ServiceVolumeConfigurations"),
        "desiredCount": "i",
    }}
    meta = model["metadata"]
    head = {
        "what": "The Go types (AWS SDK for Go v2) ecspresso decodes task and service definitions "
                "into, from the ECS API model. Generated: do not edit; the format is in "
                "scripts/gen_go_shapes.py.",
        "generated_by": COMMAND,
        "botocore": botocore.__version__,
        "model": f"botocore/data/ecs/{meta['apiVersion']}/service-2.json "
                 f"(uid {meta['uid']}, apiVersion {meta['apiVersion']})",
        "roots": roots,
        "extra": extra,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{json.dumps(key)}:{json.dumps(value, separators=(',', ':'))},")
    lines.append('"shapes":{')
    body = [f"{json.dumps(name)}:{json.dumps(out[name], separators=(',', ':'))}"
            for name in sorted(out)]
    lines.append(",\n".join(body))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main():
    text = generate()
    if "--check" in sys.argv:
        current = open(TARGET, encoding="utf-8").read() if os.path.exists(TARGET) else ""
        if current != text:
            sys.stderr.write(
                "crates/engine/data/ecs-go-shapes.json differs from what the pinned botocore "
                f"{botocore.__version__} model gives; run {COMMAND} and commit the result\n")
            sys.exit(1)
        print(f"ecs-go-shapes.json matches botocore {botocore.__version__}")
        return
    with open(TARGET, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(TARGET)} from botocore {botocore.__version__}")


if __name__ == "__main__":
    main()
