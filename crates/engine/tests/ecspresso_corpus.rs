//! Every ecspresso project of the shared corpus, linted as a project: all files of a folder
//! together, kinds detected, the configs' references resolved against the folder.
//!
//! Asserts: no panic; every span inside its text and on character boundaries; no error or warning
//! that comes from a template (a finding whose span lies on a `{{ ... }}` action, or whose message
//! quotes one, other than the template rules themselves).
//!
//! The corpus is `$ECSPLAIN_CORPUS/ecspresso`, by default `<repo>/../shared/corpus/ecspresso`;
//! when absent the test prints a note and passes. `ECSPLAIN_CORPUS_PRINT=1` prints every finding.

// The test prints a note when the corpus is absent, and every finding on request.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fs;
use std::path::PathBuf;

use ecsplain_engine::{lint, Input, Severity};

mod common;

/// Rules whose subject is the template itself, or notes about what could not be followed.
const TEMPLATE_RULES: [&str; 5] = ["IN004", "IN005", "EP006", "EP009", "XF002"];

/// Rules that count entries rather than read values: a templated entry is still one entry
/// (SV022: one subnet listed, whatever its ID).
const COUNTING_RULES: [&str; 1] = ["SV022"];

#[test]
fn corpus_projects_lint_without_panics_or_template_findings() {
    let root = common::corpus_dir("ecspresso");
    let Ok(entries) = fs::read_dir(&root) else {
        eprintln!("note: no ecspresso corpus at {}; skipped", root.display());
        return;
    };
    let print = std::env::var_os("ECSPLAIN_CORPUS_PRINT").is_some();
    let mut projects: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    projects.sort();
    let mut problems = Vec::new();
    let mut configs = 0;
    let mut followed = 0;
    for project in projects.iter().filter(|p| p.is_dir()) {
        let inputs: Vec<Input> = common::project_inputs(project);
        let report = lint(&inputs);
        let name = project.file_name().unwrap_or_default().to_string_lossy();
        for (input, kind) in inputs.iter().zip(&report.kinds) {
            if *kind == Some(ecsplain_engine::Kind::Ecspresso) {
                configs += 1;
                for reference in ecsplain_engine::ecspresso::references(&input.path, &input.text) {
                    if inputs.iter().any(|i| {
                        ecsplain_engine::ecspresso::normalize_path(&i.path) == reference.resolved
                    }) {
                        followed += 1;
                    }
                }
            }
        }
        for f in &report.findings {
            let text = &inputs[f.file].text;
            let span = f.span;
            if text.get(span.range()).is_none() {
                problems.push(format!(
                    "{name}/{}: span {span:?} outside the text or not on a char boundary ({})",
                    f.path, f.code
                ));
            }
            for r in &f.related {
                if r.line == 0 {
                    problems.push(format!(
                        "{name}/{}: related without a line ({})",
                        f.path, f.code
                    ));
                }
            }
            if print {
                println!(
                    "{name}/{}:{}:{}: {}[{}] {}",
                    f.path, f.line, f.column, f.severity, f.code, f.message
                );
            }
            if f.severity == Severity::Info
                || TEMPLATE_RULES.contains(&f.code)
                || COUNTING_RULES.contains(&f.code)
            {
                continue;
            }
            let on_template = (template_at(text, span.start as usize) || f.message.contains("{{"))
                && !names_container(text, span.range(), &f.message)
                && !literal_tag_after_template(f.code, text.get(span.range()).unwrap_or(""));
            if on_template {
                problems.push(format!(
                    "{name}/{}:{}:{}: {}[{}] comes from a template: {}",
                    f.path, f.line, f.column, f.severity, f.code, f.message
                ));
            }
        }
    }
    println!("{configs} ecspresso configs, {followed} definition references followed");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Does the finding only name its container by a templated name? A rule about what a
/// container lacks (no `user`, no health check) points at the container's `name` and quotes it
/// (`container `app-{{ must_env `ENV` }}``): the finding is not about the template. Evaluated
/// Jsonnet definitions of the corpus name containers that way.
fn names_container(text: &str, span_text_range: std::ops::Range<usize>, message: &str) -> bool {
    let value = text
        .get(span_text_range)
        .unwrap_or("")
        .trim_matches(['\'', '"']);
    !value.is_empty() && message.contains(&format!("container `{value}`"))
}

/// Is the offset inside a `{{ ... }}` action, or inside a string value holding one?
fn template_at(text: &str, offset: usize) -> bool {
    let scan = ecsplain_engine::template::scan(text);
    if scan
        .actions
        .iter()
        .any(|a| a.span.start as usize <= offset && offset < a.span.end as usize)
    {
        return true;
    }
    // The value that starts here (a quoted string up to the end of the line).
    let rest = text.get(offset..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    line.starts_with(['"', '\'']) && line.contains("{{")
}

/// Every prefix of every corpus config (cut at each line, and inside the first lines at every
/// character) lints without a panic and with spans inside the text.
#[test]
fn truncated_corpus_configs_never_panic() {
    let root = common::corpus_dir("ecspresso");
    if !root.is_dir() {
        println!("note: no ecspresso corpus at {}; skipped", root.display());
        return;
    }
    for file in common::files_under(&root) {
        let name = file.to_string_lossy().to_string();
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        let cuts: Vec<usize> = text
            .char_indices()
            .filter(|(i, c)| *c == '\n' || *i < 120)
            .map(|(i, _)| i)
            .collect();
        for cut in cuts {
            let prefix = &text[..cut];
            let input = Input::new(
                file.file_name().unwrap_or_default().to_string_lossy(),
                prefix,
                None,
            );
            let report = lint(std::slice::from_ref(&input));
            for f in &report.findings {
                assert!(
                    prefix.get(f.span.range()).is_some(),
                    "{name} cut at {cut}: {} span {:?}",
                    f.code,
                    f.span
                );
            }
        }
    }
}

/// Does an image-tag finding rest on the literal text after the last template action
/// (`"{{ must_env `ACCOUNT` }}.dkr.ecr.../app:latest"`)? The template gives the registry; the
/// moving tag is written out.
fn literal_tag_after_template(code: &str, value: &str) -> bool {
    if code != "TD201" {
        return false;
    }
    let tail = value.rsplit("}}").next().unwrap_or(value);
    let last = tail.rsplit('/').next().unwrap_or(tail);
    tail.contains('/') && (last.contains(":latest") || !last.contains(':'))
}
