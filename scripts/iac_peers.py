#!/usr/bin/env python3
"""Issue 20: ecsplain against its peers on Terraform and CloudFormation, side by side.

Runs Checkov (its own pinned venv: scripts/checkov.sh) over the corpus's terraform/ and
cloudformation/ folders, cfn-lint (the referees' venv: scripts/referees.sh) over the
CloudFormation part, and ecsplain over both, and prints, for the ECS resources only:
  - each peer's findings per check, and how many of them ecsplain also reports on the same
    resource (by the table PEER_TO_ECSPLAIN below: which ecsplain codes say the same thing);
  - the peer findings ecsplain does not report, each with the reason from REASONS (or
    "UNEXPLAINED", which fails the run);
  - ecsplain's findings per code on the same files (what the peers do not check).

    python3 scripts/iac_peers.py --ecsplain target/debug/ecsplain \\
        --checkov "$(bash scripts/checkov.sh)/checkov" \\
        --cfn-lint "$(bash scripts/referees.sh)/cfn-lint" [CORPUS]

A finding is matched to a resource by file and line: the peer's line range (Checkov) or line
(cfn-lint) must fall inside the resource block, and ecsplain's finding must too.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

# Checkov's ECS checks (Terraform and CloudFormation ids) and the ecsplain codes that report the
# same problem. Checks about the ECS cluster (Container Insights, exec logging) are not about a
# task or a service and are left out of the comparison (CLUSTER_CHECKS).
PEER_TO_ECSPLAIN = {
    # Ensure ECS containers are limited to read-only access to root filesystems.
    "CKV_AWS_336": ["TD103"],
    # Ensure ECS containers should not run as privileged.
    "CKV_AWS_334": ["TD101"],
    # Ensure ECS services do not have public IP addresses assigned to them automatically.
    "CKV_AWS_333": ["SV021"],
    # Ensure ECS Fargate services run on the latest Fargate platform version.
    "CKV_AWS_332": ["SV041"],
    # Ensure Encryption in transit is enabled for EFS volumes in ECS Task definitions.
    "CKV_AWS_97": ["TD108"],
    # Ensure that the Execution Role ARN and the Task Role ARN are different.
    "CKV_AWS_249": ["TD109"],
    # Ensure ECS task definitions should not share the host's process namespace.
    "CKV_AWS_335": ["TD105"],
    # cfn-lint: a property the resource type does not have.
    "E3002": ["TD002", "SV002"],
}
CLUSTER_CHECKS = {"CKV_AWS_65", "CKV_AWS_223", "CKV_AWS_224"}

# Peer findings ecsplain does not report, by check id, with the reason (checked by hand on the
# corpus files the script lists).
REASONS = {
    "CKV_AWS_332": "the service sets no platform_version, which means LATEST: Checkov wants it "
    "written; ecsplain (SV041) reports only versions older than 1.4.0",
    "CKV_AWS_97": "the EFS volumes come from `dynamic` blocks over variables; Checkov evaluates "
    "variable defaults, ecsplain takes variables as unknown (a tfvars file may override them)",
    "CKV_AWS_336": "the container definitions come from a local built from other locals and "
    "functions; ecsplain reads literal locals only",
    "E1041": "a reference's format (an IAM role's Ref where an ARN goes): references are "
    "placeholders to ecsplain, which does not type them",
    "E3005": "CloudFormation conditions between resources: not a task or service setting",
    "W1001": "CloudFormation conditions between resources: not a task or service setting",
    "W3005": "a DependsOn that a Ref already implies: template style, not a task or service "
    "setting",
}

ECS_TYPES_TF = ("aws_ecs_task_definition", "aws_ecs_service")
ECS_TYPES_CFN = ("AWS::ECS::TaskDefinition", "AWS::ECS::Service")


def run_json(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    out = proc.stdout.strip()
    if not out:
        sys.exit(f"no output from {' '.join(cmd)}: {proc.stderr[-2000:]}")
    return json.loads(out)


def ecsplain_findings(binary, folder):
    data = run_json([binary, "lint", folder, "--format", "json", "--fail-on", "error"])
    findings = data["findings"] if isinstance(data, dict) else data
    return [(os.path.realpath(f["path"]), f["line"], f["code"]) for f in findings]


def resource_blocks(path):
    """(type, name, first line, last line) of each ECS resource of a .tf file or template."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    blocks = []
    if path.endswith(".tf"):
        starts = []
        for i, line in enumerate(lines, 1):
            m = re.match(r'\s*resource\s+"([^"]+)"\s+"([^"]+)"', line)
            if m:
                starts.append((m.group(1), m.group(2), i))
        for n, (ty, name, start) in enumerate(starts):
            end = starts[n + 1][2] - 1 if n + 1 < len(starts) else len(lines)
            if ty in ECS_TYPES_TF:
                blocks.append((ty, name, start, end))
        return blocks
    # CloudFormation: a logical id line, then its Type within a few lines.
    starts = []
    for i, line in enumerate(lines, 1):
        m = re.match(r'\s*"?([A-Za-z0-9]+)"?\s*:\s*(\{)?\s*$', line)
        if m:
            window = "\n".join(lines[i : i + 4])
            t = re.search(r'"?Type"?\s*:\s*"?(AWS::[A-Za-z0-9:]+)', window)
            if t:
                starts.append((t.group(1), m.group(1), i))
    for n, (ty, name, start) in enumerate(starts):
        end = starts[n + 1][2] - 1 if n + 1 < len(starts) else len(lines)
        if ty in ECS_TYPES_CFN:
            blocks.append((ty, name, start, end))
    return blocks


def block_of(blocks, path, line):
    for ty, name, start, end in blocks.get(path, []):
        if start <= line <= end:
            return (path, name)
    return None


def checkov_findings(binary, folder, framework):
    proc = subprocess.run(
        [binary, "-d", folder, "--framework", framework, "-o", "json", "--compact", "--quiet",
         "--skip-download", "--soft-fail"],
        capture_output=True, text=True,
    )
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"checkov gave no JSON: {proc.stderr[-2000:]}")
    reports = data if isinstance(data, list) else [data]
    out = []
    for report in reports:
        for c in report.get("results", {}).get("failed_checks", []):
            path = os.path.realpath(os.path.join(folder, c["file_path"].lstrip("/")))
            first = (c.get("file_line_range") or [0])[0]
            out.append((path, first, c["check_id"], c["check_name"], c.get("resource", "")))
    return out


def cfn_lint_findings(binary, folder):
    files = sorted(
        os.path.join(folder, f) for f in os.listdir(folder)
        if f.endswith((".yml", ".yaml", ".json"))
    )
    proc = subprocess.run([binary, "--format", "json", *files], capture_output=True, text=True)
    data = json.loads(proc.stdout or "[]")
    out = []
    for m in data:
        path = os.path.realpath(m["Filename"])
        line = m["Location"]["Start"]["LineNumber"]
        out.append((path, line, m["Rule"]["Id"], m["Message"][:120], ""))
    return out


def compare(name, peer, ours, blocks):
    """Prints the side-by-side table of one peer; returns the unexplained findings."""
    ours_by_block = collections.defaultdict(set)
    for path, line, code in ours:
        b = block_of(blocks, path, line)
        if b:
            ours_by_block[b].add(code)
    per_check = collections.OrderedDict()
    unexplained = []
    for path, line, check, title, _resource in peer:
        b = block_of(blocks, path, line)
        if b is None or check in CLUSTER_CHECKS:
            continue
        row = per_check.setdefault(check, {"title": title, "n": 0, "also": 0, "missed": []})
        row["n"] += 1
        wanted = PEER_TO_ECSPLAIN.get(check, [])
        if wanted and ours_by_block[b] & set(wanted):
            row["also"] += 1
        else:
            row["missed"].append(f"{os.path.basename(path)}:{line}")
    total = sum(r["n"] for r in per_check.values())
    also = sum(r["also"] for r in per_check.values())
    print(f"\n{name}: {total} findings on ECS task/service resources, {also} also by ecsplain")
    for check, row in sorted(per_check.items()):
        print(f"  {check:<14} {row['n']:>4} {row['also']:>4}  {row['title'][:80]}")
        if row["missed"]:
            reason = REASONS.get(check)
            if reason is None:
                unexplained.append((name, check, row["missed"]))
                reason = "UNEXPLAINED"
            print(f"      not by ecsplain ({len(row['missed'])}): {reason}")
            print(f"        {', '.join(row['missed'][:6])}")
    return unexplained


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ecsplain", required=True)
    parser.add_argument("--checkov", required=True)
    parser.add_argument("--cfn-lint", dest="cfn_lint", required=True)
    parser.add_argument("corpus", nargs="?", default=os.environ.get(
        "ECSPLAIN_CORPUS", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")))
    args = parser.parse_args()
    tf = os.path.realpath(os.path.join(args.corpus, "terraform"))
    cfn = os.path.realpath(os.path.join(args.corpus, "cloudformation"))
    blocks = {}
    for folder in (tf, cfn):
        for f in os.listdir(folder):
            path = os.path.realpath(os.path.join(folder, f))
            if f.endswith((".tf", ".yml", ".yaml", ".json")):
                found = resource_blocks(path)
                if found:
                    blocks[path] = found
    n_tf = sum(1 for b in blocks.values() for x in b if x[0] in ECS_TYPES_TF)
    n_cfn = sum(1 for b in blocks.values() for x in b if x[0] in ECS_TYPES_CFN)
    print(f"ECS resources: {n_tf} in Terraform, {n_cfn} in CloudFormation")

    ours = ecsplain_findings(args.ecsplain, tf) + ecsplain_findings(args.ecsplain, cfn)
    ours_ecs = [o for o in ours if block_of(blocks, o[0], o[1])]
    counts = collections.Counter(code for _, _, code in ours_ecs)
    print(f"\necsplain: {len(ours_ecs)} findings on ECS task/service resources")
    print("  " + ", ".join(f"{c} x{n}" for c, n in sorted(counts.items())))

    unexplained = []
    unexplained += compare(
        "Checkov (terraform)", checkov_findings(args.checkov, tf, "terraform"), ours, blocks)
    unexplained += compare(
        "Checkov (cloudformation)", checkov_findings(args.checkov, cfn, "cloudformation"),
        ours, blocks)
    unexplained += compare("cfn-lint", cfn_lint_findings(args.cfn_lint, cfn), ours, blocks)
    if unexplained:
        print(f"\n{len(unexplained)} peer check(s) with findings ecsplain does not report and "
              "no reason in REASONS")
        sys.exit(1)


if __name__ == "__main__":
    main()
