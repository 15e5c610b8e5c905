//! Property tests with `proptest` (shrinking to a minimal failing input), beside the deterministic
//! generators of `properties.rs`:
//! - any text linted as any kind, alone and inside an ecspresso project: no panic, every span,
//!   line, column and fix inside the text (the fuzz targets' checks, `fuzz_regressions/check.rs`);
//! - text assembled from JSON, YAML, template and Dockerfile fragments, which reaches deeper into
//!   the parsers than uniform random text;
//! - JSON values: serialising then parsing gives the same value and no diagnostics;
//! - a valid Fargate task definition stays free of TD001 for every valid size, and gets TD001 for
//!   every invalid one (the sizes come from the engine's own table).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use ecsplain_engine::json;
use ecsplain_engine::value::{Node, NodeKind};
use ecsplain_engine::{lint, Input, Kind};
use proptest::prelude::*;

#[path = "fuzz_regressions/check.rs"]
mod check;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        // Failures print their minimal input; nothing is written beside the sources.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Fragments that mean something to one of the parsers.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\n",
    "\r\n",
    "\t",
    " ",
    "null",
    "true",
    "-0.5e3",
    "\"containerDefinitions\"",
    "\"name\"",
    "\"image\"",
    "\"cpu\"",
    "\"memory\"",
    "\"256\"",
    "\"FARGATE\"",
    "\"awsvpc\"",
    "// c",
    "/* c */",
    "{{ must_env `IMAGE` }}",
    "{{",
    "}}",
    "${X}",
    "$X",
    "<ACCOUNT_ID>",
    "- ",
    "key: ",
    "&a ",
    "*a",
    "<<: ",
    "---",
    "# c",
    "FROM ",
    "RUN ",
    "COPY --from=b ",
    "<<EOF",
    "EOF",
    "--mount=type=cache,target=/c ",
    "&& ",
    "|| ",
    "'",
    "`",
    "é",
    "🚢",
    "\u{0}",
    "\u{feff}",
    "\u{2028}",
    "task_definition: ",
    "ecs-task-def.json",
    "std.extVar('X')",
    "local x = ",
    ";",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

const KINDS: [(Kind, &str); 4] = [
    (Kind::TaskDef, "ecs-task-def.json"),
    (Kind::ServiceDef, "ecs-service-def.json"),
    (Kind::Dockerfile, "Dockerfile"),
    (Kind::Ecspresso, "ecspresso.yml"),
];

fn lint_every_way(text: &str) {
    for (kind, path) in KINDS {
        let inputs = [Input::new(path, text, Some(kind))];
        check::report_ok(&inputs, &lint(&inputs), path);
    }
    let inputs = [Input::new("input", text, None)];
    check::report_ok(&inputs, &lint(&inputs), "detected");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_lints_as_any_kind(text in any::<String>()) {
        lint_every_way(&text);
    }

    #[test]
    fn fragment_soup_lints_as_any_kind(text in fragments()) {
        lint_every_way(&text);
        check::template_scan(text.as_bytes());
        check::json_parse(text.as_bytes());
        check::yaml_parse(text.as_bytes());
        check::dockerfile_parse(text.as_bytes());
    }

    #[test]
    fn fragment_soup_in_a_project(config in fragments(), taskdef in fragments()) {
        let inputs = [
            Input::new("ecspresso.yml", format!("task_definition: ecs-task-def.json\n{config}"), None),
            Input::new("ecs-task-def.json", taskdef, None),
        ];
        check::report_ok(&inputs, &lint(&inputs), "project");
    }
}

/// A JSON value, as generated and as read back.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Number(i64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        // Integers up to 2^53 survive the f64 round trip exactly.
        (-(1i64 << 53)..(1i64 << 53)).prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            // Distinct keys: a duplicate key is (rightly) a finding.
            prop::collection::vec(inner, 0..6).prop_map(|items| {
                Value::Object(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (format!("k{i}"), v))
                        .collect(),
                )
            }),
        ]
    })
}

fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Number(n) => (*n).into(),
        Value::String(s) => s.clone().into(),
        Value::Array(items) => items.iter().map(to_json).collect(),
        Value::Object(members) => serde_json::Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect(),
        ),
    }
}

fn read_back(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Number(n, _) => Value::Number(*n as i64),
        NodeKind::String(s) => Value::String(s.clone()),
        NodeKind::Array(items) => Value::Array(items.iter().map(read_back).collect()),
        NodeKind::Object(o) => Value::Object(
            o.members
                .iter()
                .map(|m| (m.key.clone(), read_back(&m.value)))
                .collect(),
        ),
        other => panic!("unexpected node {other:?}"),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn json_round_trips(v in value(), pretty in any::<bool>()) {
        // serde_json keeps object order here only with preserve_order; compare as sorted keys.
        let json = to_json(&v);
        let text = if pretty {
            serde_json::to_string_pretty(&json).unwrap()
        } else {
            serde_json::to_string(&json).unwrap()
        };
        let parsed = json::parse(&text);
        prop_assert!(parsed.diagnostics.is_empty(), "diagnostics for {}", text);
        let back = read_back(parsed.root.as_ref().expect("a value"));
        prop_assert_eq!(to_json(&back), json);
        check::json_parse(text.as_bytes());
    }
}

/// The valid Fargate (cpu, memory) pairs, from the engine's own data table.
fn fargate_pairs() -> Vec<(u32, u32)> {
    ecsplain_engine::sizing::fargate::table()
        .sizes
        .iter()
        .flat_map(|s| s.memory.iter().map(move |&m| (s.cpu, m)))
        .collect()
}

fn taskdef(cpu: u32, memory: u32) -> String {
    format!(
        r#"{{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "runtimePlatform": {{"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"}},
  "cpu": "{cpu}", "memory": "{memory}",
  "containerDefinitions": [{{"name": "app", "image": "nginx:1.27", "essential": true}}]}}"#
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_fargate_sizes_pass_td001(i in any::<prop::sample::Index>()) {
        let pairs = fargate_pairs();
        let (cpu, memory) = pairs[i.index(pairs.len())];
        let report = lint(&[Input::new("ecs-task-def.json", taskdef(cpu, memory), Some(Kind::TaskDef))]);
        prop_assert!(
            !report.findings.iter().any(|f| f.code == "TD001"),
            "TD001 on the valid size {} / {}", cpu, memory
        );
    }

    #[test]
    fn other_sizes_get_td001(cpu in prop::sample::select(vec![256u32, 512, 1024, 2048, 4096]), memory in 1u32..40_000) {
        let valid = fargate_pairs().contains(&(cpu, memory));
        let report = lint(&[Input::new("ecs-task-def.json", taskdef(cpu, memory), Some(Kind::TaskDef))]);
        let td001 = report.findings.iter().any(|f| f.code == "TD001");
        prop_assert_eq!(td001, !valid, "cpu {} memory {}", cpu, memory);
    }
}
