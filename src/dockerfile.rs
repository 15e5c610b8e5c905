//! Dockerfiles in the page: the engine's Dockerfile reader (BuildKit's parser and checks) and the
//! Dockerfile rules are a second wasm module, loaded when the project holds a Dockerfile.
//!
//! The page's first download leaves them out (about 40 KB of brotli: issues 19 and 23, the first
//! view's budget). `static/build/dockerfile.mjs` builds crates/dockerfile-wasm beside the page;
//! `static/boot.js` defines `ecsplainDockerfile()`, which imports it and resolves to its `answer`.
//! [`load`] gives that function to the engine (`dockerfile_module::set_external`); the engine then
//! reads every Dockerfile of a lint run through it, synchronously (the model the cross-file rules
//! read and the Dockerfile rules' findings, as the CLI's built-in reader gives them), and the
//! page lints again. Until then the findings are not fresh (`State::is_fresh`), and the engine's
//! IN015 note says so on each Dockerfile (information while loading, a warning with the reason if
//! loading failed): the page's state gives the engine's project the engine's [`Status`]
//! (`Project::with_dockerfile`, through [`Status::evaluator`]).

pub use crate::jsonnet::Status;

#[cfg(target_arch = "wasm32")]
mod load {
    use std::cell::RefCell;

    use crate::loader::Answers;

    thread_local! {
        /// The module's function once loaded, with its recent answers (a keystroke in another
        /// file asks for the same Dockerfile again).
        static READER: RefCell<Answers> = RefCell::new(Answers::new(64));
    }

    /// The reader given to the page's engine: the module's `answer`, through the answers it gave lately.
    fn answer(request: &str) -> String {
        crate::loader::ask(&READER, request)
    }

    /// Loads the module and gives its function to the engine.
    pub async fn load() -> Result<(), String> {
        let function = crate::loader::load("ecsplainDockerfile", "Dockerfile module").await?;
        READER.with(|a| a.borrow_mut().set(function))?;
        ecsplain_engine::dockerfile_module::set_external(answer);
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub use load::load;
