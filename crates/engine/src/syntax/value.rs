//! The tree that the JSON and YAML parsers both build: every key and value with its span.
//!
//! Rules read task and service definitions through this tree, so a definition written in JSON, in
//! YAML or rendered from Jsonnet is checked by the same code.

use crate::input::span::Span;

/// A value in a JSON or YAML document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// The whole value: for a string, the quotes too.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    /// A number, with its text as written (`"0.25"`, `1e3`) and its value.
    Number(f64, String),
    String(String),
    Array(Vec<Node>),
    Object(Object),
    /// A template placeholder standing where a value should be (`{{ must_env `CPU` }}`,
    /// `$APP_IMAGE`, `${var.cpu}`): its value is unknown until rendered.
    Placeholder(String),
    /// Text the parser could not read; a syntax diagnostic was reported for it.
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    pub members: Vec<Member>,
    /// The object also holds template placeholders where members should be (`{{ command }}`),
    /// so a key that looks absent may still be provided at render time.
    pub opaque: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Member {
    /// The span of `"key": value`.
    pub fn span(&self) -> Span {
        self.key_span.cover(self.value.span)
    }
}

/// Does a string hold a template or placeholder rather than a literal value?
///
/// Recognised: Go templates `{{ ... }}`, Terraform and shell interpolation `${...}`, shell
/// variables `$VAR`, and `<ACCOUNT_ID>`-style tokens. Such values are never reported as bad
/// values.
pub fn is_placeholder_text(s: &str) -> bool {
    if s.contains("{{") || s.contains("${") {
        return true;
    }
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'$' {
            if let Some(&next) = bytes.get(i + 1) {
                if next.is_ascii_uppercase() || next == b'_' || next == b'$' {
                    return true;
                }
            }
        }
        if b == b'<' {
            // <ACCOUNT_ID>, <your-region>, <IMAGE_URI>: a word in angle brackets.
            let rest = &s[i + 1..];
            if let Some(close) = rest.find('>') {
                let word = &rest[..close];
                if !word.is_empty()
                    && word.len() <= 64
                    && word
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
                    && word.bytes().any(|c| c.is_ascii_alphabetic())
                {
                    return true;
                }
            }
        }
    }
    false
}

impl Node {
    pub fn new(kind: NodeKind, span: Span) -> Node {
        Node { kind, span }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match &self.kind {
            NodeKind::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            NodeKind::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A JSON number, or a string holding one (`"512"`): the AWS CLI and ecspresso accept both
    /// for several integer fields.
    pub fn as_f64_lenient(&self) -> Option<f64> {
        match &self.kind {
            NodeKind::Number(n, _) => Some(*n),
            NodeKind::String(s) => {
                crate::input::number::parse_f64(s.trim()).filter(|n| n.is_finite())
            }
            _ => None,
        }
    }

    pub fn as_i64_lenient(&self) -> Option<i64> {
        let n = self.as_f64_lenient()?;
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        ((i as f64) == n).then_some(i)
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// The value is unknown until a template is rendered (a placeholder node, or a string holding
    /// a template).
    pub fn is_placeholder(&self) -> bool {
        match &self.kind {
            NodeKind::Placeholder(_) => true,
            NodeKind::String(s) => is_placeholder_text(s),
            _ => false,
        }
    }

    /// A member of an object, by key. Like ecspresso, the first letter's case is not significant
    /// (`Cpu` and `cpu` are the same key); an exact match wins.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        // One pass: an exact match returns at once, else the first case-insensitive one.
        let mut loose = None;
        for m in &self.as_object()?.members {
            if m.key == key {
                return Some(m);
            }
            if loose.is_none() && keys_match(&m.key, key) {
                loose = Some(m);
            }
        }
        loose
    }

    /// A member that is present and not `null` (console exports are full of `null`s that mean
    /// "not set").
    pub fn get_set(&self, key: &str) -> Option<&Node> {
        self.get(key).filter(|n| !n.is_null())
    }

    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_str)
    }

    pub fn get_bool(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(Node::as_bool)
    }

    /// Elements of an array member; empty when absent or not an array.
    pub fn get_array(&self, key: &str) -> &[Node] {
        self.get(key).and_then(Node::as_array).unwrap_or(&[])
    }

    /// The object might have a key we cannot see (it holds placeholder members).
    pub fn is_opaque(&self) -> bool {
        self.as_object().is_some_and(|o| o.opaque)
    }

    /// Follows a path of keys and array indices, written as a JSON pointer (`/a/0/b`).
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        let mut node = self;
        for part in pointer.split('/').skip(1) {
            let part = part.replace("~1", "/").replace("~0", "~");
            node = match &node.kind {
                NodeKind::Object(_) => node.get(&part)?,
                NodeKind::Array(items) => items.get(part.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The text a JSON pointer covers: the node, and for an object member its key too (a finding
    /// on `"containerDefinitions"` is inside `/containerDefinitions`).
    pub fn pointer_extent(&self, pointer: &str) -> Option<crate::input::span::Span> {
        let mut node = self;
        let mut start = self.span.start;
        for part in pointer.split('/').skip(1) {
            let part = part.replace("~1", "/").replace("~0", "~");
            match &node.kind {
                NodeKind::Object(_) => {
                    let member = node.member(&part)?;
                    start = member.key_span.start;
                    node = &member.value;
                }
                NodeKind::Array(items) => {
                    node = items.get(part.parse::<usize>().ok()?)?;
                    start = node.span.start;
                }
                _ => return None,
            }
        }
        Some(crate::input::span::Span {
            start: start.min(node.span.start),
            end: node.span.end,
        })
    }

    /// The JSON pointer of the deepest member or element whose key or value holds `offset`
    /// (`/containerDefinitions/0/user`); `""` for the root. The inverse of [`Node::pointer`], for
    /// "ignore this finding here" (a per-path ignore by pointer, since JSON has no comments).
    pub fn pointer_at(&self, offset: u32) -> String {
        let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
        let mut pointer = String::new();
        let mut node = self;
        loop {
            let next = match &node.kind {
                NodeKind::Object(object) => object
                    .members
                    .iter()
                    .find(|m| {
                        (m.key_span.start <= offset && offset < m.key_span.end)
                            || (m.value.span.start <= offset && offset < m.value.span.end)
                    })
                    .map(|m| (escape(&m.key), &m.value)),
                NodeKind::Array(items) => items
                    .iter()
                    .enumerate()
                    .find(|(_, n)| n.span.start <= offset && offset < n.span.end)
                    .map(|(i, n)| (i.to_string(), n)),
                _ => None,
            };
            match next {
                Some((part, child)) => {
                    pointer.push('/');
                    pointer.push_str(&part);
                    node = child;
                }
                None => return pointer,
            }
        }
    }

    /// A short description of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(..) => "a number",
            NodeKind::String(_) => "a string",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
            NodeKind::Placeholder(_) => "a template placeholder",
            NodeKind::Invalid => "invalid text",
        }
    }
}

/// Key equality with the first letter's case ignored, as ecspresso normalises keys.
pub fn keys_match(a: &str, b: &str) -> bool {
    // An ASCII case change keeps the length: most keys differ there already.
    if a.len() != b.len() {
        return false;
    }
    let mut ac = a.chars();
    let mut bc = b.chars();
    match (ac.next(), bc.next()) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(&y) && ac.as_str() == bc.as_str(),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recognised() {
        for s in [
            "{{ must_env `IMAGE` }}",
            "${var.image}",
            "$APP_IMAGE",
            "123.dkr.ecr.<REGION>.amazonaws.com/x",
        ] {
            assert!(is_placeholder_text(s), "{s}");
        }
        for s in ["nginx:1.25", "a$b", "price: $5", "x < y > z", "<>"] {
            assert!(!is_placeholder_text(s), "{s}");
        }
    }

    #[test]
    fn keys_match_ignoring_first_letter_case() {
        assert!(keys_match("Cpu", "cpu"));
        assert!(!keys_match("CPU", "cpu"));
        assert!(keys_match("", ""));
    }
}
