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

/// Drops the human text (`message`, `help`, `title`, SARIF `text`) of a JSON value, keeping keys,
/// codes, positions and edits.
fn without_text(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if matches!(key.as_str(), "message" | "help" | "title" | "text")
                    && value.is_string()
                {
                    *value = serde_json::Value::Null;
                } else {
                    without_text(value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_text),
        _ => {}
    }
}

#[test]
fn lint_messages_help_and_fix_titles_speak_japanese_when_asked() {
    let file = "tests/fixtures/ecspresso/EP001_fail.yml";
    let text = stdout(&ecsplain(&["lint", "--lang", "ja", file]));
    assert!(
        text.contains("`task_defintion` は ecspresso の設定キーではありません"),
        "{text}"
    );
    assert!(
        text.contains("help: `task_definition` のことですか？"),
        "{text}"
    );
    assert!(text.contains("`task_definition` に名前を変える"), "{text}");
    assert!(text.contains("warning[EP001]"), "{text}");
    // The locale asks for Japanese too; --lang=en keeps English byte for byte.
    let by_locale = with_locale(&[("LANG", "ja_JP.UTF-8")], &["lint", file]);
    assert_eq!(stdout(&by_locale), text);
    let en = with_locale(&[("LANG", "ja_JP.UTF-8")], &["lint", "--lang=en", file]);
    let plain = ecsplain(&["lint", file]);
    assert_eq!(stdout(&en), stdout(&plain));
    assert!(stdout(&en).contains("is not an ecspresso config key"));

    // JSON and SARIF: the same keys, codes, positions and structure; only the text differs.
    for format in ["json", "sarif"] {
        let en = ecsplain(&["lint", "--format", format, file]);
        let ja = ecsplain(&["lint", "--lang", "ja", "--format", format, file]);
        assert_eq!(ja.status.code(), en.status.code());
        let mut en: serde_json::Value = serde_json::from_str(&stdout(&en)).expect("json");
        let mut ja: serde_json::Value = serde_json::from_str(&stdout(&ja)).expect("json");
        assert_ne!(
            en, ja,
            "{format}: the Japanese run should differ in its text"
        );
        without_text(&mut en);
        without_text(&mut ja);
        assert_eq!(en, ja, "{format}");
    }
}

#[test]
fn lint_speaks_japanese_in_its_own_words_too() {
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let file = "crates/cli/tests/input/task-def.json";
    let ja = ecsplain(&["lint", "--lang", "ja", file]);
    let en = ecsplain(&["lint", file]);
    let summary = |o: &Output| stderr(o).lines().last().unwrap_or_default().to_string();
    assert!(summary(&en).ends_with(" in 1 file"), "{}", stderr(&en));
    assert!(
        summary(&ja).starts_with("1 ファイル中、エラー "),
        "{}",
        stderr(&ja)
    );
    assert!(summary(&ja).contains("件、警告 "), "{}", stderr(&ja));
    assert_eq!(ja.status.code(), en.status.code());

    // A read error: Japanese around the path; the locale decides when --lang does not.
    let missing = with_locale(&[("LANG", "ja_JP.UTF-8")], &["lint", "no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing).trim_end(),
        "ecsplain: `no-such-file.json` を読み取れません: そのようなファイルやディレクトリはありません"
    );
    let english = ecsplain(&["lint", "no-such-file.json"]);
    assert!(stderr(&english).contains("cannot read `no-such-file.json`: no such file"));

    // A usage error after --lang: the message and the pointer to --help are Japanese.
    let usage = ecsplain(&["--lang", "ja", "lint", "--format", "bogus", file]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).contains("`ecsplain --help` で"),
        "{}",
        stderr(&usage)
    );

    // Machine formats carry none of the CLI's own words, in any language (their findings'
    // text is the rules', checked above).
    for format in ["json", "sarif", "github", "gitlab"] {
        let ja = ecsplain(&["lint", "--lang", "ja", "--format", format, file]);
        let en = ecsplain(&["lint", "--format", format, file]);
        assert_eq!(stderr(&ja), stderr(&en), "{format}");
        assert!(!stdout(&ja).contains("ファイル中"), "{format}");
        assert_eq!(ja.status.code(), en.status.code(), "{format}");
    }
}

#[test]
fn size_speaks_japanese_and_keeps_json_the_same() {
    let file = "deploy/ecspresso/ecs-task-def.json";
    let en = ecsplain(&["size", "--instance", "m5.large", file]);
    assert_eq!(en.status.code(), Some(0));
    let en = stdout(&en);
    let ja = ecsplain(&["--lang", "ja", "size", "--instance", "m5.large", file]);
    assert_eq!(ja.status.code(), Some(0));
    let ja = stdout(&ja);
    assert!(en.starts_with("Task: cpu"), "{en}");
    assert!(ja.starts_with("タスク: cpu"), "{ja}");
    for word in ["料金", "出典", "EC2（m5.large"] {
        assert!(ja.contains(word), "{word} missing in:\n{ja}");
    }
    for english in [
        "Task:",
        "Cost in",
        "/month",
        "registered memory",
        " or ",
        "note:",
    ] {
        assert!(!ja.contains(english), "{english} left in:\n{ja}");
    }
    // The same report: as many lines, the same prices.
    assert_eq!(ja.lines().count(), en.lines().count());
    let dollars = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.starts_with('$'))
            .map(|w| w.split('/').next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert!(!dollars(&en).is_empty());
    assert_eq!(dollars(&ja), dollars(&en));

    // The locale decides when --lang does not.
    let by_locale = with_locale(
        &[("LANG", "ja_JP.UTF-8")],
        &["size", "--instance", "m5.large", file],
    );
    assert_eq!(stdout(&by_locale), ja);

    // JSON is the same in every language, byte for byte.
    let json = |args: &[&str]| {
        let o = ecsplain(args);
        assert_eq!(o.status.code(), Some(0));
        o.stdout
    };
    let en_json = json(&["size", "--format", "json", "--instance", "m5.large", file]);
    let ja_json = json(&[
        "--lang",
        "ja",
        "size",
        "--format",
        "json",
        "--instance",
        "m5.large",
        file,
    ]);
    assert!(serde_json::from_slice::<serde_json::Value>(&en_json).is_ok());
    assert_eq!(ja_json, en_json);
}
