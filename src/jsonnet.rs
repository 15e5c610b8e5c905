//! Jsonnet in the page: the evaluator is a second wasm module, loaded only when the project
//! holds a Jsonnet file.
//!
//! The page's engine has no built-in evaluator (it would cost about 121 KB of brotli in the first
//! download). `static/build/jsonnet.mjs` builds crates/jsonnet-wasm beside the page;
//! `static/boot.js` defines `ecsplainJsonnet()`, which imports it (from the page's own origin, at
//! an address fixed at build time) and resolves to its `evaluate`. [`load`] gives that function
//! to the engine (`ecspresso::jsonnet::set_external`); the engine then evaluates every Jsonnet
//! file of a lint run through it, synchronously, and the page lints again. Until then, and if
//! loading fails, the engine's EP010 "not evaluated" note says why ([`explain_unevaluated`]).

use ecsplain_engine::ecspresso::{jsonnet, Format};
use ecsplain_engine::{Input, Report, Vars};

/// Where the Jsonnet evaluator is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    /// Not asked for: the project has no Jsonnet file yet.
    #[default]
    Idle,
    Loading,
    Ready,
    /// Why it could not be loaded.
    Failed(String),
}

/// Whether any input is Jsonnet (`.jsonnet`, `.libsonnet`).
pub fn has_jsonnet(inputs: &[Input]) -> bool {
    inputs
        .iter()
        .any(|i| Format::from_path(&i.path) == Format::Jsonnet)
}

/// The end of the engine's note for a Jsonnet file it could not evaluate (no evaluator).
const UNEVALUATED: &str = ecsplain_engine::ecspresso::NOT_EVALUATED;

/// Says in the engine's EP010 notes why the page did not evaluate a Jsonnet file: the evaluator
/// is still loading, or could not be loaded. Other EP010 notes (a missing import, values needed)
/// stay as they are.
pub fn explain_unevaluated(report: &mut Report, status: &Status) {
    for finding in &mut report.findings {
        if finding.code != "EP010" || !finding.message.ends_with(UNEVALUATED) {
            continue;
        }
        let head = finding.message.trim_end_matches(UNEVALUATED).trim_end();
        let (message, help) = match status {
            Status::Idle | Status::Loading => (
                format!("{head} is waiting for the Jsonnet evaluator, which is loading"),
                "its findings appear once the evaluator is loaded (a second download, only for Jsonnet projects)".to_string(),
            ),
            Status::Failed(why) => (
                format!("{head} was not evaluated: the page could not load its Jsonnet evaluator ({why})"),
                "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which evaluates Jsonnet".to_string(),
            ),
            Status::Ready => (
                format!("{head} was not evaluated: the page's Jsonnet evaluator failed on it"),
                "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which evaluates Jsonnet".to_string(),
            ),
        };
        finding.message = message;
        finding.help = Some(help);
    }
}

/// A Jsonnet file as the engine evaluates it in a lint run with these values: the JSON it
/// gives (pretty), or its error at line:column. `None` without an evaluator.
pub fn render(path: &str, text: &str, inputs: &[Input], vars: &Vars) -> Option<String> {
    let mut env = jsonnet::Env::from_inputs(inputs);
    env.env.clone_from(&vars.env);
    env.ext_str.clone_from(&vars.ext_str);
    let at = |span: ecsplain_engine::span::Span| {
        let lc = ecsplain_engine::span::LineIndex::new(text).line_col(text, span.start);
        format!("{}:{}", lc.line, lc.column)
    };
    Some(match jsonnet::evaluate(path, text, &env) {
        // Already one value a line, indented as the `jsonnet` command prints it.
        jsonnet::Outcome::Value { json, .. } => json,
        jsonnet::Outcome::Syntax { span, message } => {
            format!("// Jsonnet error at {}: {message}", at(span))
        }
        jsonnet::Outcome::Failed { span, message, .. } => {
            format!("// Jsonnet evaluation failed at {}: {message}", at(span))
        }
        jsonnet::Outcome::Unavailable => return None,
    })
}

#[cfg(target_arch = "wasm32")]
mod load {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// The module's `evaluate`, once loaded.
        static EVALUATE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
        /// Recent answers by request. Evaluation is a pure function of the request (the file,
        /// the files it imports, the values), and costs tens of milliseconds in wasm; a lint run
        /// after a keystroke elsewhere asks the same questions again.
        static ANSWERS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }

    /// Answers kept at most, and their requests' and answers' bytes; then the cache starts over.
    const KEPT: usize = 64;
    const KEPT_BYTES: usize = 16 << 20;

    /// The evaluator given to the engine: the module's `evaluate`; an empty answer (read as
    /// "not evaluated") when the call throws (a trapped module).
    fn evaluate(request: &str) -> String {
        if let Some(answer) = ANSWERS.with(|a| a.borrow().get(request).cloned()) {
            return answer;
        }
        let answer = EVALUATE.with(|f| {
            f.borrow()
                .as_ref()
                .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(request)).ok())
                .and_then(|v| v.as_string())
        });
        let Some(answer) = answer else {
            return String::new();
        };
        ANSWERS.with(|a| {
            let mut a = a.borrow_mut();
            let bytes: usize = a.iter().map(|(q, r)| q.len() + r.len()).sum();
            if a.len() >= KEPT || bytes + request.len() + answer.len() > KEPT_BYTES {
                a.clear();
            }
            a.insert(request.to_string(), answer.clone());
        });
        answer
    }

    /// Loads the module and gives its `evaluate` to the engine.
    pub async fn load() -> Result<(), String> {
        let function = crate::loader::load("ecsplainJsonnet", "Jsonnet module").await?;
        let function: js_sys::Function = function.dyn_into().map_err(crate::loader::describe)?;
        EVALUATE.with(|f| *f.borrow_mut() = Some(function));
        ecsplain_engine::ecspresso::jsonnet::set_external(evaluate);
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub use load::load;

#[cfg(test)]
mod tests {
    use super::*;
    use ecsplain_engine::{lint_vars, Config, Kind};

    #[test]
    fn unevaluated_notes_say_why() {
        let mut report = Report::default();
        let inputs = vec![Input::new(
            "td.jsonnet",
            "local a = 1; { family: 'x' }",
            Some(Kind::TaskDef),
        )];
        assert!(has_jsonnet(&inputs));
        report.findings = lint_vars(&inputs, &Config::default(), &Vars::default()).findings;
        // Natively the engine evaluates: no note to change.
        assert!(!report.findings.iter().any(|f| f.code == "EP010"));
        let other = vec![Input::new("Dockerfile", "FROM ubuntu\n", None)];
        let linted = lint_vars(&other, &Config::default(), &Vars::default());
        let mut finding = linted.findings.first().cloned().expect("a finding");
        finding.code = "EP010";
        finding.message = format!("this Jsonnet task definition {UNEVALUATED}");
        report.findings = vec![finding];
        let mut loading = report.clone();
        explain_unevaluated(&mut loading, &Status::Loading);
        assert_eq!(
            loading.findings[0].message,
            "this Jsonnet task definition is waiting for the Jsonnet evaluator, which is loading"
        );
        let mut failed = report.clone();
        explain_unevaluated(&mut failed, &Status::Failed("offline".into()));
        assert!(failed.findings[0].message.ends_with("(offline)"));
    }

    #[test]
    fn renders_evaluated_json_or_the_error() {
        let inputs = vec![Input::new("lib.libsonnet", "{ a: 1 }", None)];
        let mut vars = Vars::default();
        vars.ext_str.insert("TAG".into(), "v1".into());
        let text = "(import 'lib.libsonnet') + { tag: std.extVar('TAG') }";
        let out = render("td.jsonnet", text, &inputs, &vars).expect("evaluated");
        assert_eq!(out, "{\n   \"a\": 1,\n   \"tag\": \"v1\"\n}");
        let out = render("td.jsonnet", "{\n  a: nope }", &inputs, &vars).expect("evaluated");
        assert!(out.starts_with("// Jsonnet error at 2:6:"), "{out}");
    }
}
