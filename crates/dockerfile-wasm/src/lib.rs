//! The page's Dockerfile reader and Dockerfile rules, as a second wasm module.
//!
//! The page's first download leaves the engine's Dockerfile parser, BuildKit's checks and the
//! Dockerfile rules out (issues 19 and 23: the first view's download budget). When a project
//! holds a Dockerfile, the page loads this module (static/boot.js `ecsplainDockerfile()`) and
//! gives its [`answer`] to the engine (`dockerfile_module::set_external`): the engine sends each
//! Dockerfile's text with the team's settings and reads back the same model and findings the
//! CLI's built-in reader gives, so the cross-file rules, suppressions and fixes run on them in
//! the page as in the CLI.
//!
//! The module keeps no state between calls; it never panics on any text (a panic aborts the
//! wasm instance, and every later call would fail).

#![forbid(unsafe_code)]

/// Answers one request (`dockerfile_module`): reads a Dockerfile and runs the Dockerfile rules.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn answer(request: &str) -> String {
    ecsplain_engine::dockerfile_module::use_builtin();
    ecsplain_engine::dockerfile_module::answer(request)
}
