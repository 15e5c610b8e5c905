//! The page's Jsonnet evaluator, as a second wasm module.
//!
//! The page's engine has no built-in Jsonnet evaluator: rsjsonnet costs about 121 KB of brotli,
//! and the first download must stay within 400 KB. When a project holds a `.jsonnet` or
//! `.libsonnet` file, the page loads this module (static/boot.js `ecsplainJsonnet()`), and gives
//! its [`evaluate`] to the engine (`ecspresso::jsonnet::set_external`): the engine sends each
//! Jsonnet file as a request and reads the answer as the same `Outcome` the CLI gets.
//!
//! The module keeps no state between calls; it never panics on any request (a panic aborts the
//! wasm instance, and every later call would fail).

#![forbid(unsafe_code)]

/// Evaluates one Jsonnet file. `request` is JSON: `{"path", "text", "files": [[path, text]...],
/// "env": {..}, "ext_str": {..}}` (`ecspresso::jsonnet::request`); the answer is the outcome as
/// JSON (`ecspresso::jsonnet::response`).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn evaluate(request: &str) -> String {
    ecsplain_engine::ecspresso::jsonnet::answer(request)
}

#[cfg(test)]
mod tests {
    use super::evaluate;
    use ecsplain_engine::ecspresso::jsonnet::{read_response, Outcome};

    #[test]
    fn answers_requests() {
        let request = r#"{"path":"td.jsonnet","text":"{ a: std.extVar('X') + '1' }","files":[],"env":{},"ext_str":{"X":"v"}}"#;
        match read_response(&evaluate(request), "") {
            Outcome::Value { json, .. } => assert!(json.contains("\"v1\""), "{json}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(read_response(&evaluate("{"), ""), Outcome::Unavailable);
    }
}
