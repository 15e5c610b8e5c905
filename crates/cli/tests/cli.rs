//! The built `ecsplain` binary on the repository's fixture files: exit codes, both formats,
//! errors, `explain`, `rules`, `--kind` and directory walks.

use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{ecsplain, repo, scratch, stderr, stdout};

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// The finding of `code` (the first one).
fn finding<'a>(doc: &'a Value, code: &str) -> &'a Value {
    doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding in {doc}"))
}

/// The exit status the findings call for at a threshold: 1 when one is at or above it.
fn expected_status(doc: &Value, threshold: &str) -> i32 {
    let rank = |s: &str| ["info", "warning", "error"].iter().position(|x| *x == s);
    let at = rank(threshold);
    let any = doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .any(|f| rank(f["severity"].as_str().unwrap_or("")) >= at);
    i32::from(any)
}

/// Parses "3 errors, 2 warnings, 1 info in 4 files" into the counts and the number of files.
fn parse_summary(line: &str) -> Option<(u64, u64, u64, u64)> {
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [e, "error" | "errors", w, "warning" | "warnings", i, "info", "in", n, "file" | "files"] => {
            Some((
                e.parse().ok()?,
                w.parse().ok()?,
                i.parse().ok()?,
                n.parse().ok()?,
            ))
        }
        ["no", "findings", "in", n, "file" | "files"] => Some((0, 0, 0, n.parse().ok()?)),
        _ => None,
    }
}

fn codes(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_string())
        .collect()
}

// The fixtures' findings grow with the rule set, so tests look for the finding they are about and
// compute the expected exit status from the findings rather than counting them.

/// An invalid Fargate size: a TD001 error at 6:13.
const FAIL: &str = "tests/fixtures/taskdef/TD001_fail.json";
/// A valid Fargate task: no error (other rules may warn).
const PASS: &str = "tests/fixtures/taskdef/TD001_pass.json";
/// A template (IN005, info).
const INFO: &str = "tests/fixtures/taskdef/IN005_fail.json";
/// Broken JSON that no name or content marks as a task definition.
const UNKNOWN: &str = "tests/fixtures/taskdef/IN001_fail.json";

#[test]
fn exit_1_and_text_for_an_error() {
    let o = ecsplain(&["lint", FAIL]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = stdout(&o);
    let head = format!("{FAIL}:6:13: error[TD001] Fargate has no task size");
    let at = text
        .lines()
        .position(|l| l.starts_with(&head))
        .unwrap_or_else(|| panic!("no `{head}` in\n{text}"));
    // The source line and carets under the span follow.
    let excerpt: Vec<&str> = text.lines().skip(at + 1).take(3).collect();
    assert_eq!(excerpt[1], "6 |   \"memory\": \"4096\",", "{text}");
    assert_eq!(excerpt[2], "  |             ^^^^^^", "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    let summary = stderr(&o);
    let (errors, _, _, files) = parse_summary(summary.trim()).expect("a summary line");
    assert!(errors >= 1 && files == 1, "{summary}");
}

#[test]
fn exit_0_when_nothing_reaches_the_threshold() {
    let o = ecsplain(&["lint", "--fail-on", "error", PASS]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let (errors, _, _, files) = parse_summary(stderr(&o).trim()).expect("a summary line");
    assert_eq!((errors, files), (0, 1));
}

#[test]
fn fail_on_sets_the_threshold() {
    for file in [FAIL, PASS, INFO] {
        let doc = json(&ecsplain(&["lint", "--format", "json", file]));
        for threshold in ["error", "warning", "info"] {
            let o = ecsplain(&["lint", "--fail-on", threshold, file]);
            assert_eq!(
                o.status.code(),
                Some(expected_status(&doc, threshold)),
                "{file} --fail-on {threshold}"
            );
        }
        // The default is warning.
        assert_eq!(
            ecsplain(&["lint", file]).status.code(),
            Some(expected_status(&doc, "warning"))
        );
    }
    assert_eq!(
        ecsplain(&["lint", "--fail-on=error", FAIL]).status.code(),
        Some(1)
    );
    assert_eq!(
        ecsplain(&["lint", "--fail-on", "info", INFO]).status.code(),
        Some(1)
    );
}

#[test]
fn summary_counts_match_the_findings() {
    let doc = json(&ecsplain(&["lint", "--format", "json", FAIL, PASS]));
    let count = |s: &str| {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == s)
            .count() as u64
    };
    let o = ecsplain(&["lint", FAIL, PASS]);
    let summary = parse_summary(stderr(&o).trim()).expect("a summary line");
    assert_eq!(
        summary,
        (count("error"), count("warning"), count("info"), 2)
    );
}

#[test]
fn json_follows_the_contract() {
    let o = ecsplain(&["lint", "--format", "json", FAIL]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "", "no summary in JSON mode");
    let doc = json(&o);
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    let f = finding(&doc, "TD001");
    assert_eq!(f["path"], FAIL);
    assert_eq!(f["code"], "TD001");
    assert_eq!(f["severity"], "error");
    assert!(f["message"].as_str().is_some_and(|m| m.contains("4096")));
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(6), Some(13))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(6), Some(19))
    );
    assert_eq!(f["related"][0]["path"], FAIL);
    assert!(f["related"][0]["message"].is_string());
    assert!(f["help"].is_string());
    assert!(f["fix"]["title"].is_string());
    assert!(f["fix"]["edits"][0]["content"].is_string());
    // Internal fields stay out of the contract.
    assert!(f.get("file").is_none() && f.get("span").is_none());

    for f in doc["findings"].as_array().unwrap() {
        assert_eq!(f["path"], FAIL);
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(f[key].as_u64().is_some_and(|n| n >= 1), "{key} in {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }

    let clean = json(&ecsplain(&["lint", "--format=json", PASS]));
    assert!(!codes(&clean).contains(&"TD001".to_string()));
}

#[test]
fn colour_on_request_and_never_by_default_in_pipes() {
    let o = ecsplain(&["lint", "--color", "always", FAIL]);
    assert!(stdout(&o).contains("\u{1b}["));
    let o = ecsplain(&["lint", "--color", "never", FAIL]);
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn missing_file_is_exit_2_and_named() {
    let o = ecsplain(&["lint", "no/such/file.json", PASS]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no/such/file.json"), "{err}");
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        &["lint"][..],
        &["lint", "--format", "xml", PASS],
        &["lint", "--kind", "pod", PASS],
        &["lint", "--formt", "json", PASS],
        &["frobnicate"],
        &["explain"],
    ] {
        let o = ecsplain(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("ecsplain: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = ecsplain(&["lint", "--formt", "json", PASS]);
    assert!(
        stderr(&o).contains("did you mean `--format`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_kind_needs_kind_and_kind_forces_it() {
    let o = ecsplain(&["lint", UNKNOWN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--kind"), "{}", stderr(&o));
    assert!(stderr(&o).contains(UNKNOWN));

    let o = ecsplain(&["lint", "--kind", "taskdef", "--format", "json", UNKNOWN]);
    assert_eq!(o.status.code(), Some(1));
    assert!(codes(&json(&o)).contains(&"IN001".to_string()));

    // A Dockerfile forced to be read as a task definition says so.
    let o = ecsplain(&[
        "lint",
        "--kind=taskdef",
        "--format=json",
        "tests/fixtures/taskdef/IN007_fail.json",
    ]);
    assert!(codes(&json(&o)).contains(&"IN007".to_string()));
}

#[test]
fn kind_servicedef_is_obeyed_for_a_service_with_service_connect_logs() {
    // A top-level `cluster` next to Service Connect's `awslogs-region` once read as an
    // ecspresso config (IN007) and skipped every service check.
    let dir = scratch("kind-servicedef");
    let file = dir.join("api.json");
    std::fs::write(
        &file,
        r#"{
  "cluster": "prod",
  "serviceName": "api",
  "taskDefinition": "api",
  "desiredCount": 1,
  "launchType": "FARGATE",
  "deploymentConfiguration": {
    "deploymentCircuitBreaker": { "enable": false, "rollback": false }
  },
  "serviceConnectConfiguration": {
    "enabled": true,
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": { "awslogs-group": "/ecs/api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "sc" }
    }
  }
}
"#,
    )
    .unwrap();
    for args in [
        vec!["lint", "--kind", "servicedef", "--format", "json"],
        vec!["lint", "--format", "json"],
    ] {
        let mut args = args;
        args.push(file.to_str().unwrap());
        let doc = json(&ecsplain(&args));
        let found = codes(&doc);
        assert!(!found.contains(&"IN007".to_string()), "{args:?}: {doc}");
        assert!(found.contains(&"SV020".to_string()), "{args:?}: {doc}");
    }
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let dir = scratch("utf8");
    let file = dir.join("task-def.json");
    std::fs::write(
        &file,
        b"{\"family\": \"w\xffeb\", \"containerDefinitions\": []}",
    )
    .unwrap();
    let o = ecsplain(&["lint", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(codes(&json(&o)).contains(&"IN008".to_string()));
}

#[test]
fn directories_are_walked_and_paths_stay_as_given() {
    let o = ecsplain(&["lint", "--format", "json", "tests/fixtures/taskdef"]);
    assert_eq!(o.status.code(), Some(1));
    let doc = json(&o);
    let findings = doc["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["path"]
        .as_str()
        .unwrap()
        .starts_with("tests/fixtures/taskdef/")));
    assert!(codes(&doc).contains(&"TD001".to_string()));
    // Files of unknown kind inside a directory are skipped, not errors.
    assert!(!findings
        .iter()
        .any(|f| f["path"].as_str().unwrap().ends_with("IN001_fail.json")));
}

#[test]
fn walk_skips_vcs_build_and_dependency_folders() {
    let dir = scratch("walk");
    let bad = std::fs::read(repo().join(FAIL)).unwrap();
    for sub in ["deploy", ".git", "target", "node_modules/x"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("task-def.json"), &bad).unwrap();
    }
    std::fs::write(dir.join("README.md"), "# not linted\n").unwrap();
    let o = ecsplain(&["lint", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let doc = json(&o);
    let paths: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|p| p.ends_with("deploy/task-def.json")),
        "{paths:?}"
    );

    // `--kind` in a directory keeps only files of that kind.
    let o = ecsplain(&["lint", "--kind", "dockerfile", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn explain_prints_the_docs() {
    let o = ecsplain(&["explain", "TD001"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("TD001 invalid-fargate-size: "), "{text}");
    for heading in ["## What it does", "## Why is this bad?", "## References"] {
        assert!(text.contains(heading), "{heading}");
    }
    // By name and in lower case too.
    assert_eq!(ecsplain(&["explain", "td001"]).status.code(), Some(0));
    assert_eq!(
        ecsplain(&["explain", "invalid-fargate-size"]).status.code(),
        Some(0)
    );
}

#[test]
fn explain_unknown_code_suggests() {
    let o = ecsplain(&["explain", "TD01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean TD001"), "{}", stderr(&o));
}

#[test]
fn rules_lists_every_rule() {
    let o = ecsplain(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("CODE"));
    let summary_at = header.find("SUMMARY").unwrap();
    let td001 = lines
        .find(|l| l.starts_with("TD001"))
        .expect("TD001 listed");
    assert!(td001.contains("invalid-fargate-size") && td001.contains("error"));
    assert_eq!(
        td001.find("the task's cpu"),
        Some(summary_at),
        "columns are aligned"
    );

    let doc = json(&ecsplain(&["rules", "--format", "json"]));
    let rules = doc["rules"].as_array().unwrap();
    assert_eq!(rules.len(), text.lines().count() - 1);
    let rule = rules.iter().find(|r| r["code"] == "TD001").unwrap();
    assert_eq!(rule["name"], "invalid-fargate-size");
    assert_eq!(rule["severity"], "error");
    assert!(rule["category"].is_string() && rule["summary"].is_string());
}

#[test]
fn version_and_help() {
    let o = ecsplain(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("ecsplain {}", env!("CARGO_PKG_VERSION"))
    );
    let o = ecsplain(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("ecsplain lint"));
}

#[test]
fn an_ecspresso_config_brings_the_files_it_names() {
    let dir = scratch("ecspresso");
    let config = dir.join("ecspresso.yml");
    let config_text = "region: ap-northeast-1\ncluster: default\nservice: web\n\
                       task_definition: ecs-task-def.json\n";
    std::fs::write(&config, config_text).unwrap();
    std::fs::write(
        dir.join("ecs-task-def.json"),
        std::fs::read(repo().join(FAIL)).unwrap(),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let named = ecsplain_engine::ecspresso::references(config, config_text);
    let o = ecsplain(&["lint", "--format", "json", config]);
    let doc = json(&o);
    if named.is_empty() {
        // The config reader does not name files yet: only the config is linted.
        assert!(!codes(&doc).contains(&"TD001".to_string()));
        return;
    }
    let td001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "TD001")
        .expect("the named task definition is linted");
    assert!(td001["path"]
        .as_str()
        .unwrap()
        .ends_with("ecs-task-def.json"));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn stdin_is_linted_as_dash() {
    use std::io::Write;
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ecsplain"))
            .args(args)
            .current_dir(repo())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let text = std::fs::read(repo().join(FAIL)).unwrap();
        child.stdin.take().unwrap().write_all(&text).unwrap();
        child.wait_with_output().unwrap()
    };
    // The content says it is a task definition.
    let o = run(&["lint", "--format", "json", "-"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(finding(&doc, "TD001")["path"], "-");
    let o = run(&["lint", "--kind", "taskdef", "-"]);
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with("-:6:13: error[TD001]")),
        "{}",
        stdout(&o)
    );
}

/// Issue 20: a folder with a CloudFormation (CDK) JSON template and a Terraform file: neither is
/// taken for a raw task definition; each resource's findings are on its own lines, and
/// `--kind terraform` selects the `.tf` files of a folder.
#[test]
fn terraform_and_cloudformation_in_a_folder() {
    let dir = repo().join("tests/fixtures");
    let out = ecsplain(&[
        "lint",
        dir.join("cloudformation/TD001_fail_cdk.template.json")
            .to_str()
            .expect("utf-8 path"),
        dir.join("terraform/TD001_fail.tf")
            .to_str()
            .expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let doc = json(&out);
    let findings = doc["findings"].as_array().expect("findings array");
    assert!(
        !findings
            .iter()
            .any(|f| f["code"].as_str().is_some_and(|c| c.starts_with("IN"))),
        "no input errors: {doc}"
    );
    let td001: Vec<(&str, u64)> = findings
        .iter()
        .filter(|f| f["code"] == "TD001")
        .map(|f| {
            let path = f["path"].as_str().unwrap_or("");
            (
                path.rsplit('/').next().unwrap_or(path),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        td001,
        [("TD001_fail_cdk.template.json", 15), ("TD001_fail.tf", 6)],
        "{doc}"
    );
    let only_tf = ecsplain(&[
        "lint",
        dir.join("terraform").to_str().expect("utf-8 path"),
        dir.join("cloudformation").to_str().expect("utf-8 path"),
        "--kind",
        "terraform",
        "--format",
        "json",
    ]);
    let doc = json(&only_tf);
    let paths: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(!paths.is_empty(), "{doc}");
    // The `.tf` files, and the container definitions they read with `file()`/`templatefile()`.
    assert!(
        paths
            .iter()
            .all(|p| p.ends_with(".tf") || p.contains("/TD011_")),
        "{paths:?}"
    );
}

/// Issue 20: a Terraform task's `file()` and `templatefile()` of a file next to it are folded
/// in: the CLI adds the file to the run, the container's memory is checked against the task's,
/// and the finding is on the container file's line with the task's memory as related.
#[test]
fn terraform_file_and_templatefile_are_folded_in() {
    let dir = repo().join("tests/fixtures/terraform");
    for (folder, file, line) in [
        ("TD011_fail_file", "containers.json", 5),
        ("TD011_fail_templatefile", "api.json.tpl", 5),
    ] {
        let out = ecsplain(&[
            "lint",
            dir.join(folder).to_str().expect("utf-8 path"),
            "--format",
            "json",
        ]);
        let doc = json(&out);
        let td011 = finding(&doc, "TD011");
        let path = td011["path"].as_str().unwrap_or("");
        assert!(path.ends_with(file), "{doc}");
        assert_eq!(td011["line"], line, "{doc}");
        let related = td011["related"][0]["path"].as_str().unwrap_or("");
        assert!(related.ends_with("main.tf"), "{doc}");
        assert!(
            !doc["findings"]
                .as_array()
                .expect("findings array")
                .iter()
                .any(|f| f["code"].as_str().is_some_and(|c| c.starts_with("IN"))),
            "no input errors: {doc}"
        );
    }
}
