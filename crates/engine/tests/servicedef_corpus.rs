//! Every real service definition of the corpus lints as a service definition without a panic,
//! with every span inside its text.
//!
//! The corpus is `$ECSPLAIN_CORPUS/servicedef` (default `<repo>/../shared/corpus/servicedef`),
//! plus the service definitions (`*service*.json`, `*service*.jsonnet`, `servicedef/*`) of the
//! ecspresso projects beside it. When the
//! corpus is absent the test says so and passes.
//! `cargo test -p ecsplain-engine --test servicedef_corpus -- --nocapture` prints the findings
//! and how many files each rule fires on.

#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::{lint, Input, Kind};

mod common;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn corpus_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    walk(&root.join("servicedef"), &mut files);
    let mut ecspresso = Vec::new();
    walk(&root.join("ecspresso"), &mut ecspresso);
    files.extend(ecspresso.into_iter().filter(|p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_ascii_lowercase();
        let in_servicedef_dir = p
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|d| d.eq_ignore_ascii_case("servicedef"));
        (name.contains("service") || in_servicedef_dir)
            && (name.ends_with(".json") || name.ends_with(".jsonnet"))
    }));
    files.sort();
    files
}

#[test]
fn corpus_service_definitions_lint_without_panic() {
    let root = common::corpus_root();
    if !root.join("servicedef").is_dir() {
        eprintln!(
            "note: no service definition corpus at {}; skipping",
            root.join("servicedef").display()
        );
        return;
    }
    let files = corpus_files(&root);
    assert!(!files.is_empty(), "the corpus holds no service definitions");
    let mut fired: BTreeMap<&'static str, usize> = BTreeMap::new();
    for path in &files {
        let text = String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
        let shown = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let input = Input::new(shown.clone(), text.clone(), Some(Kind::ServiceDef));
        let report = lint(&[input]);
        let mut codes: Vec<&'static str> = Vec::new();
        for finding in &report.findings {
            let span = finding.span;
            assert!(
                (span.end as usize) <= text.len()
                    && span.start <= span.end
                    && text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize),
                "{shown}: span {span:?} of {} is outside the text",
                finding.code
            );
            eprintln!(
                "{shown}:{}:{}: {}[{}] {}",
                finding.line, finding.column, finding.severity, finding.code, finding.message
            );
            if !codes.contains(&finding.code) {
                codes.push(finding.code);
            }
        }
        for code in codes {
            *fired.entry(code).or_default() += 1;
        }
    }
    eprintln!("{} files; files per rule:", files.len());
    for (code, count) in &fired {
        eprintln!("  {code}: {count}");
    }
}

/// Each ecspresso project's JSON definitions linted together, as the CLI lints a project: the
/// service ↔ task definition checks (SV06x) run on real pairs.
#[test]
fn corpus_ecspresso_projects_cross_check_without_panic() {
    let root = common::corpus_root().join("ecspresso");
    let Ok(projects) = fs::read_dir(&root) else {
        eprintln!("note: no ecspresso corpus at {}; skipping", root.display());
        return;
    };
    let mut fired: BTreeMap<&'static str, usize> = BTreeMap::new();
    for project in projects.flatten() {
        let mut files = Vec::new();
        walk(&project.path(), &mut files);
        files.sort();
        let inputs: Vec<Input> = files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| {
                let text = String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
                let shown = p.strip_prefix(&root).unwrap_or(p).display().to_string();
                Input::new(shown, text, None)
            })
            .collect();
        let report = lint(&inputs);
        let count = |kind| report.kinds.iter().filter(|k| **k == Some(kind)).count();
        eprintln!(
            "{}: {} service and {} task definitions",
            project.file_name().to_string_lossy(),
            count(Kind::ServiceDef),
            count(Kind::TaskDef)
        );
        for finding in report
            .findings
            .iter()
            .filter(|f| f.code.starts_with("SV06"))
        {
            eprintln!(
                "{}:{}:{}: {}[{}] {}",
                finding.path,
                finding.line,
                finding.column,
                finding.severity,
                finding.code,
                finding.message
            );
            *fired.entry(finding.code).or_default() += 1;
        }
    }
    eprintln!("cross-file findings per rule: {fired:?}");
}

/// Every fix an SV rule offers, on the fixtures and the JSON corpus, applies to text that is
/// still valid JSON (no new syntax finding) and removes the finding it fixes.
#[test]
fn service_definition_fixes_keep_json_valid() {
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/servicedef"),
        &mut files,
    );
    let root = common::corpus_root();
    if root.join("servicedef").is_dir() {
        files.extend(corpus_files(&root));
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.retain(|p| {
        // Project fixtures are linted as projects by the fixture harness.
        p.parent()
            .and_then(Path::file_name)
            .is_some_and(|d| d == "servicedef")
    });
    let mut applied = 0;
    for path in files {
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap_or_default()).into_owned();
        let shown = path.display().to_string();
        let before = lint(&[Input::new(
            shown.clone(),
            text.clone(),
            Some(Kind::ServiceDef),
        )]);
        let syntax_before = before.findings.iter().filter(|f| f.code == "IN001").count();
        for finding in before.findings.iter().filter(|f| f.code.starts_with("SV")) {
            let Some(fix) = &finding.fix else { continue };
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.start));
            let mut fixed = text.clone();
            for edit in &edits {
                let range = edit.start as usize..edit.end as usize;
                assert!(
                    fixed.get(range.clone()).is_some(),
                    "{shown}: {} fix edits outside the text",
                    finding.code
                );
                fixed.replace_range(range, &edit.content);
            }
            let after = lint(&[Input::new(
                shown.clone(),
                fixed.clone(),
                Some(Kind::ServiceDef),
            )]);
            let syntax_after = after.findings.iter().filter(|f| f.code == "IN001").count();
            assert!(
                syntax_after <= syntax_before,
                "{shown}: the {} fix `{}` breaks the JSON:\n{fixed}",
                finding.code,
                fix.title
            );
            let same = |f: &&ecsplain_engine::Finding| {
                f.code == finding.code && f.message == finding.message
            };
            assert!(
                after.findings.iter().filter(same).count()
                    < before.findings.iter().filter(same).count(),
                "{shown}: the {} fix `{}` does not remove its finding:\n{fixed}",
                finding.code,
                fix.title
            );
            applied += 1;
        }
    }
    eprintln!("{applied} fixes applied");
}

/// Odd and hostile service definitions: no panic, spans inside the text.
#[test]
fn odd_service_definitions_never_panic() {
    let deep = format!(
        "{{\"deploymentConfiguration\": {}1{}}}",
        "{\"a\": [".repeat(5000),
        "]}".repeat(5000)
    );
    let cases = [
        "",
        "[]",
        "\"x\"",
        "null",
        "{",
        "{\"services\": []}",
        "{\"services\": [1]}",
        "{\"service\": {\"status\": \"ACTIVE\"}}",
        "{\"deploymentConfiguration\": null, \"networkConfiguration\": null}",
        "{\"deploymentConfiguration\": [], \"networkConfiguration\": {\"awsvpcConfiguration\": []}}",
        "{\"desiredCount\": 1e400, \"deploymentConfiguration\": {\"maximumPercent\": -9223372036854775808, \"minimumHealthyPercent\": 9223372036854775807}}",
        "{\"desiredCount\": 99999999999, \"deploymentConfiguration\": {\"maximumPercent\": 100, \"minimumHealthyPercent\": 100}}",
        "{\"capacityProviderStrategy\": [null, 1, {\"capacityProvider\": \"FARGATE_SPOT\"}], \"launchType\": \"FARGATE\"}",
        "{\"platformVersion\": \"1.\", \"launchType\": \"FARGATE\"}",
        "{\"desiredCount\": 5, \"deploymentConfiguration\": {\"maximumPercent\": 9000000000000000000, \"minimumHealthyPercent\": 100}}",
        "{\"platformVersion\": \"99999999999.1\", \"launchType\": \"FARGATE\"}",
        "{\"ünknöwn\": 1, \"désiredCount\": 2}",
        "{\"loadBalancers\": {\"containerName\": \"x\"}, \"deploymentController\": {\"type\": \"CODE_DEPLOY\"}}",
        "{\"a\":1,}",
        "desiredCount: 1\nlaunchType: FARGATE\n",
        deep.as_str(),
    ];
    for (i, text) in cases.iter().enumerate() {
        for path in ["service.json", "service.yml"] {
            let report = lint(&[
                Input::new(path, *text, Some(Kind::ServiceDef)),
                Input::new(
                    "task.json",
                    "{\"family\": \"x\", \"networkMode\": \"awsvpc\", \"containerDefinitions\": [{\"name\": \"x\"}]}",
                    Some(Kind::TaskDef),
                ),
            ]);
            for finding in &report.findings {
                if finding.file == 0 {
                    assert!(
                        (finding.span.end as usize) <= text.len()
                            && text.is_char_boundary(finding.span.start as usize)
                            && text.is_char_boundary(finding.span.end as usize),
                        "case {i}: {} span outside the text",
                        finding.code
                    );
                }
            }
        }
    }
}
