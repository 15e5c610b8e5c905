//! Container definitions a Terraform task reads from another file of the project:
//! `file("containers.json")` and `templatefile("containers.json.tpl", {...})`.
//!
//! When that file is among the run's inputs, the lint run folds it into the task: the resource
//! is checked with the file's containers, so the task's and the containers' rules see each other
//! (a Fargate task's sizes and its containers' memory, the network mode and the port mappings).
//! The resource's input holds the `.tf` text and, after a line break, the file's text
//! ([`joined`]); findings past [`Fold::offset`] belong to the file and go back to it. A
//! template's `${...}` interpolations and `%{...}` directives are placeholders, never literals.

use crate::input::span::Span;
use crate::syntax::value::{Node, NodeKind};

/// One folded file.
#[derive(Debug)]
pub struct Fold {
    /// The input holding the `.tf` file, and the resource's index among its resources.
    pub file: usize,
    pub resource: usize,
    /// The input holding the folded file.
    pub other: usize,
    /// Where the folded file starts in the joined text.
    pub offset: usize,
    /// Read by `templatefile()`: its fixes are not kept (the rendered text is not the file).
    pub template: bool,
    /// The file's containers, spans already past `offset`; and the call they replace.
    pub containers: Node,
    pub call: Span,
}

/// The `.tf` text and the folded file's, joined by a line break.
pub fn joined(tf: &str, other: &str) -> String {
    let mut out = String::with_capacity(tf.len() + other.len() + 1);
    out.push_str(tf);
    out.push('\n');
    out.push_str(other);
    out
}

/// The files a Terraform text reads with `file("...")` or `templatefile("...", ...)`, relative to
/// its folder (`${path.module}/`, `./` taken off), found in the text without parsing it: the
/// front ends add them to a run, so the task can fold them in.
pub fn referenced(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for call in ["templatefile(", "file("] {
        let mut rest = text;
        while let Some(at) = rest.find(call) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + call.len()..];
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let Some(quoted) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = quoted.find('"') else {
                continue;
            };
            let written = &quoted[..end];
            let path = written
                .strip_prefix("${path.module}/")
                .unwrap_or(written)
                .trim_start_matches("./");
            let plain =
                !path.is_empty() && !path.contains(['$', '%', '\\', '{']) && !path.starts_with('/');
            if plain && !out.iter().any(|p| p == path) {
                out.push(path.to_string());
            }
        }
    }
    out
}

/// The path a `file()` call names, from the `.tf` file's folder, as the run names inputs.
pub fn resolve(tf_path: &str, written: &str) -> String {
    let folder = tf_path.rfind(['/', '\\']).map_or("", |i| &tf_path[..i]);
    let joined = if folder.is_empty() {
        written.to_string()
    } else {
        format!("{folder}/{written}")
    };
    crate::input::paths::normalize_path(&joined)
}

/// A template's text with every `${...}` outside a JSON string made `"${...}"`-like for the
/// JSON parser (the same length: `$` and the braces stay, so the parser reads a placeholder)
/// and every `%{...}` directive blanked; `None` when it is not JSON then.
pub fn template_json(text: &str) -> Option<Node> {
    let mut masked = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && bytes.get(i + 1) == Some(&b'{') {
            let end = text[i..].find('}').map_or(text.len(), |e| i + e + 1);
            // Spaces keep the offsets; a line break stays one.
            for c in text[i..end].chars() {
                masked.push(if c == '\n' { '\n' } else { ' ' });
                for _ in 1..c.len_utf8() {
                    masked.push(' ');
                }
            }
            i = end;
            continue;
        }
        let c = text[i..].chars().next()?;
        masked.push(c);
        i += c.len_utf8();
    }
    json(&masked)
}

/// The JSON of a `file()`: a list of container definitions.
pub fn json(text: &str) -> Option<Node> {
    let parsed = crate::syntax::json::parse(text);
    if parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::input::diagnostic::Severity::Error)
    {
        return None;
    }
    let root = parsed.root?;
    matches!(root.kind, NodeKind::Array(_)).then_some(root)
}

/// Moves every span of a tree by `offset`.
pub fn shift(node: &mut Node, offset: usize) {
    let by = |s: Span| Span::new(s.start as usize + offset, s.end as usize + offset);
    node.span = by(node.span);
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|i| shift(i, offset)),
        NodeKind::Object(object) => {
            for m in &mut object.members {
                m.key_span = by(m.key_span);
                shift(&mut m.value, offset);
            }
        }
        _ => {}
    }
}

/// The resource with the file's containers in place of the call's placeholder.
pub fn with_containers(root: &mut Node, containers: Node, call: Span) {
    let schema = crate::models::ecs_schema::schema();
    let Some(ty) = schema
        .structure(super::root_shape(crate::input::Kind::TaskDef))
        .and_then(|s| s.member("containerDefinitions"))
        .map(|(_, t)| t.clone())
    else {
        return;
    };
    let mapped = super::to_api(containers, &ty, &|_| false, super::Spelling::GoJson);
    if let NodeKind::Object(object) = &mut root.kind {
        if let Some(m) = object
            .members
            .iter_mut()
            .find(|m| m.key == "containerDefinitions" && m.value.span == call)
        {
            m.value = mapped;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referenced_files_and_templates() {
        let tf = "a = file(\"${path.module}/c.json\")\nb = templatefile(\"./t/c.tpl\", { x = 1 })\nc = myfile(\"no\")\nd = file(var.x)\n";
        assert_eq!(
            referenced(tf),
            vec!["t/c.tpl".to_string(), "c.json".to_string()]
        );
        assert_eq!(resolve("infra/main.tf", "t/../c.json"), "infra/c.json");
    }

    #[test]
    fn templates_are_json_with_placeholders() {
        let tpl = "[{\"name\": \"a\", \"cpu\": ${cpu}, \"image\": \"${image}\",\n%{ if x }\n\"user\": \"1\",\n%{ endif }\n\"essential\": true}]";
        let root = template_json(tpl).expect("JSON once masked");
        let container = &root.as_array().expect("a list")[0];
        assert!(container.get("cpu").is_some_and(Node::is_placeholder));
        assert_eq!(container.get_bool("essential"), Some(true));
        // Offsets are kept: the name is where it is written.
        assert_eq!(
            container.get("name").map(|n| n.span.text(tpl)),
            Some("\"a\"")
        );
        assert!(json("{\"not\": \"a list\"}").is_none());
    }
}
