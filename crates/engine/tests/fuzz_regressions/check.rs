//! What every fuzz target asserts, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`
//! include this file by path) and by the normal suite (`tests/fuzz_regressions.rs` replays the
//! minimised inputs under `tests/fuzz_regressions/<target>/` through the same function).
//!
//! Each function takes the fuzzer's bytes, runs one entry point of the engine and panics when an
//! invariant breaks: every span inside the text and on character boundaries, every line and
//! column at least 1, every fix edit inside the text. A panic in the engine itself is a failure
//! too. The bytes are read as UTF-8 (lossily: the CLI and the page only ever pass text).
#![allow(dead_code, clippy::panic, clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;

use ecsplain_engine::diagnostic::Diagnostic;
use ecsplain_engine::span::Span;
use ecsplain_engine::value::{Node, NodeKind};
use ecsplain_engine::{lint, lint_with, Config, Input, Kind, Report};

/// The targets, by name: `run(name, data)` dispatches to them.
pub const TARGETS: &[&str] = &[
    "json_parse",
    "yaml_parse",
    "dockerfile_parse",
    "template_scan",
    "lint_any",
    "config_parse",
    "jsonnet_eval",
];

/// Runs target `name` on `data`; unknown names panic (a typo in a folder name must not pass).
pub fn run(name: &str, data: &[u8]) {
    match name {
        "json_parse" => json_parse(data),
        "yaml_parse" => yaml_parse(data),
        "dockerfile_parse" => dockerfile_parse(data),
        "template_scan" => template_scan(data),
        "lint_any" => lint_any(data),
        "config_parse" => config_parse(data),
        "jsonnet_eval" => jsonnet_eval(data),
        other => panic!("unknown fuzz target {other}"),
    }
}

fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A span lies inside `text`, in order, on character boundaries.
pub fn span_ok(text: &str, span: Span, what: &str) {
    let (s, e) = (span.start as usize, span.end as usize);
    assert!(
        s <= e && e <= text.len(),
        "{what}: span {s}..{e} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what}: span {s}..{e} not on character boundaries"
    );
}

fn diagnostics_ok(text: &str, diagnostics: &[Diagnostic], what: &str) {
    for d in diagnostics {
        let what = format!("{what} {}", d.code);
        span_ok(text, d.span, &what);
        for r in &d.related {
            if matches!(r.place, ecsplain_engine::diagnostic::Place::SameFile) {
                span_ok(text, r.span, &what);
            }
        }
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                span_ok(text, edit.span, &format!("{what} fix"));
            }
        }
    }
}

/// Every node, key and member span of a tree lies inside the text (iteratively: trees can be
/// deep).
fn tree_ok(text: &str, root: &Node, what: &str) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        span_ok(text, node.span, what);
        match &node.kind {
            NodeKind::Array(items) => stack.extend(items.iter()),
            NodeKind::Object(object) => {
                for m in &object.members {
                    span_ok(text, m.key_span, what);
                    stack.push(&m.value);
                }
            }
            _ => {}
        }
    }
}

/// A lint report: spans, lines, columns and fixes of every finding, for the inputs it ran on.
pub fn report_ok(inputs: &[Input], report: &Report, what: &str) {
    assert_eq!(
        report.kinds.len(),
        inputs.len(),
        "{what}: one kind per input"
    );
    for f in &report.findings {
        let what = format!("{what} {} ({})", f.code, f.path);
        let input = inputs
            .get(f.file)
            .unwrap_or_else(|| panic!("{what}: finding of input {} of {}", f.file, inputs.len()));
        let text = &input.text;
        span_ok(text, f.span, &what);
        assert!(
            f.line >= 1 && f.column >= 1 && f.end_line >= 1 && f.end_column >= 1,
            "{what}: line/column below 1: {}:{}-{}:{}",
            f.line,
            f.column,
            f.end_line,
            f.end_column
        );
        assert!(
            (f.line, f.column) <= (f.end_line, f.end_column),
            "{what}: end before start"
        );
        for r in &f.related {
            assert!(
                r.line >= 1 && r.column >= 1,
                "{what}: related line/column below 1"
            );
        }
        if let Some(fix) = &f.fix {
            for edit in &fix.edits {
                span_ok(
                    text,
                    Span {
                        start: edit.start,
                        end: edit.end,
                    },
                    &format!("{what} fix"),
                );
                assert!(
                    edit.line >= 1 && edit.column >= 1,
                    "{what}: fix line/column below 1"
                );
            }
        }
    }
}

pub fn json_parse(data: &[u8]) {
    let text = text_of(data);
    let parsed = ecsplain_engine::json::parse(&text);
    diagnostics_ok(&text, &parsed.diagnostics, "json");
    if let Some(root) = &parsed.root {
        tree_ok(&text, root, "json node");
    }
}

pub fn yaml_parse(data: &[u8]) {
    let text = text_of(data);
    let parsed = ecsplain_engine::yaml::parse(&text);
    diagnostics_ok(&text, &parsed.diagnostics, "yaml");
    if let Some(root) = &parsed.root {
        tree_ok(&text, root, "yaml node");
    }
}

pub fn dockerfile_parse(data: &[u8]) {
    let text = text_of(data);
    let parsed = ecsplain_engine::dockerfile::parse(&text);
    diagnostics_ok(&text, &parsed.diagnostics, "dockerfile");
    let d = &parsed.dockerfile;
    for dir in &d.directives {
        span_ok(&text, dir.span, "dockerfile directive");
    }
    let mut stack: Vec<&ecsplain_engine::dockerfile::Instruction> = d.instructions.iter().collect();
    while let Some(i) = stack.pop() {
        let what = format!("dockerfile {}", i.keyword);
        span_ok(&text, i.span, &what);
        span_ok(&text, i.keyword_span, &what);
        span_ok(&text, i.text_span, &what);
        for f in &i.flags {
            span_ok(&text, f.span, &what);
            span_ok(&text, f.value_span, &what);
        }
        for p in &i.pairs {
            span_ok(&text, p.key_span, &what);
            span_ok(&text, p.value_span, &what);
        }
        for h in &i.heredocs {
            span_ok(&text, h.marker_span, &what);
            span_ok(&text, h.body_span, &what);
        }
        // The text-to-source map must land inside the text for offsets of the text (on its
        // character boundaries, as rules pass them).
        let middle = (0..=i.text.len() / 2)
            .rev()
            .find(|&o| i.text.is_char_boundary(o))
            .unwrap_or(0);
        for offset in [0, middle, i.text.len()] {
            span_ok(&text, i.map_span(offset, i.text.len()), &what);
        }
        if let Some(trigger) = &i.onbuild {
            stack.push(trigger);
        }
    }
    for s in &d.stages {
        span_ok(&text, s.image_span, "dockerfile stage");
        if let Some((_, span)) = &s.alias {
            span_ok(&text, *span, "dockerfile alias");
        }
        assert!(
            s.instructions.end <= d.instructions.len(),
            "dockerfile stage beyond the instructions"
        );
    }
}

pub fn template_scan(data: &[u8]) {
    use ecsplain_engine::template;
    let text = text_of(data);
    let scan = template::scan(&text);
    for a in &scan.actions {
        span_ok(&text, a.span, "template action");
        span_ok(&text, a.inner, "template action inner");
        for c in &a.calls {
            span_ok(&text, c.func_span, "template call");
            for arg in &c.args {
                span_ok(&text, arg.span, "template arg");
            }
        }
    }
    for e in &scan.errors {
        span_ok(&text, e.span, "template error");
    }
    for v in template::variables(&text) {
        for span in &v.spans {
            span_ok(&text, *span, "template variable");
        }
    }
    let values: BTreeMap<String, String> =
        [("IMAGE".to_string(), "nginx:1.27 ✓".to_string())].into();
    let rendered = template::render(&text, &values);
    for (r, o) in &rendered.map {
        span_ok(&rendered.text, *r, "rendered span");
        span_ok(&text, *o, "rendered original");
    }
    let _ = ecsplain_engine::yaml::unquoted_templates(&text);
    diagnostics_ok(
        &text,
        &ecsplain_engine::ecspresso::template_diagnostics(
            &text,
            &std::collections::BTreeMap::new(),
        ),
        "template diagnostics",
    );
}

const KINDS: [(Kind, &str); 5] = [
    (Kind::TaskDef, "ecs-task-def.json"),
    (Kind::ServiceDef, "ecs-service-def.json"),
    (Kind::Dockerfile, "Dockerfile"),
    (Kind::Ecspresso, "ecspresso.yml"),
    (Kind::Ecspresso, "ecspresso.jsonnet"),
];

/// A config naming the task and service definitions, for the project runs.
const CONFIG: &str = "region: ap-northeast-1\ncluster: default\nservice: web\n\
service_definition: ecs-service-def.json\ntask_definition: ecs-task-def.json\n";
const TASKDEF: &str = r#"{"family": "web", "requiresCompatibilities": ["FARGATE"],
"networkMode": "awsvpc", "cpu": "256", "memory": "512",
"containerDefinitions": [{"name": "app", "image": "{{ must_env `IMAGE` }}", "essential": true}]}"#;

fn lint_checked(inputs: &[Input], what: &str) {
    let report = lint(inputs);
    report_ok(inputs, &report, what);
}

pub fn lint_any(data: &[u8]) {
    let text = text_of(data);
    for (kind, path) in KINDS {
        lint_checked(&[Input::new(path, text.as_str(), Some(kind))], path);
    }
    // Detected kind, by content and by name.
    lint_checked(&[Input::new("input", text.as_str(), None)], "detected");
    lint_checked(
        &[Input::new("ecs-task-def.json", text.as_str(), None)],
        "named",
    );
    // Projects: the text as the config, then as the task definition, then split at the first
    // form feed into a config and a task definition.
    lint_checked(
        &[
            Input::new("ecspresso.yml", text.as_str(), None),
            Input::new("ecs-task-def.json", TASKDEF, None),
        ],
        "project config",
    );
    lint_checked(
        &[
            Input::new("ecspresso.yml", CONFIG, None),
            Input::new("ecs-task-def.json", text.as_str(), None),
            Input::new("ecs-service-def.json", text.as_str(), None),
            Input::new("Dockerfile", text.as_str(), None),
        ],
        "project taskdef",
    );
    if let Some((config, taskdef)) = text.split_once('\u{c}') {
        lint_checked(
            &[
                Input::new("ecspresso.yml", config, None),
                Input::new("ecs-task-def.json", taskdef, None),
            ],
            "project split",
        );
    }
}

pub fn config_parse(data: &[u8]) {
    let text = text_of(data);
    for path in [".ecsplain.yaml", ".ecsplain.json"] {
        let (config, diagnostics) = Config::parse(path, &text);
        diagnostics_ok(&text, &diagnostics, path);
        let inputs = [
            Input::new("ecs-task-def.json", TASKDEF, None),
            Input::new("ecspresso.yml", CONFIG, None),
        ];
        let report = lint_with(&inputs, &config);
        report_ok(&inputs, &report, "with config");
    }
}

/// A config naming Jsonnet definitions, as ecspresso projects do.
const JSONNET_CONFIG: &str = "region: ap-northeast-1\ncluster: default\nservice: web\n\
service_definition: ecs-service-def.jsonnet\ntask_definition: ecs-task-def.jsonnet\n";

/// The text as a Jsonnet config, as Jsonnet task and service definitions a config names, and as a
/// library they import: evaluation (where the engine has it) must end in findings, never a panic,
/// and every finding mapped back from the evaluated JSON must land inside the Jsonnet source.
pub fn jsonnet_eval(data: &[u8]) {
    let text = text_of(data);
    lint_checked(
        &[Input::new("ecspresso.jsonnet", text.as_str(), None)],
        "jsonnet config",
    );
    lint_checked(
        &[
            Input::new("ecspresso.yml", JSONNET_CONFIG, None),
            Input::new("ecs-task-def.jsonnet", text.as_str(), None),
            Input::new("ecs-service-def.jsonnet", text.as_str(), None),
        ],
        "jsonnet definitions",
    );
    lint_checked(
        &[
            Input::new("ecspresso.yml", JSONNET_CONFIG, None),
            Input::new(
                "ecs-task-def.jsonnet",
                "local lib = import 'lib.libsonnet';\nlib { family: 'web' }\n",
                None,
            ),
            Input::new("lib.libsonnet", text.as_str(), None),
        ],
        "jsonnet import",
    );
}
