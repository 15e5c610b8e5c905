//! `lint --fix`, `--diff` and `--unsafe-fixes` on copies of the rule fixtures and of the corpus
//! (`$ECSPLAIN_CORPUS`, default `<repo>/../shared/corpus`): after fixing, a re-lint finds no new
//! input error, no safe fix left to apply, every template action as written, and a second
//! `--fix` changes nothing.

// The test prints a note when there is no corpus.
#![allow(clippy::print_stdout)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::{ecsplain_in, repo, scratch, stderr, stdout};
use serde_json::Value;

fn corpus_root() -> PathBuf {
    std::env::var_os("ECSPLAIN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus"))
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy");
    for entry in fs::read_dir(from).expect("read the tree").flatten() {
        let target = to.join(entry.file_name());
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &target);
        } else if !path.to_string_lossy().ends_with(".snap") {
            fs::copy(&path, &target).expect("copy a file");
        }
    }
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                out.insert(
                    rel.to_string_lossy().into_owned(),
                    fs::read(&path).expect("read a file"),
                );
            }
        }
    }
    out
}

/// The findings of `lint --format json` in `dir`.
fn findings(dir: &Path) -> Vec<Value> {
    let o = ecsplain_in(
        dir,
        &["lint", ".", "--format", "json", "--fail-on", "error"],
    );
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("the JSON output parses");
    doc["findings"].as_array().cloned().unwrap_or_default()
}

/// Input errors (IN codes at error severity), as `path CODE message`.
fn input_errors(findings: &[Value]) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("IN")))
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {} {}", f["path"], f["code"], f["message"]))
        .collect()
}

/// Findings that carry a fix `--fix` (with `unsafe_too`, `--unsafe-fixes`) would apply.
fn fixable(findings: &[Value], unsafe_too: bool) -> Vec<String> {
    findings
        .iter()
        .filter(|f| {
            f["fix"]["applicability"] == "safe"
                || (unsafe_too && f["fix"]["applicability"] == "unsafe")
        })
        .map(|f| format!("{}:{} {}", f["path"], f["line"], f["code"]))
        .collect()
}

/// Every `{{ ... }}` action of a text, in order.
fn actions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let tail = &rest[start..];
        match tail.find("}}") {
            Some(end) => {
                out.push(tail[..end + 2].to_string());
                rest = &tail[end + 2..];
            }
            None => {
                out.push(tail.to_string());
                break;
            }
        }
    }
    out
}

/// Fixes a copy of `source` and checks everything the module comment promises; returns how many
/// findings were fixable before.
fn fix_and_relint(source: &Path, name: &str, unsafe_too: bool) -> usize {
    let dir = scratch(name);
    copy_tree(source, &dir);
    let before_files = contents(&dir);
    let before = findings(&dir);
    let wanted = fixable(&before, unsafe_too);
    assert!(
        !wanted.is_empty(),
        "{name}: the copy has findings with fixes to apply"
    );

    // --diff writes nothing and exits 1 when there is something to fix.
    let diff = ecsplain_in(
        &dir,
        &[
            "lint",
            ".",
            "--diff",
            if unsafe_too {
                "--unsafe-fixes"
            } else {
                "--quiet"
            },
        ],
    );
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert!(stdout(&diff).contains("\n+++ "), "a unified diff");
    assert_eq!(contents(&dir), before_files, "{name}: --diff wrote nothing");

    let mut args = vec!["lint", ".", "--fix", "--fail-on", "error"];
    if unsafe_too {
        args.push("--unsafe-fixes");
    }
    let fixed = ecsplain_in(&dir, &args);
    let message = stderr(&fixed);
    assert!(
        !message.contains("were not applied") && !message.contains("still changing"),
        "{name}: {message}"
    );
    let line = message
        .lines()
        .find(|l| l.starts_with("ecsplain: fixed "))
        .unwrap_or_else(|| panic!("{name}: a summary of the fixes in {message}"));
    let count: usize = line["ecsplain: fixed ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(count >= 1, "{line}");

    let after_files = contents(&dir);
    let after = findings(&dir);
    // No new input error; the fixed findings are gone; every placeholder is as written.
    let new_errors: Vec<_> = input_errors(&after)
        .difference(&input_errors(&before))
        .cloned()
        .collect();
    assert!(
        new_errors.is_empty(),
        "{name}: new input errors {new_errors:?}"
    );
    assert_eq!(
        fixable(&after, unsafe_too),
        Vec::<String>::new(),
        "{name}: fixes left"
    );
    let mut changed = 0;
    for (path, bytes) in &before_files {
        let now = after_files.get(path).expect("no file removed");
        if now != bytes {
            changed += 1;
        }
        assert_eq!(
            actions(&String::from_utf8_lossy(now)),
            actions(&String::from_utf8_lossy(bytes)),
            "{name}: {path}: the template actions are as written"
        );
    }
    assert_eq!(
        after_files.len(),
        before_files.len(),
        "no temporary file left"
    );
    assert!(
        line.contains(&format!(" in {changed} file")),
        "{line}: {changed} files changed"
    );

    // Idempotent: a second pass has nothing to do.
    let again = ecsplain_in(&dir, &args);
    assert!(
        stderr(&again).contains("ecsplain: nothing fixed"),
        "{name}: {}",
        stderr(&again)
    );
    assert_eq!(
        contents(&dir),
        after_files,
        "{name}: the second --fix changed nothing"
    );
    let diff = ecsplain_in(&dir, &["lint", ".", "--diff"]);
    assert_eq!(
        (diff.status.code(), stdout(&diff)),
        (Some(0), String::new())
    );
    wanted.len()
}

#[test]
fn fix_fixtures_then_relint() {
    let fixtures = repo().join("tests/fixtures");
    assert!(fix_and_relint(&fixtures, "fix-fixtures", false) > 10);
    assert!(fix_and_relint(&fixtures, "fix-fixtures-unsafe", true) > 10);
}

#[test]
fn fix_corpus_then_relint() {
    let corpus = corpus_root();
    if !corpus.is_dir() {
        println!("note: no corpus at {}; skipped", corpus.display());
        return;
    }
    assert!(fix_and_relint(&corpus, "fix-corpus", false) > 10);
    assert!(fix_and_relint(&corpus, "fix-corpus-unsafe", true) > 10);
}

#[test]
fn fix_keeps_placeholders_and_reports_what_remains() {
    let dir = scratch("fix-template");
    let task = "{\n  \"family\": \"web\",\n  \"containerDefinitions\": [\n    {\n      \"name\": \"app\",\n      \"image\": \"{{ must_env `IMAGE` }}\",\n      \"memoryReservations\": {{ must_env `MEM` }},\n      \"essential\": true\n    }\n  ]\n}\n";
    fs::write(dir.join("task-def.json"), task).expect("write");
    let o = ecsplain_in(&dir, &["lint", "task-def.json", "--fix"]);
    let fixed = fs::read_to_string(dir.join("task-def.json")).expect("read");
    assert_eq!(
        fixed,
        task.replace("\"memoryReservations\"", "\"memoryReservation\"")
    );
    let message = stderr(&o);
    assert!(
        message.contains(
            "ecsplain: fixed 1 finding in 1 file (1 more unsafe fix with --unsafe-fixes)"
        ),
        "{message}"
    );
    // What remains is reported as usual, and sets the exit status.
    assert!(!stdout(&o).contains("TD002"), "{}", stdout(&o));
    assert!(stdout(&o).contains("TD103"), "{}", stdout(&o));
    assert_eq!(o.status.code(), Some(1));

    // Standard input can be shown a diff, not written.
    let o = ecsplain_in(&dir, &["lint", "-", "--fix"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--diff"), "{}", stderr(&o));
    for bad in [
        &["lint", "x", "--fix", "--diff"][..],
        &["lint", "x", "--unsafe-fixes"],
        &["lint", "x", "--diff", "--format", "json"],
    ] {
        let o = ecsplain_in(&dir, bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn diff_of_a_dockerfile_on_stdin() {
    let dir = scratch("fix-stdin");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ecsplain"))
        .args(["lint", "-", "--kind", "dockerfile", "--diff"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"FROM alpine:3.20\nADD app.py /srv/\nRUN cd /srv && make\n")
            .expect("write");
    }
    let o = child.wait_with_output().expect("wait");
    let diff = stdout(&o);
    assert!(diff.starts_with("--- -\n+++ -\n"), "{diff}");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}
