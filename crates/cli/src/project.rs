//! Linting what was collected as `ecsplain lint` does: each file with the configuration of its
//! own folder (or `--config`), the files that share one linted together so cross-file rules see
//! them all. `lint` and the language server (`ecsplain server`) both call [`lint`].

use std::collections::HashMap;

use ecsplain_engine::{Finding, Input, Kind, Project, Severity};

use crate::{conf, files, vars};

/// The text of a configuration file by its path, when it is not the one on disk.
pub type ConfigText<'a> = &'a dyn Fn(&str) -> Option<String>;

/// How to lint: the options of `ecsplain lint` that choose and apply the configuration.
#[derive(Default)]
pub struct Options<'a> {
    /// `--config FILE`: this configuration for every file instead of each folder's own.
    pub config: Option<&'a str>,
    /// `--no-inline-ignores`.
    pub no_inline_ignores: bool,
    /// `--fail-on`: else each configuration's `fail-on`.
    pub fail_on: Option<Severity>,
    /// Where to look for a configuration to check when there is no file to lint.
    pub fallback: Option<&'a str>,
    /// The text of a configuration file when it is not the one on disk (the language server:
    /// the editor's unsaved text).
    pub config_text: Option<ConfigText<'a>>,
}

/// What a run found.
pub struct Linted {
    /// Every input the findings point into (by `Finding::file`): the files linted, a
    /// configuration file with problems, and the Terraform state given.
    pub inputs: Vec<Input>,
    /// The kind each input was read as, by index (`None` for a configuration file).
    pub kinds: Vec<Option<Kind>>,
    pub findings: Vec<Finding>,
    /// How many files were linted (not counting configuration files and the state).
    pub linted: usize,
    /// Some finding is at or above its threshold.
    pub failing: bool,
    /// Some configuration file has problems (IN011): exit status 2.
    pub config_problems: bool,
}

/// Lints `collected` with the configuration that applies to each file. An unreadable
/// configuration file is an error (exit status 2).
pub fn lint(
    collected: Vec<Input>,
    options: &Options<'_>,
    values: &vars::Loaded,
) -> Result<Linted, String> {
    // Each file gets the configuration of its own folder (or `--config`); files that share one
    // are linted together, so cross-file rules see them all.
    let mut by_folder: HashMap<String, Option<String>> = HashMap::new();
    let mut groups: Vec<(Option<String>, Vec<Input>)> = Vec::new();
    for input in collected {
        let config = match options.config {
            Some(file) => Some(file.to_string()),
            None => {
                let folder = match input.path.as_str() {
                    "-" => ".".to_string(),
                    path => std::path::Path::new(path)
                        .parent()
                        .map(|p| p.display().to_string())
                        .filter(|p| !p.is_empty())
                        .unwrap_or_else(|| ".".to_string()),
                };
                by_folder
                    .entry(folder)
                    .or_insert_with_key(|folder| conf::find(folder))
                    .clone()
            }
        };
        match groups.iter_mut().find(|(c, _)| *c == config) {
            Some((_, inputs)) => inputs.push(input),
            None => groups.push((config, vec![input])),
        }
    }
    // With no file to lint, the configuration that would apply is still checked.
    if groups.is_empty() {
        let config = options
            .config
            .map(str::to_string)
            .or_else(|| options.fallback.and_then(conf::find));
        groups.push((config, Vec::new()));
    }

    let mut out = Linted {
        inputs: Vec::new(),
        kinds: Vec::new(),
        findings: Vec::new(),
        linted: 0,
        failing: false,
        config_problems: false,
    };
    for (config_path, group) in groups {
        let loaded = match &config_path {
            None => conf::Loaded::defaults(),
            Some(path) => match options.config_text.and_then(|text| text(path)) {
                Some(text) => conf::parse(path, text),
                None => conf::load(path)?,
            },
        };
        if !loaded.problems.is_empty() {
            out.config_problems = true;
            if let Some(input) = loaded.input() {
                let file = out.inputs.len();
                out.inputs.push(input);
                out.kinds.push(None);
                out.findings
                    .extend(loaded.problems.iter().cloned().map(|mut f| {
                        f.file = file;
                        f
                    }));
            }
        }
        let mut config = loaded.config;
        if options.no_inline_ignores {
            config.inline_ignores = false;
        }
        let threshold = options.fail_on.unwrap_or(config.fail_on);
        // Per-path ignores are written relative to the configuration file's folder: the engine
        // sees the paths that way, and findings get back the paths as the user gave them.
        let mut group = group;
        // The state answers lookups in every group; it is not a file linted.
        let mut material = 0;
        if let Some(state) = &values.tfstate {
            let path = files::normalize(&state.path);
            if !group.iter().any(|i| files::normalize(&i.path) == path) {
                group.push(state.clone());
                material = 1;
            }
        }
        let given = conf::relative_to_config(&mut group, config_path.as_deref());
        // The engine's project: the same answers as the page's for the same files.
        let project = Project::from_inputs(group)
            .with_config(config)
            .with_values(values.vars.clone());
        let mut report = project.lint().clone();
        let mut group = project.inputs().to_vec();
        let rewritten: Vec<String> = group.iter().map(|i| i.path.clone()).collect();
        conf::restore_paths(&mut report.findings, &rewritten, &given);
        for (input, original) in group.iter_mut().zip(given) {
            input.path = original;
        }
        out.failing |= report.findings.iter().any(|f| f.severity >= threshold);
        let offset = out.inputs.len();
        out.linted += group.len() - material;
        out.inputs.extend(group);
        out.kinds.extend(report.kinds);
        out.findings
            .extend(report.findings.into_iter().map(|mut f| {
                f.file += offset;
                f
            }));
    }
    Ok(out)
}
