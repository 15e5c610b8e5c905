#!/usr/bin/env python3
"""Generates crates/engine/data/cfn-ecs-names.json: how CloudFormation's property names of
AWS::ECS::TaskDefinition and AWS::ECS::Service map onto the ECS API's member names.

Sources: cfn-lint's resource schemas (the CloudFormation registry schemas it ships, us-east-1)
and botocore's ECS API model, both from the pinned referees' venv. Run it with that venv:

    "$(bash scripts/referees.sh)/python" scripts/gen_cfn_names.py          # rewrite the file
    "$(bash scripts/referees.sh)/python" scripts/gen_cfn_names.py --check  # fail if it differs

The schemas are walked side by side: each CloudFormation property is matched with the API member
of the same letters, ignoring case (`EFSVolumeConfiguration` = `efsVolumeConfiguration`,
`FilesystemId` = `fileSystemId`), or with the plural of its name. The engine maps by the same
rule (crates/engine/src/iac/mod.rs, `api_member`); this file lists
  "renamed": the properties whose API name differs from theirs by more than the first letter's
             case, with the API structure they belong to (a test in the engine checks that its
             rule finds each of them);
  "cloudformation_only": property paths with no API member (left out of the mapped tree rather
             than reported as unknown keys).
"""

import glob
import json
import os
import sys

import botocore
import cfnlint
from botocore.loaders import Loader

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "crates", "engine", "data", "cfn-ecs-names.json")
COMMAND = '"$(bash scripts/referees.sh)/python" scripts/gen_cfn_names.py'
RESOURCES = {
    "AWS::ECS::TaskDefinition": ["RegisterTaskDefinitionRequest"],
    # A service's properties: CreateService's, plus UpdateService's (as ecsplain's service root).
    "AWS::ECS::Service": ["CreateServiceRequest", "UpdateServiceRequest"],
}


# Properties whose API member has other letters altogether, from the CloudFormation reference
# (AWS::ECS::TaskDefinition ProxyConfiguration: "ProxyConfigurationProperties ... The set of
# network configuration parameters", the API's `properties`). Checked against both schemas below:
# an alias whose property or member is gone fails the generation.
ALIASES = {"ProxyConfigurationProperties": "properties"}


def compact(name):
    return "".join(c for c in name if c.isalnum()).lower()


def same_member(api, prop):
    """The same letters, or a plural of them (`PlacementStrategies`/`placementStrategy`), or an
    alias: how a CloudFormation property is matched with its API member here. The engine takes
    only the API's name with either first letter, or the renamed list this script writes."""
    a, p = compact(api), compact(prop)
    if ALIASES.get(prop) == api:
        return True
    return a == p or a == p + "s" or (p.endswith("ies") and a == p[:-3] + "y")


def cfn_schema(type_name):
    base = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas")
    with open(os.path.join(base, "providers", "us-east-1.json")) as f:
        index = json.load(f)
    with open(os.path.join(base, "resources", index[type_name] + ".json")) as f:
        return json.load(f)


def resolve(schema, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 16:
        ref = node["$ref"]
        node = schema
        for part in ref.lstrip("#/").split("/"):
            node = node.get(part, {})
        seen += 1
    return node


def cfn_properties(schema, node):
    """The properties of an object schema node (its own or an item's), after $refs."""
    node = resolve(schema, node)
    if node.get("type") == "array" or "items" in node:
        node = resolve(schema, node.get("items", {}))
    return node.get("properties", {})


def api_structure(shapes, shape_name):
    """The structure an API member's shape is, through lists."""
    shape = shapes.get(shape_name, {})
    for _ in range(4):
        if shape.get("type") == "list":
            shape_name = shape["member"]["shape"]
            shape = shapes.get(shape_name, {})
        else:
            break
    return (shape_name, shape) if shape.get("type") == "structure" else (None, None)


def walk(schema, cfn_node, shapes, api_shapes, path, out, depth=0):
    if depth > 12:
        return
    props = cfn_properties(schema, cfn_node)
    members = {}
    for shape_name in api_shapes:
        for name, member in shapes.get(shape_name, {}).get("members", {}).items():
            members.setdefault(name, (shape_name, member["shape"]))
    for prop in sorted(props):
        target = None
        for api in members:
            if same_member(api, prop):
                target = api
                break
        where = f"{path}/{prop}" if path else prop
        if target is None:
            out["cloudformation_only"].append(where)
            continue
        owner, member_shape = members[target]
        if target[:1].lower() + target[1:] != prop[:1].lower() + prop[1:]:
            out["renamed"].append({"cfn": prop, "api": target, "shape": owner})
        sub_name, sub = api_structure(shapes, member_shape)
        if sub is not None and cfn_properties(schema, props[prop]):
            walk(schema, props[prop], shapes, [sub_name], where, out, depth + 1)


def generate():
    model = Loader().load_service_model("ecs", "service-2")
    shapes = model["shapes"]
    resources = {}
    for type_name, api_shapes in RESOURCES.items():
        schema = cfn_schema(type_name)
        out = {"api_shapes": api_shapes, "renamed": [], "cloudformation_only": []}
        walk(schema, schema, shapes, api_shapes, "", out)
        # One entry per (cfn, api, shape).
        unique = {(r["cfn"], r["api"], r["shape"]): r for r in out["renamed"]}
        out["renamed"] = [unique[k] for k in sorted(unique)]
        out["cloudformation_only"] = sorted(set(out["cloudformation_only"]))
        read_only = [p.split("/")[-1] for p in schema.get("readOnlyProperties", [])]
        out["read_only"] = sorted(read_only)
        resources[type_name] = out
    used = {r["cfn"] for res in resources.values() for r in res["renamed"]}
    missing = sorted(set(ALIASES) - used)
    if missing:
        sys.exit(f"aliases no longer in the schemas: {missing}")
    return {
        "aliases": ALIASES,
        "what": "CloudFormation property names of the ECS task definition and service resources "
        "that differ from the ECS API's member names, and those with no API member. Generated: "
        "do not edit; see scripts/gen_cfn_names.py.",
        "generated_by": COMMAND,
        "cfn_lint": cfnlint.version.__version__,
        "botocore": botocore.__version__,
        "resources": resources,
    }


def main():
    text = json.dumps(generate(), indent=1, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        with open(TARGET) as f:
            if f.read() != text:
                print(f"{TARGET} is stale; run: {COMMAND}", file=sys.stderr)
                sys.exit(1)
        print("cfn-ecs-names.json is up to date")
        return
    with open(TARGET, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
