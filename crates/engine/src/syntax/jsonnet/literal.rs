//! A reader of Jsonnet files that are plain literals (objects, arrays, strings, numbers), which
//! need no evaluation.

#[allow(unused_imports)]
use super::*;
use crate::input::span::Span;
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// The value of a Jsonnet text that is a plain literal, or `None` when it needs evaluation.
pub fn plain_literal(text: &str) -> Option<Node> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    r.trivia();
    let node = r.value(0)?;
    r.trivia();
    (r.pos >= r.bytes.len()).then_some(node)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'#') => self.skip_line(),
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => self.skip_line(),
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    match self.text.get(self.pos + 2..).and_then(|s| s.find("*/")) {
                        Some(end) => self.pos += 2 + end + 2,
                        None => self.pos = self.bytes.len(),
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_line(&mut self) {
        while self.peek().is_some_and(|b| b != b'\n') {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'\'' | b'"' => {
                let s = self.string()?;
                Some(Node::new(NodeKind::String(s), Span::new(start, self.pos)))
            }
            b'-' | b'0'..=b'9' => {
                while self.peek().is_some_and(|b| {
                    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
                }) {
                    self.pos += 1;
                }
                let t = self.text.get(start..self.pos)?;
                let n = crate::input::number::parse_f64(t)?;
                Some(Node::new(
                    NodeKind::Number(n, t.to_string()),
                    Span::new(start, self.pos),
                ))
            }
            _ => {
                let word = self.ident()?;
                let kind = match word {
                    "true" => NodeKind::Bool(true),
                    "false" => NodeKind::Bool(false),
                    "null" => NodeKind::Null,
                    _ => return None,
                };
                Some(Node::new(kind, Span::new(start, self.pos)))
            }
        }
    }

    fn ident(&mut self) -> Option<&str> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.pos += 1;
        }
        (self.pos > start).then(|| self.text.get(start..self.pos))?
    }

    fn string(&mut self) -> Option<String> {
        let quote = self.peek()?;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let c = self.text.get(self.pos..)?.chars().next()?;
            self.pos += c.len_utf8();
            match c {
                c if c as u32 == u32::from(quote) => return Some(out),
                '\\' => {
                    let e = self.text.get(self.pos..)?.chars().next()?;
                    self.pos += e.len_utf8();
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        // \uXXXX and the rest: rare in configs; keep the text readable.
                        _ => out.push(e),
                    }
                }
                _ => out.push(c),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        loop {
            self.trivia();
            if self.peek()? == b'}' {
                self.pos += 1;
                break;
            }
            let key_start = self.pos;
            let key = match self.peek()? {
                b'\'' | b'"' => self.string()?,
                _ => {
                    let word = self.ident()?.to_string();
                    if matches!(word.as_str(), "local" | "assert") {
                        return None;
                    }
                    word
                }
            };
            let key_span = Span::new(key_start, self.pos);
            self.trivia();
            // `:`, `::` (hidden), `:::`; `+:` merges and needs evaluation.
            if self.peek()? != b':' {
                return None;
            }
            while self.peek() == Some(b':') {
                self.pos += 1;
            }
            self.trivia();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.trivia();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {}
                _ => return None,
            }
        }
        Some(Node::new(
            NodeKind::Object(Object {
                members,
                opaque: false,
            }),
            Span::new(start, self.pos),
        ))
    }

    fn array(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.trivia();
            if self.peek()? == b']' {
                self.pos += 1;
                break;
            }
            items.push(self.value(depth + 1)?);
            self.trivia();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {}
                _ => return None,
            }
        }
        Some(Node::new(
            NodeKind::Array(items),
            Span::new(start, self.pos),
        ))
    }
}
