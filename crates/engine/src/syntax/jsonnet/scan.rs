//! What a Jsonnet text names, read from the source without evaluating: natives, external
//! variables, imports.

#[allow(unused_imports)]
use super::*;
use crate::input::span::Span;

/// The native functions a text names with `std.native('NAME')`, each with the span of the name.
pub fn native_calls(text: &str) -> Vec<(String, Span)> {
    quoted_after(text, "std.native(")
}

/// The external variables a text reads with `std.extVar('NAME')`.
pub fn ext_vars(text: &str) -> Vec<String> {
    quoted_after(text, "std.extVar(")
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// The paths a text imports (`import 'x.libsonnet'`, `importstr "y.txt"`, `importbin`), as
/// written, in order, each once.
pub fn imports(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("import") {
        if at > 0
            && bytes
                .get(at - 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            continue;
        }
        let mut i = at + "import".len();
        if text
            .get(i..)
            .is_some_and(|r| r.starts_with("str") || r.starts_with("bin"))
        {
            i += 3;
        }
        let rest = text.get(i..).unwrap_or("");
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !trimmed.starts_with(['\'', '"']) {
            continue;
        }
        let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '\'' | '"')) else {
            continue;
        };
        let body = &trimmed[1..];
        let Some(end) = body.find(quote) else {
            continue;
        };
        let path = &body[..end];
        if !path.is_empty() && !path.contains(['\\', '\n']) && !out.iter().any(|p| p == path) {
            out.push(path.to_string());
        }
    }
    out
}

/// Resolves an import as evaluation does first: next to the importing file (normalised).
pub fn import_path(importer: &str, written: &str) -> String {
    crate::input::paths::resolve(crate::input::paths::folder_of(importer), written)
}

/// Every `prefix 'literal'` of the text (the literal's content and its span, quotes excluded).
fn quoted_after(text: &str, prefix: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(prefix)) {
        let mut at = from + found + prefix.len();
        from = at;
        let rest = text.get(at..).unwrap_or("");
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '\'' | '"')) else {
            continue;
        };
        let body = &trimmed[1..];
        let Some(end) = body.find(quote) else {
            continue;
        };
        let name = &body[..end];
        if name.is_empty() || name.contains(['\\', '\n']) {
            continue;
        }
        out.push((name.to_string(), Span::new(at + 1, at + 1 + end)));
    }
    out
}
