//! The page's Terraform reader, as a second wasm module.
//!
//! The page's engine has no HCL parser: hcl-edit would grow the first download, which must stay
//! within its budget. When a project holds a `.tf` file, the page loads this module
//! (static/boot.js `ecsplainTerraform()`) and gives its [`read`] to the engine
//! (`iac::set_external`): the engine sends each Terraform file's text and reads the answer as
//! the same resources, spans and diagnostics the CLI gets (`iac::wire`).
//!
//! The module keeps no state between calls; it never panics on any text (a panic aborts the
//! wasm instance, and every later call would fail).

#![forbid(unsafe_code)]

/// Reads one `.tf` file: its ECS task and service resources mapped onto the API, as JSON
/// (`iac::wire`).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn read(text: &str) -> String {
    ecsplain_engine::iac::answer(text)
}

#[cfg(test)]
mod tests {
    use super::read;
    use ecsplain_engine::iac;

    #[test]
    fn answers_read_back() {
        let tf = "resource \"aws_ecs_task_definition\" \"t\" {\n  network_mode = \"bridge\"\n}\n";
        let back = iac::wire::decode(&read(tf), tf.len()).expect("an answer");
        assert_eq!(back.resources.len(), 1);
        assert_eq!(
            back.resources[0].root.get_str("networkMode"),
            Some("bridge")
        );
        let broken = iac::wire::decode(&read("resource {"), 10).expect("an answer");
        assert_eq!(broken.diagnostics.len(), 1);
    }
}
