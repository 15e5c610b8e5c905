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

    use crate::loader::Answers;

    thread_local! {
        /// The module's function once loaded, with its recent answers.
        static EVALUATOR: RefCell<Answers> = RefCell::new(Answers::new(64));
    }

    /// The evaluator given to the engine: the module's `evaluate`, through the answers it gave lately.
    fn evaluate(request: &str) -> String {
        crate::loader::ask(&EVALUATOR, request)
    }

    /// Loads the module and gives its function to the engine.
    pub async fn load() -> Result<(), String> {
        let function = crate::loader::load("ecsplainJsonnet", "Jsonnet module").await?;
        EVALUATOR.with(|a| a.borrow_mut().set(function))?;
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
