//! Go templates in the page: the engine's template parser and executor are a second wasm
//! module, loaded only when the project holds a `{{ ... }}` action.
//!
//! The page's first download leaves them out (about 20 KB of brotli; the first view's examples
//! hold no template). `static/build/template.mjs` builds crates/template-wasm beside the page;
//! `static/boot.js` defines `ecsplainTemplate()`, which imports it and resolves to its `answer`.
//! [`load`] gives that function to the engine (`template::set_external`); the engine then
//! renders every template of a lint run through it, synchronously, and the page lints again.
//! Until then the findings are not fresh (`State::is_fresh`): templates are read as written, and
//! the engine's IN014 note says so on each templated file (information while loading, a warning
//! with the reason if loading failed): the page's state gives the engine's project the engine's
//! [`Status`] (`Project::with_templates`, through [`Status::evaluator`]).

pub use crate::jsonnet::Status;

/// Whether any text holds a template action.
pub fn has_template<'a>(mut texts: impl Iterator<Item = &'a str>) -> bool {
    texts.any(ecsplain_engine::template::has_template)
}

#[cfg(target_arch = "wasm32")]
mod load {
    use std::cell::RefCell;

    use crate::loader::Answers;

    thread_local! {
        /// The module's function once loaded, with its recent answers.
        static ENGINE: RefCell<Answers> = RefCell::new(Answers::new(256));
    }

    /// The engine given to the page's engine: the module's `answer`, through the answers it gave lately.
    fn answer(request: &str) -> String {
        crate::loader::ask(&ENGINE, request)
    }

    /// Loads the module and gives its function to the engine.
    pub async fn load() -> Result<(), String> {
        let function = crate::loader::load("ecsplainTemplate", "template module").await?;
        ENGINE.with(|a| a.borrow_mut().set(function))?;
        ecsplain_engine::template::set_external(answer);
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub use load::load;

#[cfg(test)]
mod tests {
    use super::{has_template, Status};
    use ecsplain_engine::workspace::{File, ModuleStatus, Project};
    use ecsplain_engine::Severity;

    #[test]
    fn templates_are_seen() {
        assert!(has_template(["a: 1", "b: {{ must_env `B` }}"].into_iter()));
        assert!(!has_template(["a: 1", "{ \"b\": 2 }"].into_iter()));
    }

    /// The engine's status reaches the project, whose IN014 note on a templated file is the
    /// engine's own (keyed, so it shows in Japanese), at the severity the status gives.
    #[test]
    fn the_engine_status_reaches_the_project() {
        let text = "region: ap-northeast-1\ncluster: {{ must_env `CLUSTER` }}\nservice: web\n";
        let notes = |status: &Status| {
            let project = Project::new(vec![File::new("ecspresso.yml", text, None)])
                .with_templates(status.evaluator());
            let notes: Vec<_> = project
                .lint()
                .findings
                .iter()
                .filter(|f| f.code == "IN014")
                .cloned()
                .collect();
            (project.modules().templates.clone(), notes)
        };
        let (status, loading) = notes(&Status::Loading);
        assert_eq!(status, ModuleStatus::Loading);
        assert_eq!(loading.len(), 1);
        assert_eq!(loading[0].severity, Severity::Info);
        assert!(loading[0].keyed.message.is_some());
        let (status, failed) = notes(&Status::Failed("offline".into()));
        assert_eq!(status, ModuleStatus::Failed("offline".into()));
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].severity, Severity::Warning);
        assert!(failed[0].message.ends_with("(offline)"));
        let (status, ready) = notes(&Status::Ready);
        assert_eq!(status, ModuleStatus::Ready);
        assert!(ready.is_empty());
    }
}
