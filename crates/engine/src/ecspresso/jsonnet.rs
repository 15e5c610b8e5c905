//! Jsonnet for ecspresso: configs and definitions written in Jsonnet.
//!
//! - [`plain_literal`] reads a file that is plain data (an object literal with no `local`,
//!   `import`, `std`, operators or calls) straight into the shared [`Node`] tree, with exact spans.
//! - [`evaluate`] runs any other Jsonnet through rsjsonnet-lang (feature `jsonnet`) with
//!   ecspresso's native functions: `std.native('env')(name, default)`,
//!   `std.native('must_env')(name)`, plugin functions such as `std.native('tfstate')(address)`,
//!   and `std.extVar`. Nothing is read from the machine: an unset variable becomes a placeholder
//!   (`{{ must_env `NAME` }}`) that rules treat as unknown, a tfstate address is answered by a
//!   state given to the run, and `import` reads the other inputs of the run.
//! - [`remap`] points the nodes of the evaluated JSON back at the Jsonnet source (by finding each
//!   key and value in it), so findings land on a line of the file the user wrote.

use super::tfstate::TfState;
use crate::span::Span;
use crate::value::{Member, Node, NodeKind, Object};
use std::collections::BTreeMap;

const MAX_DEPTH: usize = 64;

/// What an evaluation may read besides the file itself: the other inputs of the run (for
/// `import`), a Terraform state, environment and external variables. Built from the inputs; no IO.
#[derive(Debug, Default)]
pub struct Env<'a> {
    /// `(normalised path, text)` of every input of the run.
    pub files: Vec<(String, &'a str)>,
    pub tfstate: Option<TfState>,
    pub env: BTreeMap<String, String>,
    pub ext_str: BTreeMap<String, String>,
}

impl<'a> Env<'a> {
    /// The inputs of a lint run; the first input that is a Terraform state answers `tfstate`.
    pub fn from_inputs(inputs: &'a [crate::lint::Input]) -> Env<'a> {
        let tfstate = inputs
            .iter()
            .filter(|i| super::tfstate::is_tfstate(&i.path, &i.text))
            .find_map(|i| TfState::parse(&i.text));
        Env {
            files: inputs
                .iter()
                .map(|i| (super::normalize_path(&i.path), i.text.as_str()))
                .collect(),
            tfstate,
            env: BTreeMap::new(),
            ext_str: BTreeMap::new(),
        }
    }

    /// The inputs of a lint run and the values given for it: what evaluation may read (the
    /// other inputs for imports, a Terraform state, environment and external variables).
    pub fn with_vars(inputs: &'a [crate::lint::Input], vars: &crate::lint::Vars) -> Env<'a> {
        let mut env = Env::from_inputs(inputs);
        env.env.clone_from(&vars.env);
        env.ext_str.clone_from(&vars.ext_str);
        env
    }

    #[cfg_attr(
        not(any(
            all(feature = "jsonnet", not(target_arch = "wasm32")),
            feature = "jsonnet-wasm"
        )),
        allow(dead_code)
    )]
    fn file(&self, path: &str) -> Option<&'a str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| *text)
    }

    /// An imported path as Jsonnet resolves it: next to the importing file, then from the run's
    /// root, then any input whose path ends with it.
    #[cfg_attr(
        not(any(
            all(feature = "jsonnet", not(target_arch = "wasm32")),
            feature = "jsonnet-wasm"
        )),
        allow(dead_code)
    )]
    fn resolve_import(&self, importer: &str, written: &str) -> Option<(String, &'a str)> {
        let beside = super::resolve(super::folder_of(importer), written);
        if let Some(text) = self.file(&beside) {
            return Some((beside, text));
        }
        let plain = super::normalize_path(written);
        if let Some(text) = self.file(&plain) {
            return Some((plain, text));
        }
        let suffix = format!("/{plain}");
        self.files
            .iter()
            .find(|(p, _)| p.ends_with(&suffix))
            .map(|(p, text)| (p.clone(), *text))
    }
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The JSON the file evaluates to, and the values that were placeholders in it.
    Value {
        json: String,
        placeholders: Vec<String>,
    },
    /// The file is not valid Jsonnet (lexing, parsing, unknown variable...).
    Syntax { span: Span, message: String },
    /// Evaluation stopped. `missing_import` names an imported file that is not among the inputs;
    /// `placeholders` lists the unknown values used before the error (the error may come from
    /// them rather than from the file).
    Failed {
        span: Span,
        message: String,
        missing_import: Option<String>,
        placeholders: Vec<String>,
    },
    /// ecsplain was built without the Jsonnet evaluator (feature `jsonnet`).
    Unavailable,
}

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
    super::resolve(super::folder_of(importer), written)
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

/// The number of arguments ecspresso's native functions take (by name without prefix).
#[cfg_attr(
    not(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )),
    allow(dead_code)
)]
fn native_arity(name: &str) -> usize {
    let base = crate::template::base_function(name);
    match base {
        "env" | "cfn_output" | "ssm_list" => 2,
        _ => 1,
    }
}

/// A placeholder for a value ecsplain does not know, in ecspresso's template form so every rule
/// sees an unknown value (never a bad one).
#[cfg_attr(
    not(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )),
    allow(dead_code)
)]
fn placeholder(func: &str, args: &[String]) -> String {
    let mut out = format!("{{{{ {func}");
    for a in args {
        out.push_str(&format!(" `{a}`"));
    }
    out.push_str(" }}");
    out
}

/// Points every node of a tree read from evaluated JSON at the Jsonnet source: a key at the
/// place the source writes it, a value at its literal when the source holds it, else at its key.
/// What cannot be found points at the start of the file ([`Span::EMPTY`]).
pub fn remap(root: &mut Node, source: &str) {
    remap_node(root, source, 0, Span::EMPTY, 0);
}

fn remap_node(node: &mut Node, src: &str, from: usize, fallback: Span, depth: usize) {
    node.span = fallback;
    if depth > crate::json::MAX_DEPTH + 8 {
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
    let end = crate::span::floor_char_boundary(src, (from + window).min(src.len()));
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

/// Evaluates a Jsonnet text, bounded: the evaluator's call stack is limited, and a text nested
/// deeper than [`MAX_NESTING`] is not evaluated (parts of the evaluator recurse on the machine
/// stack for nested objects). Never panics on any text.
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
pub fn evaluate(path: &str, text: &str, env: &Env<'_>) -> Outcome {
    if let Some(at) = too_deep(text) {
        return Outcome::Syntax {
            span: Span::new(at, at + 1),
            message: format!("nesting deeper than {MAX_NESTING} levels is not evaluated"),
        };
    }
    eval::evaluate(path, text, env)
}

/// The deepest nesting of brackets, braces and parentheses evaluated.
pub const MAX_NESTING: usize = 200;

/// The offset of the bracket that nests deeper than [`MAX_NESTING`], skipping strings and
/// comments (roughly: a text block counts its brackets, which only errs on the safe side).
#[cfg_attr(
    not(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )),
    allow(dead_code)
)]
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            b'\'' | b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c == b'\\' {
                        i += 1;
                    } else if c == b {
                        break;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while bytes.get(i).is_some()
                    && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/'))
                {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Without the built-in evaluator (the page's wasm32 build, or a build without the feature
/// `jsonnet`), the evaluator given by [`set_external`] evaluates; with none given, nothing is
/// evaluated and callers report EP010.
#[cfg(not(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
)))]
pub fn evaluate(path: &str, text: &str, env: &Env<'_>) -> Outcome {
    match EXTERNAL.get() {
        Some(external) => evaluate_via(*external, path, text, env),
        None => Outcome::Unavailable,
    }
}

/// An evaluator given at run time: a function from a request (JSON, see [`request`]) to a
/// response (JSON, see [`answer`]). The page's engine has no built-in evaluator (it would grow
/// the first download by about 121 KB of brotli): the page loads a second wasm module, built
/// from crates/jsonnet-wasm with the built-in evaluator, when a project holds a Jsonnet file,
/// and gives its `evaluate` export here.
static EXTERNAL: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Gives a build without the built-in evaluator an external one (see [`EXTERNAL`]). The first
/// call wins; returns whether this call's function was taken. A build with the built-in
/// evaluator keeps using it.
pub fn set_external(evaluate: fn(&str) -> String) -> bool {
    EXTERNAL.set(evaluate).is_ok()
}

/// Whether [`evaluate`] can evaluate: the built-in evaluator, or one given by [`set_external`].
pub fn available() -> bool {
    cfg!(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )) || EXTERNAL.get().is_some()
}

/// Evaluates through an evaluator that takes and gives JSON text: the request is [`request`],
/// the response is read by [`read_response`]. Same [`Outcome`] as the built-in evaluator.
pub fn evaluate_via(
    external: fn(&str) -> String,
    path: &str,
    text: &str,
    env: &Env<'_>,
) -> Outcome {
    read_response(&external(&request(path, text, env)), text)
}

/// The request for an external evaluator: `{"path", "text", "files": [[path, text]...], "env":
/// {..}, "ext_str": {..}}`. `files` holds the inputs evaluation may read: the files the text
/// imports, directly or through other imports, and the Terraform states; the evaluator rebuilds
/// [`Env`] from them as [`Env::from_inputs`] does (the first state answers `tfstate`).
pub fn request(path: &str, text: &str, env: &Env<'_>) -> String {
    // The files evaluation can reach: what the text imports, what those import, and so on, as
    // the evaluator resolves them; and the Terraform states.
    let mut wanted: Vec<&str> = Vec::new();
    let mut queue: Vec<(String, &str)> = vec![(super::normalize_path(path), text)];
    while let Some((importer, source)) = queue.pop() {
        if wanted.len() > env.files.len() {
            break;
        }
        for written in imports(source) {
            if let Some((resolved, imported)) = env.resolve_import(&importer, &written) {
                if let Some((p, _)) = env.files.iter().find(|(p, _)| *p == resolved) {
                    if !wanted.contains(&p.as_str()) {
                        wanted.push(p.as_str());
                        if super::Format::from_path(p) == super::Format::Jsonnet {
                            queue.push((resolved, imported));
                        }
                    }
                }
            }
        }
    }
    let files = env
        .files
        .iter()
        .filter(|(p, t)| wanted.contains(&p.as_str()) || super::tfstate::is_tfstate(p, t));
    // Written by hand: the page's wasm carries this code, and serde's generic serialisers for
    // these shapes cost more there than this does.
    let mut out = String::with_capacity(text.len() + 256);
    out.push_str("{\"path\":");
    json_string(&mut out, path);
    out.push_str(",\"text\":");
    json_string(&mut out, text);
    out.push_str(",\"files\":[");
    let mut first = true;
    for (p, t) in files {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        out.push('[');
        json_string(&mut out, p);
        out.push(',');
        json_string(&mut out, t);
        out.push(']');
    }
    out.push(']');
    for (key, map) in [("env", &env.env), ("ext_str", &env.ext_str)] {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":{");
        for (i, (name, value)) in map.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_string(&mut out, name);
            out.push(':');
            json_string(&mut out, value);
        }
        out.push('}');
    }
    out.push('}');
    out
}

/// A JSON string literal.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An [`Outcome`] as the JSON an external evaluator answers.
pub fn response(outcome: &Outcome) -> String {
    use serde_json::json;
    match outcome {
        Outcome::Value { json, placeholders } => {
            json!({"kind": "value", "json": json, "placeholders": placeholders})
        }
        Outcome::Syntax { span, message } => json!({
            "kind": "syntax", "start": span.start, "end": span.end, "message": message,
        }),
        Outcome::Failed {
            span,
            message,
            missing_import,
            placeholders,
        } => json!({
            "kind": "failed", "start": span.start, "end": span.end, "message": message,
            "missing_import": missing_import, "placeholders": placeholders,
        }),
        Outcome::Unavailable => json!({"kind": "unavailable"}),
    }
    .to_string()
}

/// Reads an external evaluator's response (see [`response`]) for the file `text`. Spans are
/// kept inside the text and on character boundaries whatever the response says; a response
/// that cannot be read is [`Outcome::Unavailable`].
pub fn read_response(response: &str, text: &str) -> Outcome {
    // The engine's own JSON reader: the page carries it anyway (not serde_json's deserializer).
    let Some(serde_json::Value::Object(r)) = crate::json::to_value(response) else {
        return Outcome::Unavailable;
    };
    let string = |key: &str| r.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let strings = |key: &str| -> Vec<String> {
        r.get(key)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let span = || {
        let at = |key: &str| {
            let n = r.get(key).and_then(serde_json::Value::as_u64).unwrap_or(0);
            let n = usize::try_from(n).unwrap_or(usize::MAX).min(text.len());
            crate::span::floor_char_boundary(text, n)
        };
        let start = at("start");
        Span::new(start, at("end").max(start))
    };
    match r.get("kind").and_then(|k| k.as_str()) {
        Some("value") => match string("json") {
            Some(json) => Outcome::Value {
                json,
                placeholders: strings("placeholders"),
            },
            None => Outcome::Unavailable,
        },
        Some("syntax") => Outcome::Syntax {
            span: span(),
            message: string("message").unwrap_or_default(),
        },
        Some("failed") => Outcome::Failed {
            span: span(),
            message: string("message").unwrap_or_default(),
            missing_import: string("missing_import"),
            placeholders: strings("placeholders"),
        },
        _ => Outcome::Unavailable,
    }
}

/// The external evaluator's side: answers a [`request`] with the built-in evaluator (the
/// page's Jsonnet module calls this). A request that cannot be read is answered
/// [`Outcome::Unavailable`]. Never panics.
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
pub fn answer(request: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Request {
        path: String,
        text: String,
        #[serde(default)]
        files: Vec<(String, String)>,
        #[serde(default)]
        env: BTreeMap<String, String>,
        #[serde(default)]
        ext_str: BTreeMap<String, String>,
    }
    let Ok(request) = serde_json::from_str::<Request>(request) else {
        return response(&Outcome::Unavailable);
    };
    let tfstate = request
        .files
        .iter()
        .filter(|(p, t)| super::tfstate::is_tfstate(p, t))
        .find_map(|(_, t)| TfState::parse(t));
    let env = Env {
        files: request
            .files
            .iter()
            .map(|(p, t)| (super::normalize_path(p), t.as_str()))
            .collect(),
        tfstate,
        env: request.env,
        ext_str: request.ext_str,
    };
    response(&evaluate(&request.path, &request.text, &env))
}

#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
mod eval {
    use super::{native_arity, placeholder, Env, Outcome};
    use crate::span::Span;
    use rsjsonnet_lang::arena::Arena;
    use rsjsonnet_lang::interner::InternedStr;
    use rsjsonnet_lang::program::{
        Callbacks, EvalError, EvalErrorKind, EvalErrorValueType, EvalStackTraceItem, ImportError,
        LoadError, NativeError, Program, Thunk, Value,
    };
    use rsjsonnet_lang::span::{SpanContextId, SpanId};
    use std::collections::{BTreeSet, HashMap};

    /// The Jsonnet call stack (functions calling functions); deeper is an error, not a crash.
    const MAX_STACK: usize = 400;

    struct Files<'e, 'a, 'p> {
        env: &'e Env<'a>,
        /// Loaded sources: span context, path, text.
        contexts: Vec<(SpanContextId, String, &'a str)>,
        cache: HashMap<String, Thunk<'p>>,
        placeholders: Vec<String>,
        missing_import: Option<String>,
        /// An imported file that failed to load: its path and the error's message.
        import_error: Option<(String, String)>,
    }

    impl<'p> Callbacks<'p> for Files<'_, '_, 'p> {
        fn import(
            &mut self,
            program: &mut Program<'p>,
            from: SpanId,
            path: &str,
        ) -> Result<Thunk<'p>, ImportError> {
            let (ctx, _, _) = program.span_manager().get_span(from);
            let importer = self
                .contexts
                .iter()
                .find(|(c, _, _)| *c == ctx)
                .map(|(_, p, _)| p.clone())
                .unwrap_or_default();
            let Some((resolved, text)) = self.env.resolve_import(&importer, path) else {
                self.missing_import = Some(path.to_string());
                return Err(ImportError);
            };
            if let Some(thunk) = self.cache.get(&resolved) {
                return Ok(thunk.clone());
            }
            let (ctx, _) = program.span_manager_mut().insert_source_context(text.len());
            self.contexts.push((ctx, resolved.clone(), text));
            match program.load_source(ctx, text.as_bytes(), true, &resolved) {
                Ok(thunk) => {
                    self.cache.insert(resolved, thunk.clone());
                    Ok(thunk)
                }
                Err(e) => {
                    let (_, message) = load_error(program, &e);
                    self.import_error = Some((resolved, message));
                    Err(ImportError)
                }
            }
        }

        fn import_str(
            &mut self,
            program: &mut Program<'p>,
            from: SpanId,
            path: &str,
        ) -> Result<String, ImportError> {
            let (ctx, _, _) = program.span_manager().get_span(from);
            let importer = self
                .contexts
                .iter()
                .find(|(c, _, _)| *c == ctx)
                .map(|(_, p, _)| p.clone())
                .unwrap_or_default();
            match self.env.resolve_import(&importer, path) {
                Some((_, text)) => Ok(text.to_string()),
                None => {
                    self.missing_import = Some(path.to_string());
                    Err(ImportError)
                }
            }
        }

        fn import_bin(
            &mut self,
            program: &mut Program<'p>,
            from: SpanId,
            path: &str,
        ) -> Result<Vec<u8>, ImportError> {
            self.import_str(program, from, path).map(String::into_bytes)
        }

        fn trace(&mut self, _: &mut Program<'p>, _: &str, _: &[EvalStackTraceItem]) {}

        fn native_call(
            &mut self,
            program: &mut Program<'p>,
            name: InternedStr<'p>,
            args: &[Value<'p>],
        ) -> Result<Value<'p>, NativeError> {
            let name = name.value();
            let text: Vec<String> = args.iter().map(arg_text).collect();
            let first = text.first().cloned().unwrap_or_default();
            // A lookup given by key (`tfstate:aws_lb.web.arn`), as for template calls.
            if !matches!(name, "env" | "must_env") {
                if let Some(v) = self.env.env.get(&format!("{name}:{}", text.join(" "))) {
                    return Ok(Value::string(v));
                }
            }
            let value = match crate::template::base_function(name) {
                _ if name == "env" => match self.env.env.get(&first) {
                    Some(v) => Value::string(v),
                    // ecspresso's env(name, default): the default, whatever its type.
                    None => args.get(1).cloned().unwrap_or_else(|| Value::string("")),
                },
                _ if name == "must_env" => match self.env.env.get(&first) {
                    Some(v) => Value::string(v),
                    None => self.unknown(name, &text),
                },
                "tfstate" => match self.env.tfstate.as_ref().and_then(|s| s.lookup(&first)) {
                    Some(v) => Value::string(&v),
                    None => self.unknown(name, &text),
                },
                "tfstatef" => {
                    let (format, rest) = text.split_first().unwrap_or((&first, &[]));
                    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
                    let address = super::super::tfstate::format_address(format, &rest);
                    match self.env.tfstate.as_ref().and_then(|s| s.lookup(&address)) {
                        Some(v) => Value::string(&v),
                        None => self.unknown(name, &text),
                    }
                }
                _ => self.unknown(name, &text),
            };
            let _ = program;
            Ok(value)
        }
    }

    impl<'p> Files<'_, '_, 'p> {
        fn unknown(&mut self, name: &str, args: &[String]) -> Value<'p> {
            let p = placeholder(name, args);
            if !self.placeholders.contains(&p) {
                self.placeholders.push(p.clone());
            }
            Value::string(&p)
        }
    }

    fn arg_text(value: &Value<'_>) -> String {
        if let Some(s) = value.to_string() {
            s
        } else if let Some(n) = value.as_number() {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                format!("{n:.0}")
            } else {
                n.to_string()
            }
        } else if let Some(b) = value.as_bool() {
            b.to_string()
        } else {
            String::new()
        }
    }

    pub(super) fn evaluate(path: &str, text: &str, env: &Env<'_>) -> Outcome {
        let arena = Arena::new();
        let mut program = Program::new(&arena);
        program.set_max_stack(MAX_STACK);
        let path = crate::ecspresso::normalize_path(path);

        // Natives and external variables are registered before evaluation: every name any
        // input of the run asks for (registering one twice would panic, hence the sets).
        let mut natives = BTreeSet::new();
        let mut ext = BTreeSet::new();
        for source in std::iter::once(text).chain(env.files.iter().map(|(_, t)| *t)) {
            for (name, _) in super::native_calls(source) {
                natives.insert(name);
            }
            for name in super::ext_vars(source) {
                ext.insert(name);
            }
        }
        for name in ["env", "must_env", "tfstate"] {
            natives.insert(name.to_string());
        }
        let params: Vec<InternedStr<'_>> = (0..4)
            .map(|i| program.intern_str(&format!("arg{i}")))
            .collect();
        for name in &natives {
            let arity = native_arity(name).min(params.len());
            let interned = program.intern_str(name);
            program.register_native_func(interned, params.get(..arity).unwrap_or(&[]));
        }
        let mut placeholders = Vec::new();
        for name in &ext {
            let value = match env.ext_str.get(name) {
                Some(v) => v.clone(),
                None => {
                    let p = placeholder("extVar", std::slice::from_ref(name));
                    placeholders.push(p.clone());
                    p
                }
            };
            let thunk = program.value_to_thunk(&Value::string(&value));
            let interned = program.intern_str(name);
            program.add_ext_var(interned, &thunk);
        }

        let (main_ctx, _) = program.span_manager_mut().insert_source_context(text.len());
        let thunk = match program.load_source(main_ctx, text.as_bytes(), true, &path) {
            Ok(thunk) => thunk,
            Err(e) => {
                let (span, message) = load_error(&program, &e);
                return Outcome::Syntax {
                    span: local_span(&program, span, main_ctx, text),
                    message,
                };
            }
        };
        let mut files = Files {
            env,
            contexts: vec![(main_ctx, path.clone(), text)],
            cache: HashMap::new(),
            placeholders: Vec::new(),
            missing_import: None,
            import_error: None,
        };
        let result = program
            .eval_value(&thunk, &mut files)
            .and_then(|value| program.manifest_json(&value, true));
        // Placeholders from external variables count only when the file read them.
        let used_ext: Vec<String> = placeholders
            .into_iter()
            .filter(|p| files.placeholders.contains(p) || text.contains("extVar"))
            .collect();
        let mut all = used_ext;
        for p in std::mem::take(&mut files.placeholders) {
            if !all.contains(&p) {
                all.push(p);
            }
        }
        match result {
            Ok(json) => Outcome::Value {
                json,
                placeholders: all,
            },
            Err(error) => {
                let (span, mut message) = eval_error(&error);
                if let Some((file, why)) = files.import_error.take() {
                    message = format!("`{file}` is not valid Jsonnet: {why}");
                }
                let span = span
                    .filter(|s| program.span_manager().get_span(*s).0 == main_ctx)
                    .or_else(|| trace_span(&program, &error, main_ctx));
                Outcome::Failed {
                    span: span.map_or(Span::EMPTY, |s| {
                        local_span(&program, Some(s), main_ctx, text)
                    }),
                    message,
                    missing_import: files.missing_import.take(),
                    placeholders: all,
                }
            }
        }
    }

    /// The first place of the stack trace that lies in the main file.
    fn trace_span(program: &Program<'_>, error: &EvalError, main: SpanContextId) -> Option<SpanId> {
        error.stack_trace.iter().find_map(|item| {
            let span = match item {
                EvalStackTraceItem::Expr { span }
                | EvalStackTraceItem::Variable { span, .. }
                | EvalStackTraceItem::Import { span } => Some(*span),
                EvalStackTraceItem::Call { span, .. }
                | EvalStackTraceItem::ArrayItem { span, .. }
                | EvalStackTraceItem::ObjectField { span, .. } => *span,
                _ => None,
            }?;
            (program.span_manager().get_span(span).0 == main).then_some(span)
        })
    }

    /// A span of the main file's text, on character boundaries; the file's start otherwise.
    fn local_span(
        program: &Program<'_>,
        span: Option<SpanId>,
        main: SpanContextId,
        text: &str,
    ) -> Span {
        let Some(span) = span else {
            return Span::EMPTY;
        };
        let (ctx, start, end) = program.span_manager().get_span(span);
        if ctx != main {
            return Span::EMPTY;
        }
        let start = crate::span::floor_char_boundary(text, start.min(text.len()));
        let end = crate::span::floor_char_boundary(text, end.min(text.len())).max(start);
        Span::new(start, end)
    }

    fn type_name(t: EvalErrorValueType) -> &'static str {
        match t {
            EvalErrorValueType::Null => "null",
            EvalErrorValueType::Bool => "boolean",
            EvalErrorValueType::Number => "number",
            EvalErrorValueType::String => "string",
            EvalErrorValueType::Array => "array",
            EvalErrorValueType::Object => "object",
            EvalErrorValueType::Function => "function",
        }
    }

    fn load_error(program: &Program<'_>, error: &LoadError) -> (Option<SpanId>, String) {
        use rsjsonnet_lang::lexer::LexError as L;
        use rsjsonnet_lang::parser::ParseError as P;
        use rsjsonnet_lang::program::AnalyzeError as A;
        let _ = program;
        match error {
            LoadError::Lex(e) => match e {
                L::InvalidChar { span, chr } => {
                    (Some(*span), format!("unexpected character `{chr}`"))
                }
                L::InvalidUtf8 { span, .. } => (Some(*span), "bytes that are not UTF-8".into()),
                L::UnfinishedMultilineComment { span } => {
                    (Some(*span), "this `/*` comment is never closed".into())
                }
                L::UnfinishedString { span } => (Some(*span), "this string is never closed".into()),
                L::InvalidEscapeInString { span, chr } => {
                    (Some(*span), format!("`\\{chr}` is not a string escape"))
                }
                L::LeadingZeroInNumber { span }
                | L::MissingFracDigits { span }
                | L::MissingExpDigits { span }
                | L::MissingDigitAfterUnderscore { span }
                | L::ExpOverflow { span } => (Some(*span), "this number is malformed".into()),
                L::IncompleteUnicodeEscape { span }
                | L::InvalidUtf16EscapeSequence { span, .. } => {
                    (Some(*span), "this `\\u` escape is malformed".into())
                }
                L::MissingLineBreakAfterTextBlockStart { span }
                | L::MissingWhitespaceTextBlockStart { span }
                | L::InvalidTextBlockTermination { span } => {
                    (Some(*span), "this `|||` text block is malformed".into())
                }
            },
            LoadError::Parse(P::Expected {
                span,
                expected,
                instead,
            }) => {
                let what = match instead {
                    rsjsonnet_lang::parser::ActualToken::EndOfFile => {
                        "the end of the file".to_string()
                    }
                    rsjsonnet_lang::parser::ActualToken::Ident(i) => format!("`{i}`"),
                    rsjsonnet_lang::parser::ActualToken::Simple(k) => {
                        format!("`{}`", token_str(*k))
                    }
                    rsjsonnet_lang::parser::ActualToken::OtherOp(op) => format!("`{op}`"),
                    rsjsonnet_lang::parser::ActualToken::Number => "a number".into(),
                    rsjsonnet_lang::parser::ActualToken::String => "a string".into(),
                    rsjsonnet_lang::parser::ActualToken::TextBlock => "a text block".into(),
                };
                let wanted: Vec<String> = expected
                    .iter()
                    .take(6)
                    .map(|t| match t {
                        rsjsonnet_lang::parser::ExpectedToken::EndOfFile => {
                            "the end of the file".to_string()
                        }
                        rsjsonnet_lang::parser::ExpectedToken::Simple(k) => {
                            format!("`{}`", token_str(*k))
                        }
                        rsjsonnet_lang::parser::ExpectedToken::Ident => "a name".into(),
                        rsjsonnet_lang::parser::ExpectedToken::Number => "a number".into(),
                        rsjsonnet_lang::parser::ExpectedToken::String => "a string".into(),
                        rsjsonnet_lang::parser::ExpectedToken::TextBlock => "a text block".into(),
                        rsjsonnet_lang::parser::ExpectedToken::Expr => "an expression".into(),
                        rsjsonnet_lang::parser::ExpectedToken::BinaryOp => "an operator".into(),
                    })
                    .collect();
                (
                    Some(*span),
                    format!("expected {}, found {what}", wanted.join(" or ")),
                )
            }
            LoadError::Analyze(e) => match e {
                A::UnknownVariable { span, name } => {
                    (Some(*span), format!("unknown variable `{name}`"))
                }
                A::SelfOutsideObject { self_span } => {
                    (Some(*self_span), "`self` outside an object".into())
                }
                A::SuperOutsideObject { super_span } => {
                    (Some(*super_span), "`super` outside an object".into())
                }
                A::DollarOutsideObject { dollar_span } => {
                    (Some(*dollar_span), "`$` outside an object".into())
                }
                A::RepeatedLocalName {
                    repeated_span,
                    name,
                    ..
                } => (Some(*repeated_span), format!("`{name}` is declared twice")),
                A::RepeatedFieldName {
                    repeated_span,
                    name,
                    ..
                } => (
                    Some(*repeated_span),
                    format!("the field `{name}` is written twice"),
                ),
                A::RepeatedParamName {
                    repeated_span,
                    name,
                    ..
                } => (
                    Some(*repeated_span),
                    format!("the parameter `{name}` is written twice"),
                ),
                A::PositionalArgAfterNamed { arg_span } => (
                    Some(*arg_span),
                    "a positional argument after a named one".into(),
                ),
                A::TextBlockAsImportPath { span } | A::ComputedImportPath { span } => (
                    Some(*span),
                    "an import path must be a plain string literal".into(),
                ),
            },
        }
    }

    fn eval_error(error: &EvalError) -> (Option<SpanId>, String) {
        use EvalErrorKind as K;
        match &error.kind {
            K::StackOverflow => (None, "the evaluation went too deep (stack overflow)".into()),
            K::InfiniteRecursion => (None, "a value is defined in terms of itself".into()),
            K::InvalidIndexedType { span, got_type } => (
                Some(*span),
                format!("a {} cannot be indexed", type_name(*got_type)),
            ),
            K::NumericIndexOutOfRange {
                span,
                index,
                length,
            } => (
                Some(*span),
                format!("index {index} is out of range (length {length})"),
            ),
            K::UnknownObjectField { span, field_name } => (
                Some(*span),
                format!("the object has no field `{field_name}`"),
            ),
            K::FieldOfNonObject { span } => (
                Some(*span),
                "a field of something that is not an object".into(),
            ),
            K::CondIsNotBool { span, got_type } => (
                Some(*span),
                format!("the condition is a {}, not a boolean", type_name(*got_type)),
            ),
            K::CalleeIsNotFunction { span, got_type } => (
                *span,
                format!("a {} is called as a function", type_name(*got_type)),
            ),
            K::TooManyCallArgs { span, num_params } => (
                *span,
                format!("too many arguments (the function takes {num_params})"),
            ),
            K::CallParamNotBound { span, param_name } => {
                (*span, format!("the argument `{param_name}` is missing"))
            }
            K::InvalidBinaryOpTypes {
                span,
                op,
                lhs_type,
                rhs_type,
            } => (
                *span,
                format!(
                    "`{}` cannot combine a {} and a {}",
                    op_str(*op),
                    type_name(*lhs_type),
                    type_name(*rhs_type)
                ),
            ),
            K::InvalidStdFuncArgType {
                func_name,
                got_type,
                ..
            } => (
                None,
                format!("`std.{func_name}` got a {}", type_name(*got_type)),
            ),
            K::AssertFailed { span, message } => (
                Some(*span),
                match message {
                    Some(m) => format!("assertion failed: {m}"),
                    None => "assertion failed".into(),
                },
            ),
            K::ExplicitError { span, message } => (Some(*span), format!("error: {message}")),
            K::ImportFailed { span, path } => (Some(*span), format!("cannot import `{path}`")),
            K::UnknownExtVar { name } => {
                (None, format!("the external variable `{name}` is not set"))
            }
            K::ManifestFunction => (None, "a function cannot be turned into JSON".into()),
            K::Other { span, message } => (*span, message.clone()),
            other => (None, format!("evaluation failed ({})", short_kind(other))),
        }
    }

    fn token_str(k: rsjsonnet_lang::token::STokenKind) -> &'static str {
        use rsjsonnet_lang::token::STokenKind as T;
        match k {
            T::Assert => "assert",
            T::Else => "else",
            T::Error => "error",
            T::False => "false",
            T::For => "for",
            T::Function => "function",
            T::If => "if",
            T::Import => "import",
            T::Importstr => "importstr",
            T::Importbin => "importbin",
            T::In => "in",
            T::Local => "local",
            T::Null => "null",
            T::Tailstrict => "tailstrict",
            T::Then => "then",
            T::Self_ => "self",
            T::Super => "super",
            T::True => "true",
            T::Exclam => "!",
            T::ExclamEq => "!=",
            T::Dollar => "$",
            T::Percent => "%",
            T::Amp => "&",
            T::AmpAmp => "&&",
            T::LeftParen => "(",
            T::RightParen => ")",
            T::Asterisk => "*",
            T::Plus => "+",
            T::PlusColon => "+:",
            T::PlusColonColon => "+::",
            T::PlusColonColonColon => "+:::",
            T::Comma => ",",
            T::Minus => "-",
            T::Dot => ".",
            T::Slash => "/",
            T::Colon => ":",
            T::ColonColon => "::",
            T::ColonColonColon => ":::",
            T::Semicolon => ";",
            T::Lt => "<",
            T::LtLt => "<<",
            T::LtEq => "<=",
            T::Eq => "=",
            T::EqEq => "==",
            T::Gt => ">",
            T::GtEq => ">=",
            T::GtGt => ">>",
            T::LeftBracket => "[",
            T::RightBracket => "]",
            T::Hat => "^",
            T::LeftBrace => "{",
            T::Pipe => "|",
            T::PipePipe => "||",
            T::RightBrace => "}",
            T::Tilde => "~",
        }
    }

    fn op_str(op: rsjsonnet_lang::ast::BinaryOp) -> &'static str {
        use rsjsonnet_lang::ast::BinaryOp as B;
        match op {
            B::Add => "+",
            B::Sub => "-",
            B::Mul => "*",
            B::Div => "/",
            B::Rem => "%",
            B::Shl => "<<",
            B::Shr => ">>",
            B::Lt => "<",
            B::Le => "<=",
            B::Gt => ">",
            B::Ge => ">=",
            B::Eq => "==",
            B::Ne => "!=",
            B::In => "in",
            B::BitwiseAnd => "&",
            B::BitwiseOr => "|",
            B::BitwiseXor => "^",
            B::LogicAnd => "&&",
            B::LogicOr => "||",
        }
    }

    /// The variant's name, for the rare errors without their own message.
    fn short_kind(kind: &EvalErrorKind) -> String {
        let debug = format!("{kind:?}");
        debug
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("error")
            .to_string()
    }
}

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
                let n = t.parse::<f64>().ok()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_objects_are_read() {
        let text = "{\n  region: 'ap-northeast-1', // c\n  \"cluster\": \"x\",\n  timeout: '10m0s',\n  plugins: [{ name: 'tfstate', config: { path: 'a' } },],\n}\n";
        let node = plain_literal(text).unwrap();
        assert_eq!(node.get_str("region"), Some("ap-northeast-1"));
        assert_eq!(node.member("region").unwrap().key_span.text(text), "region");
        assert_eq!(
            node.pointer("/plugins/0/name").unwrap().as_str(),
            Some("tfstate")
        );
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    fn eval_json(text: &str, env: &Env<'_>) -> serde_json::Value {
        match evaluate("ecs/td.jsonnet", text, env) {
            Outcome::Value { json, .. } => serde_json::from_str(&json).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn natives_give_values_or_placeholders() {
        let text = "local env = std.native('env');\nlocal must_env = std.native('must_env');\n{\n  cpu: env('CPU', '256'),\n  mem: env('MEM', 512),\n  image: must_env('IMAGE'),\n  role: std.native('tfstate')('aws_iam_role.x.arn'),\n  sg: std.native('net_cfn_output')('stack', 'Sg'),\n  tag: std.extVar('TAG'),\n  known: std.extVar('KNOWN'),\n}";
        let mut env = Env::default();
        env.ext_str.insert("KNOWN".into(), "v1".into());
        let v = eval_json(text, &env);
        assert_eq!(v["cpu"], "256");
        assert_eq!(v["mem"], 512);
        assert_eq!(v["image"], "{{ must_env `IMAGE` }}");
        assert_eq!(v["role"], "{{ tfstate `aws_iam_role.x.arn` }}");
        assert_eq!(v["sg"], "{{ net_cfn_output `stack` `Sg` }}");
        assert_eq!(v["tag"], "{{ extVar `TAG` }}");
        assert_eq!(v["known"], "v1");
        for key in ["image", "role", "sg", "tag"] {
            assert!(crate::value::is_placeholder_text(v[key].as_str().unwrap()));
        }
        env.env.insert("IMAGE".into(), "nginx:1".into());
        env.env.insert("CPU".into(), "1024".into());
        env.tfstate = super::super::tfstate::TfState::parse(
            r#"{"version":4,"terraform_version":"1.9.0","resources":[{"mode":"managed","type":"aws_iam_role","name":"x","instances":[{"attributes":{"arn":"arn:aws:iam::1:role/x"}}]}]}"#,
        );
        let v = eval_json(text, &env);
        assert_eq!(v["image"], "nginx:1");
        assert_eq!(v["cpu"], "1024");
        assert_eq!(v["role"], "arn:aws:iam::1:role/x");
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn imports_read_the_other_inputs() {
        let lib = "{ essential: true, image: importstr 'image.txt' }";
        let env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), lib),
                ("ecs/lib/image.txt".into(), "nginx:1.27"),
            ],
            ..Env::default()
        };
        let v = eval_json(
            "local c = import 'lib/c.libsonnet'; { containerDefinitions: [c { name: 'a' }] }",
            &env,
        );
        assert_eq!(v["containerDefinitions"][0]["image"], "nginx:1.27");
        assert_eq!(v["containerDefinitions"][0]["name"], "a");
        match evaluate(
            "ecs/td.jsonnet",
            "local c = import 'missing.libsonnet'; c",
            &env,
        ) {
            Outcome::Failed {
                missing_import,
                span,
                ..
            } => {
                assert_eq!(missing_import.as_deref(), Some("missing.libsonnet"));
                assert_eq!(span, Span::new(10, 36));
            }
            other => panic!("{other:?}"),
        }
        // An import cycle is an error, not a hang.
        let env = Env {
            files: vec![("ecs/a.libsonnet".into(), "import 'a.libsonnet'")],
            ..Env::default()
        };
        assert!(matches!(
            evaluate("ecs/td.jsonnet", "import 'a.libsonnet'", &env),
            Outcome::Failed { .. }
        ));
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn errors_point_at_the_source() {
        let env = Env::default();
        let text = "{\n  a: 1,\n  b: nope,\n}";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Syntax { span, message } => {
                assert_eq!(span.text(text), "nope");
                assert!(message.contains("nope"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let text = "local o = { a: 1 };\n{ b: o.c }";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Failed {
                span,
                message,
                placeholders,
                ..
            } => {
                assert!(span.text(text).contains("o.c"), "{span:?}");
                assert!(message.contains('c'), "{message}");
                assert!(placeholders.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let text = "{ cpu: std.parseInt(std.native('must_env')('CPU')) }";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Failed { placeholders, .. } => {
                assert_eq!(placeholders, ["{{ must_env `CPU` }}"]);
            }
            other => panic!("{other:?}"),
        }
    }

    /// Deep nesting and runaway recursion end as findings, within a small machine stack (the
    /// page runs in wasm32 with a 1 MiB stack).
    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn deep_inputs_do_not_overflow_the_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                let env = Env::default();
                let open = "[".repeat(20_000);
                let _ = evaluate("x.jsonnet", &open, &env);
                let closed = format!("{open}{}", "]".repeat(20_000));
                let _ = evaluate("x.jsonnet", &closed, &env);
                let objects = format!("{}{}", "{a:".repeat(5_000), "}".repeat(5_000));
                let _ = evaluate("x.jsonnet", &objects, &env);
                let built = "local f(n) = if n == 0 then {} else { a: f(n - 1) }; f(5000)";
                let _ = evaluate("x.jsonnet", built, &env);
                let built = "local f(n) = if n == 0 then [] else [f(n - 1)]; f(5000)";
                let _ = evaluate("x.jsonnet", built, &env);
                let recursion = "local f(n) = f(n + 1) + 1; f(0)";
                assert!(matches!(
                    evaluate("x.jsonnet", recursion, &env),
                    Outcome::Failed { .. }
                ));
                let text = format!("{{ a: {closed} }}");
                if let Outcome::Value { json, .. } = evaluate("x.jsonnet", &text, &env) {
                    let mut root = crate::json::parse(&json).root.unwrap();
                    remap(&mut root, &text);
                }
            })
            .unwrap();
        assert!(handle.join().is_ok());
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn evaluated_nodes_point_at_the_source() {
        let text = "local c = { name: 'web', essential: true };\n{\n  family: 'app',\n  containerDefinitions: [\n    c { image: 'nginx' },\n    c { name: 'side', image: 'envoy' },\n  ],\n}\n";
        let json = match evaluate("td.jsonnet", text, &Env::default()) {
            Outcome::Value { json, .. } => json,
            other => panic!("{other:?}"),
        };
        let mut root = crate::json::parse(&json).root.unwrap();
        remap(&mut root, text);
        assert_eq!(root.member("family").unwrap().key_span.text(text), "family");
        assert_eq!(root.get("family").unwrap().span.text(text), "'app'");
        let second = root.pointer("/containerDefinitions/1/name").unwrap();
        assert_eq!(second.span.text(text), "'side'");
        let image = root.pointer("/containerDefinitions/1/image").unwrap();
        assert_eq!(image.span.text(text), "'envoy'");
        // Spans are always inside the text.
        fn check(node: &Node, text: &str) {
            assert!(text.get(node.span.range()).is_some());
            match &node.kind {
                NodeKind::Object(o) => o.members.iter().for_each(|m| {
                    assert!(text.get(m.key_span.range()).is_some());
                    check(&m.value, text);
                }),
                NodeKind::Array(items) => items.iter().for_each(|i| check(i, text)),
                _ => {}
            }
        }
        check(&root, text);
    }

    /// The page evaluates through a second wasm module: request, the built-in evaluator there,
    /// response. Whatever side evaluates, the outcome is the same.
    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn the_external_path_gives_the_same_outcomes() {
        let state = r#"{"version":4,"terraform_version":"1.9.0","resources":[{"mode":"managed","type":"aws_iam_role","name":"x","instances":[{"attributes":{"arn":"arn:aws:iam::1:role/x"}}]}]}"#;
        let lib = "{ essential: true, image: importstr 'image.txt', role: std.native('tfstate')('aws_iam_role.x.arn') }";
        let mut env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), lib),
                ("ecs/lib/image.txt".into(), "nginx:1.27"),
                ("terraform.tfstate".into(), state),
                ("ecs/other.json".into(), "{}"),
            ],
            tfstate: super::super::tfstate::TfState::parse(state),
            ..Env::default()
        };
        env.ext_str.insert("TAG".into(), "v1".into());
        env.env.insert("CPU".into(), "512".into());
        let texts = [
            "local c = import 'lib/c.libsonnet'; { cpu: std.native('env')('CPU', '256'), tag: std.extVar('TAG'), other: std.extVar('OTHER'), containerDefinitions: [c { name: 'é' }] }",
            "{\n  a: 1,\n  b: nope,\n}",
            "local o = { a: 1 };\n// é\n{ b: o.c }",
            "local c = import 'missing.libsonnet'; c",
            "{ cpu: std.parseInt(std.native('must_env')('MEM')) }",
            "{ a: 'é\\u00e9', b: [1, 2.5, true, null] }",
            "{ a: 'x",
        ];
        for text in texts {
            let direct = evaluate("ecs/td.jsonnet", text, &env);
            let via = evaluate_via(answer, "ecs/td.jsonnet", text, &env);
            assert_eq!(direct, via, "{text}");
        }
        // What a broken module answers: read as "not evaluated", spans kept inside the text.
        assert_eq!(read_response("", "x"), Outcome::Unavailable);
        assert_eq!(read_response("[1]", "x"), Outcome::Unavailable);
        assert_eq!(answer("not json"), response(&Outcome::Unavailable));
        match read_response(
            r#"{"kind":"syntax","start":2,"end":99,"message":"m"}"#,
            "aé",
        ) {
            Outcome::Syntax { span, .. } => assert_eq!(span, Span::new(1, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn requests_are_json() {
        let mut env = Env {
            files: vec![("a \"b\".jsonnet".into(), "x\n\t\u{1}é\\")],
            ..Env::default()
        };
        env.env.insert("K\"".into(), "v\r".into());
        env.ext_str.insert("E".into(), "w".into());
        let text = request("p\\q.jsonnet", "import 'a \"b\".jsonnet' + '\u{7f}'", &env);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "path": "p\\q.jsonnet", "text": "import 'a \"b\".jsonnet' + '\u{7f}'",
                "files": [["a \"b\".jsonnet", "x\n\t\u{1}é\\"]],
                "env": {"K\"": "v\r"}, "ext_str": {"E": "w"},
            })
        );
    }

    #[test]
    fn requests_carry_what_evaluation_may_read() {
        let env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), "importstr 'image.txt'"),
                ("ecs/lib/image.txt".into(), "nginx"),
                ("ecs/big.json".into(), "{}"),
            ],
            ..Env::default()
        };
        let request: serde_json::Value =
            serde_json::from_str(&request("ecs/td.jsonnet", "import 'lib/c.libsonnet'", &env))
                .unwrap();
        let files = request["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
        assert_eq!(request["path"], "ecs/td.jsonnet");
    }

    #[test]
    fn native_and_ext_var_names_are_found() {
        let text =
            "local t = std.native( 'tfstate');\nstd.extVar(\"A\") + std.native(x) + std.extVar('')";
        let natives = native_calls(text);
        assert_eq!(natives.len(), 1);
        assert_eq!(natives[0].0, "tfstate");
        assert_eq!(natives[0].1.text(text), "tfstate");
        assert_eq!(ext_vars(text), ["A"]);
    }

    #[test]
    fn imports_are_listed() {
        let text = "local a = import 'lib/a.libsonnet';\nlocal b = importstr \"b.txt\";\n// reimport 'no'\nlocal c = import'lib/a.libsonnet'; importbin 'd.bin' + import 'é.libsonnet' + import";
        assert_eq!(
            imports(text),
            ["lib/a.libsonnet", "b.txt", "d.bin", "é.libsonnet"]
        );
        assert_eq!(
            import_path("x/td.jsonnet", "../lib/a.libsonnet"),
            "lib/a.libsonnet"
        );
    }

    #[test]
    fn code_is_not_evaluated() {
        for text in [
            "local a = 1; { a: a }",
            "{ a: std.extVar('x') }",
            "{ a: 1 } + { b: 2 }",
            "{ a+: [1] }",
            "(import 'x.libsonnet') { }",
            "{ a: 'x",
            "",
            "[[[[[[",
        ] {
            assert!(plain_literal(text).is_none(), "{text}");
        }
        let deep = "[".repeat(10_000);
        assert!(plain_literal(&deep).is_none());
    }
}
