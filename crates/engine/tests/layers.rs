//! The engine's layers (ARCHITECTURE.md, "Layers"): every `.rs` file of `src/` belongs to one
//! layer, and may refer (`use crate::…`, a `crate::…` path, `$crate::…` in a macro) only to its
//! own layer and the layers below it. Inside one layer, its modules form no cycle. Code inside
//! the engine uses the layered paths (`crate::syntax::json`), never the front ends' paths that
//! `lib.rs` re-exports (`crate::json`).
//!
//! Comments and string literals are not references. `#[cfg(test)]` modules are checked like
//! any other code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, lowest first, and the top-level modules of each.
const LAYERS: &[(&str, &[&str])] = &[
    ("input", &["input"]),
    ("syntax", &["syntax", "share"]),
    ("models", &["models", "sizing"]),
    ("rules", &["rules"]),
    ("lint", &["lint"]),
    ("report", &["report"]),
    ("project", &["learn", "workspace"]),
];

/// Top-level modules whose children are the units of the cycle check (the others are one unit).
const LAYER_MODULES: &[&str] = &["input", "syntax", "models", "rules", "lint", "report"];

/// Items of the crate root that any layer may name: the version and `#[macro_export]` macros.
const ROOT_ITEMS: &[&str] = &["VERSION"];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// A file's module path (`src/models/ecspresso/render.rs` → `["models", "ecspresso", "render"]`).
fn module_path(rel: &str) -> Vec<String> {
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The unit of the cycle check a module path belongs to.
fn unit_of(path: &[String], units: &BTreeSet<String>) -> Option<String> {
    let top = path.first()?;
    if LAYER_MODULES.contains(&top.as_str()) {
        if let Some(child) = path.get(1) {
            let unit = format!("{top}::{child}");
            if units.contains(&unit) {
                return Some(unit);
            }
        }
    }
    Some(top.clone())
}

/// The text with comments and the contents of string and char literals blanked out (newlines
/// kept, so byte offsets and line numbers stay those of the source).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                let mut j = i;
                while j < b.len() {
                    if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            b'r' if (i == 0 || !is_ident(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let start = i + 2 + hashes;
                let end = text[start..].find(&close).map_or(b.len(), |n| start + n);
                blank(&mut out, start, end);
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i + 1, j);
                i = j + 1;
            }
            b'\'' => {
                // A char literal ('a', '\n', '"'), not a lifetime ('a).
                let len = if b.get(i + 1) == Some(&b'\\') {
                    text[i + 2..].find('\'').map(|n| n + 2)
                } else {
                    text[i + 1..]
                        .chars()
                        .next()
                        .map(char::len_utf8)
                        .filter(|n| b.get(i + 1 + n) == Some(&b'\''))
                };
                match len {
                    Some(n) => {
                        blank(&mut out, i + 1, i + 1 + n);
                        i += n + 2;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every path named after `crate::` (or `$crate::`), with its byte offset: `use crate::{a::b,
/// c}` gives `a::b` and `c`; a macro (`crate::declare_rule!`) is left out.
fn crate_paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(n) = code[from..].find("crate::") {
        let at = from + n;
        from = at + 7;
        if at > 0 && is_ident(b[at - 1]) {
            continue;
        }
        paths_at(code, from, Vec::new(), at, &mut out);
    }
    out
}

/// Reads a path (or a `{…}` group of paths) at `i`, under `prefix`.
fn paths_at(
    code: &str,
    mut i: usize,
    prefix: Vec<String>,
    at: usize,
    out: &mut Vec<(usize, Vec<String>)>,
) {
    let b = code.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    i = skip_ws(i);
    if b.get(i) == Some(&b'{') {
        // A group: items split at top-level commas.
        let mut depth = 0;
        let mut start = i + 1;
        let mut j = i;
        while j < b.len() {
            match b[j] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        paths_at(&code[..j], start, prefix.clone(), skip_ws(start), out);
                        break;
                    }
                }
                b',' if depth == 1 => {
                    paths_at(&code[..j], start, prefix.clone(), skip_ws(start), out);
                    start = j + 1;
                }
                _ => {}
            }
            j += 1;
        }
        return;
    }
    let mut path = prefix;
    loop {
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if start == i {
            break;
        }
        if b.get(i) == Some(&b'!') {
            return; // a macro
        }
        path.push(code[start..i].to_string());
        if code[i..].starts_with("::") {
            i += 2;
            if b.get(skip_ws(i)) == Some(&b'{') {
                paths_at(code, i, path, at, out);
                return;
            }
        } else {
            break;
        }
    }
    if !path.is_empty() && path[0] != "self" {
        out.push((at, path));
    }
}

/// The layer rule's violations among `files` (paths relative to `src/`, and texts).
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let units: BTreeSet<String> = files
        .iter()
        .filter_map(|(rel, _)| {
            let path = module_path(rel);
            match path.as_slice() {
                [top, child, ..] if LAYER_MODULES.contains(&top.as_str()) => {
                    Some(format!("{top}::{child}"))
                }
                [top, ..] => Some(top.clone()),
                [] => None,
            }
        })
        .collect();
    // Edges between units of one layer, each with the first place that makes it.
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (rel, text) in files {
        let path = module_path(rel);
        let Some(top) = path.first() else {
            continue; // lib.rs: the front ends' paths, no layer
        };
        let Some(own) = layer_of(top) else {
            problems.push(format!(
                "{rel}: module `{top}` has no layer: add it to LAYERS (and ARCHITECTURE.md)"
            ));
            continue;
        };
        let from = unit_of(&path, &units).unwrap_or_default();
        let code = code_only(text);
        for (at, target) in crate_paths(&code) {
            let line = code[..at].matches('\n').count() + 1;
            let head = target[0].as_str();
            let Some(layer) = layer_of(head) else {
                if !ROOT_ITEMS.contains(&head) {
                    problems.push(format!(
                        "{rel}:{line}: `crate::{}` is a path lib.rs keeps for the front ends; use the layered path",
                        target.join("::")
                    ));
                }
                continue;
            };
            if layer > own {
                problems.push(format!(
                    "{rel}:{line}: layer `{}` refers to `crate::{}` of the higher layer `{}`",
                    LAYERS[own].0,
                    target.join("::"),
                    LAYERS[layer].0
                ));
            } else if layer == own {
                let to = unit_of(&target, &units).unwrap_or_default();
                if to != from {
                    edges
                        .entry(from.clone())
                        .or_default()
                        .entry(to)
                        .or_insert_with(|| format!("{rel}:{line}"));
                }
            }
        }
    }
    for cycle in cycles(&edges) {
        let mut steps = Vec::new();
        for pair in cycle.windows(2) {
            steps.push(format!(
                "{} -> {} ({})",
                pair[0], pair[1], edges[&pair[0]][&pair[1]]
            ));
        }
        problems.push(format!("cycle inside a layer: {}", steps.join(", ")));
    }
    problems
}

/// One cycle per strongly connected component with more than one unit (closed: the first unit
/// repeated at the end).
fn cycles(edges: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut done: BTreeSet<String> = BTreeSet::new();
    for start in edges.keys() {
        if done.contains(start) {
            continue;
        }
        // The shortest way back to `start`, breadth first.
        let mut previous: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        let mut closed = None;
        while let Some(unit) = queue.pop_front() {
            for next in edges.get(&unit).into_iter().flat_map(|m| m.keys()) {
                if next == start {
                    closed = Some(unit.clone());
                    break;
                }
                if !previous.contains_key(next) {
                    previous.insert(next.clone(), unit.clone());
                    queue.push_back(next.clone());
                }
            }
            if closed.is_some() {
                break;
            }
        }
        if let Some(last) = closed {
            let mut cycle = vec![start.clone()];
            let mut unit = last;
            let mut back = vec![];
            while &unit != start {
                back.push(unit.clone());
                unit = previous[&unit].clone();
            }
            back.reverse();
            cycle.extend(back);
            cycle.push(start.clone());
            done.extend(cycle.iter().cloned());
            found.push(cycle);
        }
    }
    found
}

fn engine_files() -> std::io::Result<Vec<(String, String)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap_or(&path);
                let rel = rel.to_string_lossy().replace('\\', "/");
                files.push((rel, std::fs::read_to_string(&path)?));
            }
        }
    }
    files.sort();
    Ok(files)
}

#[test]
fn no_layer_refers_to_a_higher_one_and_no_layer_has_a_cycle() {
    let files = engine_files().unwrap();
    assert!(files.len() > 300, "only {} files found", files.len());
    // Every top-level module of the crate has a layer (lib.rs declares them).
    let lib = &files.iter().find(|(rel, _)| rel == "lib.rs").unwrap().1;
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            assert!(
                layer_of(name).is_some(),
                "lib.rs: `{name}` has no layer in LAYERS"
            );
        }
    }
    let problems = violations(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn sample(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

#[test]
fn the_check_catches_a_planted_upward_reference() {
    let files = sample(&[
        ("syntax/mod.rs", "pub mod json;\n"),
        (
            "syntax/json.rs",
            "use crate::input::span::Span;\n\nfn f() {\n    crate::lint::lint(&[]);\n}\n",
        ),
        ("lint/mod.rs", "pub fn lint() {}\n"),
    ]);
    let found = violations(&files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("syntax/json.rs:4:"), "{found:?}");
    assert!(found[0].contains("crate::lint::lint"), "{found:?}");
}

#[test]
fn the_check_reads_groups_and_skips_comments_strings_and_macros() {
    let files = sample(&[
        (
            "models/taskdef.rs",
            "use crate::{input::span::Span, syntax::{json, value::Node}};\n\
             use crate::{\n    rules::check::Sink,\n};\n\
             // crate::lint::lint in a comment\n\
             /* crate::report in a block */\n\
             const S: &str = \"crate::lint::lint\";\n\
             const R: &str = r#\"crate::lint\"#;\n\
             const C: char = '\"';\n\
             fn g<'a>(x: &'a str) { crate::declare_rule!(); crate::VERSION; }\n",
        ),
        ("rules/check.rs", ""),
    ]);
    let found = violations(&files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("models/taskdef.rs:3:"), "{found:?}");
    assert!(found[0].contains("crate::rules::check::Sink"), "{found:?}");
}

#[test]
fn the_check_catches_a_cycle_inside_a_layer_and_a_front_end_path() {
    let files = sample(&[
        ("models/a.rs", "use crate::models::b::B;\npub struct A;\n"),
        (
            "models/b.rs",
            "pub struct B;\n\n\nfn f(_: crate::models::a::A) {}\n",
        ),
        ("models/c.rs", "use crate::models::a::A;\n"),
        ("rules/x.rs", "use crate::json::parse;\n"),
        ("nowhere.rs", ""),
    ]);
    let found = violations(&files);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found
        .iter()
        .any(|p| p.starts_with("nowhere.rs: module `nowhere` has no layer")));
    assert!(found
        .iter()
        .any(|p| p.starts_with("rules/x.rs:1: `crate::json::parse` is a path lib.rs keeps")));
    assert!(
        found.iter().any(|p| p
            == "cycle inside a layer: models::a -> models::b (models/a.rs:1), models::b -> models::a (models/b.rs:4)"),
        "{found:?}"
    );
}
