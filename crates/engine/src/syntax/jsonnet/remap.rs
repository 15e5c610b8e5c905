//! Points the nodes of evaluated JSON back at the Jsonnet source.

#[allow(unused_imports)]
use super::*;
use crate::input::span::Span;
use crate::syntax::value::{Node, NodeKind};

/// Points every node of a tree read from evaluated JSON at the Jsonnet source: a key at the
/// place the source writes it, a value at its literal when the source holds it, else at its key.
/// What cannot be found points at the start of the file ([`Span::EMPTY`]).
pub fn remap(root: &mut Node, source: &str) {
    remap_node(root, source, 0, Span::EMPTY, 0);
}

fn remap_node(node: &mut Node, src: &str, from: usize, fallback: Span, depth: usize) {
    node.span = fallback;
    if depth > crate::syntax::json::MAX_DEPTH + 8 {
        return;
    }
    match &mut node.kind {
        NodeKind::Object(object) => {
            for member in &mut object.members {
                let key_span = find_member(src, &member.key, &member.value, from)
                    .or_else(|| find_member(src, &member.key, &member.value, 0))
                    .unwrap_or(fallback);
                member.key_span = key_span;
                let next = if key_span == fallback {
                    from
                } else {
                    key_span.end as usize
                };
                remap_node(&mut member.value, src, next, key_span, depth + 1);
            }
        }
        NodeKind::Array(items) => {
            let mut cursor = from;
            for item in items.iter_mut() {
                remap_node(item, src, cursor, fallback, depth + 1);
                let start = match &item.kind {
                    NodeKind::Object(o) => o
                        .members
                        .iter()
                        .map(|m| m.key_span)
                        .find(|s| *s != fallback)
                        .map(|s| s.start as usize),
                    _ => (item.span != fallback).then_some(item.span.start as usize),
                };
                if let Some(start) = start {
                    cursor = cursor.max(start + 1);
                }
            }
        }
        NodeKind::String(value) | NodeKind::Placeholder(value) => {
            if let Some(span) = find_string(src, value, from) {
                node.span = span;
            }
        }
        NodeKind::Number(_, raw) => {
            if let Some(span) = find_word(src, raw, from, 120) {
                node.span = span;
            }
        }
        NodeKind::Bool(b) => {
            let word = if *b { "true" } else { "false" };
            if let Some(span) = find_word(src, word, from, 120) {
                node.span = span;
            }
        }
        NodeKind::Null | NodeKind::Invalid => {}
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the source writes a member: the first place of its key (at or after `from`) followed by
/// its scalar value, else the first place of its key.
fn find_member(src: &str, key: &str, value: &Node, from: usize) -> Option<Span> {
    let literal = match &value.kind {
        NodeKind::String(s) | NodeKind::Placeholder(s) => Some(s.as_str()),
        NodeKind::Number(_, raw) => Some(raw.as_str()),
        NodeKind::Bool(true) => Some("true"),
        NodeKind::Bool(false) => Some("false"),
        _ => None,
    };
    let first = find_key(src, key, from)?;
    let Some(literal) = literal else {
        return Some(first);
    };
    let mut candidate = Some(first);
    let mut tries = 0;
    while let Some(span) = candidate {
        let after = src.get(span.end as usize..).unwrap_or("");
        let after = after.trim_start_matches([' ', '\t']);
        let after = after
            .strip_prefix("+:")
            .unwrap_or(after)
            .trim_start_matches(':')
            .trim_start();
        let bare = after.strip_prefix(['\'', '"']).unwrap_or(after);
        if bare.starts_with(literal) {
            return Some(span);
        }
        tries += 1;
        if tries > 64 {
            break;
        }
        candidate = find_key(src, key, span.end as usize);
    }
    Some(first)
}

/// A key written bare (`family:`) or quoted (`'awslogs-group':`) at or after `from`.
fn find_key(src: &str, key: &str, from: usize) -> Option<Span> {
    if key.is_empty() {
        return None;
    }
    let bytes = src.as_bytes();
    let mut at = from;
    while let Some(found) = src.get(at..).and_then(|rest| rest.find(key)) {
        let start = at + found;
        let end = start + key.len();
        at = end;
        let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        let after = bytes.get(end).copied();
        let (span, rest_from) = match (before, after) {
            (Some(q @ (b'\'' | b'"')), Some(a)) if a == q => {
                (Span::new(start - 1, end + 1), end + 1)
            }
            _ if !before.is_some_and(is_ident_byte) && !after.is_some_and(is_ident_byte) => {
                (Span::new(start, end), end)
            }
            _ => continue,
        };
        let rest = src
            .get(rest_from..)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
        if rest.starts_with(':') || rest.starts_with("+:") {
            return Some(span);
        }
    }
    None
}

/// A string literal holding exactly `value`, at or after `from`.
fn find_string(src: &str, value: &str, from: usize) -> Option<Span> {
    if value.is_empty() || value.contains(['\'', '"', '\\', '\n']) {
        return None;
    }
    ['\'', '"']
        .iter()
        .filter_map(|q| {
            let needle = format!("{q}{value}{q}");
            src.get(from..)?
                .find(&needle)
                .map(|i| Span::new(from + i, from + i + needle.len()))
        })
        .min_by_key(|s| s.start)
}

/// A word (number or keyword) not inside a longer word, within `window` bytes after `from`.
fn find_word(src: &str, word: &str, from: usize, window: usize) -> Option<Span> {
    let bytes = src.as_bytes();
    let end = crate::input::span::floor_char_boundary(src, (from + window).min(src.len()));
    let region = src.get(from..end)?;
    let mut at = 0;
    while let Some(i) = region.get(at..).and_then(|r| r.find(word)) {
        let start = from + at + i;
        let stop = start + word.len();
        at += i + word.len();
        let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        let after = bytes.get(stop).copied();
        if !before.is_some_and(|b| is_ident_byte(b) || b == b'.')
            && !after.is_some_and(|b| is_ident_byte(b) || b == b'.')
        {
            return Some(Span::new(start, stop));
        }
    }
    None
}
