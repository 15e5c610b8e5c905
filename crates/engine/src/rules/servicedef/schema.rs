//! The CreateService shape, read from `data/servicedef-schema.json` (sources and date inside),
//! and the small tools the schema rules share: walking a service definition against the shape,
//! "did you mean" suggestions and edits that add or remove members.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::value::{keys_match, Node, NodeKind};

/// The shape of one value.
#[derive(Debug, Clone)]
pub struct Shape {
    pub ty: String,
    pub values: Vec<String>,
    pub members: BTreeMap<String, Shape>,
    pub items: Option<Box<Shape>>,
    /// The object may hold keys not listed (a shape we do not check deeply).
    pub open: bool,
}

#[derive(Debug)]
pub struct Schema {
    pub source: Vec<String>,
    pub retrieved: String,
    pub service: Shape,
    /// Keys of `describe-services` output that `create-service` does not take, with what each is.
    pub output_only: BTreeMap<String, String>,
}

const DATA: &str = include_str!("../../../data/servicedef-schema.json");

/// The schema. The data file is part of the build and checked by a test; an unreadable file
/// gives an empty schema (no findings), never a panic.
pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        read(DATA).unwrap_or(Schema {
            source: Vec::new(),
            retrieved: String::new(),
            service: Shape {
                ty: "any".into(),
                values: Vec::new(),
                members: BTreeMap::new(),
                items: None,
                open: true,
            },
            output_only: BTreeMap::new(),
        })
    })
}

/// Reads the data file (with the engine's own JSON reader: see [`crate::json::to_value`]).
fn read(data: &str) -> Option<Schema> {
    let raw = crate::json::to_value(data)?;
    Some(Schema {
        source: match raw.get("source") {
            Some(list) => crate::json::strings(list.as_array()?)?,
            None => Vec::new(),
        },
        retrieved: raw.get("retrieved")?.as_str()?.to_string(),
        service: read_shape(raw.get("service")?, 0)?,
        output_only: raw
            .get("output_only")?
            .as_object()?
            .iter()
            .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect::<Option<_>>()?,
    })
}

/// One shape; the data file nests a few levels, [`MAX_DEPTH`] bounds it.
fn read_shape(v: &Value, depth: usize) -> Option<Shape> {
    if depth > MAX_DEPTH {
        return None;
    }
    Some(Shape {
        ty: v.get("type")?.as_str()?.to_string(),
        values: match v.get("enum") {
            Some(values) => crate::json::strings(values.as_array()?)?,
            None => Vec::new(),
        },
        members: match v.get("members") {
            Some(members) => members
                .as_object()?
                .iter()
                .map(|(k, m)| Some((k.clone(), read_shape(m, depth + 1)?)))
                .collect::<Option<_>>()?,
            None => BTreeMap::new(),
        },
        items: match v.get("items") {
            Some(items) if !items.is_null() => Some(Box::new(read_shape(items, depth + 1)?)),
            _ => None,
        },
        open: v.get("open").and_then(Value::as_bool).unwrap_or(false),
    })
}

impl Shape {
    /// The shape of a member, matching keys as ecspresso does (first letter's case ignored).
    pub fn member(&self, key: &str) -> Option<(&str, &Shape)> {
        self.members
            .get_key_value(key)
            .or_else(|| self.members.iter().find(|(k, _)| keys_match(k, key)))
            .map(|(k, v)| (k.as_str(), v))
    }
}

/// An output-only key of `describe-services` (first letter's case ignored).
pub fn output_only(key: &str) -> Option<(&'static str, &'static str)> {
    let schema = schema();
    schema
        .output_only
        .get_key_value(key)
        .or_else(|| schema.output_only.iter().find(|(k, _)| keys_match(k, key)))
        .map(|(k, v)| (k.as_str(), v.as_str()))
}

/// What a schema walk found.
pub enum Problem<'a> {
    UnknownKey {
        member: &'a crate::value::Member,
        suggestion: Option<String>,
        /// The object the key sits in, for removing it.
        parent: &'a Node,
        /// Where it sits, for messages: `deploymentConfiguration` or `the service`.
        place: String,
    },
    WrongType {
        node: &'a Node,
        path: String,
        expected: &'a Shape,
    },
    BadEnum {
        node: &'a Node,
        path: String,
        value: &'a str,
        allowed: &'a [String],
    },
}

const MAX_DEPTH: usize = 32;

/// Walks the service object against the schema. Top-level output-only keys are left to their
/// own rule; `null` values and placeholders are never problems.
pub fn walk<'a>(service: &'a Node, out: &mut Vec<Problem<'a>>) {
    walk_node(service, &schema().service, "", 0, true, out);
}

fn walk_node<'a>(
    node: &'a Node,
    shape: &'a Shape,
    path: &str,
    depth: usize,
    top: bool,
    out: &mut Vec<Problem<'a>>,
) {
    if depth > MAX_DEPTH || node.is_null() || node.is_placeholder() {
        return;
    }
    if matches!(node.kind, NodeKind::Invalid) {
        return;
    }
    match shape.ty.as_str() {
        "object" => {
            let Some(object) = node.as_object() else {
                out.push(Problem::WrongType {
                    node,
                    path: path.to_string(),
                    expected: shape,
                });
                return;
            };
            if shape.open {
                return;
            }
            for member in &object.members {
                if crate::value::is_placeholder_text(&member.key) {
                    continue;
                }
                match shape.member(&member.key) {
                    Some((name, child)) => {
                        let child_path = if path.is_empty() {
                            name.to_string()
                        } else {
                            format!("{path}.{name}")
                        };
                        walk_node(&member.value, child, &child_path, depth + 1, false, out);
                    }
                    None => {
                        if top && output_only(&member.key).is_some() {
                            continue;
                        }
                        let suggestion = crate::text::suggest(
                            &member.key,
                            shape.members.keys().map(String::as_str),
                        )
                        .map(str::to_string);
                        out.push(Problem::UnknownKey {
                            member,
                            suggestion,
                            parent: node,
                            place: if path.is_empty() {
                                "the service definition".to_string()
                            } else {
                                format!("`{path}`")
                            },
                        });
                    }
                }
            }
        }
        "array" => {
            let Some(items) = node.as_array() else {
                out.push(Problem::WrongType {
                    node,
                    path: path.to_string(),
                    expected: shape,
                });
                return;
            };
            if let Some(item_shape) = &shape.items {
                for (i, item) in items.iter().enumerate() {
                    walk_node(
                        item,
                        item_shape,
                        &format!("{path}[{i}]"),
                        depth + 1,
                        false,
                        out,
                    );
                }
            }
        }
        "string" => match &node.kind {
            NodeKind::String(s) => {
                // An empty enum string is not sent by ecspresso (Go SDK enums are omitted when
                // empty), and `ecspresso init` writes `"launchType": ""`.
                if !shape.values.is_empty() && !s.is_empty() && !shape.values.iter().any(|v| v == s)
                {
                    out.push(Problem::BadEnum {
                        node,
                        path: path.to_string(),
                        value: s,
                        allowed: &shape.values,
                    });
                }
            }
            _ => out.push(Problem::WrongType {
                node,
                path: path.to_string(),
                expected: shape,
            }),
        },
        "integer" => {
            let ok = matches!(&node.kind, NodeKind::Number(n, _) if n.fract() == 0.0);
            if !ok {
                out.push(Problem::WrongType {
                    node,
                    path: path.to_string(),
                    expected: shape,
                });
            }
        }
        "number" if !matches!(node.kind, NodeKind::Number(..)) => {
            out.push(Problem::WrongType {
                node,
                path: path.to_string(),
                expected: shape,
            });
        }
        "boolean" if !matches!(node.kind, NodeKind::Bool(_)) => {
            out.push(Problem::WrongType {
                node,
                path: path.to_string(),
                expected: shape,
            });
        }
        _ => {}
    }
}

/// A type name for messages.
pub fn expected_name(shape: &Shape) -> &'static str {
    match shape.ty.as_str() {
        "object" => "an object",
        "array" => "an array",
        "string" => "a string",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        _ => "a value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_reads_and_names_its_sources() {
        let schema = read(DATA).expect("servicedef-schema.json");
        assert!(schema.source.iter().all(|s| s.starts_with("https://")));
        assert!(!schema.retrieved.is_empty());
        assert!(schema.service.member("desiredCount").is_some());
        assert!(schema.service.member("DesiredCount").is_some());
        assert!(output_only("serviceArn").is_some());
        for key in schema.output_only.keys() {
            assert!(
                schema.service.member(key).is_none(),
                "{key} is both input and output-only"
            );
        }
    }
}
