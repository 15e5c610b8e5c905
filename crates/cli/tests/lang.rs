//! `--lang` and the locale: rule docs and titles in Japanese where they exist; codes, JSON and
//! SARIF the same in every language (issue 21).

mod common;

use std::process::{Command, Output};

use common::{ecsplain, repo, stdout};

/// Runs `ecsplain` in the repository root with the given locale variables only.
fn with_locale(vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecsplain"));
    command
        .args(args)
        .current_dir(repo())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in vars {
        command.env(k, v);
    }
    command.output().expect("the binary runs")
}

#[test]
fn explain_speaks_japanese_when_asked() {
    let o = ecsplain(&["--lang", "ja", "explain", "IN001"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("IN001 invalid-json: "), "{text}");
    assert!(text.contains("## 何を検査するか"), "{text}");
    assert!(text.contains("重大度: error"), "{text}");
    assert!(!text.contains("## What it does"), "{text}");

    // The locale decides when --lang does not; --lang wins over it.
    let by_locale = with_locale(&[("LANG", "ja_JP.UTF-8")], &["explain", "IN001"]);
    assert_eq!(stdout(&by_locale), text);
    let english = with_locale(
        &[("LANG", "ja_JP.UTF-8")],
        &["explain", "IN001", "--lang=en"],
    );
    assert!(stdout(&english).contains("## What it does"));
    let c_locale = with_locale(
        &[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")],
        &["explain", "IN001"],
    );
    assert!(stdout(&c_locale).contains("## What it does"));
}

#[test]
fn rules_lists_japanese_titles_and_keeps_json_the_same() {
    let ja = stdout(&ecsplain(&["rules", "--lang", "ja"]));
    let en = stdout(&ecsplain(&["rules"]));
    let line = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("IN001 "))
            .unwrap_or_default()
            .to_string()
    };
    assert_ne!(line(&ja), line(&en), "IN001's title is translated");
    assert!(line(&ja).contains("JSON"), "{}", line(&ja));
    assert_eq!(ja.lines().count(), en.lines().count());

    let json_ja = ecsplain(&["rules", "--format", "json", "--lang", "ja"]);
    let json_en = ecsplain(&["rules", "--format", "json"]);
    assert_eq!(stdout(&json_ja), stdout(&json_en));
}

#[test]
fn findings_and_their_formats_do_not_change_with_the_language() {
    for format in ["json", "sarif", "text"] {
        let file = "tests/fixtures/taskdef/IN001_fail.json";
        let en = ecsplain(&["lint", "--format", format, file]);
        let ja = ecsplain(&["lint", "--lang", "ja", "--format", format, file]);
        assert_eq!(ja.status.code(), en.status.code());
        assert_eq!(stdout(&ja), stdout(&en), "{format}");
    }
    let bad = ecsplain(&["--lang", "fr", "rules"]);
    assert_eq!(bad.status.code(), Some(2));
}
