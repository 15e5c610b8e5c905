//! What pipelines rely on: configuration files found by walking up, `--config`,
//! `--no-inline-ignores`, `--fail-on` over the configuration, configuration errors, `--quiet`,
//! `ecsplain config`, `ecsplain size`, `ecsplain render`, and the project's own deploy files
//! linting clean.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;
use common::{ecsplain, ecsplain_in, repo, scratch, stderr, stdout};

fn codes(o: &Output) -> Vec<String> {
    let doc: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", stdout(o), stderr(o)));
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

const BAD_TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": true }]
}
"#;

const DOCKERFILE: &str = "FROM node\n# ecsplain ignore=DL3025 -- the shell form is what this test needs\nCMD node server.js\n";

/// A project: `proj/.ecsplain.yaml` (given), `proj/deploy/task-def.json`, `proj/Dockerfile`.
fn project(name: &str, config: Option<&str>) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("deploy")).unwrap();
    std::fs::write(dir.join("deploy/task-def.json"), BAD_TASK).unwrap();
    std::fs::write(dir.join("Dockerfile"), DOCKERFILE).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.join(".ecsplain.yaml"), config).unwrap();
    }
    dir
}

#[test]
fn config_is_found_by_walking_up() {
    let dir = project("walk-up", None);
    let all = codes(&ecsplain_in(
        &dir,
        &["lint", "--format", "json", "deploy/task-def.json"],
    ));
    assert!(all.contains(&"TD001".to_string()), "{all:?}");

    std::fs::write(dir.join(".ecsplain.yaml"), "ignore: [TD001]\n").unwrap();
    // From the project, from the file's folder, and by an absolute path.
    for (cwd, path) in [
        (dir.clone(), "deploy/task-def.json".to_string()),
        (dir.join("deploy"), "task-def.json".to_string()),
        (
            repo(),
            dir.join("deploy/task-def.json").display().to_string(),
        ),
        (dir.clone(), ".".to_string()),
    ] {
        let found = codes(&ecsplain_in(&cwd, &["lint", "--format", "json", &path]));
        assert!(!found.contains(&"TD001".to_string()), "{path}: {found:?}");
    }
    // `--config` names another file.
    std::fs::write(dir.join("other.yml"), "select: [TD001]\n").unwrap();
    let only = codes(&ecsplain_in(
        &dir,
        &["lint", "--format=json", "--config", "other.yml", "."],
    ));
    assert!(
        !only.is_empty() && only.iter().all(|c| c == "TD001"),
        "{only:?}"
    );
}

#[test]
fn fail_on_comes_from_the_config_and_the_option_wins() {
    let dir = project("fail-on", Some("fail-on: info\nselect: [DL3006]\n"));
    // DL3006 (untagged image) is a warning: fails at info and warning, not at error.
    assert_eq!(
        ecsplain_in(&dir, &["lint", "Dockerfile"]).status.code(),
        Some(1)
    );
    std::fs::write(
        dir.join(".ecsplain.yaml"),
        "fail-on: error\nselect: [DL3006]\n",
    )
    .unwrap();
    let o = ecsplain_in(&dir, &["lint", "Dockerfile"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        ecsplain_in(&dir, &["lint", "--fail-on", "warning", "Dockerfile"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn inline_ignores_can_be_turned_off() {
    let dir = project("inline", None);
    let honoured = codes(&ecsplain_in(
        &dir,
        &["lint", "--format", "json", "Dockerfile"],
    ));
    assert!(!honoured.contains(&"DL3025".to_string()), "{honoured:?}");
    let off = codes(&ecsplain_in(
        &dir,
        &[
            "lint",
            "--format",
            "json",
            "--no-inline-ignores",
            "Dockerfile",
        ],
    ));
    assert!(off.contains(&"DL3025".to_string()), "{off:?}");
    // And from the configuration.
    std::fs::write(dir.join(".ecsplain.yaml"), "inline-ignores: false\n").unwrap();
    let off = codes(&ecsplain_in(
        &dir,
        &["lint", "--format", "json", "Dockerfile"],
    ));
    assert!(off.contains(&"DL3025".to_string()), "{off:?}");
}

#[test]
fn config_errors_are_findings_and_exit_2() {
    let dir = project("bad-config", Some("fail-on: warning\nignroe: [TD001]\n"));
    let o = ecsplain_in(&dir, &["lint", "--color=never", "Dockerfile"]);
    assert_eq!(o.status.code(), Some(2));
    let text = stdout(&o);
    assert!(
        text.contains(".ecsplain.yaml:2:1: error[IN011] unknown key `ignroe`"),
        "{text}"
    );
    assert!(text.contains("did you mean `ignore`?"), "{text}");
    let o = ecsplain_in(&dir, &["lint", "--format", "json", "Dockerfile"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(codes(&o).contains(&"IN011".to_string()));
    // In every format, on the configuration file.
    for format in ["sarif", "gitlab", "github"] {
        let o = ecsplain_in(&dir, &["lint", "--format", format, "Dockerfile"]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(stdout(&o).contains("IN011"), "{format}: {}", stdout(&o));
        assert!(
            stdout(&o).contains(".ecsplain.yaml"),
            "{format}: {}",
            stdout(&o)
        );
    }
    // `ecsplain config` shows them too.
    let o = ecsplain_in(&dir, &["config"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("IN011"), "{}", stderr(&o));
}

#[test]
fn config_command_prints_the_effective_configuration() {
    let dir = project(
        "show-config",
        Some("ignore: [DL3008]\nseverity: {DL3059: warning}\nregion: ap-northeast-1\n"),
    );
    let o = ecsplain_in(&dir.join("deploy"), &["config"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("# from "), "{text}");
    assert!(text.contains(".ecsplain.yaml"), "{text}");
    assert!(text.contains("ignore: [DL3008]"), "{text}");
    assert!(text.contains("  DL3059: warning"), "{text}");
    assert!(text.contains("region: ap-northeast-1"), "{text}");
    assert!(text.contains("fail-on: warning"), "{text}");

    let o = ecsplain_in(&dir, &["config", "--format", "json", "deploy"]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(doc["file"]
        .as_str()
        .is_some_and(|f| f.ends_with(".ecsplain.yaml")));
    assert_eq!(doc["config"]["region"], "ap-northeast-1");
    assert_eq!(doc["config"]["severity"]["DL3059"], "warning");

    let empty = scratch("no-config");
    let o = ecsplain_in(&empty, &["config"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("the defaults"), "{}", stdout(&o));
}

#[test]
fn quiet_prints_findings_only() {
    let dir = project("quiet", None);
    let o = ecsplain_in(&dir, &["lint", "--quiet", "deploy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("TD001"));
    assert_eq!(stderr(&o), "");
}

#[test]
fn size_reports_and_uses_options() {
    let o = ecsplain(&["size", "deploy/ecspresso/ecs-task-def.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Task: cpu"), "{text}");

    let dir = scratch("size");
    let file = dir.join("task-def.json");
    std::fs::write(&file, BAD_TASK).unwrap();
    let file = file.to_str().unwrap();
    let o = ecsplain(&[
        "size",
        "--format",
        "json",
        "--region",
        "eu-west-1",
        "--spot-discount",
        "60",
        file,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(doc["task"].is_object(), "{doc}");
    assert!(o.stdout.windows(9).any(|w| w == b"eu-west-1"), "{doc}");

    let o = ecsplain(&["size", "--format", "json", "--instance", "m5.large", file]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(!doc["ec2"].is_null(), "{doc}");

    assert_eq!(ecsplain(&["size"]).status.code(), Some(2));
    assert_eq!(
        ecsplain(&["size", "--spot-discount", "150", file])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(ecsplain(&["size", "no/such.json"]).status.code(), Some(2));
}

#[test]
fn render_fills_templates_and_never_fails_on_unset_values() {
    let o = ecsplain(&["render", "deploy/ecspresso/ecspresso.yml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("# ── deploy/ecspresso/ecs-task-def.json ──"),
        "{text}"
    );
    assert!(text.contains("\"image\": \"${IMAGE}\""), "{text}");
    assert!(stderr(&o).contains(" IMAGE,"), "{}", stderr(&o));

    let dir = scratch("render");
    let env = dir.join(".env");
    std::fs::write(&env, "IMAGE=registry.example/web:1\nAWS_REGION=eu-west-1\n").unwrap();
    let o = ecsplain(&[
        "render",
        "deploy/ecspresso/ecspresso.yml",
        "--env-file",
        env.to_str().unwrap(),
        "--var",
        "IMAGE=registry.example/web:2",
        "--var",
        "tfstate:aws_iam_role.task.arn=arn:aws:iam::123456789012:role/web",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("\"image\": \"registry.example/web:2\""),
        "{text}"
    );
    assert!(text.contains("region: 'eu-west-1'"), "{text}");
    assert!(
        text.contains("arn:aws:iam::123456789012:role/web"),
        "{text}"
    );
    assert_eq!(
        ecsplain(&["render", "--var", "novalue", "x.yml"])
            .status
            .code(),
        Some(2)
    );
}

/// `render CONFIG TARGET...` prints what `ecspresso render TARGET...` prints, byte for byte
/// (the expectation is worked out from ecspresso's source: tests/render/ecspresso/README.md).
#[test]
fn render_targets_print_what_ecspresso_prints() {
    let o = ecsplain(&[
        "render",
        "tests/render/ecspresso/ecspresso.yml",
        "config",
        "taskdef",
        "servicedef",
        "--var",
        "AWS_REGION=eu-west-1",
        "--var",
        "TAG=v1",
        "--var",
        "CONFIG={\"a\":\"<b>\"}",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected = std::fs::read_to_string(repo().join("tests/render/ecspresso/expected.out"))
        .expect("expected.out");
    assert_eq!(stdout(&o), expected);
    // ecspresso's other spellings of the targets, one at a time.
    let o = ecsplain(&[
        "render",
        "tests/render/ecspresso/ecspresso.yml",
        "task-definition",
        "--var",
        "TAG=v1",
        "--var",
        "CONFIG=x",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("{\n  \"containerDefinitions\": ["));
    // A target ecspresso does not have is a usage error.
    let o = ecsplain(&[
        "render",
        "tests/render/ecspresso/ecspresso.yml",
        "everything",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// The project's own deploy files are the example of a good setup: no finding at all.
#[test]
fn deploy_files_lint_clean() {
    let o = ecsplain(&["lint", "--format", "json", "--fail-on", "info", "deploy"]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["findings"], serde_json::json!([]), "{doc:#}");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Every file was linted: the Dockerfile, the ecspresso config and the two definitions.
    let o = ecsplain(&["lint", "--fail-on", "info", "deploy"]);
    assert_eq!(stderr(&o).trim(), "no findings in 4 files");
}

/// Paths under different configuration files are linted each with its own.
#[test]
fn each_path_gets_its_own_configuration() {
    let dir = scratch("two-configs");
    for (name, config) in [("a", "ignore: [TD001]\n"), ("b", "select: [TD001]\n")] {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        std::fs::write(dir.join(name).join("task-def.json"), BAD_TASK).unwrap();
        std::fs::write(dir.join(name).join(".ecsplain.yml"), config).unwrap();
    }
    let o = ecsplain_in(&dir, &["lint", "--format", "json", "a", "b"]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let findings = doc["findings"].as_array().unwrap();
    let in_a: Vec<&str> = findings
        .iter()
        .filter(|f| f["path"].as_str().unwrap().starts_with("a/"))
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let in_b: Vec<&str> = findings
        .iter()
        .filter(|f| f["path"].as_str().unwrap().starts_with("b/"))
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!in_a.is_empty() && !in_a.contains(&"TD001"), "{in_a:?}");
    assert_eq!(in_b, ["TD001"]);
    let o = ecsplain_in(&dir, &["lint", "a", "b"]);
    assert!(stderr(&o).ends_with("in 2 files\n"), "{}", stderr(&o));
}

/// A file name with `,` and `:` is escaped in the `file` property of GitHub's commands.
#[test]
fn github_escapes_properties() {
    let dir = scratch("gh-escape");
    std::fs::write(dir.join("a,b:c task-def.json"), BAD_TASK).unwrap();
    let o = ecsplain_in(&dir, &["lint", "--format", "github", "a,b:c task-def.json"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("file=a%2Cb%3Ac task-def.json,line="),
        "{first}"
    );
}

/// The deploy's task definition with its templates filled in as CI fills them (an image pinned by
/// digest) lints clean too: the clean result above is not only placeholders going unchecked.
#[test]
fn deploy_files_lint_clean_when_rendered() {
    let dir = scratch("deploy-rendered");
    let image = format!(
        "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/ecsplain-web:0123abc@sha256:{}",
        "0".repeat(64)
    );
    let o = ecsplain(&[
        "render",
        "deploy/ecspresso/ecspresso.yml",
        "--var",
        &format!("IMAGE={image}"),
        "--var",
        "IMAGE_TAG=0123abc",
        "--var",
        "AWS_REGION=ap-northeast-1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Split the sections back into files, beside a copy of the deploy configuration.
    let text = stdout(&o);
    let mut names = Vec::new();
    for section in text.split("# ── ").skip(1) {
        let (path, body) = section.split_once(" ──\n").expect("a header");
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        std::fs::write(dir.join(name), body).unwrap();
        names.push(name.to_string());
    }
    assert_eq!(names.len(), 3, "{text}");
    std::fs::copy(
        repo().join("deploy/.ecsplain.yaml"),
        dir.join(".ecsplain.yaml"),
    )
    .unwrap();
    let o = ecsplain_in(&dir, &["lint", "--format", "json", "."]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["findings"], serde_json::json!([]), "{doc:#}");
    assert_eq!(o.status.code(), Some(0));
    // Without the deploy configuration, only the reasoned exception shows.
    let o = ecsplain_in(
        &dir,
        &["lint", "--format", "json", "--config", "/dev/null", "."],
    );
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let codes: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TD307"]);
}

/// A folder with its own configuration inside a linted folder: its files get the nearer one, and
/// are linted once.
#[test]
fn the_nearest_configuration_applies_to_each_file() {
    let dir = scratch("nested-configs");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("task-def.json"), BAD_TASK).unwrap();
    std::fs::write(dir.join("sub/task-def.json"), BAD_TASK).unwrap();
    std::fs::write(dir.join(".ecsplain.yaml"), "select: [TD001]\n").unwrap();
    std::fs::write(dir.join("sub/.ecsplain.yaml"), "ignore: [TD001]\n").unwrap();
    let o = ecsplain_in(&dir, &["lint", "--format", "json", ".", "sub"]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let findings = doc["findings"].as_array().unwrap();
    let top: Vec<&str> = findings
        .iter()
        .filter(|f| f["path"] == "./task-def.json")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(top, ["TD001"], "{doc:#}");
    let sub: Vec<&Value> = findings
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with("sub/task-def.json"))
        .collect();
    assert!(!sub.is_empty(), "{doc:#}");
    assert!(sub.iter().all(|f| f["code"] != "TD001"), "{doc:#}");
    // Each file once, though named twice.
    let paths: std::collections::HashSet<&str> =
        sub.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
}

/// `per-path-ignores` patterns are relative to the configuration file's folder, whatever the
/// working directory; findings keep the paths as given.
#[test]
fn per_path_ignores_are_relative_to_the_configuration() {
    let dir = project(
        "per-path",
        Some("per-path-ignores:\n  - path: \"deploy/*.json\"\n    codes: [TD001]\n"),
    );
    for (cwd, path) in [
        (dir.clone(), "deploy/task-def.json".to_string()),
        (dir.clone(), "./deploy/../deploy/task-def.json".to_string()),
        (dir.join("deploy"), "task-def.json".to_string()),
        (
            repo(),
            dir.join("deploy/task-def.json").display().to_string(),
        ),
    ] {
        let o = ecsplain_in(&cwd, &["lint", "--format", "json", &path]);
        let doc: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let findings = doc["findings"].as_array().unwrap();
        assert!(!findings.is_empty(), "{path}");
        assert!(
            findings.iter().all(|f| f["code"] != "TD001"),
            "{path}: {doc:#}"
        );
        assert!(
            findings.iter().all(|f| f["path"] == path.as_str()),
            "{path}: {doc:#}"
        );
    }
}

/// `trusted-registries` and `required-tags` in the configuration found by walking up turn on
/// DL3026, TD110 and TD308; without them those rules are silent.
#[test]
fn settings_in_the_configuration_turn_on_their_rules() {
    const SETTINGS_RULES: [&str; 3] = ["DL3026", "TD110", "TD308"];
    let dir = project("settings", None);
    let before = codes(&ecsplain_in(&dir, &["lint", "--format", "json", "."]));
    assert!(
        SETTINGS_RULES
            .iter()
            .all(|c| !before.contains(&c.to_string())),
        "{before:?}"
    );

    std::fs::write(
        dir.join(".ecsplain.yaml"),
        "trusted-registries: [\"*.dkr.ecr.*.amazonaws.com\"]\nrequired-tags: [service]\n",
    )
    .unwrap();
    // The project's Dockerfile builds `FROM node` and its task runs `nginx:1.27` with no tags.
    let all = codes(&ecsplain_in(&dir, &["lint", "--format", "json", "."]));
    assert!(
        SETTINGS_RULES.iter().all(|c| all.contains(&c.to_string())),
        "{all:?}"
    );
    let from_deploy = codes(&ecsplain_in(
        &dir.join("deploy"),
        &["lint", "--format", "json", "task-def.json"],
    ));
    assert!(
        from_deploy.contains(&"TD110".to_string()) && from_deploy.contains(&"TD308".to_string()),
        "{from_deploy:?}"
    );
    let o = ecsplain_in(&dir, &["lint", "Dockerfile"]);
    assert!(
        stdout(&o).contains(
            "`FROM node` pulls from Docker Hub (`docker.io`), which is not a trusted registry"
        ),
        "{}",
        stdout(&o)
    );

    let o = ecsplain(&["explain", "DL3026"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("DL3026 untrusted-registry: "),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("trusted-registries"), "{}", stdout(&o));
}
