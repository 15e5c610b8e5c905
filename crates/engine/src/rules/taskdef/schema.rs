//! The `RegisterTaskDefinition` shape as data (`data/taskdef-schema.json`, source and date
//! inside), and a walk of a task definition tree against it: unknown keys (with the closest known
//! key) and values of the wrong type. Used by TD002, TD003 and TD004.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::span::Span;
use crate::value::{Node, NodeKind};

/// The type a key's value must have.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    String,
    Integer,
    Boolean,
    /// An object whose values are strings (`dockerLabels`, log `options`).
    Map,
    Any,
    Enum(Vec<String>),
    Shape(String),
    Array(Box<Ty>),
}

impl Ty {
    fn parse(value: &serde_json::Value) -> Ty {
        match value {
            serde_json::Value::String(s) => {
                if let Some(inner) = s.strip_suffix("[]") {
                    return Ty::Array(Box::new(Ty::parse(&serde_json::Value::String(
                        inner.to_string(),
                    ))));
                }
                match s.as_str() {
                    "string" => Ty::String,
                    "integer" => Ty::Integer,
                    "boolean" => Ty::Boolean,
                    "map" => Ty::Map,
                    "any" => Ty::Any,
                    other => Ty::Shape(other.to_string()),
                }
            }
            serde_json::Value::Object(o) => match o.get("enum").and_then(|e| e.as_array()) {
                Some(values) => Ty::Enum(
                    values
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect(),
                ),
                None => Ty::Any,
            },
            _ => Ty::Any,
        }
    }

    /// The type in words, for messages ("an integer", "an array of strings").
    pub fn describe(&self) -> String {
        match self {
            Ty::String | Ty::Enum(_) => "a string".into(),
            Ty::Integer => "an integer".into(),
            Ty::Boolean => "true or false".into(),
            Ty::Map => "an object of string values".into(),
            Ty::Any => "any value".into(),
            Ty::Shape(_) => "an object".into(),
            Ty::Array(inner) => match inner.as_ref() {
                Ty::String | Ty::Enum(_) => "an array of strings".into(),
                Ty::Integer => "an array of integers".into(),
                Ty::Shape(name) if name == "Tag" => {
                    "an array of {\"key\": ..., \"value\": ...} objects".into()
                }
                Ty::Shape(name) if name == "KeyValuePair" => {
                    "an array of {\"name\": ..., \"value\": ...} objects".into()
                }
                _ => "an array of objects".into(),
            },
        }
    }
}

pub struct Schema {
    pub source: Vec<String>,
    pub retrieved: String,
    pub root: String,
    pub output_only: Vec<String>,
    pub shapes: BTreeMap<String, Vec<(String, Ty)>>,
}

const DATA: &str = include_str!("../../../data/taskdef-schema.json");

/// The schema. The data file is part of the build and checked by a test; an unreadable file
/// gives an empty schema (no findings), never a panic.
pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let raw = crate::json::to_value(DATA).unwrap_or_default();
        let strings = |key: &str| -> Vec<String> {
            raw.get(key)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut shapes = BTreeMap::new();
        if let Some(map) = raw.get("shapes").and_then(|s| s.as_object()) {
            for (name, keys) in map {
                let keys = keys
                    .as_object()
                    .map(|o| {
                        o.iter()
                            .map(|(k, v)| (k.clone(), Ty::parse(v)))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                shapes.insert(name.clone(), keys);
            }
        }
        Schema {
            source: strings("source"),
            retrieved: raw
                .get("retrieved")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string(),
            root: raw
                .get("root")
                .and_then(|v| v.as_str())
                .unwrap_or("TaskDefinition")
                .to_string(),
            output_only: strings("output_only"),
            shapes,
        }
    })
}

impl Schema {
    pub fn shape(&self, name: &str) -> &[(String, Ty)] {
        self.shapes.get(name).map_or(&[], Vec::as_slice)
    }

    pub fn is_output_only(&self, key: &str) -> bool {
        self.output_only
            .iter()
            .any(|k| crate::value::keys_match(k, key))
    }
}

/// What the walk found.
pub enum Issue<'a> {
    UnknownKey {
        key: &'a str,
        key_span: Span,
        /// The member, for a fix that removes it.
        member_span: Span,
        shape: &'a str,
        suggestion: Option<&'static str>,
    },
    WrongType {
        /// The key whose value is wrong (or `[n]` for an array item).
        key: String,
        value: &'a Node,
        expected: &'static Ty,
    },
}

/// Walks `node` as an instance of `shape`, collecting issues. Output-only keys of describe
/// output are skipped at the top level (TD004 reports them); `null` means "not set".
pub fn validate<'a>(node: &'a Node, shape: &'static str, out: &mut Vec<Issue<'a>>) {
    walk(node, shape, true, 0, out);
}

fn walk<'a>(
    node: &'a Node,
    shape: &'static str,
    top: bool,
    depth: usize,
    out: &mut Vec<Issue<'a>>,
) {
    if depth > 16 {
        return;
    }
    let schema = schema();
    let Some(object) = node.as_object() else {
        return;
    };
    let known = schema.shape(shape);
    if known.is_empty() {
        return;
    }
    for member in &object.members {
        let Some((name, ty)) = known.iter().find(|(k, _)| *k == member.key).or_else(|| {
            known
                .iter()
                .find(|(k, _)| crate::value::keys_match(k, &member.key))
        }) else {
            if top && schema.is_output_only(&member.key) {
                continue;
            }
            if crate::value::is_placeholder_text(&member.key) {
                continue;
            }
            out.push(Issue::UnknownKey {
                key: &member.key,
                key_span: member.key_span,
                member_span: member.span(),
                shape,
                suggestion: crate::text::suggest(
                    &member.key,
                    known.iter().map(|(k, _)| k.as_str()),
                ),
            });
            continue;
        };
        check_value(name, &member.value, ty, depth, out);
    }
}

fn check_value<'a>(
    key: &str,
    value: &'a Node,
    ty: &'static Ty,
    depth: usize,
    out: &mut Vec<Issue<'a>>,
) {
    let ok = match (&value.kind, ty) {
        (NodeKind::Null | NodeKind::Placeholder(_) | NodeKind::Invalid, _) | (_, Ty::Any) => true,
        (NodeKind::String(s), _) if crate::value::is_placeholder_text(s) => true,
        (NodeKind::String(_), Ty::String) => true,
        // ecspresso and SDK exports write unset enums as "" (Go zero values): not set.
        (NodeKind::String(s), Ty::Enum(values)) => s.is_empty() || values.iter().any(|v| v == s),
        (NodeKind::Number(n, _), Ty::Integer) => n.fract() == 0.0,
        (NodeKind::Bool(_), Ty::Boolean) => true,
        (NodeKind::Object(o), Ty::Map) => {
            for m in &o.members {
                if !matches!(
                    m.value.kind,
                    NodeKind::String(_) | NodeKind::Null | NodeKind::Placeholder(_)
                ) {
                    out.push(Issue::WrongType {
                        key: m.key.clone(),
                        value: &m.value,
                        expected: &Ty::String,
                    });
                }
            }
            true
        }
        (NodeKind::Object(_), Ty::Shape(name)) => {
            walk(value, name, false, depth + 1, out);
            true
        }
        (NodeKind::Array(items), Ty::Array(inner)) => {
            for (i, item) in items.iter().enumerate() {
                check_value(&format!("{key}[{i}]"), item, inner, depth + 1, out);
            }
            true
        }
        _ => false,
    };
    if !ok {
        out.push(Issue::WrongType {
            key: key.to_string(),
            value,
            expected: ty,
        });
    }
}

/// The issues of a task definition, whatever its shape.
pub fn issues<'a>(ctx: &crate::taskdef::TaskDefCtx<'a>) -> Vec<Issue<'a>> {
    use crate::taskdef::Shape;
    let mut out = Vec::new();
    match ctx.shape {
        Shape::Register | Shape::Describe => validate(ctx.task, "TaskDefinition", &mut out),
        Shape::ContainerArray => {
            for (i, item) in ctx.task.as_array().unwrap_or(&[]).iter().enumerate() {
                check_value(&format!("[{i}]"), item, container_ty(), 0, &mut out);
            }
        }
        Shape::Other => {}
    }
    out
}

fn container_ty() -> &'static Ty {
    static TY: OnceLock<Ty> = OnceLock::new();
    TY.get_or_init(|| Ty::Shape("ContainerDefinition".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_close_keys_only() {
        let keys = ["memory", "memoryReservation", "image"];
        assert_eq!(
            crate::text::suggest("memoryReservations", keys),
            Some("memoryReservation")
        );
        assert_eq!(crate::text::suggest("imgae", keys), Some("image"));
        assert_eq!(crate::text::suggest("completelyDifferent", keys), None);
    }

    #[test]
    fn data_file_is_complete() {
        let s = schema();
        assert!(s
            .source
            .iter()
            .all(|u| u.starts_with("https://docs.aws.amazon.com/")));
        assert!(!s.retrieved.is_empty());
        assert!(s.shape("TaskDefinition").len() > 15);
        assert!(s.shape("ContainerDefinition").len() > 40);
        // Every shape named by a type exists.
        for keys in s.shapes.values() {
            for (_, ty) in keys {
                let mut t = ty;
                while let Ty::Array(inner) = t {
                    t = inner;
                }
                if let Ty::Shape(name) = t {
                    assert!(s.shapes.contains_key(name), "{name}");
                }
            }
        }
    }
}
