//! Which files `ecsplain lint DIR` walks: `.gitignore`, `.ignore` and git's exclude file are
//! honoured (`--no-ignore` turns that off), the configuration's `exclude` / `extend-exclude`
//! globs apply, and a file named on the command line is always linted.

mod common;

use std::path::Path;
use std::process::Command;

use common::{ecsplain_in, repo, scratch, stderr, stdout};
use serde_json::Value;

const FAIL: &str = "tests/fixtures/taskdef/TD002_fail.json";

/// A task definition with findings at each of `paths` under `dir`.
fn plant(dir: &Path, paths: &[&str]) {
    let bad = std::fs::read(repo().join(FAIL)).expect("fixture");
    for path in paths {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
        std::fs::write(file, &bad).expect("write");
    }
}

/// The files with findings when `args` are linted in `dir`, sorted, `./` removed.
fn linted(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let o = ecsplain_in(dir, &all);
    assert!(o.status.code() != Some(2), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let mut paths: Vec<String> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("./")
                .to_string()
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

fn git(dir: &Path, args: &[&str]) -> bool {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn gitignore_and_dot_ignore_are_honoured_and_no_ignore_turns_them_off() {
    let dir = scratch("discover-ignore");
    plant(
        &dir,
        &[
            "deploy/task-def.json",
            "build/task-def.json",
            "deploy/out/task-def.json",
            "scratch/task-def.json",
            ".github/task-def.json",
        ],
    );
    std::fs::write(dir.join(".gitignore"), "build/\n").expect("write");
    std::fs::write(dir.join("deploy/.gitignore"), "out/\n").expect("write");
    std::fs::write(dir.join(".ignore"), "scratch\n").expect("write");
    assert_eq!(
        linted(&dir, &["."]),
        [".github/task-def.json", "deploy/task-def.json"],
        "no git repository needed; hidden folders are walked"
    );
    assert_eq!(
        linted(&dir, &[".", "--no-ignore"]),
        [
            ".github/task-def.json",
            "build/task-def.json",
            "deploy/out/task-def.json",
            "deploy/task-def.json",
            "scratch/task-def.json"
        ]
    );
    // A file named on the command line is linted, ignored or not; so is a folder named.
    assert_eq!(
        linted(&dir, &["build/task-def.json", "deploy"]),
        ["build/task-def.json", "deploy/task-def.json"]
    );
    assert_eq!(linted(&dir, &["build"]), ["build/task-def.json"]);
}

#[test]
fn git_exclude_file_is_honoured() {
    let dir = scratch("discover-git");
    assert!(git(&dir, &["init", "-q"]), "git init in a scratch folder");
    plant(&dir, &["deploy/task-def.json", "local/task-def.json"]);
    std::fs::write(dir.join(".git/info/exclude"), "local/\n").expect("write");
    assert_eq!(linted(&dir, &["."]), ["deploy/task-def.json"]);
    assert_eq!(
        linted(&dir, &[".", "--no-ignore"]),
        ["deploy/task-def.json", "local/task-def.json"]
    );
}

#[test]
fn exclude_and_extend_exclude_from_the_configuration() {
    let dir = scratch("discover-exclude");
    plant(
        &dir,
        &[
            "deploy/task-def.json",
            "deploy/web.generated.json",
            "vendor/task-def.json",
            "node_modules/x/task-def.json",
            "target/task-def.json",
            "sub/vendor/task-def.json",
        ],
    );
    // The defaults: .git, target and node_modules.
    assert_eq!(
        linted(&dir, &["."]),
        [
            "deploy/task-def.json",
            "deploy/web.generated.json",
            "sub/vendor/task-def.json",
            "vendor/task-def.json"
        ]
    );
    // extend-exclude adds to them; a pattern with `/` is anchored at the config's folder.
    std::fs::write(
        dir.join(".ecsplain.yaml"),
        "extend-exclude: [\"vendor/**\", \"*.generated.json\"]\n",
    )
    .expect("write");
    assert_eq!(
        linted(&dir, &["."]),
        ["deploy/task-def.json", "sub/vendor/task-def.json"]
    );
    // exclude replaces them.
    std::fs::write(dir.join(".ecsplain.yaml"), "exclude: [vendor]\n").expect("write");
    assert_eq!(
        linted(&dir, &["."]),
        [
            "deploy/task-def.json",
            "deploy/web.generated.json",
            "node_modules/x/task-def.json",
            "target/task-def.json"
        ]
    );
    // The same from another working directory, and with --config.
    let parent = dir.parent().expect("parent");
    let name = dir.file_name().and_then(|n| n.to_str()).expect("name");
    assert_eq!(linted(parent, &[name]).len(), 4);
    std::fs::write(
        dir.join("other.yaml"),
        "exclude: [deploy, target, node_modules]\n",
    )
    .expect("write");
    assert_eq!(
        linted(&dir, &[".", "--config", "other.yaml"]),
        ["sub/vendor/task-def.json", "vendor/task-def.json"]
    );
    // Named explicitly: linted.
    assert_eq!(
        linted(&dir, &["vendor/task-def.json"]),
        ["vendor/task-def.json"]
    );
    // `ecsplain config` shows the keys.
    let o = ecsplain_in(&dir, &["config", "."]);
    assert!(
        stdout(&o).contains("exclude: [vendor]\nextend-exclude: []\n"),
        "{}",
        stdout(&o)
    );
}
