//! Which evaluator runs: the built-in one, one given at run time ([`set_external`]), or none.

#[allow(unused_imports)]
use super::*;

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
    super::eval::evaluate(path, text, env)
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
