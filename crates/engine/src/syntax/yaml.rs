//! YAML with spans, into the same [`Node`] tree as JSON.
//!
//! Built on `saphyr-parser`'s event stream (the parser under the `saphyr` crate: maintained, pure
//! Rust, no unsafe needed by us, and it gives a span for every event). Reading events instead of
//! saphyr's loaded tree keeps duplicate keys, each scalar's quoting style and the part of the
//! document read before a syntax error, and lets us bound depth and alias expansion ourselves.
//!
//! - saphyr's markers count characters; spans here are byte offsets (see [`CharToByte`]).
//! - Nesting deeper than [`MAX_DEPTH`] stops the reading with a finding, so no input can exhaust
//!   the stack of the code that walks the tree. Alias expansion is bounded by [`MAX_NODES`].
//! - A syntax error is an `IN002` finding at its line and column; the tree read so far is kept,
//!   and the objects left open are marked opaque (keys after the error are unknown).
//! - Go-template actions at the start of a plain scalar (`image: {{ must_env `IMAGE` }}`), valid
//!   for ecspresso v2 which renders before parsing, would be read by YAML as flow mappings or be
//!   syntax errors: they are masked before parsing and their scalars keep the template text, so
//!   they are placeholders. Rule EP009 reports them.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::input::diagnostic::Diagnostic;
use crate::input::msg::Msg;
use crate::input::span::{floor_char_boundary, Span};
use crate::syntax::json::Parsed;
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// Deepest nesting read; ECS documents and ecspresso configs need fewer than 10 levels.
pub const MAX_DEPTH: usize = 128;
/// Most nodes built, aliases expanded (bounds "billion laughs" documents).
pub const MAX_NODES: usize = 250_000;

/// Code of YAML syntax diagnostics (see `rules/input/in002_invalid_yaml.rs`).
pub const SYNTAX: &str = crate::input::codes::IN002.code;

/// The IN002 messages (their Japanese: `rules/input/in002_invalid_yaml.ja.msg`). The YAML
/// library's own description of an error stays English, as it prints it.
pub mod in002 {
    crate::messages! {
        "IN002";
        TOO_DEEP = "the YAML is nested more than {depth} levels deep; it was not read";
        HELP_TOO_DEEP = "ECS documents need only a few levels; check for a runaway list or bracket";
        INVALID = "invalid YAML: {info}";
        HELP_INVALID = "check the indentation and quoting around this point; a value starting with `{`, `[`, `*`, `&`, `!`, `|`, `>`, `@` or a backquote must be quoted";
        UNDEFINED_ANCHOR = "an alias refers to an anchor that is not defined";
        TOO_DEEP_STOPPED = "the YAML is nested more than {depth} levels deep; reading stopped here";
        TOO_MANY_NODES = "the YAML expands to more than {nodes} values (aliases); reading stopped here";
    }
}

pub fn parse(text: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    if let Some(at) = too_deep(text) {
        diagnostics.push(syntax(
            Span::new(at, at + char_len(text, at)),
            crate::msg!(in002::TOO_DEEP, depth = MAX_DEPTH),
            Some(crate::msg!(in002::HELP_TOO_DEEP)),
        ));
        return Parsed {
            root: None,
            diagnostics,
        };
    }
    let unquoted = unquoted_templates(text);
    let masked_spans: Vec<Span> = unquoted.iter().map(|t| t.span).collect();
    let masked: Cow<'_, str> = if unquoted.is_empty() {
        Cow::Borrowed(text)
    } else {
        let mut bytes = text.as_bytes().to_vec();
        for t in &unquoted {
            for b in bytes.get_mut(t.span.range()).into_iter().flatten() {
                *b = b'x';
            }
            // A line that is only an action (`{{ if ... }}`, `{{ end }}`) becomes a comment.
            if t.whole_line {
                if let Some(b) = bytes.get_mut(t.span.start as usize) {
                    *b = b'#';
                }
            }
        }
        // Whole characters were replaced by ASCII bytes: still UTF-8, same byte offsets.
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
    };
    let mut builder = Builder {
        text,
        masked: &masked_spans,
        stack: Vec::new(),
        root: None,
        anchors: HashMap::new(),
        nodes: 0,
        done: false,
    };
    let mut positions = CharToByte::new(&masked);
    let mut parser = Parser::new_from_str(&masked);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, marks)) => {
                // Masked templates may hold multi-byte characters replaced byte for byte: a
                // position inside one is a boundary of the masked text, not of the original.
                let span = Span::new(
                    floor_char_boundary(text, positions.byte(marks.start.index())),
                    floor_char_boundary(text, positions.byte(marks.end.index())),
                );
                if let Err(message) = builder.event(event, span) {
                    diagnostics.push(syntax(
                        Span::new(span.start as usize, span.start as usize),
                        message,
                        None,
                    ));
                    break;
                }
                if builder.done {
                    break;
                }
            }
            Err(error) => {
                let at = floor_char_boundary(text, positions.byte(error.marker().index()));
                diagnostics.push(syntax(
                    Span::new(at, at + char_len(text, at)),
                    crate::msg!(in002::INVALID, info = lower_first(error.info())),
                    Some(crate::msg!(in002::HELP_INVALID)),
                ));
                break;
            }
        }
    }
    let root = builder.finish();
    Parsed { root, diagnostics }
}

fn syntax(span: Span, message: Msg, help: Option<Msg>) -> Diagnostic {
    let mut d = crate::input::codes::IN002.diag_msg(span, message);
    if let Some(h) = help {
        d.set_help_msg(h);
    }
    d
}

/// The parser's message with its first letter in lower case, to follow "invalid YAML: ". The
/// messages are saphyr-parser's own English sentences, so ASCII case is the whole story (and
/// keeps core's Unicode case tables out of the page's wasm).
fn lower_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

fn char_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .map_or(0, char::len_utf8)
}

/// Converts saphyr's character indices to byte offsets. Events come in nearly increasing order,
/// so a cursor that walks from the last position costs little.
struct CharToByte<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    byte: usize,
}

impl<'a> CharToByte<'a> {
    fn new(text: &'a str) -> CharToByte<'a> {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            byte: 0,
        }
    }

    fn byte(&mut self, chars: usize) -> usize {
        if self.ascii {
            return chars.min(self.text.len());
        }
        if chars < self.chars / 2 {
            self.chars = 0;
            self.byte = 0;
        }
        while self.chars > chars && self.byte > 0 {
            self.byte -= 1;
            while self.byte > 0 && !self.text.is_char_boundary(self.byte) {
                self.byte -= 1;
            }
            self.chars -= 1;
        }
        while self.chars < chars {
            match self.text.get(self.byte..).and_then(|s| s.chars().next()) {
                Some(c) => {
                    self.byte += c.len_utf8();
                    self.chars += 1;
                }
                None => break,
            }
        }
        self.byte
    }
}

/// A cheap pre-scan: where the nesting (flow brackets, or block levels shown by indentation and
/// `- ` items on one line) first exceeds [`MAX_DEPTH`]. Over-estimates rather than misses.
fn too_deep(text: &str) -> Option<usize> {
    let mut flow = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let mut dashes = 0usize;
        let mut rest = body;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
            dashes += 1;
            rest = r.trim_start_matches(' ');
        }
        // Deep block nesting by indentation is bounded while reading (see `Builder::push`).
        if dashes > MAX_DEPTH {
            return Some(offset + indent);
        }
        let mut in_quote: Option<u8> = None;
        for (i, b) in body.bytes().enumerate() {
            match (in_quote, b) {
                (None, b'#') if i == 0 || body.as_bytes().get(i - 1) == Some(&b' ') => break,
                (None, b'"' | b'\'') if flow > 0 => in_quote = Some(b),
                (Some(q), _) if b == q => in_quote = None,
                (None, b'[' | b'{') => {
                    flow += 1;
                    if flow > MAX_DEPTH {
                        return Some(offset + indent + i);
                    }
                }
                (None, b']' | b'}') => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
        offset += line.len();
    }
    None
}

/// A template action where YAML cannot read it: starting a plain scalar, or filling a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnquotedTemplate {
    pub span: Span,
    /// The action is alone on its line (`{{ if ... }}`, `{{ end }}`): not a value.
    pub whole_line: bool,
}

/// Template actions that start a plain scalar (after `key:` or `- `) or stand alone on a line,
/// outside block scalars, quotes and comments. YAML cannot read them unquoted.
pub fn unquoted_templates(text: &str) -> Vec<UnquotedTemplate> {
    if !text.contains("{{") {
        return Vec::new();
    }
    let scan = crate::syntax::template::scan(text);
    let mut out = Vec::new();
    // Block scalars (`key: |`): lines indented more than the line that opened them.
    let mut block_indent: Option<usize> = None;
    let mut line_start = 0usize;
    let mut actions = scan.actions.iter().filter(|a| a.closed).peekable();
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let body = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - body.len();
        let blank = body.trim().is_empty();
        if let Some(b) = block_indent {
            if blank || indent > b {
                while actions
                    .peek()
                    .is_some_and(|a| (a.span.start as usize) < line_end)
                {
                    actions.next();
                }
                line_start = line_end;
                continue;
            }
            block_indent = None;
        }
        while let Some(action) = actions.next_if(|a| (a.span.start as usize) < line_end) {
            let start = action.span.start as usize;
            if start < line_start {
                continue;
            }
            let before = text.get(line_start..start).unwrap_or("");
            if before.contains('#') || before.contains(['"', '\'']) {
                continue;
            }
            let trimmed = before.trim_end();
            let mut lead = trimmed.trim_start();
            while let Some(r) = lead.strip_prefix("- ") {
                lead = r.trim_start();
            }
            let starts_scalar = lead.is_empty()
                || lead == "-"
                || (trimmed.ends_with(':') && before.len() > trimmed.len())
                || trimmed.ends_with(" -");
            if !starts_scalar {
                continue;
            }
            // Mask to the end of the scalar's first line only when the rest is plain text.
            let end = action.span.end as usize;
            if end <= line_end {
                let after = text.get(end..line_end).unwrap_or("");
                out.push(UnquotedTemplate {
                    span: action.span,
                    whole_line: lead.is_empty()
                        && !trimmed.ends_with(':')
                        && after.trim().is_empty()
                        && is_control(text, action),
                });
            }
        }
        let t = body.trim_end();
        if t.ends_with(['|', '>'])
            || t.ends_with("|-")
            || t.ends_with("|+")
            || t.ends_with(">-")
            || t.ends_with(">+")
        {
            let word = t.rsplit([' ', ':']).next().unwrap_or("");
            if word.starts_with(['|', '>']) && (t.contains(": ") || t.starts_with('-')) {
                block_indent = Some(indent);
            }
        }
        line_start = line_end;
    }
    out
}

/// An action that produces no value: `if`, `else`, `end`, `range`, `with`, `define`, `block`,
/// `template`, a variable assignment or a comment.
fn is_control(text: &str, action: &crate::syntax::template::Action) -> bool {
    let inner = action.inner.text(text).trim();
    let word = inner
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    action.comment
        || matches!(
            word,
            "if" | "else"
                | "end"
                | "range"
                | "with"
                | "define"
                | "block"
                | "template"
                | "break"
                | "continue"
        )
        || (word.starts_with('$') && inner.contains(":="))
}

enum Open {
    Seq {
        items: Vec<Node>,
        start: u32,
        anchor: usize,
    },
    Map {
        members: Vec<Member>,
        key: Option<(String, Span)>,
        start: u32,
        anchor: usize,
    },
}

struct Builder<'a> {
    text: &'a str,
    masked: &'a [Span],
    stack: Vec<Open>,
    root: Option<Node>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    done: bool,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Msg> {
        match event {
            Event::DocumentEnd => {
                if self.root.is_some() {
                    self.done = true;
                }
            }
            Event::StreamEnd => self.done = true,
            Event::Scalar(value, style, anchor, tag) => {
                let node = self.scalar(&value, style, tag.as_deref(), span);
                self.count(1)?;
                if anchor > 0 {
                    self.anchors.insert(anchor, (node.clone(), 1));
                }
                self.add(node);
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id).cloned() else {
                    return Err(crate::msg!(in002::UNDEFINED_ANCHOR));
                };
                self.count(size)?;
                let mut node = node;
                node.span = span;
                self.add(node);
            }
            Event::SequenceStart(anchor, _) => {
                self.push(Open::Seq {
                    items: Vec::new(),
                    start: span.start,
                    anchor,
                })?;
            }
            Event::MappingStart(anchor, _) => {
                self.push(Open::Map {
                    members: Vec::new(),
                    key: None,
                    start: span.start,
                    anchor,
                })?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    let (node, anchor) = close(open, span.end, false);
                    self.count(1)?;
                    if anchor > 0 {
                        let size = node_count(&node);
                        self.anchors.insert(anchor, (node.clone(), size));
                    }
                    self.add(node);
                }
            }
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => {}
        }
        Ok(())
    }

    fn push(&mut self, open: Open) -> Result<(), Msg> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(crate::msg!(in002::TOO_DEEP_STOPPED, depth = MAX_DEPTH));
        }
        self.stack.push(open);
        Ok(())
    }

    fn count(&mut self, n: usize) -> Result<(), Msg> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(crate::msg!(in002::TOO_MANY_NODES, nodes = MAX_NODES));
        }
        Ok(())
    }

    fn add(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map {
                members,
                key,
                start,
                ..
            }) => match key.take() {
                None => {
                    let text = match &node.kind {
                        NodeKind::String(s) | NodeKind::Placeholder(s) => s.clone(),
                        NodeKind::Number(_, s) => s.clone(),
                        NodeKind::Bool(b) => b.to_string(),
                        NodeKind::Null => String::new(),
                        _ => node.span.text(self.text).to_string(),
                    };
                    *key = Some((text, node.span));
                }
                Some((k, key_span)) => {
                    if k == "<<" {
                        merge(members, &node);
                    } else {
                        // A key written here wins over one merged in from an anchor (whose
                        // span lies before this mapping).
                        let here = *start;
                        members.retain(|m| !(m.key == k && m.key_span.start < here));
                        members.push(Member {
                            key: k,
                            key_span,
                            value: node,
                        });
                    }
                }
            },
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    fn scalar(
        &self,
        value: &str,
        style: ScalarStyle,
        tag: Option<&saphyr_parser::Tag>,
        span: Span,
    ) -> Node {
        let end = (span.end as usize).min(self.text.len());
        let start = (span.start as usize).min(end);
        let span = Span::new(start, end);
        if style == ScalarStyle::Plain && self.masked.iter().any(|m| overlaps(*m, span)) {
            // The scalar held a masked template: its value is the original text.
            let original = span.text(self.text).trim_end().to_string();
            return Node::new(NodeKind::String(original), span);
        }
        let is_str_tag = tag.is_some_and(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str")
            || tag.is_some_and(|t| t.handle == "!!" && t.suffix == "str");
        if style != ScalarStyle::Plain || is_str_tag {
            return Node::new(NodeKind::String(value.to_string()), span);
        }
        Node::new(plain_kind(value), span)
    }

    fn finish(mut self) -> Option<Node> {
        // Close what an error left open; the keys after the error are unknown.
        while let Some(open) = self.stack.pop() {
            let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
            let (node, _) = close(open, end, true);
            self.add(node);
        }
        self.root
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end
}

fn close(open: Open, end: u32, truncated: bool) -> (Node, usize) {
    match open {
        Open::Seq {
            items,
            start,
            anchor,
        } => (
            Node::new(
                NodeKind::Array(items),
                Span::new(start as usize, end.max(start) as usize),
            ),
            anchor,
        ),
        Open::Map {
            members,
            start,
            anchor,
            ..
        } => (
            Node::new(
                NodeKind::Object(Object {
                    members,
                    opaque: truncated,
                }),
                Span::new(start as usize, end.max(start) as usize),
            ),
            anchor,
        ),
    }
}

/// `<<: *base` (or a list of them): members not already present are added.
fn merge(members: &mut Vec<Member>, node: &Node) {
    let sources: Vec<&Node> = match &node.kind {
        NodeKind::Array(items) => items.iter().collect(),
        _ => vec![node],
    };
    for source in sources {
        if let NodeKind::Object(o) = &source.kind {
            for m in &o.members {
                if !members.iter().any(|x| x.key == m.key) {
                    members.push(m.clone());
                }
            }
        }
    }
}

/// Nodes in a tree, without recursion on the call stack.
fn node_count(node: &Node) -> usize {
    let mut count = 0usize;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.kind {
            NodeKind::Array(items) => todo.extend(items.iter()),
            NodeKind::Object(o) => todo.extend(o.members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
    count
}

/// The YAML 1.2 core schema for plain scalars.
fn plain_kind(value: &str) -> NodeKind {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeKind::Number(f64::INFINITY, value.to_string())
        }
        "-.inf" | "-.Inf" | "-.INF" => {
            return NodeKind::Number(f64::NEG_INFINITY, value.to_string())
        }
        ".nan" | ".NaN" | ".NAN" => return NodeKind::Number(f64::NAN, value.to_string()),
        _ => {}
    }
    let number = if let Some(hex) = value.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok().map(|n| n as f64)
    } else if let Some(oct) = value.strip_prefix("0o") {
        i64::from_str_radix(oct, 8).ok().map(|n| n as f64)
    } else if value
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && value.bytes().any(|b| b.is_ascii_digit())
    {
        crate::input::number::parse_f64(value)
    } else {
        None
    };
    match number {
        Some(n) => NodeKind::Number(n, value.to_string()),
        None => NodeKind::String(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_start_in_lower_case() {
        assert_eq!(
            lower_first("Did not find expected key"),
            "did not find expected key"
        );
        assert_eq!(lower_first("invalid indentation"), "invalid indentation");
        assert_eq!(lower_first("Écrit"), "Écrit");
        assert_eq!(lower_first(""), "");
        let p = parse("a: [1, 2\nb: c\n");
        let message = p
            .diagnostics
            .first()
            .map(|d| d.message.clone())
            .unwrap_or_default();
        let info = message.strip_prefix("invalid YAML: ").unwrap_or_default();
        assert!(
            info.starts_with(|c: char| c.is_ascii_lowercase()),
            "{message}"
        );
    }

    fn root(text: &str) -> Node {
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        p.root.unwrap()
    }

    #[test]
    fn masked_templates_with_wide_characters_keep_spans_on_boundaries() {
        // Found by the yaml_parse fuzz target: a masked template's multi-byte characters become
        // several ASCII bytes, so saphyr's positions inside it fell mid-character.
        for text in [
            "region: {{ e\u{fffd}\u{fffd} `X` }}\n  - a\n",
            "{{ é }}: [\n",
            "a:\n{{ 日本 }}\n  b: {\n",
        ] {
            let parsed = parse(text);
            for d in &parsed.diagnostics {
                assert!(
                    text.is_char_boundary(d.span.start as usize),
                    "{text:?} {d:?}"
                );
                assert!(text.is_char_boundary(d.span.end as usize), "{text:?} {d:?}");
            }
        }
    }

    #[test]
    fn spans_are_bytes_with_non_ascii_text() {
        let text = "# é漢字\nname: \"héllo\"\nregion: ap-northeast-1\nlist:\n  - 漢\n  - 2\n";
        let r = root(text);
        let name = r.member("name").unwrap();
        assert_eq!(name.key_span.text(text), "name");
        assert_eq!(name.value.span.text(text), "\"héllo\"");
        assert_eq!(name.value.as_str(), Some("héllo"));
        assert_eq!(r.get("region").unwrap().span.text(text), "ap-northeast-1");
        let list = r.get_array("list");
        assert_eq!(list[0].span.text(text), "漢");
        assert!(matches!(list[1].kind, NodeKind::Number(n, _) if n == 2.0));
    }

    #[test]
    fn anchors_aliases_and_merges() {
        let text = "base: &b\n  cpu: 256\n  mem: 512\nx:\n  <<: *b\n  cpu: 1024\ny: *b\n";
        let r = root(text);
        assert_eq!(r.pointer("/x/cpu").unwrap().as_i64_lenient(), Some(1024));
        assert_eq!(r.pointer("/x/mem").unwrap().as_i64_lenient(), Some(512));
        assert_eq!(r.pointer("/y/mem").unwrap().as_i64_lenient(), Some(512));
    }

    #[test]
    fn errors_have_positions_and_keep_what_was_read() {
        let text = "a: 1\nb: [1, 2\nc: 3\n";
        let p = parse(text);
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].code, "IN002");
        let r = p.root.unwrap();
        assert!(r.get("a").is_some());
        assert!(r.is_opaque());
    }

    #[test]
    fn unquoted_templates_are_placeholders() {
        let text = "region: {{ must_env `AWS_REGION` }}\ncluster: {{ env \"C\" \"x\" }}-prod\nlist:\n  - {{ tfstate `a.b` }}\ns: |\n  {{ not_me }}\n";
        let r = root(text);
        assert_eq!(r.get_str("region"), Some("{{ must_env `AWS_REGION` }}"));
        assert_eq!(r.get_str("cluster"), Some("{{ env \"C\" \"x\" }}-prod"));
        assert!(r.get_array("list")[0].is_placeholder());
        assert_eq!(unquoted_templates(text).len(), 3);
        let text = "plugins:\n{{ if env `X` }}\n  - name: tfstate\n{{ end }}\n";
        let r = root(text);
        assert_eq!(
            r.pointer("/plugins/0/name").and_then(Node::as_str),
            Some("tfstate")
        );
        assert!(unquoted_templates(text).iter().all(|t| t.whole_line));
        let text = "image:\n  {{ must_env `IMAGE` }}\n";
        assert!(root(text).get("image").is_some_and(Node::is_placeholder));
        assert!(!unquoted_templates(text)[0].whole_line);
    }

    #[test]
    fn deep_and_hostile_inputs_do_not_panic() {
        let deep_flow = "[".repeat(100_000);
        assert_eq!(parse(&deep_flow).diagnostics[0].code, "IN002");
        let deep_block = "- ".repeat(50_000);
        assert_eq!(parse(&deep_block).diagnostics[0].code, "IN002");
        let mut nested = String::new();
        for i in 0..200 {
            nested.push_str(&" ".repeat(i * 2));
            nested.push_str("a:\n");
        }
        assert!(!parse(&nested).diagnostics.is_empty());
        let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
        assert!(!parse(laughs).diagnostics.is_empty());
        for text in [
            "",
            "é: [",
            "\u{feff}a: 1",
            "{{",
            "a: *x",
            "- {{ x }}\n- é",
            "\"é",
            ":",
        ] {
            let p = parse(text);
            for d in &p.diagnostics {
                assert!(text.get(d.span.range()).is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn bom_and_crlf_keep_spans_exact() {
        let text = "\u{feff}region: ap-northeast-1\r\ncluster: \"ü\"\r\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let r = p.root.unwrap();
        assert_eq!(r.member("region").unwrap().key_span.text(text), "region");
        assert_eq!(r.get("cluster").unwrap().span.text(text), "\"ü\"");
    }

    #[test]
    fn error_positions_count_characters() {
        let text = "a: \"é\"\nb: [1\nc: ü: x\n";
        let p = parse(text);
        assert_eq!(p.diagnostics.len(), 1);
        let d = &p.diagnostics[0];
        assert!(text.get(d.span.range()).is_some());
    }
}
