//! A tolerant JSON parser with a span for every key and value.
//!
//! Users paste whatever they have: `describe-task-definition` output, console exports, text with
//! comments or trailing commas, files cut short, templates with placeholders where values go
//! (`"cpu": {{ cpu }}`, `"image": $APP_IMAGE`). The parser never fails: it returns the tree it
//! could build plus diagnostics, reads on past each error, and closes what a truncated file left
//! open. Nesting deeper than [`MAX_DEPTH`] is reported once and skipped without recursion, so no
//! input can overflow the stack.

use crate::input::diagnostic::Diagnostic;
use crate::input::msg::Msg;
use crate::input::span::Span;
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// Deepest nesting the parser descends into; ECS documents need fewer than 10 levels.
pub const MAX_DEPTH: usize = 128;

/// Code of JSON syntax diagnostics (see `rules/input/in001_invalid_json.rs`).
pub const SYNTAX: &str = crate::input::codes::IN001.code;
/// Code of placeholder notices (see `rules/input/in005_template_placeholder.rs`).
pub const PLACEHOLDER: &str = crate::input::codes::IN005.code;

/// The IN001 messages (their Japanese: `rules/input/in001_invalid_json.ja.msg`).
pub mod in001 {
    crate::messages! {
        "IN001";
        UNTERMINATED_COMMENT = "unterminated `/*` comment";
        COMMENT = "JSON does not allow comments";
        HELP_COMMENT = "the AWS CLI and API reject this text; remove the comment, or write the file in Jsonnet or YAML";
        EOF_VALUE = "unexpected end of input: a value is missing";
        EOF_OBJECT = "unexpected end of input: an object is not closed";
        HELP_CLOSE_OBJECT = "the text looks cut short; add the missing `}`";
        COMMA_NO_KEY = "unexpected `,`: a key is missing";
        BRACKET_CLOSES_OBJECT = "`]` closes an object that `{` opened; expected `}`";
        EXPECTED_KEY = "expected a key in double quotes";
        TRAILING_COMMA = "trailing comma";
        HELP_TRAILING_COMMA = "JSON allows no comma before a closing bracket; the AWS CLI rejects it";
        EXPECTED_COMMA = "expected `,` between items";
        HELP_ADD_COMMA = "add a comma before this item";
        KEY_QUOTES = "keys must be in double quotes";
        EOF_ARRAY = "unexpected end of input: an array is not closed";
        HELP_CLOSE_ARRAY = "the text looks cut short; add the missing `]`";
        BRACE_CLOSES_ARRAY = "`}` closes an array that `[` opened; expected `]`";
        COMMA_NO_VALUE = "unexpected `,`: a value is missing";
        CONTROL_CHARACTER = "control character in a string";
        UNTERMINATED_STRING = "unterminated string";
        HELP_CLOSE_STRING = "close the string with `\"` before the end of the line";
        STRING_QUOTES = "strings must be in double quotes";
        BAD_UNICODE_ESCAPE = "invalid `\\u` escape: four hex digits expected";
        UNCLOSED_BRACES = "`{{` is never closed by `}}`";
        UNEXPECTED_DOLLAR = "unexpected `$` where a value should be";
        UNEXPECTED_ANGLE = "unexpected `<` where a value should be";
        HELP_ONE_VALUE = "a JSON document holds exactly one value; remove the extra text or wrap the values in an array";
        TEXT_AFTER_VALUE = "unexpected text after the end of the JSON value";
        TOO_MANY = "too many syntax errors; the rest are not reported";
        UNEXPECTED_CHAR = "unexpected `{what}` where a value should be";
        TOO_DEEP = "nested deeper than {depth} levels; the inner values are not checked";
        EXPECTED_COLON = "expected `:` after the key \"{key}\"";
        NO_VALUE = "the key \"{key}\" has no value";
        BAD_ESCAPE = "invalid escape `\\{esc}`";
        BAD_NUMBER = "`{raw}` is not a valid JSON number";
        WRITE_LOWER = "`{word}` is not JSON; write `{lower}`";
        WRITE_NULL = "`{word}` is not JSON; write `null`";
        UNQUOTED_WORD = "unexpected word `{word}`: strings must be in double quotes";
    }
}

/// The IN005 messages (their Japanese: `rules/input/in005_template_placeholder.ja.msg`).
pub mod in005 {
    crate::messages! {
        "IN005";
        ONE_PLACEHOLDER = "this is a template: 1 placeholder stands where JSON values go, such as `{first}`";
        PLACEHOLDERS = "this is a template: {count} placeholders stand where JSON values go, such as `{first}`";
        HELP_RENDER = "checks that need these values are skipped; render the template first to check everything";
        RELATED_PLACEHOLDER = "placeholder";
    }
}

/// The result of parsing: the value (absent only for an input with no value at all) and the
/// diagnostics found on the way.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(text: &str) -> Parsed {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        diagnostics: Vec::new(),
        placeholders: Vec::new(),
    };
    parser.skip_trivia();
    let root = if parser.pos >= parser.bytes.len() {
        None
    } else {
        let node = parser.value(0);
        parser.skip_trivia();
        if parser.pos < parser.bytes.len() {
            let start = parser.pos;
            parser.error(
                Span::new(start, start + parser.char_len(start)),
                crate::msg!(in001::TEXT_AFTER_VALUE),
                Some(crate::msg!(in001::HELP_ONE_VALUE)),
            );
        }
        Some(node)
    };
    if let Some(&first) = parser.placeholders.first() {
        let count = parser.placeholders.len();
        let count = u64::try_from(count).unwrap_or(u64::MAX);
        let first_text = first.text(text);
        let message = if count == 1 {
            crate::msg!(in005::ONE_PLACEHOLDER, first = first_text)
        } else {
            crate::msg!(in005::PLACEHOLDERS, count = count, first = first_text)
        };
        let mut d = crate::input::codes::IN005.diag_msg(first, message);
        d.set_help_msg(crate::msg!(in005::HELP_RENDER));
        for &span in parser.placeholders.iter().skip(1).take(20) {
            d.add_related_msg(span, crate::msg!(in005::RELATED_PLACEHOLDER));
        }
        parser.diagnostics.push(d);
    }
    Parsed {
        root,
        diagnostics: parser.diagnostics,
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    diagnostics: Vec<Diagnostic>,
    placeholders: Vec<Span>,
}

impl Parser<'_> {
    fn error(&mut self, span: Span, message: Msg, help: Option<Msg>) {
        // One error per place: recovery can otherwise stack several at the same offset.
        if self
            .diagnostics
            .last()
            .is_some_and(|d| d.code == SYNTAX && d.span.start == span.start)
        {
            return;
        }
        // Bound the work on pathological input: after 100 errors, one more says so and stop.
        let errors = self.diagnostics.iter().filter(|d| d.code == SYNTAX).count();
        if errors > 100 {
            return;
        }
        let mut d = crate::input::codes::IN001.diag_msg(span, message);
        if errors == 100 {
            d = crate::input::codes::IN001.diag_msg(span, crate::msg!(in001::TOO_MANY));
        } else if let Some(help) = help {
            d.set_help_msg(help);
        }
        self.diagnostics.push(d);
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn char_len(&self, at: usize) -> usize {
        self.text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8)
    }

    /// Skips whitespace and comments; a comment is reported (JSON has none, and the AWS CLI
    /// rejects it) but read past.
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                // A byte order mark at the very start.
                Some(0xEF) if self.pos == 0 && self.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) => {
                    self.pos += 3
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    let start = self.pos;
                    while let Some(b) = self.peek() {
                        if b == b'\n' || b == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                    self.comment(Span::new(start, self.pos));
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    let start = self.pos;
                    self.pos += 2;
                    loop {
                        match self.peek() {
                            None => {
                                self.error(
                                    Span::new(start, start + 2),
                                    crate::msg!(in001::UNTERMINATED_COMMENT),
                                    None,
                                );
                                break;
                            }
                            Some(b'*') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                                self.pos += 2;
                                break;
                            }
                            Some(_) => self.pos += 1,
                        }
                    }
                    self.comment(Span::new(start, self.pos));
                }
                _ => return,
            }
        }
    }

    fn comment(&mut self, span: Span) {
        self.error(
            span,
            crate::msg!(in001::COMMENT),
            Some(crate::msg!(in001::HELP_COMMENT)),
        );
    }

    fn value(&mut self, depth: usize) -> Node {
        self.skip_trivia();
        let start = self.pos;
        let Some(b) = self.peek() else {
            self.error(Span::at(start), crate::msg!(in001::EOF_VALUE), None);
            return Node::new(NodeKind::Invalid, Span::at(start));
        };
        if depth >= MAX_DEPTH && matches!(b, b'{' | b'[') {
            return self.skip_deep(start);
        }
        match b {
            b'{' if self.bytes.get(self.pos + 1) == Some(&b'{') => self.template(),
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' | b'\'' => {
                let (s, span) = self.string();
                Node::new(NodeKind::String(s), span)
            }
            b'-' | b'0'..=b'9' | b'+' | b'.' => self.number(),
            b'$' => self.dollar(),
            b'<' => self.angle_placeholder(),
            b if b.is_ascii_alphabetic() || b == b'_' => self.word(),
            _ => {
                let len = self.char_len(start).max(1);
                self.pos += len;
                let what = self.text.get(start..start + len).unwrap_or("?").to_string();
                self.error(
                    Span::new(start, start + len),
                    crate::msg!(
                        in001::UNEXPECTED_CHAR,
                        what = what.escape_debug().to_string()
                    ),
                    None,
                );
                Node::new(NodeKind::Invalid, Span::new(start, start + len))
            }
        }
    }

    /// Skips a too-deep value by counting brackets, without recursion.
    fn skip_deep(&mut self, start: usize) -> Node {
        let mut level = 0usize;
        let mut in_string = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if in_string {
                match b {
                    b'\\' => self.pos += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => level += 1,
                b'}' | b']' => {
                    level = level.saturating_sub(1);
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
        self.error(
            Span::new(start, start + 1),
            crate::msg!(in001::TOO_DEEP, depth = MAX_DEPTH),
            None,
        );
        Node::new(NodeKind::Invalid, Span::new(start, self.pos))
    }

    fn object(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut object = Object::default();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.error(
                        Span::at(self.pos),
                        crate::msg!(in001::EOF_OBJECT),
                        Some(crate::msg!(in001::HELP_CLOSE_OBJECT)),
                    );
                    break;
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => {
                    let at = self.pos;
                    self.pos += 1;
                    self.error(
                        Span::new(at, at + 1),
                        crate::msg!(in001::COMMA_NO_KEY),
                        None,
                    );
                    continue;
                }
                Some(b']') => {
                    let at = self.pos;
                    self.error(
                        Span::new(at, at + 1),
                        crate::msg!(in001::BRACKET_CLOSES_OBJECT),
                        None,
                    );
                    self.pos += 1;
                    break;
                }
                _ => {}
            }
            // A template where members go: `{{ command }}` or `$ENV_JSON`.
            if self.at_template_start() {
                let node = self.value(depth + 1);
                if matches!(node.kind, NodeKind::Placeholder(_)) {
                    object.opaque = true;
                    // A member placeholder usually brings its own comma (`$$START_PERIOD$$`
                    // stands for `"startPeriod": 10,`), so a missing one is not an error.
                    self.skip_trivia();
                    if self.peek() == Some(b',') {
                        self.pos += 1;
                    }
                    continue;
                }
                self.after_item(b'}');
                continue;
            }
            let Some((key, key_span)) = self.key() else {
                // Not a key: skip one character and try again.
                let at = self.pos;
                let len = self.char_len(at).max(1);
                self.pos += len;
                self.error(
                    Span::new(at, at + len),
                    crate::msg!(in001::EXPECTED_KEY),
                    None,
                );
                continue;
            };
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
            } else {
                self.error(
                    Span::at(key_span.end as usize),
                    crate::msg!(in001::EXPECTED_COLON, key = &key),
                    None,
                );
                if matches!(self.peek(), Some(b',' | b'}') | None) {
                    let value = Node::new(NodeKind::Invalid, Span::at(self.pos));
                    object.members.push(Member {
                        key,
                        key_span,
                        value,
                    });
                    self.after_item(b'}');
                    continue;
                }
            }
            self.skip_trivia();
            let value = if matches!(self.peek(), Some(b',' | b'}')) {
                self.error(
                    Span::at(self.pos),
                    crate::msg!(in001::NO_VALUE, key = &key),
                    None,
                );
                Node::new(NodeKind::Invalid, Span::at(self.pos))
            } else {
                self.value(depth + 1)
            };
            object.members.push(Member {
                key,
                key_span,
                value,
            });
            self.after_item(b'}');
        }
        Node::new(NodeKind::Object(object), Span::new(start, self.pos))
    }

    /// After an object member or array element: a comma, the closer, or (reported) nothing.
    fn after_item(&mut self, close: u8) {
        self.skip_trivia();
        match self.peek() {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_trivia();
                if self.peek() == Some(close) {
                    self.error(
                        Span::new(comma, comma + 1),
                        crate::msg!(in001::TRAILING_COMMA),
                        Some(crate::msg!(in001::HELP_TRAILING_COMMA)),
                    );
                }
            }
            Some(b) if b == close => {}
            None => {}
            Some(b'}' | b']') => {}
            Some(_) => {
                let at = self.pos;
                self.error(
                    Span::at(at),
                    crate::msg!(in001::EXPECTED_COMMA),
                    Some(crate::msg!(in001::HELP_ADD_COMMA)),
                );
            }
        }
    }

    fn at_template_start(&self) -> bool {
        match self.peek() {
            Some(b'{') => self.bytes.get(self.pos + 1) == Some(&b'{'),
            Some(b'$') => true,
            Some(b) if b.is_ascii_uppercase() => {
                // A bare word in capitals where a key should be: `TEMPLATE_ENV_JSON`.
                let end = self.word_end(self.pos);
                let word = &self.text[self.pos..end];
                is_placeholder_word(word)
            }
            _ => false,
        }
    }

    fn key(&mut self) -> Option<(String, Span)> {
        match self.peek()? {
            b'"' | b'\'' => Some(self.string()),
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = self.pos;
                let end = self.word_end(start);
                self.pos = end;
                let span = Span::new(start, end);
                self.error(span, crate::msg!(in001::KEY_QUOTES), None);
                Some((self.text[start..end].to_string(), span))
            }
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.error(
                        Span::at(self.pos),
                        crate::msg!(in001::EOF_ARRAY),
                        Some(crate::msg!(in001::HELP_CLOSE_ARRAY)),
                    );
                    break;
                }
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(b'}') => {
                    let at = self.pos;
                    self.error(
                        Span::new(at, at + 1),
                        crate::msg!(in001::BRACE_CLOSES_ARRAY),
                        None,
                    );
                    self.pos += 1;
                    break;
                }
                Some(b',') => {
                    let at = self.pos;
                    self.pos += 1;
                    self.error(
                        Span::new(at, at + 1),
                        crate::msg!(in001::COMMA_NO_VALUE),
                        None,
                    );
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            items.push(self.value(depth + 1));
            if self.pos == before {
                self.pos += self.char_len(before).max(1);
            }
            self.after_item(b']');
        }
        Node::new(NodeKind::Array(items), Span::new(start, self.pos))
    }

    /// A string in double quotes (or single quotes, reported); returns its value and span.
    fn string(&mut self) -> (String, Span) {
        let start = self.pos;
        let quote = self.bytes[start];
        if quote == b'\'' {
            // Reported after reading so the span covers the string.
        }
        self.pos += 1;
        let mut out = String::new();
        let mut closed = false;
        while let Some(b) = self.peek() {
            match b {
                b if b == quote => {
                    self.pos += 1;
                    closed = true;
                    break;
                }
                b'\n' | b'\r' => break,
                b'\\' => {
                    let esc_start = self.pos;
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'\'') => out.push('\''),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape(esc_start);
                            out.push(c);
                            continue;
                        }
                        Some(_) => {
                            let len = self.char_len(self.pos);
                            let esc = self
                                .text
                                .get(self.pos..self.pos + len)
                                .unwrap_or("")
                                .to_string();
                            out.push_str(&esc);
                            self.pos += len;
                            self.error(
                                Span::new(esc_start, self.pos),
                                crate::msg!(in001::BAD_ESCAPE, esc = &esc),
                                None,
                            );
                            continue;
                        }
                        None => break,
                    }
                    self.pos += 1;
                }
                b if b < 0x20 && b != b'\t' => {
                    self.error(
                        Span::new(self.pos, self.pos + 1),
                        crate::msg!(in001::CONTROL_CHARACTER),
                        None,
                    );
                    out.push(char::from(b));
                    self.pos += 1;
                }
                _ => {
                    let len = self.char_len(self.pos).max(1);
                    out.push_str(self.text.get(self.pos..self.pos + len).unwrap_or(""));
                    self.pos += len;
                }
            }
        }
        let span = Span::new(start, self.pos);
        if !closed {
            self.error(
                span,
                crate::msg!(in001::UNTERMINATED_STRING),
                Some(crate::msg!(in001::HELP_CLOSE_STRING)),
            );
        } else if quote == b'\'' {
            self.error(span, crate::msg!(in001::STRING_QUOTES), None);
        }
        (out, span)
    }

    fn unicode_escape(&mut self, esc_start: usize) -> char {
        let hex = |p: &mut Self| -> Option<u32> {
            let digits = p.text.get(p.pos..p.pos + 4)?;
            let n = u32::from_str_radix(digits, 16).ok()?;
            p.pos += 4;
            Some(n)
        };
        let Some(first) = hex(self) else {
            self.error(
                Span::new(esc_start, self.pos),
                crate::msg!(in001::BAD_UNICODE_ESCAPE),
                None,
            );
            return char::REPLACEMENT_CHARACTER;
        };
        if (0xD800..0xDC00).contains(&first) && self.text.get(self.pos..self.pos + 2) == Some("\\u")
        {
            let save = self.pos;
            self.pos += 2;
            if let Some(second) = hex(self) {
                if (0xDC00..0xE000).contains(&second) {
                    let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    return char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
                }
            }
            self.pos = save;
        }
        char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    fn number(&mut self) -> Node {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.') {
                self.pos += 1;
            } else {
                break;
            }
        }
        let raw = &self.text[start..self.pos];
        let span = Span::new(start, self.pos);
        match crate::input::number::parse_f64(raw) {
            Some(n) if n.is_finite() && is_json_number(raw) => {
                Node::new(NodeKind::Number(n, raw.to_string()), span)
            }
            Some(n) if n.is_finite() => {
                self.error(span, crate::msg!(in001::BAD_NUMBER, raw = raw), None);
                Node::new(NodeKind::Number(n, raw.to_string()), span)
            }
            _ => {
                self.error(span, crate::msg!(in001::BAD_NUMBER, raw = raw), None);
                Node::new(NodeKind::Invalid, span)
            }
        }
    }

    fn word_end(&self, start: usize) -> usize {
        let mut end = start;
        while let Some(&b) = self.bytes.get(end) {
            if b.is_ascii_alphanumeric() || b == b'_' {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// `true`, `false`, `null`, or a bare word: a placeholder if it looks like one
    /// (`APP_IMAGE`), else an error.
    fn word(&mut self) -> Node {
        let start = self.pos;
        let end = self.word_end(start);
        self.pos = end;
        let word = &self.text[start..end];
        let span = Span::new(start, end);
        match word {
            "true" => Node::new(NodeKind::Bool(true), span),
            "false" => Node::new(NodeKind::Bool(false), span),
            "null" => Node::new(NodeKind::Null, span),
            "True" | "False" | "TRUE" | "FALSE" => {
                self.error(
                    span,
                    crate::msg!(
                        in001::WRITE_LOWER,
                        word = word,
                        lower = word.to_ascii_lowercase()
                    ),
                    None,
                );
                Node::new(NodeKind::Bool(word.eq_ignore_ascii_case("true")), span)
            }
            "None" | "NULL" | "Null" => {
                self.error(span, crate::msg!(in001::WRITE_NULL, word = word), None);
                Node::new(NodeKind::Null, span)
            }
            _ if is_placeholder_word(word) => self.placeholder(span),
            _ => {
                self.error(span, crate::msg!(in001::UNQUOTED_WORD, word = word), None);
                Node::new(NodeKind::String(word.to_string()), span)
            }
        }
    }

    fn placeholder(&mut self, span: Span) -> Node {
        self.placeholders.push(span);
        Node::new(
            NodeKind::Placeholder(span.text(self.text).to_string()),
            span,
        )
    }

    /// `{{ ... }}` where a value or member goes.
    fn template(&mut self) -> Node {
        let start = self.pos;
        match self.text[start..].find("}}") {
            Some(close) if !self.text[start..start + close].contains('\n') || close < 4096 => {
                self.pos = start + close + 2;
                self.placeholder(Span::new(start, self.pos))
            }
            _ => {
                self.pos += 2;
                let span = Span::new(start, self.pos);
                self.error(span, crate::msg!(in001::UNCLOSED_BRACES), None);
                Node::new(NodeKind::Invalid, span)
            }
        }
    }

    /// `$NAME`, `${...}`, `$$$$NAME$$$$`.
    fn dollar(&mut self) -> Node {
        let start = self.pos;
        if self.bytes.get(start + 1) == Some(&b'{') {
            if let Some(close) = self.text[start..].find('}') {
                self.pos = start + close + 1;
                return self.placeholder(Span::new(start, self.pos));
            }
        }
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == start + 1 {
            self.error(
                Span::new(start, start + 1),
                crate::msg!(in001::UNEXPECTED_DOLLAR),
                None,
            );
            return Node::new(NodeKind::Invalid, Span::new(start, start + 1));
        }
        self.placeholder(Span::new(start, self.pos))
    }

    /// `<ACCOUNT_ID>` where a value goes.
    fn angle_placeholder(&mut self) -> Node {
        let start = self.pos;
        let rest = &self.text[start..];
        let end = rest
            .find('>')
            .filter(|&e| e > 1 && e < 64 && !rest[..e].contains(['\n', '"', ',', '{', '}']));
        if let Some(e) = end {
            self.pos = start + e + 1;
            return self.placeholder(Span::new(start, self.pos));
        }
        self.pos += 1;
        self.error(
            Span::new(start, start + 1),
            crate::msg!(in001::UNEXPECTED_ANGLE),
            None,
        );
        Node::new(NodeKind::Invalid, Span::new(start, start + 1))
    }
}

/// A bare word that is a template variable rather than a typo: capitals, digits and `_`, with at
/// least two letters (`APP_IMAGE`, `TEMPLATE_ENV_JSON`).
fn is_placeholder_word(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut i = 0;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_at_inverts_pointer() {
        let text =
            r#"{"containerDefinitions": [{"name": "a"}, {"name": "b", "user": "root"}], "a/b": 1}"#;
        let root = crate::syntax::json::parse(text)
            .root
            .unwrap_or(crate::syntax::value::Node {
                kind: crate::syntax::value::NodeKind::Null,
                span: crate::input::span::Span::at(0),
            });
        let at = |needle: &str| root.pointer_at(text.find(needle).map_or(0, |i| i as u32));
        assert_eq!(at("\"root\""), "/containerDefinitions/1/user");
        assert_eq!(at("\"user\""), "/containerDefinitions/1/user");
        assert_eq!(at("\"a/b\""), "/a~1b");
        assert_eq!(root.pointer_at(0), "");
        let pointer = at("\"root\"");
        assert_eq!(
            root.pointer(&pointer)
                .and_then(crate::syntax::value::Node::as_str),
            Some("root")
        );
    }

    fn errors(text: &str) -> Vec<String> {
        parse(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == SYNTAX)
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let text = r#"{"family": "web", "cpu": "256", "n": [1, 2.5e3, true, null]}"#;
        let parsed = parse(text);
        assert!(parsed.diagnostics.is_empty());
        let root = parsed.root.unwrap();
        let family = root.member("family").unwrap();
        assert_eq!(family.key_span.text(text), "\"family\"");
        assert_eq!(family.value.span.text(text), "\"web\"");
        assert_eq!(
            root.get("n").unwrap().as_array().unwrap()[1].as_f64_lenient(),
            Some(2500.0)
        );
    }

    #[test]
    fn truncated_input_keeps_what_was_read() {
        let text = "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"ima";
        let parsed = parse(text);
        let root = parsed.root.unwrap();
        assert_eq!(root.get_str("family"), Some("web"));
        assert_eq!(
            root.get_array("containerDefinitions")[0].get_str("name"),
            Some("app")
        );
        assert!(!parsed.diagnostics.is_empty());
    }

    #[test]
    fn comments_and_trailing_commas_are_reported_and_read_past() {
        let text = "{\n // note\n \"a\": 1,\n \"b\": [1, 2,],\n}";
        let e = errors(text);
        assert_eq!(e.len(), 3, "{e:?}");
        let root = parse(text).root.unwrap();
        assert_eq!(root.get("b").unwrap().as_array().unwrap().len(), 2);
    }

    #[test]
    fn placeholders_are_values_not_errors() {
        let text = "{\"family\": $NAME, \"cpu\": {{ cpu }}, \"c\": [$ENVOY_JSON, TEMPLATE_JSON], \"x\": {\n {{command}}\n \"a\": 1,\n $$START$$\n \"b\": 2}}";
        let parsed = parse(text);
        assert!(errors(text).is_empty(), "{:?}", errors(text));
        let root = parsed.root.unwrap();
        assert!(root.get("family").unwrap().is_placeholder());
        assert!(root.get("cpu").unwrap().is_placeholder());
        assert!(root.get("x").unwrap().is_opaque());
        assert_eq!(
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == PLACEHOLDER)
                .count(),
            1
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = "[".repeat(100_000);
        let parsed = parse(&text);
        assert!(parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nested deeper")));
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&text).root.is_some());
    }

    #[test]
    fn garbage_never_panics_and_spans_stay_inside() {
        for text in [
            "",
            "}",
            "\"",
            "{\"a\" 1}",
            "{,}",
            "[1 2]",
            "\u{feff}{}",
            "'x'",
            "{\"\\ud800\": 1}",
            "é{ü",
            "<>",
            "$",
        ] {
            let parsed = parse(text);
            for d in &parsed.diagnostics {
                assert!(d.span.end as usize <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(d.span.start as usize)
                        && text.is_char_boundary(d.span.end as usize)
                );
            }
        }
    }

    #[test]
    fn numbers_follow_the_grammar() {
        assert!(is_json_number("-0.5e+10"));
        assert!(!is_json_number("01"));
        assert!(!is_json_number("1."));
        assert_eq!(errors("[+1]").len(), 1);
    }
}

/// Reads plain JSON into a [`serde_json::Value`] with this parser. The page reads its data
/// files, share links and state files this way, so its download carries one JSON reader, not
/// this one and serde_json's deserializer too. `None` when the text is not plain JSON: a syntax
/// error, or a template placeholder where a value goes.
pub fn to_value(text: &str) -> Option<serde_json::Value> {
    read_value(text).ok()
}

/// [`to_value`], with what is wrong when the text is not plain JSON: the first syntax error
/// and its line and column, or what stands where a value should be.
pub fn read_value(text: &str) -> Result<serde_json::Value, String> {
    let parsed = parse(text);
    if let Some(d) = parsed.diagnostics.iter().find(|d| d.code == SYNTAX) {
        let at = crate::input::span::LineIndex::new(text).line_col(text, d.span.start);
        return Err(format!(
            "{} (line {}, column {})",
            d.message, at.line, at.column
        ));
    }
    let root = parsed.root.as_ref().ok_or("there is no JSON value")?;
    node_value(root).ok_or_else(|| {
        "a template or an unreadable part stands where a JSON value should be".to_string()
    })
}

/// The items of a JSON array as owned strings; `None` when one of them is not a string.
pub fn strings(items: &[serde_json::Value]) -> Option<Vec<String>> {
    items
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The parser stops descending at [`MAX_DEPTH`], so this recursion is bounded too.
fn node_value(node: &Node) -> Option<serde_json::Value> {
    use serde_json::Value;
    Some(match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Number(value, text) => {
            if let Ok(i) = text.parse::<i64>() {
                Value::from(i)
            } else if let Ok(u) = text.parse::<u64>() {
                Value::from(u)
            } else {
                Value::Number(serde_json::Number::from_f64(*value)?)
            }
        }
        NodeKind::String(s) => Value::String(s.clone()),
        NodeKind::Array(items) => {
            Value::Array(items.iter().map(node_value).collect::<Option<_>>()?)
        }
        NodeKind::Object(object) if !object.opaque => {
            let mut map = serde_json::Map::new();
            for member in &object.members {
                map.insert(member.key.clone(), node_value(&member.value)?);
            }
            Value::Object(map)
        }
        NodeKind::Object(_) | NodeKind::Placeholder(_) | NodeKind::Invalid => return None,
    })
}

#[cfg(test)]
mod value_tests {
    use super::to_value;

    #[test]
    fn reads_plain_json_as_serde_json_does() {
        let texts = [
            r#"{"a": 1, "b": [true, false, null], "c": {"d": "e\n\u00e9\"\\"}, "f": -2.5e3}"#,
            r#"[1, 18446744073709551615, -9223372036854775808, 0.1, 1e300, "", {}]"#,
            r#"{"dup": 1, "dup": 2}"#,
            "\"just a string\"",
            r#"{"emoji": "\ud83d\ude00", "ja": "東京"}"#,
        ];
        for text in texts {
            let ours = to_value(text);
            let theirs: Option<serde_json::Value> = serde_json::from_str(text).ok();
            assert_eq!(ours, theirs, "{text}");
            assert!(ours.is_some(), "{text}");
        }
        for data in [
            include_str!("../../data/fargate-sizes.json"),
            include_str!("../../data/ecs-schema.json"),
            include_str!("../../data/servicedef-output-keys.json"),
            include_str!("../../data/checklist.json"),
        ] {
            assert_eq!(to_value(data), serde_json::from_str(data).ok());
        }
    }

    #[test]
    fn refuses_what_is_not_plain_json() {
        for text in [
            "",
            "{",
            r#"{"a": 1,,}"#,
            r#"{"cpu": {{ must_env `CPU` }}}"#,
            r#"{"image": $IMAGE}"#,
            "[1] [2]",
        ] {
            assert_eq!(to_value(text), None, "{text}");
        }
    }
}
