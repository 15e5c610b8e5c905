//! Edits of JSON text that keep it valid: removing members with their commas, inserting
//! members with the indentation of their neighbours. Fixes are built from these.

use crate::input::diagnostic::Edit;
use crate::input::span::Span;
use crate::syntax::value::{Node, Object};

/// Is the text JSON (so that edits may insert JSON members)? Or a Terraform file or
/// CloudFormation template whose resources the lint run is checking ([`inserting_in`]), whose
/// JSON insertions are written in its own syntax afterwards (`iac::edit`)?
pub fn is_json_text(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
        || TRANSLATED.with(|t| t.borrow().contains(&(text.as_ptr() as usize, text.len())))
}

std::thread_local! {
    /// The texts (address, length) whose insertions are translated (see [`inserting_in`]).
    static TRANSLATED: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// While the returned guard lives, edits may insert JSON members into these texts (Terraform
/// files and CloudFormation templates): the lint run turns each such fix into the file's own
/// syntax, or drops it (`iac::edit::translate`).
pub fn inserting_in(texts: &[&str]) -> Inserting {
    TRANSLATED.with(|t| {
        *t.borrow_mut() = texts
            .iter()
            .map(|text| (text.as_ptr() as usize, text.len()))
            .collect();
    });
    Inserting(())
}

/// See [`inserting_in`]; dropping it ends the permission.
pub struct Inserting(());

impl Drop for Inserting {
    fn drop(&mut self) {
        TRANSLATED.with(|t| t.borrow_mut().clear());
    }
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
            // The indentation before the first key, when the key starts its line. Only the
            // whitespace run before the key is scanned, so a one-line document with thousands
            // of objects stays linear.
            let head = text.get(..at)?;
            let indent_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| c == '\n' || !c.is_whitespace())
                .map_or(Some(0), |(i, c)| (c == '\n').then_some(i + 1));
            let separator = match indent_start.and_then(|start| text.get(start..at)) {
                Some(before) => format!("\n{before}"),
                None => " ".to_string(),
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

/// Applies non-overlapping edits to the text under `base` and returns the new text.
pub fn apply_within(text: &str, base: Span, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::input::order::sort_by_key(&mut sorted, |e| e.span.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_members_keeps_json_valid() {
        let text = r#"{"a": 1, "b": 2, "c": 3}"#;
        let parsed = crate::syntax::json::parse(text);
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
            assert_eq!(apply_within(text, root.span, &edits).unwrap(), want);
        }
    }

    #[test]
    fn removing_one_member_keeps_json_valid() {
        for (text, index, want) in [
            ("{\"a\": 1, \"b\": 2}", 0, "{\"b\": 2}"),
            ("{\"a\": 1, \"b\": 2}", 1, "{\"a\": 1}"),
            ("{ \"a\": 1 }", 0, "{}"),
        ] {
            let root = crate::syntax::json::parse(text).root.expect("parses");
            let edit = remove_member(text, &root, index).expect("edit");
            let mut out = text.to_string();
            out.replace_range(edit.span.range(), &edit.content);
            assert_eq!(out, want);
        }
    }

    #[test]
    fn inserting_members() {
        let text = "{\n  \"a\": 1\n}";
        let root = crate::syntax::json::parse(text).root.expect("parses");
        let edit = insert_member(text, &root, "\"b\": true").expect("edit");
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.content);
        assert_eq!(out, "{\n  \"b\": true,\n  \"a\": 1\n}");
    }
}
