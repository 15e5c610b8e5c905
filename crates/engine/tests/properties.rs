//! Property tests over generated documents, with a small deterministic generator rather than
//! `proptest` (no new dependency; the same cases on every run):
//! - JSON: for generated values, `parse(serialize(v))` gives no diagnostics and the same value,
//!   compact and pretty-printed; every prefix of a generated document parses without a panic and
//!   with every span inside the prefix.
//! - Dockerfiles: every prefix of generated Dockerfiles parses and lints without a panic, with
//!   every span inside the prefix.
//!
//! The span checks are the fuzz targets' (`tests/fuzz_regressions/check.rs`).

#![allow(clippy::panic)]

use ecsplain_engine::json;
use ecsplain_engine::value::{Node, NodeKind};
use ecsplain_engine::{lint, Input, Kind};

#[path = "fuzz_regressions/check.rs"]
mod check;

mod common;
use common::Rng;

/// A JSON value, as generated and as read back.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

const STRING_PIECES: &[&str] = &[
    "",
    "a",
    "web",
    "nginx:1.27",
    " ",
    "\"",
    "\\",
    "/",
    "\n",
    "\r\n",
    "\t",
    "\u{1}",
    "\u{1f}",
    "é",
    "日本",
    "🚢",
    "\u{2028}",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "//",
    "/*",
    "true",
    "null",
    "-1",
];

fn gen_string(rng: &mut Rng) -> String {
    (0..rng.below(5)).map(|_| rng.pick(STRING_PIECES)).collect()
}

fn gen_number(rng: &mut Rng) -> f64 {
    match rng.below(5) {
        0 => 0.0,
        1 => rng.below(100_000) as f64,
        2 => -(rng.below(1000) as f64),
        3 => rng.below(10_000) as f64 / 8.0,
        _ => (rng.below(1000) as f64) * 1e15,
    }
}

fn gen_value(rng: &mut Rng, depth: usize) -> Value {
    let leaf = depth >= 5 || rng.below(3) == 0;
    match if leaf { rng.below(4) } else { 4 + rng.below(2) } {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::Number(gen_number(rng)),
        3 => Value::String(gen_string(rng)),
        4 => Value::Array(
            (0..rng.below(5))
                .map(|_| gen_value(rng, depth + 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(5))
                // Distinct keys: a duplicate key is (rightly) a finding.
                .map(|i| {
                    (
                        format!("k{i}{}", gen_string(rng)),
                        gen_value(rng, depth + 1),
                    )
                })
                .collect(),
        ),
    }
}

fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn serialize(v: &Value, pretty: bool, indent: usize, out: &mut String) {
    let newline = |out: &mut String, level: usize| {
        if pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        }
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&format!("{n}")),
        Value::String(s) => escape(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                serialize(item, pretty, indent + 1, out);
            }
            if !items.is_empty() {
                newline(out, indent);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                escape(k, out);
                out.push_str(if pretty { ": " } else { ":" });
                serialize(item, pretty, indent + 1, out);
            }
            if !members.is_empty() {
                newline(out, indent);
            }
            out.push('}');
        }
    }
}

fn read_back(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Number(n, _) => Value::Number(*n),
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

#[test]
fn json_round_trips() {
    let mut rng = Rng(0x5eed_0001);
    for case in 0..2_000 {
        let value = gen_value(&mut rng, 0);
        for pretty in [false, true] {
            let mut text = String::new();
            serialize(&value, pretty, 0, &mut text);
            let parsed = json::parse(&text);
            assert!(
                parsed.diagnostics.is_empty(),
                "case {case}: diagnostics {:?} for {text}",
                parsed
                    .diagnostics
                    .iter()
                    .map(|d| &d.message)
                    .collect::<Vec<_>>()
            );
            let root = parsed.root.as_ref().expect("a value");
            assert_eq!(read_back(root), value, "case {case}: {text}");
            check::json_parse(text.as_bytes());
        }
    }
}

/// Every char-boundary prefix of `text`, run through `f`.
fn every_prefix(text: &str, mut f: impl FnMut(&str)) {
    for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        f(&text[..end]);
    }
}

#[test]
fn json_prefixes_never_panic() {
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..60 {
        let value = gen_value(&mut rng, 0);
        let mut text = String::new();
        serialize(&value, rng.below(2) == 0, 0, &mut text);
        every_prefix(&text, |prefix| check::json_parse(prefix.as_bytes()));
    }
    // A task definition's prefixes through the whole lint (parser, rules, fixes, resolution).
    let taskdef = r#"{
  "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "cpu": "256", "memory": "512",
  "containerDefinitions": [
    {"name": "app", "image": "nginx:latest", "essential": true, "privileged": false,
     "portMappings": [{"containerPort": 80}], "environment": [{"name": "KEY", "value": "é🚢"}],
     "dependsOn": [{"containerName": "side", "condition": "START"}]},
    {"name": "side", "image": "{{ must_env `IMAGE` }}", "memory": 64}
  ]
}"#;
    every_prefix(taskdef, |prefix| {
        let inputs = [Input::new("ecs-task-def.json", prefix, Some(Kind::TaskDef))];
        check::report_ok(&inputs, &lint(&inputs), "taskdef prefix");
    });
}

const DOCKER_LINES: &[&str] = &[
    "FROM debian:12-slim AS build",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS go",
    "FROM build",
    "FROM scratch",
    "ARG VERSION=1.0",
    "RUN apt-get update && apt-get install -y curl \\",
    "    && rm -rf /var/lib/apt/lists/*",
    "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt",
    "RUN <<EOF",
    "echo héllo",
    "EOF",
    "COPY --from=build /out /app",
    "COPY <<-'END' /etc/conf",
    "\tEND",
    "ADD https://example.com/x.tar.gz /tmp/",
    "ENV A=1 B=\"two words\" C='é'",
    "LABEL a=b \\",
    "WORKDIR app",
    "USER root",
    "EXPOSE 80/tcp 443",
    "HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1",
    "ONBUILD RUN make",
    "SHELL [\"/bin/bash\", \"-c\"]",
    "CMD [\"node\", \"server.js\"]",
    "ENTRYPOINT exec ./run",
    "# escape=`",
    "# syntax=docker/dockerfile:1",
    "# comment 🚢",
    "",
    "\\",
    "   ",
    "\t",
];

#[test]
fn dockerfile_prefixes_never_panic() {
    let mut rng = Rng(0x5eed_0003);
    for case in 0..40 {
        let endings = ["\n", "\r\n", "\r"];
        let ending = endings[if case % 4 == 3 { rng.below(3) } else { 0 }];
        let text: String = (0..5 + rng.below(20))
            .map(|_| format!("{}{ending}", rng.pick(DOCKER_LINES)))
            .collect();
        every_prefix(&text, |prefix| check::dockerfile_parse(prefix.as_bytes()));
        if case % 8 == 0 {
            every_prefix(&text, |prefix| {
                let inputs = [Input::new("Dockerfile", prefix, Some(Kind::Dockerfile))];
                check::report_ok(&inputs, &lint(&inputs), "dockerfile prefix");
            });
        }
    }
}
