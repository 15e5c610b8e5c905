//! Rendered Japanese reads cleanly (issue 21): every finding of every fixture (linted as
//! tests/fixtures.rs lints it, and with every rule on), rendered in Japanese, is free of the
//! typographic faults a Japanese reader notices at once. The templates pass tests/ja_messages.rs
//! one by one; these faults appear where a template meets its arguments (a value ending in `）`
//! before ` は`, a Japanese phrase after ` と `), so the test reads what users read.
//!
//! The checks (docs/ja/style.md; text inside backticks is code and is skipped):
//! 1. An ASCII space between two Japanese characters (`タスク 定義`, `の の`).
//! 2. An ASCII space next to `、` `。` `「` `」` `（` `）`: before `。`/`、`, just inside a
//!    bracket, or after `）` before a particle (`（…） は`).
//! 3. Doubled sentence punctuation: `。。`, `、、`, `。、`, `、。`.
//! 4. A `{placeholder}` left unrendered (one the English rendering does not also show).
//! 5. ASCII `.` or `,` between Japanese characters (`定義. サービス`, `定義,サービス`).
//! 6. No space between Japanese and a half-width letter, digit, quote or code (`これはDockerfile`,
//!    `はtrue`): style.md's spacing rule, as tests/ja_docs.rs checks it (`ja_text::unspaced`).

use ecsplain_engine::input::msg::placeholders;
use ecsplain_engine::{lint_with, Lang};

mod common;
use common::fixtures::{config_for, fixtures, lint_fixture};
#[allow(dead_code)] // the Markdown helpers are ja_docs.rs's
mod ja_text;
use ja_text::is_japanese;

/// Full-width punctuation no space may touch (style.md: "None next to 、。「」（）").
fn is_fullwidth_mark(c: char) -> bool {
    matches!(c, '、' | '。' | '「' | '」' | '（' | '）')
}

/// The text with each backticked code span replaced by `x`: code is shown as written.
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        out.push_str(if i % 2 == 0 { part } else { "x" });
    }
    out
}

/// The faults of one rendered Japanese text (`english`: the same text in English, for
/// placeholders both show literally).
fn faults(text: &str, english: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let chars: Vec<char> = prose(text).chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
        let after = chars.get(i + 1).copied();
        let near = |f: fn(char) -> bool| before.is_some_and(f) || after.is_some_and(f);
        if c == ' ' && before.is_some_and(is_japanese) && after.is_some_and(is_japanese) {
            found.push("1: a space between Japanese characters");
        }
        if c == ' ' && near(is_fullwidth_mark) {
            found.push("2: a space next to 、。「」（）");
        }
        if matches!(c, '。' | '、') && after.is_some_and(|a| matches!(a, '。' | '、')) {
            found.push("3: doubled 。 or 、");
        }
        if matches!(c, '.' | ',') && before.is_some_and(is_japanese) {
            let next = match after {
                Some(' ') => chars.get(i + 2).copied(),
                other => other,
            };
            if next.is_some_and(is_japanese) {
                found.push("5: ASCII . or , between Japanese characters");
            }
        }
    }
    let literal = placeholders(english);
    if placeholders(text).iter().any(|p| !literal.contains(p)) {
        found.push("4: a placeholder left unrendered");
    }
    if ja_text::unspaced(text).is_some() {
        found.push("6: Japanese right next to a half-width letter, digit, quote or code");
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[test]
fn the_checks_catch_what_they_say() {
    let bad = [
        ("タスク 定義です", "1"),
        ("の の値", "1"),
        ("設定です 。", "2"),
        ("値 、値", "2"),
        ("（ 値）", "2"),
        ("Docker Hub（`docker.io`） から", "2"),
        ("です。。", "3"),
        ("{name} を設定", "4"),
        ("定義. サービス", "5"),
        ("定義,サービス", "5"),
        ("これはDockerfileです", "6"),
        ("値は`x`です", "6"),
    ];
    for (text, check) in bad {
        let f = faults(text, "");
        assert!(f.iter().any(|f| f.starts_with(check)), "{text}: {f:?}");
    }
    let good = [
        "`networkMode` を指定します",
        "Amazon ECS のタスク、30 秒",
        "Docker Hub (`docker.io`) から pull します",
        "`a b` の値（`x`）を使います。次に",
        "`{{ must_env `X` }}` を書きます",
        "Jsonnet のエラーです: invalid base 10",
    ];
    for text in good {
        assert_eq!(faults(text, ""), Vec::<&str>::new(), "{text}");
    }
    assert!(faults("`{path: x}` と {name}", "{name}").is_empty());
}

#[test]
fn rendered_japanese_has_no_typographic_faults() {
    let mut failures = Vec::new();
    let mut texts = 0;
    for (group, path) in fixtures() {
        // As the fixtures test lints it (its own rule), and with every rule on: more rules'
        // findings on the same inputs, so more templates meet more arguments.
        let (inputs, own) = lint_fixture(&group, &path);
        let all = (group != "config").then(|| lint_with(&inputs, &config_for(&path)));
        let findings = own
            .findings
            .iter()
            .chain(all.iter().flat_map(|r| &r.findings));
        for finding in findings {
            let mut ja = finding.clone();
            ja.localize(Lang::Ja);
            let mut pairs = vec![(&ja.message, &finding.message)];
            if let (Some(j), Some(e)) = (&ja.help, &finding.help) {
                pairs.push((j, e));
            }
            if let (Some(j), Some(e)) = (&ja.fix, &finding.fix) {
                pairs.push((&j.title, &e.title));
            }
            pairs.extend(
                ja.related
                    .iter()
                    .zip(&finding.related)
                    .map(|(j, e)| (&j.message, &e.message)),
            );
            for (text, english) in pairs {
                texts += 1;
                for fault in faults(text, english) {
                    failures.push(format!(
                        "{group}/{} {}: {fault}\n    {text}",
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        finding.code
                    ));
                }
            }
        }
    }
    assert!(
        texts > 1000,
        "only {texts} texts rendered: are the fixtures there?"
    );
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} typographic faults in {texts} rendered Japanese texts:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
