//! What a Terraform reader given at run time answers: the [`Read`] of a `.tf` file as JSON text.
//!
//! The page's engine has no HCL parser (hcl-edit would grow its first download); it loads a
//! second wasm module, crates/terraform-wasm, when a project holds a `.tf` file, and gives its
//! `read` export to [`super::set_external`]. That module is this engine built with
//! `terraform-wasm`: it reads the file with [`super::terraform::read`] and answers [`encode`];
//! the page's engine reads the answer back with [`decode`], spans and all, so every rule runs on
//! the same tree as in the CLI.
//!
//! The shape, written and read by hand (serde's generic code costs more in the page's wasm):
//! `{"resources": [{"kind": "task"|"service", "address", "task_ref", "files": [[path, template, start, end]], "root": NODE}],
//! "diagnostics": [[start, end, message, template key, parser message or null]]}`, where a NODE is an array `[tag, start, end, ...]`:
//! `["n",s,e]` null, `["b",s,e,bool]`, `["#",s,e,value,"text"]`, `["s",s,e,"text"]`,
//! `["a",s,e,[NODE...]]`, `["o",s,e,opaque,[[key,ks,ke,NODE]...]]`, `["p",s,e,"text"]`
//! placeholder, `["x",s,e]` invalid.

use serde_json::Value;

use super::{FileRef, Read, Resource};
use crate::input::span::Span;
use crate::input::Kind;
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// A [`Read`] as the JSON text [`decode`] reads.
#[cfg(feature = "terraform")]
pub fn encode(read: &Read) -> String {
    use serde_json::json;
    let resources: Vec<Value> = read
        .resources
        .iter()
        .map(|r| {
            json!({
                "kind": if r.kind == Kind::ServiceDef { "service" } else { "task" },
                "address": r.address,
                "task_ref": r.task_ref,
                "files": r.files.iter()
                    .map(|f| json!([f.path, f.template, f.span.start, f.span.end]))
                    .collect::<Vec<_>>(),
                "root": node(&r.root),
            })
        })
        .collect();
    let diagnostics: Vec<Value> = read
        .diagnostics
        .iter()
        .map(|d| {
            // The template's name and the HCL parser's message, so the reading side keys it too.
            let keyed = d.keyed.message.as_ref();
            let name = keyed.map_or("", |m| m.template.key);
            let detail = keyed
                .and_then(|m| m.args.iter().find(|(n, _)| *n == "message"))
                .and_then(|(_, a)| match a {
                    crate::input::msg::Arg::Code(s) => Some(s.as_str()),
                    _ => None,
                });
            json!([d.span.start, d.span.end, d.message, name, detail])
        })
        .collect();
    json!({ "resources": resources, "diagnostics": diagnostics }).to_string()
}

#[cfg(feature = "terraform")]
fn node(n: &Node) -> Value {
    use serde_json::json;
    let (s, e) = (n.span.start, n.span.end);
    match &n.kind {
        NodeKind::Null => json!(["n", s, e]),
        NodeKind::Bool(b) => json!(["b", s, e, b]),
        NodeKind::Number(v, text) => json!(["#", s, e, v, text]),
        NodeKind::String(text) => json!(["s", s, e, text]),
        NodeKind::Array(items) => json!(["a", s, e, items.iter().map(node).collect::<Vec<_>>()]),
        NodeKind::Object(o) => json!([
            "o",
            s,
            e,
            o.opaque,
            o.members
                .iter()
                .map(|m| json!([m.key, m.key_span.start, m.key_span.end, node(&m.value)]))
                .collect::<Vec<_>>()
        ]),
        NodeKind::Placeholder(text) => json!(["p", s, e, text]),
        NodeKind::Invalid => json!(["x", s, e]),
    }
}

/// Reads what [`encode`] wrote; `None` when the text is not such an answer (a module that
/// failed). Spans are clamped to `len`, the length of the file read, so no answer can point
/// past the text.
pub fn decode(answer: &str, len: usize) -> Option<Read> {
    let value = crate::syntax::json::read_value(answer).ok()?;
    let mut read = Read::default();
    for r in value.get("resources")?.as_array()? {
        let kind = match r.get("kind")?.as_str()? {
            "service" => Kind::ServiceDef,
            _ => Kind::TaskDef,
        };
        let files = r
            .get("files")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some(FileRef {
                    path: f.get(0)?.as_str()?.to_string(),
                    template: f.get(1)?.as_bool()?,
                    span: span(f.get(2), f.get(3), len),
                })
            })
            .collect();
        read.resources.push(Resource {
            kind,
            address: r.get("address")?.as_str()?.to_string(),
            root: to_node(r.get("root")?, len, 0)?,
            task_ref: r
                .get("task_ref")
                .and_then(Value::as_str)
                .map(str::to_string),
            files,
        });
    }
    for d in value.get("diagnostics")?.as_array()? {
        let message = d.get(2).and_then(Value::as_str).unwrap_or_default();
        let keyed = match (
            d.get(3).and_then(Value::as_str),
            d.get(4).and_then(Value::as_str),
        ) {
            (Some(name), _) if name == super::in013::TOO_DEEP.key => {
                crate::msg!(super::in013::TOO_DEEP)
            }
            (_, Some(detail)) => crate::msg!(super::in013::HCL_ERROR, message = detail),
            _ => crate::msg!(
                super::in013::HCL_ERROR,
                message = message
                    .strip_prefix("ecsplain cannot read this Terraform file: ")
                    .unwrap_or(message)
            ),
        };
        read.diagnostics
            .push(super::unreadable(span(d.get(0), d.get(1), len), keyed));
    }
    Some(read)
}

fn span(start: Option<&Value>, end: Option<&Value>, len: usize) -> Span {
    let at = |v: Option<&Value>| {
        v.and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
            .min(len)
    };
    let (s, e) = (at(start), at(end));
    Span::new(s.min(e), e)
}

fn to_node(v: &Value, len: usize, depth: usize) -> Option<Node> {
    if depth > 256 {
        return None;
    }
    let a = v.as_array()?;
    let at = span(a.get(1), a.get(2), len);
    let text = |i: usize| {
        a.get(i)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let kind = match a.first()?.as_str()? {
        "n" => NodeKind::Null,
        "b" => NodeKind::Bool(a.get(3)?.as_bool()?),
        "#" => NodeKind::Number(a.get(3)?.as_f64()?, text(4)),
        "s" => NodeKind::String(text(3)),
        "a" => NodeKind::Array(
            a.get(3)?
                .as_array()?
                .iter()
                .filter_map(|i| to_node(i, len, depth + 1))
                .collect(),
        ),
        "o" => NodeKind::Object(Object {
            opaque: a.get(3)?.as_bool()?,
            members: a
                .get(4)?
                .as_array()?
                .iter()
                .filter_map(|m| {
                    Some(Member {
                        key: m.get(0)?.as_str()?.to_string(),
                        key_span: span(m.get(1), m.get(2), len),
                        value: to_node(m.get(3)?, len, depth + 1)?,
                    })
                })
                .collect(),
        }),
        "p" => NodeKind::Placeholder(text(3)),
        _ => NodeKind::Invalid,
    };
    Some(Node::new(kind, at))
}

#[cfg(all(test, feature = "terraform"))]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_as_the_same_resources() {
        let tf = "locals {\n  c = 256\n}\nresource \"aws_ecs_task_definition\" \"t\" {\n  family = \"x\"\n  cpu = local.c\n  memory = \"512\"\n  network_mode = var.mode\n  container_definitions = jsonencode([{ name = \"a\", image = \"nginx\", essential = true, portMappings = [{ containerPort = 80 }] }])\n  volume {\n    name = \"v\"\n  }\n}\nresource \"aws_ecs_service\" \"s\" {\n  task_definition = aws_ecs_task_definition.t.arn\n  tags = { A = 1.5 }\n}\n";
        let read = super::super::terraform::read(tf);
        let back = decode(&encode(&read), tf.len()).expect("an answer");
        assert_eq!(back.resources.len(), 2);
        for (a, b) in read.resources.iter().zip(&back.resources) {
            assert_eq!(a.kind, b.kind);
            assert_eq!(a.address, b.address);
            assert_eq!(a.task_ref, b.task_ref);
            assert_eq!(a.root, b.root);
        }
        let broken = super::super::terraform::read("resource \"x\" \"y\" {\n  a = \n");
        let back = decode(&encode(&broken), 5).expect("an answer");
        assert_eq!(back.diagnostics.len(), 1);
        assert_eq!(back.diagnostics[0].message, broken.diagnostics[0].message);
        assert!(back.diagnostics[0].span.end <= 5);
        assert!(decode("", 0).is_none());
        assert!(decode("{\"resources\": 3}", 0).is_none());
    }
}
