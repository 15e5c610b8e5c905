//! `ecsplain server`: the engine in the editor, over the Language Server Protocol on stdio.
//!
//! The project is what `ecsplain lint FOLDER` would lint for each workspace folder, with the
//! editor's unsaved texts in place of the files on disk: the front end that starts the server
//! (the CLI) says how files are collected and linted through [`Host`], so the server and
//! `ecsplain lint` always agree. The server adds no knowledge of its own to the findings: it
//! turns them into diagnostics (with their related locations), the rules' fixes and "ignore
//! here" into code actions, and the rules' documentation into hovers.
//!
//! Built on rust-analyzer's `lsp-server` and `lsp-types`: synchronous (one thread reads stdin,
//! one writes stdout), no async runtime. A change is linted as soon as no other message waits,
//! so a burst of keystrokes is linted once.

mod actions;
mod server;
pub mod text;

use ecsplain_engine::{Finding, Input, Kind};

pub use server::{run, run_stdio};

/// What a front end lints with, as `ecsplain lint` does.
pub trait Host {
    /// The files of a workspace folder, as `ecsplain lint FOLDER` collects them (with the
    /// files the configs it finds name, and Jsonnet imports).
    fn collect(&self, folder: &str) -> Vec<Input>;

    /// Adds the files `inputs` name and that are not among them yet: the definitions an
    /// ecspresso config names, Jsonnet imports.
    fn complete(&self, inputs: &mut Vec<Input>);

    /// Whether a file the editor opened, outside what [`Host::collect`] found, is one to lint
    /// (a file of a kind ecsplain reads, or a Jsonnet library).
    fn admits(&self, path: &str, text: &str) -> bool;

    /// Lints as `ecsplain lint` does: each file with the configuration of its own folder.
    /// `editor` gives the text the editor holds for a path, if it has that file open: a
    /// configuration file is read from there first.
    fn lint(&self, inputs: Vec<Input>, editor: &dyn Fn(&str) -> Option<String>) -> Linted;

    /// The configuration file that applies to `path`, if any.
    fn config_for(&self, path: &str) -> Option<String>;
}

/// What a lint run found.
#[derive(Debug, Default)]
pub struct Linted {
    /// Every input the findings point into (`Finding::file`), configuration files included.
    pub inputs: Vec<Input>,
    /// The kind each input was read as, by index.
    pub kinds: Vec<Option<Kind>>,
    pub findings: Vec<Finding>,
}
