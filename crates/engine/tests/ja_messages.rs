//! The findings' Japanese message templates are complete and faithful (issue 21,
//! docs/ja/messages-design.md).
//!
//! A rule is migrated when its file declares its templates with `crate::messages!` (one
//! `NAME = "text";` per line). Then every template has a Japanese line in `<stem>.ja.msg` with
//! the same multiset of `{placeholders}`, no Japanese line names a template that does not
//! exist, and the rule's file reports, helps and fixes only through keyed templates. Rules not
//! migrated yet are listed in `src/rules/ja-msg-pending.txt`, which must name exactly the rules
//! without a `messages!` block. `ECSPLAIN_BLESS=1` rewrites it (then read the diff).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ecsplain_engine::input::msg::placeholders;
use ecsplain_engine::registry;
use ecsplain_engine::rule::ja_messages;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The source file of a rule (its `source_file` is relative to the workspace).
fn source(rule: &ecsplain_engine::Rule) -> PathBuf {
    let name = Path::new(rule.source_file);
    let group = name
        .parent()
        .and_then(|p| p.file_name())
        .unwrap_or_default();
    manifest()
        .join("src/rules")
        .join(group)
        .join(name.file_name().unwrap_or_default())
}

/// The `messages!` block of a rule's file: `NAME -> English` (or the first line that is not
/// `NAME = "text";`), or `None` when it has none.
fn english(text: &str) -> Option<Result<BTreeMap<String, String>, String>> {
    let start = text.find("crate::messages! {")?;
    Some(block(&text[start..]))
}

/// The templates of the `messages!` block `body` starts with (it ends at the first line that is
/// only `}`, so a block inside a module reads the same).
fn block(body: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for line in body.lines().skip(2) {
        let line = line.trim();
        if line == "}" {
            break;
        }
        let Some((name, en)) = line
            .split_once(" = \"")
            .and_then(|(name, rest)| Some((name, rest.strip_suffix("\";")?)))
        else {
            return Err(format!("a template per line, `NAME = \"text\";`: {line}"));
        };
        out.insert(
            name.to_string(),
            en.replace("\\\"", "\"").replace("\\\\", "\\"),
        );
    }
    Ok(out)
}

/// Every `.rs` file under `dir`, with its text (what cannot be read goes to `errors`).
fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(format!("{}: {e}", dir.display())),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out, errors);
        } else if path.extension().is_some_and(|e| e == "rs") {
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push((path, text)),
                Err(e) => errors.push(format!("{}: {e}", path.display())),
            }
        }
    }
}

/// The `messages!` blocks of the files outside `src/rules/`, by code: each file and what its
/// block holds.
type Blocks = BTreeMap<String, Vec<(PathBuf, Result<BTreeMap<String, String>, String>)>>;

/// The `messages!` blocks declared outside `src/rules/` (the readers' codes, IN001–IN013, whose
/// rule files only hold their docs): code -> (file, templates).
fn reader_blocks(files: &[(PathBuf, String)]) -> Blocks {
    let rules = manifest().join("src/rules");
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for (path, text) in files {
        if path.starts_with(&rules) {
            continue;
        }
        let mut rest = text.as_str();
        while let Some(at) = rest.find("crate::messages! {") {
            let body = &rest[at..];
            rest = &body[1..];
            if body.lines().next().map(str::trim_end) != Some("crate::messages! {") {
                continue; // a mention in a comment
            }
            let code = body
                .lines()
                .nth(1)
                .map(|l| l.trim().trim_end_matches(';').trim_matches('"').to_string())
                .unwrap_or_default();
            out.entry(code)
                .or_default()
                .push((path.clone(), block(body)));
        }
    }
    out
}

/// The places a reader still reports code `code` with a plain English message: a
/// `codes::CODE.diag(`, a `Diagnostic::new(` with `codes::CODE.code`, or a file that binds
/// `let rule = &…codes::CODE;` and calls `rule.diag(` (whitespace ignored).
fn plain_reports(files: &[(PathBuf, String)], code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        if path.ends_with("input/codes.rs") || path.starts_with(manifest().join("src/rules")) {
            continue;
        }
        let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let plain = [
            format!("codes::{code}.diag("),
            format!("Diagnostic::new(crate::input::codes::{code}.code"),
        ];
        let bound = flat.contains(&format!("letrule=&crate::input::codes::{code};"))
            && flat.contains("rule.diag(");
        if bound || plain.iter().any(|p| flat.contains(p.as_str())) {
            found.push(format!(
                "{code}: {} still reports it with English text",
                path.display()
            ));
        }
    }
    found
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

#[test]
fn migrated_rules_have_their_japanese_and_the_pending_list_is_true() {
    let ja: BTreeMap<&str, &str> = ja_messages().iter().copied().collect();
    let mut pending = BTreeSet::new();
    let mut known_keys = BTreeSet::new();
    let mut failures = Vec::new();
    let mut migrated = 0;
    let mut files = Vec::new();
    sources(&manifest().join("src"), &mut files, &mut failures);
    let readers = reader_blocks(&files);
    for rule in registry::rules() {
        let path = source(rule);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // A reader's code (IN001…) declares its templates beside the reader that reports it.
        let templates = if let Some(blocks) = readers.get(rule.code) {
            let mut all = BTreeMap::new();
            for (file, templates) in blocks {
                match templates {
                    Ok(t) => all.extend(t.clone()),
                    Err(e) => failures.push(format!("{}: {}: {e}", rule.code, file.display())),
                }
            }
            failures.extend(plain_reports(&files, rule.code));
            all
        } else {
            match english(&text) {
                None => {
                    pending.insert(rule.code.to_string());
                    continue;
                }
                Some(Err(e)) => {
                    failures.push(format!("{}: {e}", rule.code));
                    continue;
                }
                Some(Ok(templates)) => templates,
            }
        };
        migrated += 1;
        for call in [".report(", ".report_in(", ".set_help(", ".set_fix("] {
            if text.contains(call) {
                failures.push(format!(
                    "{}: migrated, but still calls `{call}` with English text",
                    rule.code
                ));
            }
        }
        for (name, en) in &templates {
            let key = format!("{}.{name}", rule.code);
            known_keys.insert(key.clone());
            match ja.get(key.as_str()) {
                None => failures.push(format!("{key}: no Japanese line in the rule's .ja.msg")),
                Some(text) => {
                    if sorted(placeholders(en)) != sorted(placeholders(text)) {
                        failures.push(format!(
                            "{key}: placeholders differ: {:?} vs {:?}",
                            placeholders(en),
                            placeholders(text)
                        ));
                    }
                    if text.trim().is_empty() {
                        failures.push(format!("{key}: empty Japanese"));
                    }
                }
            }
        }
    }
    // Templates that belong to no rule (the checklist's evidence sentences): their Japanese is
    // the `<stem>.ja.msg` beside the file that declares them.
    let codes: BTreeSet<&str> = registry::rules().iter().map(|r| r.code).collect();
    for (code, blocks) in &readers {
        if codes.contains(code.as_str()) {
            continue;
        }
        for (file, templates) in blocks {
            let templates = match templates {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{code}: {}: {e}", file.display()));
                    continue;
                }
            };
            let beside = file.with_extension("ja.msg");
            let text = std::fs::read_to_string(&beside).unwrap_or_default();
            let lines: BTreeMap<&str, &str> = text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once(" = "))
                .map(|(n, t)| (n.trim(), t))
                .collect();
            for (name, en) in templates {
                match lines.get(name.as_str()) {
                    None => failures.push(format!(
                        "{code}.{name}: no Japanese line in {}",
                        beside.display()
                    )),
                    Some(text) if sorted(placeholders(en)) != sorted(placeholders(text)) => {
                        failures.push(format!(
                            "{code}.{name}: placeholders differ: {:?} vs {:?}",
                            placeholders(en),
                            placeholders(text)
                        ))
                    }
                    Some(text) if text.trim().is_empty() => {
                        failures.push(format!("{code}.{name}: empty Japanese"))
                    }
                    Some(_) => {}
                }
            }
            for name in lines.keys() {
                if !templates.contains_key(*name) {
                    failures.push(format!(
                        "{code}.{name}: a line of {} for no template",
                        beside.display()
                    ));
                }
            }
        }
    }
    for key in ja.keys() {
        if !known_keys.contains(*key) {
            failures.push(format!("{key}: a Japanese line for no template"));
        }
    }
    let list = manifest().join("src/rules/ja-msg-pending.txt");
    let want: String = pending.iter().map(|c| format!("{c}\n")).collect();
    if std::env::var_os("ECSPLAIN_BLESS").is_some() {
        std::fs::write(&list, &want).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    }
    let have = std::fs::read_to_string(&list).unwrap_or_default();
    if have != want {
        failures.push(format!(
            "src/rules/ja-msg-pending.txt must list exactly the rules without `messages!` \
             (ECSPLAIN_BLESS=1 rewrites it); want:\n{want}"
        ));
    }
    assert!(migrated > 0, "no migrated rule found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
