//! The CreateService shape, read from `data/servicedef-schema.json` (sources and date inside),
//! and the small tools the schema rules share: walking a service definition against the shape,
//! "did you mean" suggestions and edits that add or remove members.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::Edit;
use crate::span::Span;
use crate::value::{keys_match, Node, NodeKind};

/// The shape of one value.
#[derive(Debug, Clone, Deserialize)]
pub struct Shape {
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default, rename = "enum")]
    pub values: Vec<String>,
    #[serde(default)]
    pub members: BTreeMap<String, Shape>,
    #[serde(default)]
    pub items: Option<Box<Shape>>,
    /// The object may hold keys not listed (a shape we do not check deeply).
    #[serde(default)]
    pub open: bool,
}

#[derive(Debug, Deserialize)]
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
        serde_json::from_str(DATA).unwrap_or(Schema {
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
                        let suggestion =
                            suggest(&member.key, shape.members.keys().map(String::as_str));
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

/// Levenshtein distance over characters, compared case-insensitively.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The closest candidate, when it is close enough to be a misspelling (or the same word in
/// another case, or a plural).
pub fn suggest<'c>(key: &str, candidates: impl Iterator<Item = &'c str>) -> Option<String> {
    if key.chars().count() > 64 {
        return None;
    }
    let limit = (key.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (distance(key, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c.to_string())
}

/// Is the text JSON (so that edits may insert JSON members)?
pub fn is_json_text(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
}

/// An edit that deletes member `index` of `object`, with its comma, keeping the JSON valid.
pub fn remove_member(text: &str, object: &Node, index: usize) -> Option<Edit> {
    let members = &object.as_object()?.members;
    let member = members.get(index)?;
    let span = if let Some(next) = members.get(index + 1) {
        Span::new(member.key_span.start as usize, next.key_span.start as usize)
    } else if let Some(previous) = index.checked_sub(1).and_then(|i| members.get(i)) {
        Span::new(
            previous.value.span.end as usize,
            member.value.span.end as usize,
        )
    } else {
        // The only member: delete it and the blank space around it.
        let inner_start = object.span.start as usize + 1;
        let inner_end = (object.span.end as usize).saturating_sub(1);
        if inner_start > inner_end || text.get(inner_start..inner_end).is_none() {
            member.span()
        } else {
            Span::new(inner_start, inner_end)
        }
    };
    text.get(span.range())?;
    Some(Edit {
        span,
        content: String::new(),
    })
}

/// An edit that inserts `"key": value` as the first member of a JSON object, indented like its
/// first member.
pub fn insert_member(text: &str, object: &Node, member_text: &str) -> Option<Edit> {
    insert_members(text, object, &[member_text])
}

/// Like [`insert_member`], for several members, each on its own line when the object's members
/// are on their own lines.
pub fn insert_members(text: &str, object: &Node, member_texts: &[&str]) -> Option<Edit> {
    if !is_json_text(text) || member_texts.is_empty() {
        return None;
    }
    let members = &object.as_object()?.members;
    match members.first() {
        Some(first) => {
            let at = first.key_span.start as usize;
            let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
            let before = text.get(line_start..at)?;
            let separator = if before.chars().all(char::is_whitespace) {
                format!("\n{before}")
            } else {
                " ".to_string()
            };
            let mut content = String::new();
            for member_text in member_texts {
                content.push_str(member_text);
                content.push(',');
                content.push_str(&separator);
            }
            Some(Edit {
                span: Span::at(at),
                content,
            })
        }
        None => {
            let start = object.span.start as usize;
            if text.get(start..start + 1) != Some("{") {
                return None;
            }
            Some(Edit {
                span: object.span,
                content: format!("{{ {} }}", member_texts.join(", ")),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_reads_and_names_its_sources() {
        let schema: Schema = serde_json::from_str(DATA).expect("servicedef-schema.json");
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

    #[test]
    fn suggestions() {
        assert_eq!(distance("kitten", "sitting"), 3);
        let keys = ["desiredCount", "launchType", "loadBalancers"];
        assert_eq!(
            suggest("desiredcount", keys.iter().copied()).as_deref(),
            Some("desiredCount")
        );
        assert_eq!(
            suggest("loadBalancer", keys.iter().copied()).as_deref(),
            Some("loadBalancers")
        );
        assert_eq!(suggest("foo", keys.iter().copied()), None);
    }

    #[test]
    fn removing_members_keeps_json_valid() {
        for (text, index, want) in [
            ("{\"a\": 1, \"b\": 2}", 0, "{\"b\": 2}"),
            ("{\"a\": 1, \"b\": 2}", 1, "{\"a\": 1}"),
            ("{ \"a\": 1 }", 0, "{}"),
        ] {
            let root = crate::json::parse(text).root.expect("parses");
            let edit = remove_member(text, &root, index).expect("edit");
            let mut out = text.to_string();
            out.replace_range(edit.span.range(), &edit.content);
            assert_eq!(out, want);
        }
    }

    #[test]
    fn inserting_members() {
        let text = "{\n  \"a\": 1\n}";
        let root = crate::json::parse(text).root.expect("parses");
        let edit = insert_member(text, &root, "\"b\": true").expect("edit");
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.content);
        assert_eq!(out, "{\n  \"b\": true,\n  \"a\": 1\n}");
    }
}
