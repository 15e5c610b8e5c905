#!/usr/bin/env python3
"""What the page's first-view wasm is made of, by crate and engine module (issue 23, item 6).

Reads `twiggy top -n 100000 --format csv` of a wasm that kept its name section and prints a
Markdown table of code bytes per group. The recipe (README, "Download"), after `trunk build
--release` (or `cargo build --target wasm32-unknown-unknown --profile wasm-release --bin
ecsplain-web`; cargo's output keeps the name section, Trunk's wasm-opt drops it):

    wasm-bindgen --target web --keep-debug --out-dir target/twiggy \
        target/wasm32-unknown-unknown/wasm-release/ecsplain-web.wasm
    tools/node_modules/.bin/wasm-opt -Oz -g target/twiggy/ecsplain-web_bg.wasm -o target/twiggy/named.wasm
    twiggy top -n 100000 --format csv target/twiggy/named.wasm > target/twiggy/top.csv
    python3 scripts/twiggy_table.py target/twiggy/top.csv

`-g` keeps the names through wasm-opt; the code is otherwise what the page ships (the same
`-Oz`, without `--converge`: within 1 KB). A function is counted where its name says it lives, so
code the optimiser inlined is counted with its caller: the page's components are inlined into
Yew's `CompStateInner::view`, and the rules' closures into iterator adapters (`std: other`).
"""
import collections
import csv
import re
import sys

PAGE = re.compile(
    r"^<?(yew|ecsplain_web|wasm_bindgen|js_sys|web_sys|gloo|implicit_clone|indexmap|slab|"
    r"prokio|futures|pinned|tracing)"
)
DEPS = re.compile(r"^<?(saphyr_parser|serde_json|serde_core|serde|zmij|itoa|miniz_oxide|hashbrown|dlmalloc)\b")
NOT_CODE = ("data segment", "custom section", "data[", "import ", "elem[", "table[", "export ", "type[", '"')


def group(name: str) -> str | None:
    if name.startswith(NOT_CODE):
        return None
    if PAGE.match(name) or "CompStateInner" in name or "wasm_bindgen" in name[:80]:
        return "page: Yew, wasm-bindgen and `src/` (components inlined into Yew)"
    bare = name.lstrip("<")
    if bare.startswith("ecsplain_engine::"):
        parts = bare.split("::")
        if parts[1] == "rules" and len(parts) > 2:
            return f"engine `rules::{parts[2]}`"
        return f"engine `{parts[1]}`"
    dep = DEPS.match(name)
    if dep:
        crate = dep.group(1)
        if crate in ("serde_json", "serde_core", "serde", "zmij", "itoa"):
            return "serde_json (with serde_core, zmij, itoa)"
        return crate
    if "slice::sort" in name:
        return "std: slice sorts (one copy per element type)"
    if "collections::btree" in name:
        return "std: BTreeMap/BTreeSet (one copy per key/value type)"
    if "drop_in_place" in name:
        return "std: drop glue"
    if re.search(r"fmt|flt2dec|dec2flt|f64 as", name):
        return "std: formatting, float parsing and printing"
    return "std: other (iterators, strings, Vec, Rc, closures)"


def main() -> None:
    sizes: collections.Counter[str] = collections.Counter()
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            key = group(row["Name"])
            if key:
                sizes[key] += int(row["ShallowSize"])
    total = sum(sizes.values())
    engine = sum(v for k, v in sizes.items() if k.startswith("engine"))
    small = sum(v for k, v in sizes.items() if k.startswith("engine") and v < 4000)
    print("| code of | bytes | share |")
    print("|---|---:|---:|")
    for key, value in sizes.most_common():
        if key.startswith("engine") and value < 4000:
            continue
        print(f"| {key} | {value:,} | {100 * value / total:.1f}% |")
    print(f"| engine: the other modules, each under 4 KB | {small:,} | {100 * small / total:.1f}% |")
    print(f"| **all code** (of which the engine {engine:,}, {100 * engine / total:.0f}%) | **{total:,}** | |")


if __name__ == "__main__":
    main()
