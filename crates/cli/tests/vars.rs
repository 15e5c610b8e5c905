//! `ecsplain lint` with values for a project's variables: `--var`, `--env-file`, `--tfstate`,
//! `--ext-str`, `--env`; and a Jsonnet library named alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{scratch, stderr};

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecsplain"));
    command.args(args).current_dir(dir).env_remove("CPU");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the binary runs")
}

/// The TD001 findings of a JSON report, as (path, line, related lines).
fn td001(o: &Output) -> Vec<(String, u64, Vec<u64>)> {
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(o)
        )
    });
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "TD001")
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["related"]
                    .as_array()
                    .map(|r| r.iter().filter_map(|r| r["line"].as_u64()).collect())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

const CONFIG: &str =
    "region: us-east-1\ncluster: default\nservice: web\ntask_definition: td.json\n";

const TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "{{ must_env `CPU` }}",
  "memory": "512",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": true }]
}
"#;

fn project(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("ecspresso.yml"), CONFIG).unwrap();
    std::fs::write(dir.join("td.json"), TASK).unwrap();
    dir
}

const LINT: [&str; 4] = ["lint", "--format", "json", "ecspresso.yml"];

fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    LINT.iter().copied().chain(extra.iter().copied()).collect()
}

#[test]
fn var_gives_a_value_and_the_finding_points_at_the_template() {
    let dir = project("vars-var");
    let o = run(&dir, &LINT, &[]);
    assert!(td001(&o).is_empty(), "{}", stderr(&o));
    let o = run(&dir, &with(&["--var", "CPU=300"]), &[]);
    // TD001 is on the memory (line 6), the cpu template (line 5) is its related span.
    assert_eq!(
        td001(&o),
        [("td.json".to_string(), 6, vec![5])],
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(1));
    let o = run(&dir, &with(&["--var", "CPU=256"]), &[]);
    assert!(td001(&o).is_empty());
    // Text output shows the template line.
    let o = run(
        &dir,
        &["lint", "--color", "never", "ecspresso.yml", "--var=CPU=300"],
        &[],
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(
            "td.json:5:10: the task's cpu (from `{{ must_env `CPU` }}` with the value given)"
        ),
        "{text}"
    );
}

#[test]
fn env_file_and_later_sources_win() {
    let dir = project("vars-env-file");
    std::fs::write(
        dir.join(".env"),
        "# values\nexport CPU=\"300\" \nOTHER='x'\n",
    )
    .unwrap();
    let o = run(&dir, &with(&["--env-file", ".env"]), &[]);
    assert_eq!(td001(&o).len(), 1, "{}", stderr(&o));
    let o = run(
        &dir,
        &with(&["--env-file", ".env", "--var", "CPU=256"]),
        &[],
    );
    assert!(td001(&o).is_empty());
    let o = run(&dir, &with(&["--env-file", "missing.env"]), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.env"), "{}", stderr(&o));
}

#[test]
fn tfstate_answers_lookups() {
    let dir = project("vars-tfstate");
    std::fs::write(
        dir.join("td.json"),
        TASK.replace("{{ must_env `CPU` }}", "{{ tfstate `output.cpu` }}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("state.tfstate"),
        r#"{"version": 4, "terraform_version": "1.9.0", "outputs": {"cpu": {"value": "300", "type": "string"}}, "resources": []}"#,
    )
    .unwrap();
    let o = run(&dir, &LINT, &[]);
    assert!(td001(&o).is_empty());
    let o = run(&dir, &with(&["--tfstate", "state.tfstate"]), &[]);
    assert_eq!(td001(&o).len(), 1, "{}", stderr(&o));
    // The state is read, not linted: the summary counts the two project files.
    let o = run(
        &dir,
        &[
            "lint",
            "--color",
            "never",
            "ecspresso.yml",
            "--tfstate",
            "state.tfstate",
        ],
        &[],
    );
    assert!(stderr(&o).contains("in 2 files"), "{}", stderr(&o));
    let o = run(&dir, &with(&["--tfstate", "td.json"]), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn ext_str_feeds_std_ext_var() {
    let dir = project("vars-ext-str");
    std::fs::write(
        dir.join("ecs-task-def.jsonnet"),
        "{\n  family: 'web',\n  requiresCompatibilities: ['FARGATE'],\n  cpu: std.extVar('CPU'),\n  memory: '512',\n  containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true }],\n}\n",
    )
    .unwrap();
    let lint = ["lint", "--format", "json", "ecs-task-def.jsonnet"];
    let o = run(&dir, &lint, &[]);
    assert!(td001(&o).is_empty(), "{}", stderr(&o));
    let mut args = lint.to_vec();
    args.extend(["--ext-str", "CPU=300"]);
    let o = run(&dir, &args, &[]);
    assert_eq!(td001(&o).len(), 1, "{}", stderr(&o));
}

#[test]
fn env_reads_the_process_environment_only_when_asked() {
    let dir = project("vars-env");
    let o = run(&dir, &LINT, &[("CPU", "300")]);
    assert!(
        td001(&o).is_empty(),
        "the environment is ignored by default"
    );
    let o = run(&dir, &with(&["--env"]), &[("CPU", "300")]);
    assert_eq!(td001(&o).len(), 1, "{}", stderr(&o));
    let o = run(
        &dir,
        &with(&["--env", "--var", "CPU=256"]),
        &[("CPU", "300")],
    );
    assert!(td001(&o).is_empty());
}

#[test]
fn unknown_values_are_noted() {
    let dir = project("vars-note");
    let o = run(&dir, &with(&["--var", "OTHER=1"]), &[]);
    assert!(
        stderr(&o).contains("note: no value for CPU"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_jsonnet_library_alone_is_checked_for_jsonnet_errors() {
    let dir = project("vars-libsonnet");
    std::fs::write(
        dir.join("lib.libsonnet"),
        "{\n  name: 'app',\n  essential: true,\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("bad.libsonnet"),
        "{\n  name: 'app'\n  essential: true,\n}\n",
    )
    .unwrap();
    let o = run(&dir, &["lint", "--color", "never", "lib.libsonnet"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is a Jsonnet library"),
        "{}",
        stderr(&o)
    );
    let o = run(&dir, &["lint", "--color", "never", "bad.libsonnet"], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("bad.libsonnet:3:3: error[IN012]"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Imports are followed: a definition importing the library evaluates.
    std::fs::write(
        dir.join("ecs-task-def.jsonnet"),
        "local c = import 'lib.libsonnet';\n{\n  family: 'web',\n  requiresCompatibilities: ['FARGATE'],\n  cpu: '256',\n  memory: '4096',\n  containerDefinitions: [c { image: 'nginx:1.27' }],\n}\n",
    )
    .unwrap();
    let o = run(
        &dir,
        &["lint", "--format", "json", "ecs-task-def.jsonnet"],
        &[],
    );
    assert_eq!(td001(&o).len(), 1, "{}", stderr(&o));
}

#[test]
fn render_takes_the_same_values() {
    let dir = project("vars-render");
    std::fs::write(
        dir.join("td.json"),
        TASK.replace("nginx:1.27", "{{ tfstate `output.image` }}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("state.tfstate"),
        r#"{"version": 4, "terraform_version": "1.9.0", "outputs": {"image": {"value": "web:7", "type": "string"}}, "resources": []}"#,
    )
    .unwrap();
    let o = run(
        &dir,
        &[
            "render",
            "ecspresso.yml",
            "--tfstate",
            "state.tfstate",
            "--env",
        ],
        &[("CPU", "512")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("\"image\": \"web:7\""), "{text}");
    assert!(text.contains("\"cpu\": \"512\""), "{text}");

    std::fs::write(
        dir.join("ecs-task-def.jsonnet"),
        "{ family: std.extVar('FAMILY'), region: '{{ must_env `AWS_REGION` }}' }\n",
    )
    .unwrap();
    let o = run(
        &dir,
        &[
            "render",
            "ecs-task-def.jsonnet",
            "--ext-str",
            "FAMILY=web",
            "--var",
            "AWS_REGION=eu-west-1",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("\"family\": \"web\""), "{text}");
    assert!(text.contains("\"region\": \"eu-west-1\""), "{text}");
}

/// The codes of a JSON report's findings, as `(code, path)`.
fn codes(o: &Output) -> Vec<(String, String)> {
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    doc["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|f| {
                    (
                        f["code"].as_str().unwrap_or("").to_string(),
                        f["path"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_templated_definition_path_is_followed_once_its_value_is_given() {
    // As in ecspresso's own tests: `'{{ must_env "PWD" }}/sub/td.json'`.
    let dir = scratch("vars-templated-path");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("ecspresso.yml"),
        "region: us-east-1\ncluster: default\nservice: web\ntask_definition: '{{ must_env \"ROOT\" }}/sub/td.json'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/td.json"),
        TASK.replace("{{ must_env `CPU` }}", "300"),
    )
    .unwrap();
    // Without a value: XF002 says the path cannot be followed, and the task is not linted.
    let o = run(&dir, &LINT, &[]);
    let found = codes(&o);
    assert!(
        found.iter().any(|(c, _)| c == "XF002"),
        "{found:?} {}",
        stderr(&o)
    );
    assert!(!found.iter().any(|(c, _)| c == "TD001"), "{found:?}");
    // With the value (absolute, as PWD is): the file is read and linted, no XF002.
    let root = dir.canonicalize().unwrap().display().to_string();
    let var = format!("ROOT={root}");
    let o = run(&dir, &with(&["--var", &var]), &[]);
    let found = codes(&o);
    assert!(!found.iter().any(|(c, _)| c == "XF002"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(c, p)| c == "TD001" && p.ends_with("sub/td.json")),
        "{found:?} {}",
        stderr(&o)
    );
    // A value naming no file: XF001 on the config line.
    let o = run(&dir, &with(&["--var", "ROOT=/no/such/folder"]), &[]);
    let found = codes(&o);
    assert!(
        found
            .iter()
            .any(|(c, p)| c == "XF001" && p == "ecspresso.yml"),
        "{found:?}"
    );
}

#[test]
fn render_follows_a_templated_path_and_renders_as_ecspresso() {
    // The definition path is followed exactly as `lint` follows it; the definition renders with
    // go-config's functions (`json_escape` is Go's JSON string encoding, HTML-safe) and Go's
    // `if`/`else`.
    let dir = scratch("render-templated-path");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("ecspresso.yml"),
        "region: us-east-1\ncluster: default\nservice: web\ntask_definition: '{{ must_env \"ROOT\" }}/sub/td.json'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/td.json"),
        "{\n  \"family\": \"{{ if eq (must_env `ENV`) `prod` }}web{{ else }}web-dev{{ end }}\",\n  \"containerDefinitions\": [{ \"name\": \"app\", \"image\": \"nginx\", \"environment\": [{ \"name\": \"J\", \"value\": \"{{ must_env `JSON` | json_escape }}\" }] }]\n}\n",
    )
    .unwrap();
    let root = dir.canonicalize().unwrap().display().to_string();
    let root_var = format!("ROOT={root}");
    let args = [
        "render",
        "ecspresso.yml",
        "--var",
        &root_var,
        "--var",
        "ENV=stg",
        "--var",
        "JSON={\"a\":\"<b>\"}",
    ];
    let o = run(&dir, &args, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(&format!("task_definition: '{root}/sub/td.json'")),
        "{text}"
    );
    assert!(text.contains("\"family\": \"web-dev\""), "{text}");
    assert!(
        text.contains(r#""value": "{\"a\":\"\u003cb\u003e\"}""#),
        "{text}"
    );
    // The same values lint without an input error: the escaped JSON stays one string.
    let lint = [
        "lint",
        "--format",
        "json",
        "ecspresso.yml",
        "--var",
        &root_var,
        "--var",
        "ENV=stg",
        "--var",
        "JSON={\"a\":\"<b>\"}",
    ];
    let o = run(&dir, &lint, &[]);
    let found = codes(&o);
    assert!(
        !found
            .iter()
            .any(|(c, _)| c.starts_with("IN") || c == "TD002"),
        "{found:?} {}",
        stderr(&o)
    );
    // A template Go rejects stops render with its place.
    std::fs::write(
        dir.join("sub/td.json"),
        "{ \"family\": \"{{ if true }}x\" }\n",
    )
    .unwrap();
    let o = run(&dir, &args, &[]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("template: unexpected EOF"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_templated_path_the_state_answers_is_followed_by_lint_and_render() {
    // `--tfstate` answers the path's lookup: `lint` and `render` both follow it (the values of
    // the engine's project, `Project::known`), as they follow a `--var` one.
    let dir = scratch("vars-tfstate-path");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("ecspresso.yml"),
        "region: us-east-1\ncluster: default\nservice: web\ntask_definition: '{{ tfstate `output.folder` }}/td.json'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/td.json"),
        TASK.replace("{{ must_env `CPU` }}", "300"),
    )
    .unwrap();
    std::fs::write(
        dir.join("state.tfstate"),
        r#"{"version": 4, "terraform_version": "1.9.0", "outputs": {"folder": {"value": "sub", "type": "string"}}, "resources": []}"#,
    )
    .unwrap();
    let o = run(&dir, &LINT, &[]);
    assert!(
        codes(&o).iter().any(|(c, _)| c == "XF002"),
        "{:?}",
        codes(&o)
    );
    let o = run(&dir, &with(&["--tfstate", "state.tfstate"]), &[]);
    let found = codes(&o);
    assert!(!found.iter().any(|(c, _)| c == "XF002"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(c, p)| c == "TD001" && p.ends_with("sub/td.json")),
        "{found:?} {}",
        stderr(&o)
    );
    let o = run(
        &dir,
        &["render", "ecspresso.yml", "--tfstate", "state.tfstate"],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("# ── sub/td.json ──"), "{text}");
    assert!(text.contains("\"cpu\": \"300\""), "{text}");
    assert!(!stderr(&o).contains("is a template"), "{}", stderr(&o));
}
