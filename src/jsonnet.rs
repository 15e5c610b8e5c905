//! Jsonnet in the page: the evaluator is a second wasm module, loaded only when the project
//! holds a Jsonnet file.
//!
//! The page's engine has no built-in evaluator (it would cost about 121 KB of brotli in the first
//! download). `static/build/jsonnet.mjs` builds crates/jsonnet-wasm beside the page;
//! `static/boot.js` defines `ecsplainJsonnet()`, which imports it (from the page's own origin, at
//! an address fixed at build time) and resolves to its `evaluate`. [`load`] gives that function
//! to the engine (`ecspresso::jsonnet::set_external`); the engine then evaluates every Jsonnet
//! file of a lint run through it, synchronously, and the page lints again. Until then, and if
//! loading fails, the engine's EP010 "not evaluated" note says why: the page's state gives the
//! engine's project the evaluator's [`Status`] ([`Status::evaluator`]).

use ecsplain_engine::workspace::Evaluator;

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

impl Status {
    /// The evaluator as the engine's project takes it: it says in EP010 why a Jsonnet file was
    /// not evaluated (`workspace::Evaluator`), without the page reading the engine's messages.
    pub fn evaluator(&self) -> Evaluator {
        match self {
            Status::Idle | Status::Loading => Evaluator::Loading,
            Status::Ready => Evaluator::Ready,
            Status::Failed(why) => Evaluator::Failed(why.clone()),
        }
    }
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

    #[test]
    fn the_engine_hears_where_the_evaluator_is() {
        assert_eq!(Status::Idle.evaluator(), Evaluator::Loading);
        assert_eq!(Status::Loading.evaluator(), Evaluator::Loading);
        assert_eq!(Status::Ready.evaluator(), Evaluator::Ready);
        assert_eq!(
            Status::Failed("offline".into()).evaluator(),
            Evaluator::Failed("offline".into())
        );
    }
}
