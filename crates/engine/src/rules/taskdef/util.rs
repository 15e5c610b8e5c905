//! Small helpers shared by the task definition rules.

use crate::diagnostic::Edit;
use crate::sizing::units::{parse_cpu_units, parse_memory_mib};
use crate::span::Span;
use crate::taskdef::TaskDefCtx;
use crate::value::{Node, NodeKind, Object};

/// Limits of task definition values, read from `data/taskdef-limits.json` (source and date
/// inside).
pub struct Limits {
    pub source: Vec<String>,
    pub retrieved: String,
    /// `(key, min, max, default, unit)` of each health check setting.
    pub health_check: Vec<(String, i64, i64, String, String)>,
    pub fargate_max_stop_timeout: i64,
}

const LIMITS: &str = include_str!("../../../data/taskdef-limits.json");

/// The limits. The data file is part of the build and checked by a test; an unreadable file
/// gives no limits (no findings), never a panic.
pub fn limits() -> &'static Limits {
    static CELL: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let raw: serde_json::Value = serde_json::from_str(LIMITS).unwrap_or_default();
        let text = |v: &serde_json::Value, k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let health_check = raw
            .get("health_check")
            .and_then(|h| h.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| {
                        Some((
                            text(i, "key"),
                            i.get("min")?.as_i64()?,
                            i.get("max")?.as_i64()?,
                            text(i, "default"),
                            text(i, "unit"),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Limits {
            source: raw
                .get("source")
                .and_then(|s| s.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            retrieved: text(&raw, "retrieved"),
            health_check,
            fargate_max_stop_timeout: raw
                .get("fargate_max_stop_timeout")
                .and_then(serde_json::Value::as_i64)
                .unwrap_or(i64::MAX),
        }
    })
}

/// An integer value that is known: a number or a numeric string, never a placeholder.
pub fn int(node: Option<&Node>) -> Option<i64> {
    let node = node?;
    if node.is_placeholder() {
        return None;
    }
    node.as_i64_lenient()
}

/// The text of a task-level size value (`"512"`, `512`, `"1 vCPU"`), unless a placeholder.
fn size_text(node: &Node) -> Option<String> {
    if node.is_placeholder() {
        return None;
    }
    node.as_str()
        .map(str::to_string)
        .or_else(|| node.as_i64_lenient().map(|i| i.to_string()))
}

/// The task's memory in MiB and its node.
pub fn task_memory<'a>(ctx: &TaskDefCtx<'a>) -> Option<(u32, &'a Node)> {
    let node = ctx.task.get_set("memory")?;
    Some((parse_memory_mib(&size_text(node)?)?, node))
}

/// The task's CPU in units and its node.
pub fn task_cpu<'a>(ctx: &TaskDefCtx<'a>) -> Option<(u32, &'a Node)> {
    let node = ctx.task.get_set("cpu")?;
    Some((parse_cpu_units(&size_text(node)?)?, node))
}

/// A string value that is known (not a placeholder).
pub fn known_str(node: Option<&Node>) -> Option<&str> {
    node.and_then(Node::as_str)
        .filter(|s| !crate::value::is_placeholder_text(s))
}

/// The span of a member (`"key": value`) of a container, or the container's name.
pub fn member_or_name(container: &Node, key: &str) -> Span {
    container
        .member(key)
        .map_or_else(|| TaskDefCtx::container_span(container), |m| m.key_span)
}

/// The container's log driver, when known.
pub fn log_driver(container: &Node) -> Option<&str> {
    known_str(
        container
            .get_set("logConfiguration")
            .and_then(|l| l.get_set("logDriver")),
    )
}

/// Edits that remove the members of `object` marked in `remove`, leaving valid JSON (the
/// separating commas go with them).
pub fn remove_members(object: &Object, remove: &[bool]) -> Vec<Edit> {
    let members = &object.members;
    let removed = |i: usize| remove.get(i).copied().unwrap_or(false);
    let mut edits = Vec::new();
    let Some(last_kept) = (0..members.len()).rev().find(|&i| !removed(i)) else {
        if let (Some(first), Some(last)) = (members.first(), members.last()) {
            edits.push(Edit {
                span: Span::new(first.key_span.start as usize, last.value.span.end as usize),
                content: String::new(),
            });
        }
        return edits;
    };
    for i in 0..last_kept {
        if removed(i) {
            if let (Some(m), Some(next)) = (members.get(i), members.get(i + 1)) {
                edits.push(Edit {
                    span: Span::new(m.key_span.start as usize, next.key_span.start as usize),
                    content: String::new(),
                });
            }
        }
    }
    if last_kept + 1 < members.len() {
        if let (Some(kept), Some(last)) = (members.get(last_kept), members.last()) {
            edits.push(Edit {
                span: Span::new(kept.value.span.end as usize, last.value.span.end as usize),
                content: String::new(),
            });
        }
    }
    edits
}

/// Applies non-overlapping edits to the text under `base` and returns the new text.
pub fn apply_edits(text: &str, base: Span, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    let mut out = String::new();
    let mut at = base.start as usize;
    for edit in sorted {
        let start = edit.span.start as usize;
        let end = edit.span.end as usize;
        if start < at || end > base.end as usize {
            return None;
        }
        out.push_str(text.get(at..start)?);
        out.push_str(&edit.content);
        at = end;
    }
    out.push_str(text.get(at..base.end as usize)?);
    Some(out)
}

/// Where a new member can be inserted at the start of an object: just after `{`, with the
/// indentation of its first member. Returns `(offset, text to insert)`.
pub fn insert_first_member(text: &str, object: &Node, member: &str) -> Option<(usize, String)> {
    let first = object.as_object()?.members.first()?;
    let start = object.span.start as usize;
    let key = first.key_span.start as usize;
    let between = text.get(start + 1..key)?;
    let content = if between.contains('\n') {
        let indent = between.rsplit('\n').next().unwrap_or("");
        format!("\n{indent}{member},")
    } else {
        format!(" {member},")
    };
    Some((start + 1, content))
}

/// An image reference split into its parts.
pub struct Image<'a> {
    /// Registry host (`123.dkr.ecr.eu-west-1.amazonaws.com`), when the name has one.
    pub registry: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

pub fn parse_image(image: &str) -> Image<'_> {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    let last_slash = name.rfind('/').map_or(0, |i| i + 1);
    let (tag, _) = match name.get(last_slash..).and_then(|last| last.rfind(':')) {
        Some(colon) => (name.get(last_slash + colon + 1..), ()),
        None => (None, ()),
    };
    let registry = name.split_once('/').and_then(|(first, _)| {
        (first.contains('.') || first.contains(':') || first == "localhost").then_some(first)
    });
    Image {
        registry,
        tag,
        digest,
    }
}

/// A bare upper-case token filled in by a script (`DOCKER_URI`, `IMAGE_NAME`): image names are
/// lower case, so this is a placeholder, not an image.
pub fn is_bare_token(s: &str) -> bool {
    s.len() > 1
        && s.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The region of an ECR registry host (`<account>.dkr.ecr.<region>.amazonaws.com`).
pub fn ecr_region(registry: &str) -> Option<&str> {
    let rest = registry.split_once(".dkr.ecr.")?.1;
    let region = rest.split('.').next()?;
    (!region.is_empty()).then_some(region)
}

/// The container list may hold containers we cannot see (a template placeholder stands among
/// them, or the task object itself holds placeholder members).
pub fn containers_opaque(ctx: &TaskDefCtx<'_>) -> bool {
    let list = match ctx.shape {
        crate::taskdef::Shape::ContainerArray => Some(ctx.task),
        _ => ctx.task.get_set("containerDefinitions"),
    };
    ctx.task.is_opaque()
        || list.is_some_and(|l| {
            l.is_placeholder()
                || l.as_array()
                    .is_some_and(|a| a.iter().any(|n| matches!(n.kind, NodeKind::Placeholder(_))))
        })
}

/// Is the value a literal `true`?
pub fn is_true(node: Option<&Node>) -> bool {
    matches!(node.map(|n| &n.kind), Some(NodeKind::Bool(true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_data_file_is_complete() {
        let l = limits();
        assert!(l
            .source
            .iter()
            .all(|u| u.starts_with("https://docs.aws.amazon.com/")));
        assert!(!l.retrieved.is_empty());
        assert_eq!(l.health_check.len(), 4);
        assert_eq!(l.fargate_max_stop_timeout, 120);
    }

    #[test]
    fn images_split() {
        let i = parse_image("123.dkr.ecr.eu-west-1.amazonaws.com/app:1.2@sha256:abc");
        assert_eq!(i.registry, Some("123.dkr.ecr.eu-west-1.amazonaws.com"));
        assert_eq!(i.tag, Some("1.2"));
        assert_eq!(i.digest, Some("sha256:abc"));
        assert_eq!(ecr_region(i.registry.unwrap_or("")), Some("eu-west-1"));
        let i = parse_image("localhost:5000/app");
        assert_eq!(i.registry, Some("localhost:5000"));
        assert_eq!(i.tag, None);
        assert_eq!(parse_image("nginx").tag, None);
    }

    #[test]
    fn removing_members_keeps_json_valid() {
        let text = r#"{"a": 1, "b": 2, "c": 3}"#;
        let parsed = crate::json::parse(text);
        let root = parsed.root.as_ref().unwrap();
        let object = root.as_object().unwrap();
        for (mask, want) in [
            ([true, false, false], r#"{"b": 2, "c": 3}"#),
            ([false, true, false], r#"{"a": 1, "c": 3}"#),
            ([false, false, true], r#"{"a": 1, "b": 2}"#),
            ([false, true, true], r#"{"a": 1}"#),
            ([true, true, true], r"{}"),
        ] {
            let edits = remove_members(object, &mask);
            assert_eq!(apply_edits(text, root.span, &edits).unwrap(), want);
        }
    }
}
