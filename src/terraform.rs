//! Terraform in the page: the HCL reader is a second wasm module, loaded only when the project
//! holds a `.tf` file.
//!
//! The page's engine has no HCL parser (hcl-edit would grow the first download).
//! `static/build/terraform.mjs` builds crates/terraform-wasm beside the page; `static/boot.js`
//! defines `ecsplainTerraform()`, which imports it and resolves to its `read`. [`load`] gives
//! that function to the engine (`iac::set_external`); the engine then reads every `.tf` file of
//! a lint run through it, synchronously, and the page lints again. Until then, and if loading
//! fails, the engine's IN013 note says why: the page's state gives the engine's project the
//! reader's [`Status`] (`Project::with_terraform`, through [`Status::evaluator`], the same
//! on-demand module status), and the engine picks its keyed sentence.

pub use crate::jsonnet::Status;

/// Whether any path is a Terraform file.
pub fn has_terraform<S: AsRef<str>>(paths: &[S]) -> bool {
    paths
        .iter()
        .any(|p| p.as_ref().to_ascii_lowercase().ends_with(".tf"))
}

#[cfg(target_arch = "wasm32")]
mod load {
    use std::cell::RefCell;

    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// The module's `read`, once loaded.
        static READ: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
        /// The last answers by text: reading is a pure function of the text, and a lint run
        /// after a keystroke in another file asks the same questions again.
        static ANSWERS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    }

    /// Answers kept at most.
    const KEPT: usize = 16;

    /// The reader given to the engine: the module's `read`; an empty answer (read as "not
    /// read") when the call throws (a trapped module).
    fn read(text: &str) -> String {
        if let Some(answer) = ANSWERS.with(|a| {
            a.borrow()
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, r)| r.clone())
        }) {
            return answer;
        }
        let answer = READ.with(|f| {
            f.borrow()
                .as_ref()
                .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(text)).ok())
                .and_then(|v| v.as_string())
        });
        let Some(answer) = answer else {
            return String::new();
        };
        ANSWERS.with(|a| {
            let mut a = a.borrow_mut();
            if a.len() >= KEPT {
                a.remove(0);
            }
            a.push((text.to_string(), answer.clone()));
        });
        answer
    }

    /// Loads the module and gives its `read` to the engine.
    pub async fn load() -> Result<(), String> {
        let function = crate::loader::load("ecsplainTerraform", "Terraform module").await?;
        let function: js_sys::Function = function.dyn_into().map_err(crate::loader::describe)?;
        READ.with(|f| *f.borrow_mut() = Some(function));
        ecsplain_engine::iac::set_external(read);
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub use load::load;

#[cfg(test)]
mod tests {
    use super::*;
    use ecsplain_engine::workspace::{File, ModuleStatus, Project};

    #[test]
    fn terraform_files_are_seen() {
        assert!(has_terraform(&["a/main.tf", "Dockerfile"]));
        assert!(!has_terraform(&["task-def.json"]));
    }

    /// The reader's status reaches the engine's project as the shared module status; the CLI's
    /// (built-in reader) findings do not change with it.
    #[test]
    fn the_reader_status_reaches_the_project() {
        let tf = "resource \"aws_ecs_task_definition\" \"t\" {\n  network_mode = \"bridge\"\n}\n";
        let project = |status: &Status| {
            Project::new(vec![File::new("main.tf", tf, None)]).with_terraform(status.evaluator())
        };
        assert_eq!(
            project(&Status::Idle).modules().terraform,
            ModuleStatus::Loading
        );
        let failed = project(&Status::Failed("offline".into()));
        assert_eq!(
            failed.modules().terraform,
            ModuleStatus::Failed("offline".into())
        );
        // Natively the engine reads Terraform itself: no IN013, whatever the page's status.
        assert!(failed.lint().findings.iter().all(|f| f.code != "IN013"));
        assert_eq!(
            failed.lint().findings,
            project(&Status::Ready).lint().findings
        );
    }
}
