//! Every real service definition of the corpus lints as a service definition without a panic,
//! with every span inside its text.
//!
//! The corpus is `$ECSPLAIN_CORPUS/servicedef` (default `<repo>/../shared/corpus/servicedef`),
//! plus the service definitions (`*service*.json`) of the ecspresso projects beside it. When the
//! corpus is absent the test says so and passes.
//! `cargo test -p ecsplain-engine --test servicedef_corpus -- --nocapture` prints the findings
//! and how many files each rule fires on.

#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::{lint, Input, Kind};

fn corpus_root() -> PathBuf {
    match std::env::var_os("ECSPLAIN_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    }
}

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
        name.contains("service") && name.ends_with(".json")
    }));
    files.sort();
    files
}

#[test]
fn corpus_service_definitions_lint_without_panic() {
    let root = corpus_root();
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
    let root = corpus_root().join("ecspresso");
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
