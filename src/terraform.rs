//! Terraform in the page: the HCL reader is a second wasm module, loaded only when the project
//! holds a `.tf` file.
//!
//! The page's engine has no HCL parser (hcl-edit would grow the first download).
//! `static/build/terraform.mjs` builds crates/terraform-wasm beside the page; `static/boot.js`
//! defines `ecsplainTerraform()`, which imports it and resolves to its `read`. [`load`] gives
//! that function to the engine (`iac::set_external`); the engine then reads every `.tf` file of
//! a lint run through it, synchronously, and the page lints again. Until then, and if loading
//! fails, the engine's IN013 "not read" note says why ([`explain_unread`]).

use ecsplain_engine::{Report, Severity};

pub use crate::jsonnet::Status;

/// Whether any path is a Terraform file.
pub fn has_terraform<S: AsRef<str>>(paths: &[S]) -> bool {
    paths
        .iter()
        .any(|p| p.as_ref().to_ascii_lowercase().ends_with(".tf"))
}

/// Says in the engine's IN013 notes why the page did not read a Terraform file: the reader is
/// still loading (a note, not a warning: nothing is wrong with the file), or could not be loaded.
pub fn explain_unread(report: &mut Report, status: &Status) {
    let unread = ecsplain_engine::iac::NOT_READ;
    for finding in &mut report.findings {
        if finding.code != "IN013" || !finding.message.ends_with(unread) {
            continue;
        }
        let (message, help, severity) = match status {
            Status::Idle | Status::Loading => (
                "this Terraform file is waiting for the Terraform reader, which is loading".to_string(),
                "its findings appear once the reader is loaded (a second download, only for Terraform projects)",
                Severity::Info,
            ),
            Status::Failed(why) => (
                format!("this Terraform file was not read: the page could not load its Terraform reader ({why})"),
                "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which reads Terraform",
                Severity::Warning,
            ),
            Status::Ready => (
                "this Terraform file was not read: the page's Terraform reader failed on it".to_string(),
                "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which reads Terraform",
                Severity::Warning,
            ),
        };
        finding.message = message;
        finding.help = Some(help.to_string());
        finding.severity = severity;
        // The page's own words replace the engine's (English for now): no keyed form remains.
        finding.keyed.message = None;
        finding.keyed.help = None;
    }
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
    use ecsplain_engine::{lint, Input, Kind};

    #[test]
    fn unread_notes_say_why() {
        assert!(has_terraform(&["a/main.tf", "Dockerfile"]));
        assert!(!has_terraform(&["task-def.json"]));
        let tf = "resource \"aws_ecs_task_definition\" \"t\" {\n  network_mode = \"bridge\"\n}\n";
        // Natively the engine reads Terraform itself; a page without the reader gets the note.
        let read = ecsplain_engine::iac::not_read(tf);
        let mut report = lint(&[Input::new("main.tf", tf, Some(Kind::Terraform))]);
        assert!(!report
            .findings
            .iter()
            .any(|f| f.message.ends_with(ecsplain_engine::iac::NOT_READ)));
        let Some(note) = read.diagnostics.first() else {
            panic!("no note");
        };
        let mut finding = report.findings.first().cloned().expect("a finding");
        finding.code = note.code;
        finding.message = note.message.clone();
        report.findings = vec![finding];
        let mut loading = report.clone();
        explain_unread(&mut loading, &Status::Loading);
        assert_eq!(
            loading.findings[0].message,
            "this Terraform file is waiting for the Terraform reader, which is loading"
        );
        assert_eq!(loading.findings[0].severity, Severity::Info);
        let mut failed = report.clone();
        explain_unread(&mut failed, &Status::Failed("offline".into()));
        assert!(failed.findings[0].message.ends_with("(offline)"));
    }
}
