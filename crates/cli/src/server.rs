//! `ecsplain server`: the language server (crate `ecsplain-lsp`) on stdio, linting as `lint`
//! does: the same file discovery, configuration lookup and lint loop.

use ecsplain_engine::{detect, Input};
use ecsplain_lsp::{Host, Linted};

use crate::{conf, files, project, vars};

struct Cli;

impl Host for Cli {
    fn collect(&self, folder: &str) -> Vec<Input> {
        // Problems (an unreadable file) leave the file out, as `lint` goes on past them.
        // The workspace is walked as `lint` walks it: ignore files and `exclude` honoured.
        files::collect(&[folder.to_string()], None, &files::Walk::default()).inputs
    }

    fn complete(&self, inputs: &mut Vec<Input>) {
        let values = vars::Loaded {
            vars: ecsplain_engine::Vars::default(),
            tfstate: None,
        };
        let project = vars::project(inputs, &values);
        files::follow_rendered(inputs, &project);
        files::add_imports(inputs);
    }

    fn admits(&self, path: &str, text: &str) -> bool {
        detect::detect(path, text).is_some() || files::is_library(path)
    }

    fn lint(&self, inputs: Vec<Input>, editor: &dyn Fn(&str) -> Option<String>) -> Linted {
        let values = vars::Loaded {
            vars: ecsplain_engine::Vars::default(),
            tfstate: None,
        };
        let options = project::Options {
            config_text: Some(editor),
            ..project::Options::default()
        };
        match project::lint(inputs, &options, &values) {
            Ok(linted) => Linted {
                inputs: linted.inputs,
                kinds: linted.kinds,
                findings: linted.findings,
            },
            // An unreadable configuration file: nothing to show until it can be read.
            Err(_) => Linted::default(),
        }
    }

    fn config_for(&self, path: &str) -> Option<String> {
        conf::find(path)
    }
}

/// Exit status 0 after `shutdown` and `exit`; 1 when the protocol was not followed (an `exit`
/// without `shutdown`, as the protocol asks, or no `initialize`).
pub fn run() -> u8 {
    match ecsplain_lsp::run_stdio(&Cli) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("ecsplain server: {message}");
            1
        }
    }
}
