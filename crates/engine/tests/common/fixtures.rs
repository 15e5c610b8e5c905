//! The fixtures (`tests/fixtures/<group>/<CODE>_fail|pass…`) and how each is linted: with only
//! the rule its name states selected (tests/fixtures.rs, which documents the layout). Shared by
//! the fixture snapshots and the Japanese typography test (tests/ja_typography.rs).

use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::diagnostic::{Finding, Resolver};
use ecsplain_engine::input::module::{ModuleStatus, Modules};
use ecsplain_engine::lint::lint_in;
use ecsplain_engine::models::ecspresso::jsonnet::Env;
use ecsplain_engine::span::LineIndex;
use ecsplain_engine::{lint_with, Config, Input, Kind, Report};

pub fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// `(group, fixture path)` for every fixture file or project folder.
pub fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(groups) = fs::read_dir(fixtures_root()) else {
        return out;
    };
    for group in groups.flatten() {
        if !group.path().is_dir() {
            continue;
        }
        let group_name = group.file_name().to_string_lossy().to_string();
        let Ok(entries) = fs::read_dir(group.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".snap")
                || name.starts_with('.')
                || name == "README.md"
                || name.ends_with(CONFIG_SUFFIX)
                || name.ends_with(MODULES_SUFFIX)
            {
                continue;
            }
            out.push((group_name.clone(), path));
        }
    }
    out.sort();
    out
}

/// The name ending of a single-file fixture's configuration, and a project's configuration file.
pub const CONFIG_SUFFIX: &str = ".ecsplain.yaml";

/// The name ending of a single-file fixture's module statuses, and a project's file of them:
/// lines `terraform: loading`, `templates: failed <why>`, `dockerfile: loading` (the page's
/// on-demand readers; every one not named is ready, as in the CLI).
pub const MODULES_SUFFIX: &str = ".modules";

/// Where the front end's on-demand readers are for a fixture (see [`MODULES_SUFFIX`]).
pub fn modules_for(path: &Path) -> Modules {
    let file = if path.is_dir() {
        path.join(MODULES_SUFFIX)
    } else {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let stem = name.split('.').next().unwrap_or_default();
        path.with_file_name(format!("{stem}{MODULES_SUFFIX}"))
    };
    let mut modules = Modules::default();
    let Ok(text) = fs::read_to_string(&file) else {
        return modules;
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (name, status) = line.split_once(':').unwrap_or((line, ""));
        let status = match status.trim() {
            "loading" => Some(ModuleStatus::Loading),
            "ready" => Some(ModuleStatus::Ready),
            failed => failed
                .strip_prefix("failed")
                .map(|why| ModuleStatus::Failed(why.trim().to_string())),
        };
        assert!(
            status.is_some(),
            "{}: unknown status: {line}",
            file.display()
        );
        let slot = match name.trim() {
            "terraform" => Some(&mut modules.terraform),
            "templates" => Some(&mut modules.templates),
            "dockerfile" => Some(&mut modules.dockerfile),
            _ => None,
        };
        assert!(slot.is_some(), "{}: unknown module: {line}", file.display());
        if let (Some(slot), Some(status)) = (slot, status) {
            *slot = status;
        }
    }
    modules
}

/// The configuration a fixture is linted with: its `.ecsplain.yaml` (see the module docs), else
/// the defaults. A configuration with problems fails the test: a fixture must mean what it says.
pub fn config_for(path: &Path) -> Config {
    let file = if path.is_dir() {
        path.join(CONFIG_SUFFIX)
    } else {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let stem = name.split('.').next().unwrap_or_default();
        path.with_file_name(format!("{stem}{CONFIG_SUFFIX}"))
    };
    let Ok(text) = fs::read_to_string(&file) else {
        return Config::default();
    };
    let (config, problems) = Config::parse(&file.to_string_lossy(), &text);
    assert!(problems.is_empty(), "{}: {problems:?}", file.display());
    config
}

pub fn inputs_for(group: &str, path: &Path) -> Vec<Input> {
    let kind = Kind::parse(group);
    if path.is_dir() {
        super::files_under(path)
            .into_iter()
            .filter(|file| {
                let name = file.to_string_lossy();
                !name.ends_with(".snap")
                    && file.file_name() != Some(CONFIG_SUFFIX.as_ref())
                    && file.file_name() != Some(MODULES_SUFFIX.as_ref())
            })
            .map(|file| {
                let rel = file
                    .strip_prefix(path)
                    .unwrap_or(&file)
                    .to_string_lossy()
                    .replace('\\', "/");
                let text =
                    String::from_utf8_lossy(&fs::read(&file).unwrap_or_default()).into_owned();
                Input::new(rel, text, None)
            })
            .collect()
    } else {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
        vec![Input::new(name, text, kind)]
    }
}

/// Fixtures in `config/` are ecsplain configuration files: their findings are the config reader's.
pub fn config_report(inputs: &[Input]) -> ecsplain_engine::Report {
    let mut report = ecsplain_engine::Report::default();
    for (file, input) in inputs.iter().enumerate() {
        let (_, diagnostics) = Config::parse(&input.path, &input.text);
        let index = LineIndex::new(&input.text);
        let resolvers = [Resolver {
            path: &input.path,
            text: &input.text,
            index: &index,
        }];
        report.findings.extend(diagnostics.iter().filter_map(|d| {
            let mut f = Finding::resolve(d, 0, &resolvers)?;
            f.file = file;
            Some(f)
        }));
    }
    report
}

/// The rule code and expectation a fixture's name states.
pub fn expectation(path: &Path) -> Option<(String, bool)> {
    let name = path.file_name()?.to_string_lossy().to_string();
    let (code, rest) = name.split_once('_')?;
    if rest.starts_with("fail") {
        Some((code.to_string(), true))
    } else if rest.starts_with("pass") {
        Some((code.to_string(), false))
    } else {
        None
    }
}

/// A fixture's inputs and its findings: a `config/` fixture's are the configuration reader's;
/// any other is linted with its configuration and only the rule its name states selected.
pub fn lint_fixture(group: &str, path: &Path) -> (Vec<Input>, Report) {
    let inputs = inputs_for(group, path);
    let report = if group == "config" {
        config_report(&inputs)
    } else {
        let mut config = config_for(path);
        if let Some((code, _)) = expectation(path) {
            config.select = vec![code];
        }
        let modules = modules_for(path);
        if modules == Modules::default() {
            lint_with(&inputs, &config)
        } else {
            let mut env = Env::from_inputs(&inputs);
            env.modules = modules;
            lint_in(&inputs, &config, &env)
        }
    };
    (inputs, report)
}
