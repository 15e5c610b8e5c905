#!/usr/bin/env python3
"""Writes crates/engine/data/fargate-prices.json from crates/engine/data/fargate-prices.csv.

    python3 scripts/fargate_prices.py            # regenerate the JSON from the CSV
    python3 scripts/fargate_prices.py --check    # exit 1 when the JSON is not what the CSV gives
    python3 scripts/fargate_prices.py --offer us-east-1.json --offer ap-south-2.json ...
        # print CSV rows read from AWS Price List API offer files (service AmazonECS, one file per
        # region: https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonECS/current/<region>/index.json),
        # to paste into the CSV with source "price-list-offer" and the offer's publicationDate.

Nothing here downloads: the offer files are read from disk, and the build and tests read only the
committed JSON (crates/engine/src/sizing/cost.rs; a test there checks the JSON against the CSV).
Standard library only.
"""
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "crates/engine/data/fargate-prices.csv"
OUT = ROOT / "crates/engine/data/fargate-prices.json"

# Where each row's numbers were read (the CSV's `source` column).
SOURCES = {
    "aws-regions": "AWS, Amazon ECS Developer Guide, 'Supported Regions for Amazon ECS on AWS Fargate', Linux containers table: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate-Regions.html",
    "fgcalc": "theuves/fgcalc src/utils/data.js (commit 6e1547c, 2025-11-25; the rates were copied from the AWS Fargate pricing page on 2021-01-09): https://github.com/theuves/fgcalc/blob/6e1547cb32ede8af7159e1ce0a58a00ccfd31093/src/utils/data.js",
    "fgcalc-2026": "theuves/fgcalc src/utils/data.js, commit dac946d (its header: on-demand rates verified against the AWS Price List bulk API on 2026-09-29, AmazonECS offer of 2026-09-11): https://github.com/theuves/fgcalc/blob/dac946d62837b73542cbac2e6e29a9427ae9b2a5/src/utils/data.js",
    "vantage": "https://www.vantage.sh/blog/fargate-pricing (us-east-1 rates; the same x86 figures appear on cloudburn.io, wring.co and factualminds, 2026)",
    "clyr": "https://www.clyr.co.jp/posts/aws-fargate-pricing-breakdown-estimate-tips-3920 (article of 2025-09)",
    "price-list-use1": "AWS Price List API, AmazonECS us-east-1 offer (usage types USE1-Fargate-ARM-vCPU-Hours:perCPU and USE1-Fargate-ARM-GB-Hours, effective 2026-07-01), as quoted in a public repository",
    "price-list-use2": "AWS Price List API, AmazonECS us-east-2 (USE2-Fargate-ARM-*, USE2-Fargate-EphemeralStorage-GB-Hours), as quoted in a public repository",
    "price-list-apn1": "AWS Price List API, AmazonECS ap-northeast-1 offer, publicationDate 2026-07-07 (APN1-Fargate-ARM-vCPU-Hours, APN1-Fargate-ARM-GB-Hours), as quoted in a public repository",
    "price-list-apn2": "AWS Price List API, AmazonECS ap-northeast-2, 2026-08 publications (APN2-Fargate-ARM-vCPU-Hours, APN2-Fargate-ARM-GB-Hours), as quoted in a public repository",
    "price-list-aps1": "AWS Price List API, AmazonECS ap-southeast-1, queried 2026-08-21 (APS1-Fargate-ARM-vCPU-Hours, APS1-Fargate-ARM-GB-Hours), as quoted in a public repository",
    "price-list-euc1": "AWS Price List API, AmazonECS eu-central-1, 2026-07-07 (EUC1-Fargate-vCPU-Hours:perCPU, EUC1-Fargate-GB-Hours), as quoted in a public repository",
    "basecode-sa": "apoloferreira/basecode doc/custo02.md (sa-east-1 rates copied from https://aws.amazon.com/pt/fargate/pricing/)",
    "price-list-offer": "AWS Price List API offer file for AmazonECS (see the row's as_of for its publicationDate)",
}

NOTES = [
    "Rates are copies of the AWS price list, not read from AWS by this project: each rate names its source and the date it was read (and, when the source gives one, the date of the price). Check them on https://aws.amazon.com/fargate/pricing/ or the AWS Price List API (service AmazonECS) before relying on them; every rate can be overridden by the user.",
    "Most Linux x86 rates are fgcalc's 2026 copy, checked (its README says) against the AWS Price List bulk API in all 22 regions it lists; they equal its 2021 copy, read from the AWS pricing page on 2021-01-09.",
    "ap-northeast-1 (Tokyo): memory is $0.00553/GB-h in fgcalc's checked copy and in a Go test fixture shaped like the Price List API (APN1-Fargate-GB-Hours 0.0055300000), $0.005536 in clyr.co.jp; ephemeral storage stays approximate: $0.00014 (clyr.co.jp, used here) or $0.000133 (the fixture), within 5%. The ARM64 rates come from a quoted APN1 price-list offer (2026-07-07), which the fixture's APN1-Fargate-ARM-GB-Hours 0.0044200000 agrees with.",
    "A region AWS lists for Fargate but with no rate here is listed without prices: the page says so and asks for the rates. No public copy of the AWS price list was found for those regions (searched 2026-12-06: a public code index for their usage types, cost-tool packages on PyPI and npm). China regions are priced in CNY by AWS China and are never priced here.",
    "An archived 2018 copy of the official page (us-east-1 $0.0506/vCPU-h, $0.0127/GB-h) is obsolete and not used.",
    "Billing: per second, rounded up, from the start of the image pull until the task stops (AWS pricing page, checked 2026-12-06), with a one-minute minimum for Linux tasks (AWS pricing text \"A minimum charge of 1 minute applies\", not in the part of the page stored for checking; aws/containers-roadmap#189, asking to lower it, is still open, and #2636 (2025-06-30) calls it the current minimum). The Windows minimum was not checked.",
    "Fargate Spot has no fixed rate: the AWS pricing page says 'up to a 70% discount off the regular Fargate price' (checked 2026-12-06), as do the AWS CDK docs for Batch. It is modelled as a percentage off the Linux x86 rates that the user can edit (default below). Spot runs Linux tasks only (X86_64 on platform 1.3.0+, ARM64 on 1.4.0+, per the ECS API reference CapacityProviderStrategyItem, checked 2026-11-23).",
    "hours_per_month 730 is a convention (365 x 24 / 12), not an AWS rate.",
]


def read_rows():
    lines = [l for l in CSV.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return list(csv.DictReader(lines))


def num(text):
    return float(text) if text.strip() else None


def build(rows):
    regions = {}
    order = []
    used_sources = []
    dates = []
    for row in rows:
        src = row["source"]
        if src not in SOURCES:
            sys.exit(f"unknown source key {src!r} in {CSV.name}")
        if src not in used_sources:
            used_sources.append(src)
        dates.append(row["read"])
        code = row["region"]
        if row["kind"] == "region":
            if code in regions:
                continue
            order.append(code)
            # Absent fields are null (serde defaults): a region without rates is its name only.
            regions[code] = {"region": code, "name": row["name"]}
            continue
        if code not in regions:
            sys.exit(f"{code} has rates but no region row in {CSV.name}")
        r = regions[code]
        # Each rate cites its source by key (the texts are in "source_texts", once).
        cite = {"what": row["kind"], "source": src, "read": row["read"]}
        if row["as_of"]:
            cite["as_of"] = row["as_of"]
        r.setdefault("cited", []).append(cite)
        if row["kind"] == "ephemeral":
            r["ephemeral_gb_hour"] = num(row["gb_hour"])
        elif row["kind"] in ("linux_x86", "linux_arm64", "windows_x86"):
            rates = {"vcpu_hour": num(row["vcpu_hour"]), "gb_hour": num(row["gb_hour"])}
            if row["os_license"]:
                rates["os_license_vcpu_hour"] = num(row["os_license"])
            r[row["kind"]] = rates
        else:
            sys.exit(f"unknown kind {row['kind']!r}")
    return {
        "what": "AWS Fargate on-demand rates (USD) per region and platform: per vCPU-hour, per GB-hour of memory, and per GB-hour of ephemeral storage above the 20 GB included; every region where ECS runs Linux tasks on Fargate, with null rates where we hold none",
        "generated_by": "scripts/fargate_prices.py from crates/engine/data/fargate-prices.csv; do not edit by hand",
        "sources": [SOURCES[s] for s in used_sources],
        "source_texts": {s: SOURCES[s] for s in used_sources},
        "official_page": "https://aws.amazon.com/fargate/pricing/",
        "retrieved": max(dates),
        "notes": NOTES,
        "hours_per_month": 730,
        "included_ephemeral_gib": 20,
        "spot_default_discount_percent": 70,
        "regions": [regions[c] for c in order],
    }


def render(table):
    # One region per line: the file is part of the page's download.
    head = {k: v for k, v in table.items() if k != "regions"}
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in table["regions"])
    return f'{text},\n "regions": [\n{rows}\n ]\n}}\n'



def offer_rows(path):
    """CSV rows from one AmazonECS region offer file (Price List API, JSON)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    published = data.get("publicationDate", "")[:10]
    terms = data.get("terms", {}).get("OnDemand", {})
    found = {}
    region = ""
    for sku, product in data.get("products", {}).items():
        attrs = product.get("attributes", {})
        usage = attrs.get("usagetype", "")
        region = attrs.get("regionCode", region)
        price = None
        for term in terms.get(sku, {}).values():
            for dim in term.get("priceDimensions", {}).values():
                price = dim.get("pricePerUnit", {}).get("USD")
        if price is None:
            continue
        tail = usage.split("-", 1)[1] if "-" in usage else usage
        found[tail] = float(price)
    out = []
    def emit(kind, v, g, lic=""):
        if v is not None or g is not None:
            out.append([kind, region, "", "" if v is None else v, "" if g is None else g, lic, "price-list-offer", "", published])
    emit("linux_x86", found.get("Fargate-vCPU-Hours:perCPU"), found.get("Fargate-GB-Hours"))
    emit("linux_arm64", found.get("Fargate-ARM-vCPU-Hours:perCPU"), found.get("Fargate-ARM-GB-Hours"))
    emit("windows_x86", found.get("Fargate-Windows-vCPU-Hours:perCPU"), found.get("Fargate-Windows-GB-Hours"), found.get("Fargate-Windows-OS-Hours:perCPU", ""))
    emit("ephemeral", None, found.get("Fargate-EphemeralStorage-GB-Hours"))
    return out


def main(argv):
    if "--offer" in argv:
        w = csv.writer(sys.stdout)
        for i, a in enumerate(argv):
            if a == "--offer" and i + 1 < len(argv):
                w.writerows(offer_rows(argv[i + 1]))
        return 0
    text = render(build(read_rows()))
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is not what {CSV} gives: run python3 scripts/fargate_prices.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
