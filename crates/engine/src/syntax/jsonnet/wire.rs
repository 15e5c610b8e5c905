//! The wire format between the engine and an external evaluator: a request and its response,
//! both JSON.

#[allow(unused_imports)]
use super::*;
use crate::input::span::Span;
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
use crate::syntax::tfstate::TfState;
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
use std::collections::BTreeMap;

/// The request for an external evaluator: `{"path", "text", "files": [[path, text]...], "env":
/// {..}, "ext_str": {..}}`. `files` holds the inputs evaluation may read: the files the text
/// imports, directly or through other imports, and the Terraform states; the evaluator rebuilds
/// [`Env`] from them as [`Env::from_inputs`] does (the first state answers `tfstate`).
pub fn request(path: &str, text: &str, env: &Env<'_>) -> String {
    // The files evaluation can reach: what the text imports, what those import, and so on, as
    // the evaluator resolves them; and the Terraform states.
    let mut wanted: Vec<&str> = Vec::new();
    let mut queue: Vec<(String, &str)> = vec![(crate::input::paths::normalize_path(path), text)];
    while let Some((importer, source)) = queue.pop() {
        if wanted.len() > env.files.len() {
            break;
        }
        for written in imports(source) {
            if let Some((resolved, imported)) = env.resolve_import(&importer, &written) {
                if let Some((p, _)) = env.files.iter().find(|(p, _)| *p == resolved) {
                    if !wanted.contains(&p.as_str()) {
                        wanted.push(p.as_str());
                        if crate::input::paths::Format::from_path(p)
                            == crate::input::paths::Format::Jsonnet
                        {
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
        .filter(|(p, t)| wanted.contains(&p.as_str()) || crate::syntax::tfstate::is_tfstate(p, t));
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
    let Some(serde_json::Value::Object(r)) = crate::syntax::json::to_value(response) else {
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
            crate::input::span::floor_char_boundary(text, n)
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
        .filter(|(p, t)| crate::syntax::tfstate::is_tfstate(p, t))
        .find_map(|(_, t)| TfState::parse(t));
    let env = Env {
        files: request
            .files
            .iter()
            .map(|(p, t)| (crate::input::paths::normalize_path(p), t.as_str()))
            .collect(),
        tfstate,
        env: request.env,
        ext_str: request.ext_str,
        evaluator: Evaluator::Ready,
    };
    response(&evaluate(&request.path, &request.text, &env))
}
