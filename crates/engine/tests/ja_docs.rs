//! The rules' Japanese documentation is complete and faithful (issue 21).
//!
//! Each rule's `<stem>.ja.md` beside its `.rs` (docs/ja/style.md) must have the English doc
//! comment's sections in the same order, the same code blocks, the same link URLs and the same
//! numbers in its text (as a multiset), and a title line `# ...`: the rule's summary in Japanese,
//! what `ecsplain rules --lang ja` lists (a file without one would show the English summary
//! among Japanese ones). Rules not translated yet are listed in
//! `src/rules/ja-pending.txt`, which must name exactly the rules without a file: it can only
//! shrink, and it never claims more or less than the truth. `ECSPLAIN_BLESS=1` rewrites it from
//! the files present (then read the diff: only lines removed, for files you added).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ecsplain_engine::{registry, Lang, Rule};

mod ja_text;
use ja_text::{is_japanese, numbers, split_code, unspaced, urls, without_urls};

/// The English headings and their Japanese (docs/ja/style.md).
const HEADINGS: [(&str, &str); 8] = [
    ("## What it does", "## 何を検査するか"),
    ("## Why is this bad?", "## なぜ問題か"),
    ("## Example", "## 例"),
    ("## Use instead", "## 代わりに"),
    ("## Options", "## オプション"),
    ("## Fix safety", "## 修正の安全性"),
    ("## Known problems", "## 既知の問題"),
    ("## References", "## 参考資料"),
];

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.ja.md` under `src/rules`, by file stem (`td001_invalid_fargate_size`).
fn files() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if let Some(stem) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".ja.md"))
            {
                out.insert(stem.to_string(), path.clone());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&manifest().join("src/rules"), &mut out);
    out
}

fn stem(rule: &Rule) -> String {
    Path::new(rule.source_file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string()
}

fn headings(prose: &[&str]) -> Vec<String> {
    prose
        .iter()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// What differs between a rule's English and Japanese docs; empty when they agree.
fn differences(rule: &Rule, file: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let english = rule.docs_markdown();
    let japanese = rule.docs_markdown_in(Lang::Ja);
    let (en_prose, en_code) = split_code(&english);
    let (ja_prose, ja_code) = split_code(&japanese);

    let mut want = Vec::new();
    for heading in headings(&en_prose) {
        match HEADINGS.iter().find(|(en, _)| *en == heading) {
            Some((_, ja)) => want.push((*ja).to_string()),
            None => problems.push(format!(
                "the English heading `{heading}` has no Japanese in HEADINGS (tests/ja_docs.rs, docs/ja/style.md)"
            )),
        }
    }
    let got = headings(&ja_prose);
    if got != want {
        problems.push(format!("sections {got:?}, want {want:?}"));
    }
    if en_code != ja_code {
        problems.push(format!(
            "code blocks differ: English {en_code:#?}\nJapanese {ja_code:#?}"
        ));
    }
    let (en_urls, ja_urls) = (urls(&en_prose), urls(&ja_prose));
    if en_urls != ja_urls {
        problems.push(format!("link URLs {ja_urls:?}, want {en_urls:?}"));
    }
    let (en_numbers, ja_numbers) = (
        numbers(&without_urls(&en_prose)),
        numbers(&without_urls(&ja_prose)),
    );
    if en_numbers != ja_numbers {
        problems.push(format!(
            "numbers in the text {ja_numbers:?}, want {en_numbers:?}"
        ));
    }
    problems.extend(title_problems(rule.summary(), file));
    if let Some(title) = title_line(file) {
        if rule.summary_in(Lang::Ja) != title {
            problems.push(format!(
                "the build reads the title as `{}`, not `{title}`",
                rule.summary_in(Lang::Ja)
            ));
        }
    }
    if !file.ends_with('\n') {
        problems.push("the file does not end with a newline".into());
    }
    for line in &ja_prose {
        if let Some(at) = unspaced(line) {
            problems.push(format!(
                "no space between Japanese and alphanumerics in `{at}` (docs/ja/style.md; scripts/ja_spacing.py --fix)"
            ));
        }
    }
    for bad in ['，', '．'] {
        if ja_prose.iter().any(|l| l.contains(bad)) {
            problems.push(format!("`{bad}` in the text: punctuation is 、 and 。"));
        }
    }
    problems
}

/// The title of a translation file: its first line after `# `, trimmed (docs/ja/style.md).
fn title_line(file: &str) -> Option<&str> {
    let first = file.trim_start_matches('\u{feff}').lines().next()?;
    first.strip_prefix("# ").map(str::trim)
}

/// What is wrong with a file's title given the rule's English `summary`; empty when it is a
/// Japanese one-line summary with the summary's numbers.
fn title_problems(summary: &str, file: &str) -> Vec<String> {
    let Some(title) = title_line(file) else {
        return vec![format!(
            "no title: the file must start with `# <the summary in Japanese>` (the English: `{summary}`)"
        )];
    };
    let mut problems = Vec::new();
    if title.is_empty() {
        problems.push(format!("the title is empty (the English: `{summary}`)"));
        return problems;
    }
    if title.eq_ignore_ascii_case(summary.trim()) {
        problems.push(format!("the title is the English summary `{summary}`"));
    }
    if !title.chars().any(is_japanese) {
        problems.push(format!("the title `{title}` has no Japanese"));
    }
    if numbers(title) != numbers(summary) {
        problems.push(format!(
            "the title's numbers {:?}, want {:?} (from the summary `{summary}`)",
            numbers(title),
            numbers(summary)
        ));
    }
    if title.ends_with('。') || title.ends_with('.') {
        problems.push(format!("the title `{title}` ends with a full stop"));
    }
    if let Some(at) = unspaced(title) {
        problems.push(format!(
            "no space between Japanese and alphanumerics in the title at `{at}` (docs/ja/style.md)"
        ));
    }
    for bad in ['，', '．'] {
        if title.contains(bad) {
            problems.push(format!("`{bad}` in the title: punctuation is 、 and 。"));
        }
    }
    problems
}

#[test]
fn every_japanese_doc_is_faithful_to_the_english() {
    let files = files();
    let rules = registry::rules();
    let mut problems = Vec::new();
    for (stem_name, path) in &files {
        let Some(rule) = rules.iter().find(|r| stem(r) == *stem_name) else {
            problems.push(format!("{}: no rule has this file's stem", path.display()));
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if rule.translation(Lang::Ja) != Some(text.as_str()) {
            problems.push(format!(
                "{}: not what the build compiled in for {} (is the stem's code `{}`?)",
                path.display(),
                rule.code,
                rule.code.to_ascii_lowercase()
            ));
            continue;
        }
        for problem in differences(rule, &text) {
            problems.push(format!("{} ({}): {problem}", rule.code, path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn the_pending_list_names_exactly_the_untranslated_rules() {
    let path = manifest().join("src/rules/ja-pending.txt");
    let missing: BTreeSet<&str> = registry::rules()
        .iter()
        .filter(|r| !r.has_docs_in(Lang::Ja))
        .map(|r| r.code)
        .collect();
    if std::env::var_os("ECSPLAIN_BLESS").is_some() {
        let mut text = String::from(
            "# Rules whose documentation has no Japanese translation yet (<stem>.ja.md beside the\n\
             # rule's .rs). tests/ja_docs.rs checks that this list is exactly the untranslated rules;\n\
             # remove a code when you add its file (or run that test with ECSPLAIN_BLESS=1).\n",
        );
        for code in &missing {
            text.push_str(code);
            text.push('\n');
        }
        assert!(std::fs::write(&path, text).is_ok(), "cannot write {path:?}");
    }
    let listed_text = std::fs::read_to_string(&path).unwrap_or_default();
    let listed: BTreeSet<&str> = listed_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let translated_but_listed: Vec<_> = listed.difference(&missing).collect();
    let missing_not_listed: Vec<_> = missing.difference(&listed).collect();
    assert!(
        translated_but_listed.is_empty() && missing_not_listed.is_empty(),
        "src/rules/ja-pending.txt is not the truth:\n  listed but translated (or unknown): {translated_but_listed:?}\n  \
         untranslated but not listed (add a .ja.md; the list never grows): {missing_not_listed:?}\n\
         (ECSPLAIN_BLESS=1 rewrites it)"
    );
}

#[test]
fn the_checks_see_what_they_should() {
    // The helpers above, on a sample that must pass and one that must not.
    let (prose, code) =
        split_code("## A\nsee [x](https://a/1) at 0.25 and 10,000\n```json\n{\"cpu\": 256}\n```\n");
    assert_eq!(code, vec!["```json\n{\"cpu\": 256}\n```\n".to_string()]);
    assert_eq!(urls(&prose), vec!["https://a/1".to_string()]);
    assert_eq!(numbers(&without_urls(&prose)), vec!["0.25", "10000"]);
    assert_eq!(numbers("256。x86_64"), vec!["256", "64", "86"]);
    assert_eq!(headings(&prose), vec!["## A".to_string()]);
    assert_eq!(
        unspaced("`cpu` を 256 にします。ECS のタスク・Fargate"),
        None
    );
    assert_eq!(
        unspaced("[AWS のページ](https://x/日本)、\"Unknown\" で"),
        None
    );
    assert!(unspaced("`cpu`を設定").is_some());
    assert!(unspaced("ECSのタスク").is_some());
    assert!(unspaced("30秒").is_some());

    let summary = "the task's cpu and memory are not a size Fargate offers";
    let body = "## 何を検査するか\n本文です。\n";
    assert_eq!(
        title_problems(summary, "# Fargate で選べないサイズ\n\n## 何を検査するか\n"),
        Vec::<String>::new()
    );
    assert_eq!(title_line("# a title \n\nbody"), Some("a title"));
    assert_eq!(title_line(body), None);
    // Missing, empty, English, not Japanese, a number off, a full stop, no space: each fails.
    for bad in [
        body.to_string(),
        format!("# \n{body}"),
        format!("# {summary}\n{body}"),
        format!("# The task's size\n{body}"),
        format!("# Fargate で選べない 2 つのサイズ\n{body}"),
        format!("# Fargate で選べないサイズ。\n{body}"),
        format!("# Fargateで選べないサイズ\n{body}"),
    ] {
        assert!(!title_problems(summary, &bad).is_empty(), "passed: {bad:?}");
    }
}
