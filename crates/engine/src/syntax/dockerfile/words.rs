//! Words as BuildKit's parser reads them: flags, heredoc markers, Dockerfile words, the JSON
//! (exec) form of arguments.

use super::*;

/// A flag word as BuildKit's parser reads it (byte offsets in the logical line).
pub(super) struct RawFlag {
    pub(super) name: String,
    pub(super) value: Option<String>,
    pub(super) start: usize,
    pub(super) value_start: usize,
    pub(super) end: usize,
}

pub(super) fn is_go_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Reads the leading `--flag` words after the keyword (quotes removed, the escape character
/// honoured, a lone `--` ends them); returns them and where the arguments start.
pub(super) fn read_flags(line: &str, from: usize, escape: char) -> (Vec<RawFlag>, usize) {
    let b = line.as_bytes();
    let esc = u8::try_from(escape as u32).unwrap_or(b'\\');
    let mut out = Vec::new();
    let mut pos = from;
    loop {
        while pos < b.len() && is_go_space(b[pos]) {
            pos += 1;
        }
        if !line.get(pos..).is_some_and(|r| r.starts_with("--")) {
            return (out, pos);
        }
        let start = pos;
        let mut word: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut first_eq: Option<usize> = None;
        let mut i = pos;
        while i < b.len() {
            let c = b[i];
            match quote {
                None if is_go_space(c) => break,
                None if c == b'\'' || c == b'"' => quote = Some(c),
                Some(q) if c == q => quote = None,
                _ if c == esc => {
                    if i + 1 < b.len() {
                        i += 1;
                        word.push(b[i]);
                    } else {
                        quote = None;
                    }
                }
                _ => {
                    if c == b'=' && first_eq.is_none() {
                        first_eq = Some(i);
                    }
                    word.push(c);
                }
            }
            i += 1;
        }
        let word = String::from_utf8_lossy(&word).into_owned();
        if word == "--" {
            while i < b.len() && is_go_space(b[i]) {
                i += 1;
            }
            return (out, i);
        }
        let body = word.get(2..).unwrap_or("");
        let (name, value) = match body.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (body.to_string(), None),
        };
        let value_start = match (first_eq, &value) {
            (Some(e), Some(_)) => e + 1,
            _ => i,
        };
        out.push(RawFlag {
            name,
            value,
            start,
            value_start,
            end: i,
        });
        pos = i;
    }
}

/// `(start, end, delimiter, strip_tabs, quoted)` of every heredoc marker of an instruction's
/// arguments, found as BuildKit finds them (see [`lex`]); `Err` holds the span of a marker whose
/// delimiter cannot be read.
#[allow(clippy::type_complexity)]
pub(super) fn heredoc_markers(
    text: &str,
) -> Result<Vec<(usize, usize, String, bool, bool)>, (usize, usize)> {
    let mut out = Vec::new();
    if !text.contains("<<") {
        return Ok(out);
    }
    for w in lex::line_words(text).unwrap_or_default() {
        match lex::marker(&w.text) {
            lex::MarkerWord::No => {}
            lex::MarkerWord::Broken => return Err((w.start, w.end)),
            lex::MarkerWord::Heredoc(m) => {
                out.push((w.start, w.end, m.name, m.strip_tabs, m.quoted));
            }
        }
    }
    Ok(out)
}

/// Removes one layer of surrounding quotes.
pub(super) fn unquote_simple(s: &str) -> String {
    let t = s.trim();
    if t.len() >= 2
        && ((t.starts_with('"') && t.ends_with('"')) || (t.starts_with('\'') && t.ends_with('\'')))
    {
        t[1..t.len() - 1].to_string()
    } else {
        t.to_string()
    }
}

/// Splits Dockerfile argument text into words (whitespace separated, quotes removed, escapes
/// honoured): `(text, start, end)` with byte offsets of the raw word.
pub fn dockerfile_words(text: &str, escape: char) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        let mut end = start;
        let mut quote: Option<char> = None;
        while let Some(&(i, c)) = chars.peek() {
            if quote.is_none() && c.is_whitespace() {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
            match quote {
                Some(q) if c == q => quote = None,
                Some('"') if c == escape => {
                    if let Some(&(j, n)) = chars.peek() {
                        if n == '"' || n == escape || n == '$' {
                            chars.next();
                            end = j + n.len_utf8();
                            word.push(n);
                        } else {
                            word.push(c);
                        }
                    } else {
                        word.push(c);
                    }
                }
                Some(_) => word.push(c),
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == escape && escape == '\\' => {
                    if let Some(&(j, n)) = chars.peek() {
                        chars.next();
                        end = j + n.len_utf8();
                        word.push(n);
                    }
                }
                None => word.push(c),
            }
        }
        out.push((word, start, end));
    }
    out
}

/// What the arguments are when read as JSON, the way BuildKit reads them.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum JsonArgs {
    /// A JSON array of strings: each string's value and raw span (quotes included).
    Strings(Vec<(String, usize, usize)>),
    /// Valid JSON array holding something else than a string (BuildKit rejects it): the span
    /// of the first such item.
    NotStrings(usize, usize),
    /// Not a JSON array at all: BuildKit reads the arguments as shell form.
    Invalid,
}

pub(super) fn json_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// Reads a JSON string starting at the quote; returns its value and the offset after it.
pub(super) fn json_string(text: &str, start: usize) -> Option<(String, usize)> {
    let mut i = start + 1;
    let mut value = String::new();
    let mut high: Option<u32> = None;
    loop {
        let c = text.get(i..)?.chars().next()?;
        i += c.len_utf8();
        if c != '\\' && high.take().is_some() {
            value.push('\u{fffd}');
        }
        match c {
            '"' => return Some((value, i)),
            '\\' => {
                let e = text.get(i..)?.chars().next()?;
                i += e.len_utf8();
                if e != 'u' && high.take().is_some() {
                    value.push('\u{fffd}');
                }
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    'b' => value.push('\u{8}'),
                    'f' => value.push('\u{c}'),
                    '/' | '\\' | '"' => value.push(e),
                    'u' => {
                        let hex = text.get(i..i + 4)?;
                        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        i += 4;
                        let n = u32::from_str_radix(hex, 16).ok()?;
                        match (high.take(), n) {
                            (Some(h), 0xDC00..=0xDFFF) => {
                                let cp = 0x10000 + ((h - 0xD800) << 10) + (n - 0xDC00);
                                value.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            }
                            (prev, 0xD800..=0xDBFF) => {
                                if prev.is_some() {
                                    value.push('\u{fffd}');
                                }
                                high = Some(n);
                            }
                            (prev, _) => {
                                if prev.is_some() {
                                    value.push('\u{fffd}');
                                }
                                value.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                            }
                        }
                    }
                    _ => return None,
                }
            }
            c if (c as u32) < 0x20 => return None,
            c => value.push(c),
        }
    }
}

pub(super) fn json_number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
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
            return None;
        }
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    Some(i)
}

/// Skips one JSON value of any kind (without recursion); returns the offset after it.
pub(super) fn json_skip_value(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut stack: Vec<u8> = Vec::new();
    let mut i = start;
    loop {
        i = json_ws(b, i);
        match b.get(i)? {
            b'"' => i = json_string(text, i)?.1,
            b'[' => {
                i = json_ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    stack.push(b']');
                    continue;
                }
            }
            b'{' => {
                i = json_ws(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    i = json_key(text, i)?;
                    stack.push(b'}');
                    continue;
                }
            }
            b't' if text.get(i..i + 4) == Some("true") => i += 4,
            b'f' if text.get(i..i + 5) == Some("false") => i += 5,
            b'n' if text.get(i..i + 4) == Some("null") => i += 4,
            b'-' | b'0'..=b'9' => i = json_number(b, i)?,
            _ => return None,
        }
        loop {
            let Some(&close) = stack.last() else {
                return Some(i);
            };
            i = json_ws(b, i);
            match *b.get(i)? {
                b',' => {
                    i += 1;
                    if close == b'}' {
                        i = json_key(text, json_ws(b, i))?;
                    }
                    break;
                }
                c if c == close => {
                    stack.pop();
                    i += 1;
                }
                _ => return None,
            }
        }
    }
}

/// Reads `"key" :` of an object; returns the offset after the colon.
pub(super) fn json_key(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let i = json_ws(b, json_string(text, i)?.1);
    (b.get(i) == Some(&b':')).then_some(i + 1)
}

/// Reads arguments that start with `[` as BuildKit does: a JSON array of strings is exec
/// form; valid JSON holding anything else is an error; anything that is not JSON is shell form.
pub(super) fn parse_json_args(text: &str) -> JsonArgs {
    let b = text.as_bytes();
    if b.first() != Some(&b'[') {
        return JsonArgs::Invalid;
    }
    let Some(end) = json_skip_value(text, 0) else {
        return JsonArgs::Invalid;
    };
    if json_ws(b, end) != b.len() {
        return JsonArgs::Invalid;
    }
    let mut out = Vec::new();
    let mut i = json_ws(b, 1);
    if b.get(i) == Some(&b']') {
        return JsonArgs::Strings(out);
    }
    loop {
        i = json_ws(b, i);
        let start = i;
        if b.get(i) == Some(&b'"') {
            let Some((value, after)) = json_string(text, i) else {
                return JsonArgs::Invalid;
            };
            out.push((value, start, after));
            i = after;
        } else {
            let end = json_skip_value(text, i).unwrap_or(b.len());
            return JsonArgs::NotStrings(start, end);
        }
        i = json_ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return JsonArgs::Strings(out),
        }
    }
}
