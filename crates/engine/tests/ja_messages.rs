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
    let body = &text[start..];
    let end = body.find("\n}").unwrap_or(body.len());
    let mut out = BTreeMap::new();
    for line in body[..end].lines().skip(2) {
        let line = line.trim();
        let Some((name, en)) = line
            .split_once(" = \"")
            .and_then(|(name, rest)| Some((name, rest.strip_suffix("\";")?)))
        else {
            return Some(Err(format!(
                "a template per line, `NAME = \"text\";`: {line}"
            )));
        };
        out.insert(
            name.to_string(),
            en.replace("\\\"", "\"").replace("\\\\", "\\"),
        );
    }
    Some(Ok(out))
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
    for rule in registry::rules() {
        let path = source(rule);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let templates = match english(&text) {
            None => {
                pending.insert(rule.code.to_string());
                continue;
            }
            Some(Err(e)) => {
                failures.push(format!("{}: {e}", rule.code));
                continue;
            }
            Some(Ok(templates)) => templates,
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
