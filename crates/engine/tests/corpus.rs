//! The real-world corpus: every file under `$ECSPLAIN_CORPUS` (default `<repo>/../shared/corpus`)
//! is linted. `taskdef/`, `servicedef/` and `dockerfile/` files one by one with their folder's
//! kind; each `ecspresso/<project>/` folder as one run, kinds recognised; in `terraform/` and
//! `cloudformation/` the files of each repository as one run, kinds recognised.
//!
//! Asserts that nothing panics (linting and rendering), that every span is inside its text and on
//! char boundaries, and that lines and columns agree with the spans. Then compares a compact
//! summary of the findings (`path: CODE xN, ...`) with `tests/corpus.snap`, so a change in what
//! the rules find in real files shows in review. `ECSPLAIN_BLESS=1` rewrites the snapshot.

// The test prints a note when there is no corpus.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use ecsplain_engine::report::{json, text};
use ecsplain_engine::span::LineIndex;
use ecsplain_engine::{lint, Finding, Input, Kind, Report};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_root() -> PathBuf {
    std::env::var_os("ECSPLAIN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus"))
}

/// Files under `dir`, sorted, as paths relative to `base` with `/` separators.
fn files_under(dir: &Path, base: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                if !rel.ends_with(".md") {
                    out.push((rel, path));
                }
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The lint runs: one per single file, one per ecspresso project.
fn runs(root: &Path) -> Vec<Vec<Input>> {
    let mut runs = Vec::new();
    for kind in [Kind::TaskDef, Kind::ServiceDef, Kind::Dockerfile] {
        for (rel, path) in files_under(&root.join(kind.as_str()), root) {
            runs.push(vec![Input::new(rel, read(&path), Some(kind))]);
        }
    }
    // Terraform and CloudFormation: the files of one repository (`owner_repo__path`) as one
    // run, kinds recognised, so a service pairs with its task definition in another file and a
    // container definitions file joins the `.tf` that reads it.
    for folder in ["terraform", "cloudformation"] {
        let mut by_repo: BTreeMap<String, Vec<Input>> = BTreeMap::new();
        for (rel, path) in files_under(&root.join(folder), root) {
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            let repo = name.split("__").next().unwrap_or(name).to_string();
            by_repo
                .entry(repo)
                .or_default()
                .push(Input::new(rel.clone(), read(&path), None));
        }
        runs.extend(by_repo.into_values());
    }
    let mut projects: Vec<PathBuf> = fs::read_dir(root.join("ecspresso"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    projects.sort();
    for project in projects {
        let inputs: Vec<Input> = files_under(&project, root)
            .into_iter()
            .map(|(rel, path)| Input::new(rel, read(&path), None))
            .collect();
        if !inputs.is_empty() {
            runs.push(inputs);
        }
    }
    runs
}

/// Everything wrong with one finding's positions, as messages.
fn check_positions(f: &Finding, inputs: &[Input], problems: &mut Vec<String>) {
    let Some(input) = inputs.get(f.file) else {
        problems.push(format!(
            "{}: {} has file index {} out of range",
            f.path, f.code, f.file
        ));
        return;
    };
    let text = &input.text;
    let index = LineIndex::new(text);
    let where_ = format!("{}:{}:{} {}", f.path, f.line, f.column, f.code);
    let in_text = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    if f.path != input.path {
        problems.push(format!(
            "{where_}: path is not its input's ({})",
            input.path
        ));
    }
    if !in_text(f.span.start as usize, f.span.end as usize) {
        problems.push(format!(
            "{where_}: span {}..{} is outside the text ({} bytes) or not on char boundaries",
            f.span.start,
            f.span.end,
            text.len()
        ));
        return;
    }
    let start = index.line_col(text, f.span.start);
    let end = index.line_col(text, f.span.end);
    if (start.line, start.column, end.line, end.column)
        != (f.line, f.column, f.end_line, f.end_column)
    {
        problems.push(format!(
            "{where_}: line/col {}:{}-{}:{} disagree with the span ({}:{}-{}:{})",
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            start.line,
            start.column,
            end.line,
            end.column
        ));
    }
    if let Some(fix) = &f.fix {
        for edit in &fix.edits {
            if !in_text(edit.start as usize, edit.end as usize) {
                problems.push(format!(
                    "{where_}: fix edit {}..{} is outside the text or not on char boundaries",
                    edit.start, edit.end
                ));
            }
        }
    }
    for related in &f.related {
        let Some(target) = inputs.iter().find(|i| i.path == related.path) else {
            problems.push(format!(
                "{where_}: related path {} is not an input",
                related.path
            ));
            continue;
        };
        let lines = LineIndex::new(&target.text).line_count() as u32;
        if related.line == 0 || related.line > lines || related.column == 0 {
            problems.push(format!(
                "{where_}: related {}:{}:{} is outside its text ({lines} lines)",
                related.path, related.line, related.column
            ));
        }
    }
}

/// `path: CODE xN, ...` for every input of a run, codes sorted; `path: -` when clean.
fn summarize(inputs: &[Input], report: &Report, lines: &mut Vec<String>) {
    let mut per_file: Vec<BTreeMap<&str, usize>> = vec![BTreeMap::new(); inputs.len()];
    for f in &report.findings {
        if let Some(counts) = per_file.get_mut(f.file) {
            *counts.entry(f.code).or_default() += 1;
        }
    }
    for (input, counts) in inputs.iter().zip(per_file) {
        let body = if counts.is_empty() {
            "-".to_string()
        } else {
            counts
                .iter()
                .map(|(code, n)| format!("{code} x{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        lines.push(format!("{}: {body}", input.path));
    }
}

#[test]
fn corpus() {
    let root = corpus_root();
    if !root.join("taskdef").is_dir() {
        println!(
            "note: no corpus at {} (set ECSPLAIN_CORPUS); the corpus test did nothing",
            root.display()
        );
        return;
    }
    let mut problems = Vec::new();
    let mut lines = Vec::new();
    let (mut files, mut findings) = (0, 0);
    for inputs in runs(&root) {
        let first = inputs.first().map(|i| i.path.clone()).unwrap_or_default();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let report = lint(&inputs);
            let _ = text::render(&report.findings, &inputs, text::Style { color: true });
            let _ = json::render(&report.findings);
            report
        }));
        let Ok(report) = outcome else {
            problems.push(format!("{first}: the engine panicked"));
            continue;
        };
        for f in &report.findings {
            check_positions(f, &inputs, &mut problems);
            // Terraform and CloudFormation files are real, deployed files: no input error
            // (a template taken for JSON, a file of the wrong kind) is true of them.
            let iac = f.path.starts_with("terraform/") || f.path.starts_with("cloudformation/");
            if iac && f.code.starts_with("IN") {
                problems.push(format!(
                    "{}:{}: false input error {}: {}",
                    f.path, f.line, f.code, f.message
                ));
            }
        }
        for (input, kind) in inputs.iter().zip(&report.kinds) {
            let want = if input.path.ends_with(".tf") {
                Some(Kind::Terraform)
            } else if input.path.starts_with("cloudformation/") {
                Some(Kind::CloudFormation)
            } else {
                continue;
            };
            if *kind != want {
                problems.push(format!("{}: read as {kind:?}, not {want:?}", input.path));
            }
        }
        files += inputs.len();
        findings += report.findings.len();
        summarize(&inputs, &report, &mut lines);
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in the corpus:\n{}",
        problems.len(),
        problems.join("\n")
    );

    lines.sort();
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for line in &lines {
        if let Some((_, body)) = line.split_once(": ") {
            for item in body.split(", ").filter(|i| *i != "-") {
                if let Some((code, n)) = item.split_once(" x") {
                    *totals.entry(code.to_string()).or_default() += n.parse::<usize>().unwrap_or(0);
                }
            }
        }
    }
    let mut snapshot = format!(
        "# ecsplain over the corpus: {files} files, {findings} findings\n# totals: {}\n",
        totals
            .iter()
            .map(|(c, n)| format!("{c} x{n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for line in &lines {
        snapshot.push_str(line);
        snapshot.push('\n');
    }

    let snap_path = repo().join("tests/corpus.snap");
    if std::env::var_os("ECSPLAIN_BLESS").is_some() {
        fs::write(&snap_path, &snapshot).expect("write tests/corpus.snap");
        return;
    }
    let expected = fs::read_to_string(&snap_path).unwrap_or_default();
    if expected != snapshot {
        let old: std::collections::BTreeSet<&str> = expected.lines().collect();
        let new: std::collections::BTreeSet<&str> = snapshot.lines().collect();
        let mut diff = String::new();
        for line in old.difference(&new) {
            diff.push_str(&format!("- {line}\n"));
        }
        for line in new.difference(&old) {
            diff.push_str(&format!("+ {line}\n"));
        }
        panic!(
            "the corpus findings changed (review, then `ECSPLAIN_BLESS=1 cargo test -p \
             ecsplain-engine --test corpus`):\n{diff}"
        );
    }
}

/// The rules that only run with a team's settings (DL3026, TD110, TD308, SV025) over the corpus:
/// nothing panics, spans are sound, and no finding names a registry or tag held in a template.
#[test]
fn corpus_with_settings() {
    let root = corpus_root();
    if !root.join("taskdef").is_dir() {
        return;
    }
    let mut config = ecsplain_engine::Config::default();
    config.settings.trusted_registries = vec!["*.dkr.ecr.*.amazonaws.com".into()];
    config.settings.required_tags = vec!["service".into(), "env".into()];
    let settings_rules = ["DL3026", "TD110", "TD308", "SV025"];
    let mut problems = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for inputs in runs(&root) {
        let first = inputs.first().map(|i| i.path.clone()).unwrap_or_default();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            ecsplain_engine::lint_with(&inputs, &config)
        }));
        let Ok(report) = outcome else {
            problems.push(format!("{first}: the engine panicked with settings"));
            continue;
        };
        for f in &report.findings {
            check_positions(f, &inputs, &mut problems);
            if let Some(code) = settings_rules.iter().find(|c| **c == f.code) {
                *counts.entry(code).or_default() += 1;
                let shown = inputs
                    .get(f.file)
                    .and_then(|i| i.text.get(f.span.start as usize..f.span.end as usize))
                    .unwrap_or_default();
                // The part that names the registry: the first path component, or the
                // repository of a one-component name (`golang:${GO_VERSION}` is Docker Hub).
                let shown = shown.trim_matches(['"', '\'']);
                let head = match shown.split_once('/') {
                    Some((first, _)) => first,
                    None => shown.split([':', '@']).next().unwrap_or_default(),
                };
                if f.code != "TD308" && f.code != "SV025" && head.contains(['{', '$', '<']) {
                    problems.push(format!(
                        "{first}: {} reported a templated registry: {shown}",
                        f.code
                    ));
                }
            }
        }
    }
    println!("settings rules over the corpus: {counts:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
