//! The page's Go-template engine, as a second wasm module.
//!
//! The page's first download leaves the engine's template parser and executor out (about 20 KB
//! of brotli, and the first view's examples hold no template). When a project holds a
//! `{{ ... }}` action, the page loads this module (static/boot.js `ecsplainTemplate()`) and
//! gives its [`answer`] to the engine (`template::set_external`): the engine sends each template
//! with the values it was asked for and reads back the same rendering, map and error the CLI
//! gets (`template::wire`).
//!
//! The module keeps no state between calls; it never panics on any text (a panic aborts the
//! wasm instance, and every later call would fail).

#![forbid(unsafe_code)]

/// Answers one request (`template::wire`): executes a template with the values given, or
/// names the functions it calls.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn answer(request: &str) -> String {
    ecsplain_engine::syntax::template::wire::answer(request)
}

#[cfg(test)]
mod tests {
    use super::answer;
    use ecsplain_engine::syntax::template::{self, Mode};
    use std::collections::BTreeMap;

    #[test]
    fn answers_as_the_engine_renders() {
        let mut env = BTreeMap::new();
        env.insert("IMAGE".to_string(), "nginx".to_string());
        let text = "image: {{ must_env `IMAGE` }}\ncpu: {{ must_env `CPU` }}\n";
        let out = template::wire::execute_via(answer, text, &env, Mode::Lint);
        assert_eq!(
            out.rendered,
            template::execute(text, &env, Mode::Lint).rendered
        );
        assert!(out.rendered.text.starts_with("image: nginx\n"));
        assert_eq!(answer("{"), "");
    }
}
