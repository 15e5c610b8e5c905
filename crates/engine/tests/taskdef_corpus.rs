//! Every task definition of the shared corpus lints as a task definition with no panic and with
//! every span (and fix edit) inside the text on character boundaries.
//!
//! The corpus lives outside the repository: `$ECSPLAIN_CORPUS/taskdef`, by default
//! `<repo>/../shared/corpus/taskdef`. When it is absent the test prints a note and passes.
//! `ECSPLAIN_CORPUS_PRINT=1` prints the findings (for reading them; not a snapshot).

// This test prints a note when the corpus is absent, and the findings when asked to.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fs;
use std::path::PathBuf;

use ecsplain_engine::report::text::{self, Style};
use ecsplain_engine::{json, lint, Finding, Input, Kind};

mod common;

/// Applies a finding's fix to the text; `None` when edits overlap or fall outside.
fn apply_fix(text: &str, finding: &Finding) -> Option<String> {
    let fix = finding.fix.as_ref()?;
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.start);
    let mut out = String::new();
    let mut at = 0usize;
    for e in edits {
        let (start, end) = (e.start as usize, e.end as usize);
        if start < at {
            return None;
        }
        out.push_str(text.get(at..start)?);
        out.push_str(&e.content);
        at = end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// Every fix of every finding on valid JSON leaves valid JSON.
fn check_fixes(name: &str, text: &str, findings: &[Finding]) {
    if !json::parse(text).diagnostics.is_empty() {
        return;
    }
    for f in findings.iter().filter(|f| f.fix.is_some()) {
        let fixed = apply_fix(text, f);
        assert!(
            fixed.is_some(),
            "{name}: {} fix has overlapping edits",
            f.code
        );
        let fixed = fixed.unwrap_or_default();
        let errors = json::parse(&fixed).diagnostics;
        assert!(
            errors.is_empty(),
            "{name}: {} fix leaves invalid JSON:\n{fixed}\n{errors:?}",
            f.code
        );
    }
}

#[test]
fn fixes_on_task_definition_fixtures_keep_json_valid() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/taskdef");
    let mut count = 0;
    for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = fs::read_to_string(&path).unwrap_or_default();
        let report = lint(&[Input::new(name.clone(), text.clone(), Some(Kind::TaskDef))]);
        check_fixes(&name, &text, &report.findings);
        count += report.findings.iter().filter(|f| f.fix.is_some()).count();
    }
    assert!(count > 10, "expected fixes in the fixtures, found {count}");
}

#[test]
fn corpus_task_definitions_lint_cleanly() {
    let dir = common::corpus_dir("taskdef");
    let Ok(entries) = fs::read_dir(&dir) else {
        eprintln!("note: no corpus at {}; skipping", dir.display());
        return;
    };
    let print = std::env::var_os("ECSPLAIN_CORPUS_PRINT").is_some();
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut count = 0;
    for path in paths.iter().filter(|p| p.is_file()) {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
        let inputs = vec![Input::new(name.clone(), text.clone(), Some(Kind::TaskDef))];
        let report = lint(&inputs);
        for f in &report.findings {
            for (start, end) in std::iter::once((f.span.start, f.span.end)).chain(
                f.fix
                    .iter()
                    .flat_map(|fix| fix.edits.iter().map(|e| (e.start, e.end))),
            ) {
                let (start, end) = (start as usize, end as usize);
                assert!(
                    start <= end && end <= text.len(),
                    "{name}: {} span out of text",
                    f.code
                );
                assert!(
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                    "{name}: {} span not on a char boundary",
                    f.code
                );
            }
        }
        check_fixes(&name, &text, &report.findings);
        if print {
            println!(
                "{}",
                text::render(&report.findings, &inputs, Style::default())
            );
        }
        count += 1;
    }
    assert!(count > 0, "the corpus folder {} is empty", dir.display());
}

#[test]
fn odd_task_definitions_do_not_panic() {
    let cases = [
        "",
        "[]",
        "{}",
        "null",
        r#"{"containerDefinitions": "x"}"#,
        r#"{"containerDefinitions": [1, null, "a", {}, []]}"#,
        r#"{"taskDefinition": 5}"#,
        r#"{"taskDefinition": {"revision": 1}}"#,
        r#"[{"name": "a", "dependsOn": [{"containerName": "a"}, {"containerName": 3}, 7]}]"#,
        r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "abc", "memory": {}, "containerDefinitions": [{"name": "a", "memory": 1e309, "cpu": -5, "healthCheck": {"interval": "x"}}]}"#,
        r#"{"requiresCompatibilities": "FARGATE", "volumes": [{"host": 1}, {"efsVolumeConfiguration": []}], "tags": {"a": 1}}"#,
        r#"{"containerDefinitions": [{"name": "é", "image": "ü:latest", "environment": [{"name": "PASSWORD", "value": "AKIA"}]}]}"#,
        r#"{"containerDefinitions": [{"name": "a", "dependsOn": [{"containerName": "b"}]}, {"name": "b", "dependsOn": [{"containerName": "c"}]}, {"name": "c", "dependsOn": [{"containerName": "a"}, {"containerName": "b"}]}]}"#,
        r#"{"family": "x", "revision": 1, "status": "ACTIVE""#,
    ];
    for text in cases {
        let inputs = vec![Input::new("odd.json", text, Some(Kind::TaskDef))];
        let report = lint(&inputs);
        for f in &report.findings {
            assert!(
                f.span.end as usize <= text.len(),
                "{text}: {} out of text",
                f.code
            );
        }
        check_fixes("odd.json", text, &report.findings);
    }
}
