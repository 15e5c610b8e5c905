//! Go's `text/template` parser, as go-config runs it for ecspresso (delimiters `{{` `}}`).
//!
//! It follows `text/template/parse` (lex.go and parse.go of the Go standard library): trim
//! markers (`{{- ` and ` -}}` remove the white space, `" \t\r\n"`, next to the action), comments
//! (`{{/* ... */}}`, which must end right at the delimiter), `if` / `else if` / `else` /
//! `end`, `range` (with `break`, `continue` and two variables), `with` (and `else with`),
//! `define`, `template`, `block`, variables (`$x := ...`, `$x = ...`), pipelines and
//! parenthesised pipelines, fields (`.Name`, `$x.Name`), strings (interpreted and raw), character
//! constants, numbers, `true`, `false` and `nil`.
//!
//! Unlike Go it does not check function names when parsing: which functions exist depends on the
//! ecspresso config (plugins, `func_prefix`, the `external` plugin), so an unknown name is left
//! for evaluation to treat as an unknown value. The names are checked against the config's
//! plugins by EP014 (lint) and `ecspresso::render::undefined_function` (`render`), from
//! [`super::function_names`]. Errors carry Go's wording and the span where Go
//! stops.

use crate::input::span::Span;

/// Nesting of parentheses and control structures beyond which a template is rejected (Go has no
/// such limit; this keeps the parser's recursion bounded on any input).
const MAX_NESTING: usize = 200;

/// A parsed template: the main list and the templates `define` and `block` name.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub root: List,
    pub defines: Vec<(String, List)>,
}

/// A sequence of nodes, with the source span it covers.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub span: Span,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    /// Text copied as written: the span left after trim markers (possibly empty).
    Text(Span),
    /// `{{ pipeline }}`: `span` is the action, `outer` also covers the white space its trim
    /// markers remove.
    Action {
        outer: Span,
        span: Span,
        pipe: Pipe,
    },
    /// `{{/* ... */}}`.
    Comment {
        outer: Span,
    },
    If(Branch),
    With(Branch),
    Range(Branch),
    /// `{{ template "name" pipeline }}`; a `block` is a define and this.
    Template {
        outer: Span,
        span: Span,
        name: String,
        pipe: Option<Pipe>,
    },
    Break {
        outer: Span,
    },
    Continue {
        outer: Span,
    },
}

/// `if`, `with` or `range`: `outer` runs from the opening action (and the white space it trims)
/// to the end of `{{ end }}` (and the white space it trims).
#[derive(Debug, Clone)]
pub struct Branch {
    pub outer: Span,
    /// The opening action.
    pub span: Span,
    pub pipe: Pipe,
    pub list: List,
    pub else_list: Option<List>,
}

/// A pipeline: optional variable declarations, then commands joined by `|`.
#[derive(Debug, Clone, Default)]
pub struct Pipe {
    pub span: Span,
    pub decl: Vec<String>,
    /// `=` rather than `:=`.
    pub assign: bool,
    pub cmds: Vec<Command>,
}

#[derive(Debug, Clone)]
pub struct Command {
    pub span: Span,
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone)]
pub enum Arg {
    /// A function name.
    Ident(String, Span),
    /// `.A.B` on dot (empty: `.` itself).
    Field(Vec<String>, Span),
    /// `$x.A.B`.
    Variable(String, Vec<String>, Span),
    /// `(pipeline).A.B` or `(pipeline)`.
    Pipe(Box<Pipe>, Vec<String>, Span),
    Bool(bool, Span),
    Nil(Span),
    Int(i64, Span),
    Float(f64, Span),
    Str(String, Span),
}

impl Arg {
    pub fn span(&self) -> Span {
        match self {
            Arg::Ident(_, s)
            | Arg::Field(_, s)
            | Arg::Variable(_, _, s)
            | Arg::Pipe(_, _, s)
            | Arg::Bool(_, s)
            | Arg::Nil(s)
            | Arg::Int(_, s)
            | Arg::Float(_, s)
            | Arg::Str(_, s) => *s,
        }
    }
}

/// A template Go would reject, with Go's message (without its `template: conf:LINE:` prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub span: Span,
    pub message: String,
}

/// Parses a template.
pub fn parse(text: &str) -> Result<Tree, ParseError> {
    let items = lex(text)?;
    let mut p = Parser {
        text,
        items,
        pos: 0,
        vars: vec!["$".to_string()],
        range_depth: 0,
        depth: 0,
        defines: Vec::new(),
    };
    let (list, end) = p.list(true)?;
    match end {
        Some(_) => {
            // `{{ end }}` or `{{ else }}` with nothing open.
            let kw = p.next_non_space().ok_or_else(|| p.eof())?;
            Err(p.err(kw.span, format!("unexpected {}", kw.describe(text))))
        }
        None => Ok(Tree {
            root: list,
            defines: p.defines,
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// Text between actions (after trimming).
    Text,
    /// `{{` (the span covers a trim marker too).
    Left,
    /// `}}` (likewise).
    Right,
    Comment,
    Space,
    Ident,
    Keyword,
    Bool,
    Nil,
    Dot,
    Field,
    Variable,
    Str,
    RawStr,
    Char,
    Number,
    Pipe,
    LeftParen,
    RightParen,
    Declare,
    Assign,
    Comma,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    tok: Tok,
    span: Span,
    /// For `Left`/`Right`/`Comment`: the span widened over the white space a trim marker removes.
    outer: Span,
}

impl Item {
    fn describe(&self, text: &str) -> String {
        let t = self.span.text(text);
        match self.tok {
            Tok::Keyword => format!("{{{{{t}}}}}"),
            Tok::Right => "right delimiter".to_string(),
            Tok::Left => "left delimiter".to_string(),
            Tok::Text => "text".to_string(),
            _ => format!("{t:?}"),
        }
    }
}

const SPACE: &[char] = &[' ', '\t', '\r', '\n'];

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn lex(text: &str) -> Result<Vec<Item>, ParseError> {
    let bytes = text.as_bytes();
    let mut items: Vec<Item> = Vec::new();
    let mut pos = 0usize;
    // Text right after a `-}}` loses its leading white space.
    let mut trim_next = false;
    loop {
        let rest = text.get(pos..).unwrap_or("");
        let found = rest.find("{{");
        let text_end = found.map_or(text.len(), |f| pos + f);
        let mut start = pos;
        if trim_next {
            let t = text.get(pos..text_end).unwrap_or("");
            start = text_end - t.trim_start_matches(SPACE).len();
        }
        let Some(_) = found else {
            items.push(Item {
                tok: Tok::Text,
                span: Span::new(start, text_end),
                outer: Span::new(pos, text_end),
            });
            break;
        };
        let left = text_end;
        let left_trim = bytes.get(left + 2) == Some(&b'-')
            && bytes.get(left + 3).copied().is_some_and(is_space);
        let mut text_stop = text_end;
        if left_trim {
            let t = text.get(start..text_end).unwrap_or("");
            text_stop = start + t.trim_end_matches(SPACE).len();
        }
        items.push(Item {
            tok: Tok::Text,
            span: Span::new(start, text_stop.max(start)),
            outer: Span::new(pos, text_end),
        });
        let inner = if left_trim { left + 4 } else { left + 2 };
        let left_item = Item {
            tok: Tok::Left,
            span: Span::new(left, inner),
            outer: Span::new(text_stop.max(start), inner),
        };
        // A comment: `/*` right after the delimiter (and trim marker).
        if text.get(inner..).is_some_and(|r| r.starts_with("/*")) {
            let Some(close) = text.get(inner + 2..).and_then(|r| r.find("*/")) else {
                return Err(ParseError {
                    span: Span::new(left, text.len()),
                    message: "unclosed comment".to_string(),
                });
            };
            let after = inner + 2 + close + 2;
            let (right_len, right_trim) = if text.get(after..).is_some_and(|r| r.starts_with("}}"))
            {
                (2, false)
            } else if bytes.get(after).copied().is_some_and(is_space)
                && text.get(after + 1..).is_some_and(|r| r.starts_with("-}}"))
            {
                (4, true)
            } else {
                return Err(ParseError {
                    span: Span::new(left, after),
                    message: "comment ends before closing delimiter".to_string(),
                });
            };
            let end = after + right_len;
            let outer_end = if right_trim {
                skip_space(text, end)
            } else {
                end
            };
            items.push(Item {
                tok: Tok::Comment,
                span: Span::new(left, end),
                outer: Span::new(left_item.outer.start as usize, outer_end),
            });
            pos = end;
            trim_next = right_trim;
            continue;
        }
        items.push(left_item);
        let (next, right_trim) = lex_action(text, inner, &mut items)?;
        pos = next;
        trim_next = right_trim;
    }
    Ok(items)
}

/// The UTF-8 length of the character at `at` (1 past the end), so spans stay on boundaries.
fn char_len_at(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8)
}

fn skip_space(text: &str, from: usize) -> usize {
    let t = text.get(from..).unwrap_or("");
    from + (t.len() - t.trim_start_matches(SPACE).len())
}

/// Lexes the inside of an action from `pos` through its right delimiter; returns the position
/// after the delimiter and whether it had a trim marker.
fn lex_action(
    text: &str,
    mut pos: usize,
    items: &mut Vec<Item>,
) -> Result<(usize, bool), ParseError> {
    let bytes = text.as_bytes();
    let mut parens = 0usize;
    let push = |items: &mut Vec<Item>, tok: Tok, a: usize, b: usize| {
        items.push(Item {
            tok,
            span: Span::new(a, b),
            outer: Span::new(a, b),
        });
    };
    let action_start = items.last().map_or(pos, |i| i.span.start as usize);
    loop {
        let rest = text.get(pos..).unwrap_or("");
        // The right delimiter, with or without a trim marker.
        if rest.len() >= 4 && is_space(bytes[pos]) && rest.get(1..4) == Some("-}}") {
            let end = pos + 4;
            let outer_end = skip_space(text, end);
            items.push(Item {
                tok: Tok::Right,
                span: Span::new(pos + 1, end),
                outer: Span::new(pos, outer_end),
            });
            if parens > 0 {
                return Err(ParseError {
                    span: Span::new(pos, end),
                    message: "unclosed left paren".to_string(),
                });
            }
            return Ok((end, true));
        }
        if rest.starts_with("}}") {
            push(items, Tok::Right, pos, pos + 2);
            if parens > 0 {
                return Err(ParseError {
                    span: Span::new(pos, pos + 2),
                    message: "unclosed left paren".to_string(),
                });
            }
            return Ok((pos + 2, false));
        }
        let Some(c) = rest.chars().next() else {
            return Err(ParseError {
                span: Span::new(action_start, text.len()),
                message: "unclosed action".to_string(),
            });
        };
        let start = pos;
        match c {
            ' ' | '\t' | '\r' | '\n' => {
                while bytes.get(pos).copied().is_some_and(is_space) {
                    // Stop before a ` -}}`.
                    if text.get(pos + 1..).is_some_and(|r| r.starts_with("-}}")) {
                        break;
                    }
                    pos += 1;
                }
                if pos == start {
                    // A lone space right before `-}}`: the delimiter check takes it next.
                    continue;
                }
                push(items, Tok::Space, start, pos);
            }
            '=' => {
                pos += 1;
                push(items, Tok::Assign, start, pos);
            }
            ':' => {
                if bytes.get(pos + 1) != Some(&b'=') {
                    return Err(ParseError {
                        span: Span::new(pos, pos + 1),
                        message: "expected :=".to_string(),
                    });
                }
                pos += 2;
                push(items, Tok::Declare, start, pos);
            }
            '|' => {
                pos += 1;
                push(items, Tok::Pipe, start, pos);
            }
            ',' => {
                pos += 1;
                push(items, Tok::Comma, start, pos);
            }
            '(' => {
                pos += 1;
                parens += 1;
                push(items, Tok::LeftParen, start, pos);
            }
            ')' => {
                pos += 1;
                if parens == 0 {
                    return Err(ParseError {
                        span: Span::new(start, pos),
                        message: "unexpected right paren".to_string(),
                    });
                }
                parens -= 1;
                push(items, Tok::RightParen, start, pos);
            }
            '"' => {
                pos = scan_quoted(text, start, b'"', "unterminated quoted string")?;
                push(items, Tok::Str, start, pos);
            }
            '`' => {
                let Some(close) = text.get(pos + 1..).and_then(|r| r.find('`')) else {
                    return Err(ParseError {
                        span: Span::new(start, text.len()),
                        message: "unterminated raw quoted string".to_string(),
                    });
                };
                pos = pos + 1 + close + 1;
                push(items, Tok::RawStr, start, pos);
            }
            '\'' => {
                pos = scan_quoted(text, start, b'\'', "unterminated character constant")?;
                push(items, Tok::Char, start, pos);
            }
            '$' => {
                pos += 1;
                pos = scan_alnum(text, pos);
                push(items, Tok::Variable, start, pos);
            }
            '.' => {
                if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) {
                    pos = scan_number(text, pos);
                    push(items, Tok::Number, start, pos);
                } else {
                    pos += 1;
                    let end = scan_alnum(text, pos);
                    if end == pos {
                        push(items, Tok::Dot, start, pos);
                    } else {
                        pos = end;
                        push(items, Tok::Field, start, pos);
                    }
                }
            }
            '+' | '-' | '0'..='9' => {
                pos = scan_number(text, pos);
                let word = text.get(start..pos).unwrap_or("");
                if parse_number(word).is_none() || text[pos..].chars().next().is_some_and(is_alnum)
                {
                    let end = scan_alnum(text, pos);
                    return Err(ParseError {
                        span: Span::new(start, end.max(pos)),
                        message: format!(
                            "bad number syntax: {:?}",
                            text.get(start..end.max(pos)).unwrap_or("")
                        ),
                    });
                }
                push(items, Tok::Number, start, pos);
            }
            c if is_alnum(c) => {
                pos = scan_alnum(text, pos);
                let word = text.get(start..pos).unwrap_or("");
                let tok = match word {
                    "block" | "break" | "continue" | "define" | "else" | "end" | "if" | "range"
                    | "template" | "with" => Tok::Keyword,
                    "nil" => Tok::Nil,
                    "true" | "false" => Tok::Bool,
                    _ => Tok::Ident,
                };
                push(items, tok, start, pos);
            }
            other => {
                return Err(ParseError {
                    span: Span::new(start, start + other.len_utf8()),
                    message: format!("unrecognized character in action: {}", go_unicode(other)),
                });
            }
        }
    }
}

/// Go's `%#U`: `U+0023 '#'`.
fn go_unicode(c: char) -> String {
    format!("U+{:04X} '{c}'", c as u32)
}

fn scan_alnum(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest
        .char_indices()
        .find(|(_, c)| !is_alnum(*c))
        .map_or(rest.len(), |(i, _)| i)
}

/// Go's `lexNumber` is lenient and lets the parser judge; this takes signs, digits, letters
/// (hex digits, base prefixes, exponents), `.`, `_`, and a sign after an exponent.
fn scan_number(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    if matches!(bytes.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    while let Some(&b) = bytes.get(i) {
        let after_exp = i > from
            && matches!(bytes.get(i - 1), Some(b'e' | b'E' | b'p' | b'P'))
            && !text
                .get(from..i)
                .is_some_and(|t| t.starts_with("0x") || t.starts_with("0X"))
            || (i > from && matches!(bytes.get(i - 1), Some(b'p' | b'P')));
        if b.is_ascii_alphanumeric()
            || b == b'.'
            || b == b'_'
            || (after_exp && matches!(b, b'+' | b'-'))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A number constant: an integer (decimal, `0x`, `0o`, `0b`, underscores) or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

pub fn parse_number(word: &str) -> Option<Number> {
    let (neg, body) = match word.as_bytes().first() {
        Some(b'-') => (true, &word[1..]),
        Some(b'+') => (false, &word[1..]),
        _ => (false, word),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let int = if let Some(h) = lower.strip_prefix("0x") {
        (!h.contains(['.', 'p']))
            .then(|| i64::from_str_radix(h, 16).ok())
            .flatten()
    } else if let Some(o) = lower.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else if lower.len() > 1 && lower.starts_with('0') && lower.bytes().all(|b| b.is_ascii_digit())
    {
        i64::from_str_radix(&lower[1..], 8).ok()
    } else if lower.bytes().all(|b| b.is_ascii_digit()) {
        lower.parse::<i64>().ok()
    } else {
        None
    };
    if let Some(n) = int {
        return Some(Number::Int(if neg { n.checked_neg()? } else { n }));
    }
    if lower.starts_with("0x") || lower.contains("inf") || lower.contains("nan") {
        return None;
    }
    let f = crate::input::number::parse_f64(&lower)?;
    f.is_finite()
        .then_some(Number::Float(if neg { -f } else { f }))
}

/// The value of a Go string literal (interpreted or raw), `None` when an escape is invalid.
pub fn unquote(lit: &str) -> Option<String> {
    if let Some(raw) = lit.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        // Go drops carriage returns from raw strings.
        return Some(raw.replace('\r', ""));
    }
    let body = lit.strip_prefix('"')?.strip_suffix('"')?;
    unescape(body, '"')
}

fn unescape(body: &str, quote: char) -> Option<String> {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            if c == quote {
                return None;
            }
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        match e {
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            '\'' if quote == '\'' => out.push('\''),
            '"' if quote == '"' => out.push('"'),
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..n).filter_map(|_| chars.next()).collect();
                if hex.len() != n {
                    return None;
                }
                let v = u32::from_str_radix(&hex, 16).ok()?;
                if e == 'x' {
                    // A byte: only ASCII keeps the text valid UTF-8 here.
                    out.push(char::from_u32(v).filter(|_| v < 0x80).unwrap_or('\u{FFFD}'));
                } else {
                    out.push(char::from_u32(v)?);
                }
            }
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    v = v * 8 + chars.next()?.to_digit(8)?;
                }
                if v > 255 {
                    return None;
                }
                out.push(char::from_u32(v).filter(|_| v < 0x80).unwrap_or('\u{FFFD}'));
            }
            _ => return None,
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Parser<'a> {
    text: &'a str,
    items: Vec<Item>,
    pos: usize,
    /// Variables in scope, innermost last.
    vars: Vec<String>,
    range_depth: usize,
    depth: usize,
    defines: Vec<(String, List)>,
}

/// What ended a list: `{{ end }}` or `{{ else ... }}`, with the keyword item.
type Ending = Option<Item>;

impl Parser<'_> {
    fn err(&self, span: Span, message: String) -> ParseError {
        ParseError { span, message }
    }

    fn peek(&self) -> Option<Item> {
        self.items.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<Item> {
        let item = self.peek();
        if item.is_some() {
            self.pos += 1;
        }
        item
    }

    fn peek_non_space(&mut self) -> Option<Item> {
        while self.peek().is_some_and(|i| i.tok == Tok::Space) {
            self.pos += 1;
        }
        self.peek()
    }

    fn next_non_space(&mut self) -> Option<Item> {
        let item = self.peek_non_space();
        if item.is_some() {
            self.pos += 1;
        }
        item
    }

    fn word(&self, item: Item) -> &str {
        item.span.text(self.text)
    }

    fn eof(&self) -> ParseError {
        self.err(Span::at(self.text.len()), "unexpected EOF".to_string())
    }

    /// Reads nodes until EOF (top level only), `{{ end }}` or `{{ else }}`: the keyword item is
    /// returned with the list's `{{` item consumed, the keyword not yet.
    fn list(&mut self, top: bool) -> Result<(List, Ending), ParseError> {
        let mut list = List {
            span: Span::at(
                self.peek()
                    .map_or(self.text.len(), |i| i.outer.start as usize),
            ),
            nodes: Vec::new(),
        };
        loop {
            let Some(item) = self.next() else {
                if top {
                    list.span = Span::new(list.span.start as usize, self.text.len());
                    return Ok((list, None));
                }
                return Err(self.eof());
            };
            match item.tok {
                Tok::Text => {
                    if !item.span.is_empty() {
                        list.nodes.push(Node::Text(item.span));
                    }
                }
                Tok::Comment => list.nodes.push(Node::Comment { outer: item.outer }),
                Tok::Left => {
                    let Some(first) = self.peek_non_space() else {
                        return Err(self.eof());
                    };
                    if first.tok == Tok::Keyword && matches!(self.word(first), "end" | "else") {
                        list.span = Span::new(list.span.start as usize, item.outer.start as usize);
                        return Ok((list, Some(item)));
                    }
                    let node = self.action(item, top)?;
                    if let Some(node) = node {
                        list.nodes.push(node);
                    }
                }
                _ => {
                    return Err(self.err(
                        item.span,
                        format!("unexpected {}", item.describe(self.text)),
                    ))
                }
            }
        }
    }

    /// An action after its `{{`; `None` for a define (stored aside).
    fn action(&mut self, left: Item, top: bool) -> Result<Option<Node>, ParseError> {
        let first = self.peek_non_space().ok_or_else(|| self.eof())?;
        if first.tok == Tok::Keyword {
            self.pos += 1;
            return match self.word(first) {
                "if" => self.branch(left, "if").map(|b| Some(Node::If(b))),
                "with" => self.branch(left, "with").map(|b| Some(Node::With(b))),
                "range" => self.branch(left, "range").map(|b| Some(Node::Range(b))),
                "template" => self.template(left).map(Some),
                "block" => self.block(left).map(Some),
                "define" => {
                    if !top {
                        return Err(
                            self.err(first.span, "unexpected <define> in command".to_string())
                        );
                    }
                    self.define()?;
                    Ok(None)
                }
                "break" | "continue" => {
                    let word = self.word(first).to_string();
                    let right = self.expect_right(&word)?;
                    if self.range_depth == 0 {
                        return Err(
                            self.err(first.span, format!("{{{{{word}}}}} outside {{{{range}}}}"))
                        );
                    }
                    let outer = Span::new(left.outer.start as usize, right.outer.end as usize);
                    Ok(Some(if word == "break" {
                        Node::Break { outer }
                    } else {
                        Node::Continue { outer }
                    }))
                }
                other => Err(self.err(first.span, format!("unexpected {{{{{other}}}}}"))),
            };
        }
        let (pipe, right) = self.pipeline("command", true)?;
        Ok(Some(Node::Action {
            outer: Span::new(left.outer.start as usize, right.outer.end as usize),
            span: Span::new(left.span.start as usize, right.span.end as usize),
            pipe,
        }))
    }

    fn expect_right(&mut self, context: &str) -> Result<Item, ParseError> {
        match self.next_non_space() {
            Some(i) if i.tok == Tok::Right => Ok(i),
            Some(i) => Err(self.err(
                i.span,
                format!("unexpected {} in {context}", i.describe(self.text)),
            )),
            None => Err(self.eof()),
        }
    }

    /// `if`, `with`, `range` after the keyword.
    fn branch(&mut self, left: Item, kind: &str) -> Result<Branch, ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.err(left.span, "template nested too deeply".to_string()));
        }
        let scope = self.vars.len();
        let (pipe, right) = self.pipeline(kind, false)?;
        if kind == "range" {
            self.range_depth += 1;
        }
        let (list, ending) = self.list(false)?;
        if kind == "range" {
            self.range_depth -= 1;
        }
        let ending = ending.ok_or_else(|| self.eof())?;
        let kw = self.next_non_space().ok_or_else(|| self.eof())?;
        let mut else_list = None;
        let end_right;
        if self.word(kw) == "else" {
            // `else if` / `else with`: a nested branch that shares this one's end.
            let next = self.peek_non_space().ok_or_else(|| self.eof())?;
            if (kind == "if" || kind == "with")
                && next.tok == Tok::Keyword
                && self.word(next) == kind
            {
                self.pos += 1;
                let inner = self.branch(ending, kind)?;
                end_right = inner.outer.end as usize;
                let span = inner.outer;
                let node = if kind == "if" {
                    Node::If(inner)
                } else {
                    Node::With(inner)
                };
                else_list = Some(List {
                    span,
                    nodes: vec![node],
                });
            } else {
                let else_right = self.expect_right("else")?;
                let (list2, ending2) = self.list(false)?;
                let ending2 = ending2.ok_or_else(|| self.eof())?;
                let kw2 = self.next_non_space().ok_or_else(|| self.eof())?;
                if self.word(kw2) != "end" {
                    return Err(self.err(kw2.span, "expected end; found {{else}}".to_string()));
                }
                let _ = else_right;
                let end = self.expect_right("end")?;
                let _ = ending2;
                end_right = end.outer.end as usize;
                else_list = Some(list2);
            }
        } else {
            let end = self.expect_right("end")?;
            end_right = end.outer.end as usize;
        }
        self.vars.truncate(scope);
        self.depth -= 1;
        Ok(Branch {
            outer: Span::new(left.outer.start as usize, end_right),
            span: Span::new(left.span.start as usize, right.span.end as usize),
            pipe,
            list,
            else_list,
        })
    }

    fn template_name(&mut self, context: &str) -> Result<String, ParseError> {
        let item = self.next_non_space().ok_or_else(|| self.eof())?;
        if !matches!(item.tok, Tok::Str | Tok::RawStr) {
            return Err(self.err(
                item.span,
                format!(
                    "unexpected {} in {context} clause",
                    item.describe(self.text)
                ),
            ));
        }
        unquote(self.word(item)).ok_or_else(|| self.err(item.span, "invalid syntax".to_string()))
    }

    fn template(&mut self, left: Item) -> Result<Node, ParseError> {
        let name = self.template_name("template")?;
        let next = self.peek_non_space().ok_or_else(|| self.eof())?;
        let (pipe, right) = if next.tok == Tok::Right {
            self.pos += 1;
            (None, next)
        } else {
            let (p, r) = self.pipeline("template", false)?;
            (Some(p), r)
        };
        Ok(Node::Template {
            outer: Span::new(left.outer.start as usize, right.outer.end as usize),
            span: Span::new(left.span.start as usize, right.span.end as usize),
            name,
            pipe,
        })
    }

    fn block(&mut self, left: Item) -> Result<Node, ParseError> {
        let name = self.template_name("block")?;
        let (pipe, right) = self.pipeline("block", false)?;
        let saved = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let (list, ending) = self.list(false)?;
        self.vars = saved;
        let _ = ending.ok_or_else(|| self.eof())?;
        let kw = self.next_non_space().ok_or_else(|| self.eof())?;
        if self.word(kw) != "end" {
            return Err(self.err(kw.span, "unexpected {{else}}".to_string()));
        }
        let end = self.expect_right("end")?;
        self.defines.push((name.clone(), list));
        let _ = right;
        Ok(Node::Template {
            outer: Span::new(left.outer.start as usize, end.outer.end as usize),
            span: Span::new(left.span.start as usize, right.span.end as usize),
            name,
            pipe: Some(pipe),
        })
    }

    fn define(&mut self) -> Result<(), ParseError> {
        let name = self.template_name("define")?;
        self.expect_right("define clause")?;
        let saved = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let (list, ending) = self.list(false)?;
        self.vars = saved;
        let _ = ending.ok_or_else(|| self.eof())?;
        let kw = self.next_non_space().ok_or_else(|| self.eof())?;
        if self.word(kw) != "end" {
            return Err(self.err(kw.span, "unexpected {{else}}".to_string()));
        }
        self.expect_right("end")?;
        self.defines.push((name, list));
        Ok(())
    }

    /// A pipeline up to `}}` (`action`: the right delimiter is expected) or `)`.
    fn pipeline(&mut self, context: &str, _action: bool) -> Result<(Pipe, Item), ParseError> {
        let start = self.peek_non_space().ok_or_else(|| self.eof())?;
        let mut pipe = Pipe {
            span: Span::at(start.span.start as usize),
            ..Pipe::default()
        };
        // Declarations: `$x :=`, `$x =`, `$i, $e :=` (range).
        let save = self.pos;
        if start.tok == Tok::Variable {
            self.pos += 1;
            let v1 = self.word(start).to_string();
            match self.next_non_space() {
                Some(i) if matches!(i.tok, Tok::Declare | Tok::Assign) => {
                    pipe.assign = i.tok == Tok::Assign;
                    pipe.decl.push(v1);
                }
                Some(i) if i.tok == Tok::Comma && context == "range" => {
                    let v2 = self.next_non_space().ok_or_else(|| self.eof())?;
                    if v2.tok != Tok::Variable {
                        return Err(
                            self.err(v2.span, "range can only initialize variables".to_string())
                        );
                    }
                    let op = self.next_non_space().ok_or_else(|| self.eof())?;
                    if !matches!(op.tok, Tok::Declare | Tok::Assign) {
                        return Err(
                            self.err(op.span, "range can only initialize variables".to_string())
                        );
                    }
                    pipe.assign = op.tok == Tok::Assign;
                    pipe.decl.push(v1);
                    pipe.decl.push(self.word(v2).to_string());
                }
                _ => self.pos = save,
            }
            if !pipe.decl.is_empty() {
                for name in &pipe.decl {
                    if pipe.assign {
                        if !self.vars.contains(name) {
                            return Err(
                                self.err(start.span, format!("undefined variable {name:?}"))
                            );
                        }
                    } else {
                        self.vars.push(name.clone());
                    }
                }
            }
        }
        loop {
            let item = self.peek_non_space().ok_or_else(|| self.eof())?;
            match item.tok {
                Tok::Right | Tok::RightParen => {
                    self.pos += 1;
                    if pipe.cmds.is_empty() {
                        return Err(self.err(item.span, format!("missing value for {context}")));
                    }
                    pipe.span = Span::new(pipe.span.start as usize, item.span.start as usize);
                    return Ok((pipe, item));
                }
                Tok::Pipe if !pipe.cmds.is_empty() => {
                    self.pos += 1;
                }
                _ => {
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
            }
        }
    }

    fn command(&mut self) -> Result<Command, ParseError> {
        let mut cmd = Command {
            span: Span::at(self.peek_non_space().map_or(0, |i| i.span.start as usize)),
            args: Vec::new(),
        };
        loop {
            let item = self.peek_non_space().ok_or_else(|| self.eof())?;
            match item.tok {
                Tok::Right | Tok::RightParen => break,
                Tok::Pipe => {
                    if cmd.args.is_empty() {
                        return Err(self.err(item.span, "missing command".to_string()));
                    }
                    break;
                }
                _ => {
                    let arg = self.operand()?;
                    cmd.args.push(arg);
                    // Operands are separated by space.
                    if let Some(next) = self.peek() {
                        if !matches!(
                            next.tok,
                            Tok::Space | Tok::Right | Tok::RightParen | Tok::Pipe
                        ) {
                            return Err(self.err(
                                next.span,
                                format!("unexpected {} in operand", next.describe(self.text)),
                            ));
                        }
                    }
                }
            }
        }
        if cmd.args.is_empty() {
            let at = self.peek().map_or(Span::at(self.text.len()), |i| i.span);
            return Err(self.err(at, "empty command".to_string()));
        }
        let last = cmd.args.last().map_or(cmd.span, Arg::span);
        cmd.span = Span::new(cmd.span.start as usize, last.end as usize);
        Ok(cmd)
    }

    fn fields(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(i) = self.peek().filter(|i| i.tok == Tok::Field) {
            out.push(self.word(i).trim_start_matches('.').to_string());
            self.pos += 1;
        }
        out
    }

    fn operand(&mut self) -> Result<Arg, ParseError> {
        let item = self.next_non_space().ok_or_else(|| self.eof())?;
        let text = self.word(item);
        let span = item.span;
        let arg = match item.tok {
            Tok::Ident => {
                let name = text.to_string();
                if self.peek().is_some_and(|i| i.tok == Tok::Field) {
                    return Err(self.err(span, format!("function {name:?} cannot have fields")));
                }
                Arg::Ident(name, span)
            }
            Tok::Dot => {
                if self.peek().is_some_and(|i| i.tok == Tok::Field) {
                    return Err(self.err(span, "unexpected . after term \".\"".to_string()));
                }
                Arg::Field(Vec::new(), span)
            }
            Tok::Field => {
                let mut f = vec![text.trim_start_matches('.').to_string()];
                f.extend(self.fields());
                let end = self.items.get(self.pos - 1).map_or(span, |i| i.span);
                Arg::Field(f, span.cover(end))
            }
            Tok::Variable => {
                let name = text.to_string();
                if !self.vars.contains(&name) {
                    return Err(self.err(span, format!("undefined variable {name:?}")));
                }
                let f = self.fields();
                let end = self.items.get(self.pos - 1).map_or(span, |i| i.span);
                Arg::Variable(name, f, span.cover(end))
            }
            Tok::Bool => Arg::Bool(text == "true", span),
            Tok::Nil => Arg::Nil(span),
            Tok::Str | Tok::RawStr => Arg::Str(
                unquote(text).ok_or_else(|| self.err(span, "invalid syntax".to_string()))?,
                span,
            ),
            Tok::Char => {
                let body = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
                let value = unescape(body, '\'')
                    .filter(|s| s.chars().count() == 1)
                    .and_then(|s| s.chars().next())
                    .ok_or_else(|| {
                        self.err(span, format!("malformed character constant: {text}"))
                    })?;
                Arg::Int(i64::from(u32::from(value)), span)
            }
            Tok::Number => match parse_number(text) {
                Some(Number::Int(n)) => Arg::Int(n, span),
                Some(Number::Float(f)) => Arg::Float(f, span),
                None => return Err(self.err(span, format!("illegal number syntax: {text:?}"))),
            },
            Tok::LeftParen => {
                self.depth += 1;
                if self.depth > MAX_NESTING {
                    return Err(self.err(span, "template nested too deeply".to_string()));
                }
                let (pipe, close) = self.pipeline("parenthesized pipeline", false)?;
                self.depth -= 1;
                if close.tok != Tok::RightParen {
                    return Err(self.err(close.span, "unclosed left paren".to_string()));
                }
                let f = self.fields();
                let end = self.items.get(self.pos - 1).map_or(close.span, |i| i.span);
                Arg::Pipe(Box::new(pipe), f, span.cover(end))
            }
            _ => {
                return Err(self.err(
                    span,
                    format!("unexpected {} in operand", item.describe(self.text)),
                ))
            }
        };
        Ok(arg)
    }
}

/// The end of a quoted string or character constant that opens at `start` with `quote`
/// (backslash escapes, no newline), or Go's error for one left open.
fn scan_quoted(
    text: &str,
    start: usize,
    quote: u8,
    unterminated: &str,
) -> Result<usize, ParseError> {
    let bytes = text.as_bytes();
    let mut pos = start + 1;
    loop {
        match bytes.get(pos) {
            None | Some(b'\n') => {
                return Err(ParseError {
                    span: Span::new(start, pos.min(text.len())),
                    message: unterminated.to_string(),
                })
            }
            Some(b'\\') => pos += 1 + char_len_at(text, pos + 1),
            Some(&b) if b == quote => return Ok((pos + 1).min(text.len())),
            Some(_) => pos += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text).err().map(|e| e.message).unwrap_or_default()
    }

    #[test]
    fn go_parse_errors() {
        // Messages as text/template/parse words them (parse_test.go's error cases).
        assert_eq!(err("{{ if true }}x"), "unexpected EOF");
        assert_eq!(err("{{ end }}"), "unexpected {{end}}");
        assert_eq!(err("{{ if }}{{ end }}"), "missing value for if");
        assert_eq!(err("{{ $x }}"), "undefined variable \"$x\"");
        assert_eq!(err("{{ \"abc }}"), "unterminated quoted string");
        assert_eq!(err("{{ must_env `X` "), "unclosed action");
        assert_eq!(err("{{ break }}"), "{{break}} outside {{range}}");
        assert_eq!(
            err("{{/* c */ x }}"),
            "comment ends before closing delimiter"
        );
        assert_eq!(err("{{ 3x }}"), "bad number syntax: \"3x\"");
        assert_eq!(
            err("{{ # }}"),
            "unrecognized character in action: U+0023 '#'"
        );
        assert_eq!(err("{{ ) }}"), "unexpected right paren");
        assert_eq!(err("{{ (x }}"), "unclosed left paren");
    }

    #[test]
    fn trim_markers_and_comments() {
        let text = "a  {{- x -}}  b {{/* c */}} {{- /* d */ -}}\n e";
        let tree = parse(text).unwrap();
        let texts: Vec<&str> = tree
            .root
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Text(s) => Some(s.text(text)),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a", "b ", "e"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("0x1F"), Some(Number::Int(31)));
        assert_eq!(parse_number("1_000"), Some(Number::Int(1000)));
        assert_eq!(parse_number("-2.5"), Some(Number::Float(-2.5)));
        assert_eq!(parse_number("1e3"), Some(Number::Float(1000.0)));
        assert_eq!(parse_number("0b101"), Some(Number::Int(5)));
        assert_eq!(parse_number("017"), Some(Number::Int(15)));
        assert_eq!(parse_number("1x"), None);
    }
}
