//! Finding and reading the team's configuration file: `.ecsplain.yaml`, `.ecsplain.yml` or
//! `.ecsplain.json` in the linted path's folder or the nearest parent that has one (like ruff
//! and hadolint), or the file given with `--config`.

use crate::messages::{say, t};
use ecsplain_engine::msg;
use std::path::{Path, PathBuf};

use ecsplain_engine::config::{Config, FILE_NAMES};
use ecsplain_engine::diagnostic::Finding;
use ecsplain_engine::Input;

/// A configuration as read: where it came from (`None`: no file, the defaults), its text, and
/// its problems (IN011) as findings on that file.
pub struct Loaded {
    pub path: Option<String>,
    pub text: String,
    pub config: Config,
    pub problems: Vec<Finding>,
}

impl Loaded {
    pub fn defaults() -> Loaded {
        Loaded {
            path: None,
            text: String::new(),
            config: Config::default(),
            problems: Vec::new(),
        }
    }

    /// The configuration file as an input, so renderers can show its problems with excerpts.
    pub fn input(&self) -> Option<Input> {
        self.path
            .as_ref()
            .map(|p| Input::new(p.clone(), self.text.clone(), None))
    }
}

/// The configuration file that applies to `path`: in its folder (or in it, for a folder), else in
/// the nearest parent folder that has one. The path is shown relative to the working directory
/// when it is under it.
pub fn find(path: &str) -> Option<String> {
    if path == "-" {
        return find(".");
    }
    let given = Path::new(path);
    let absolute = std::path::absolute(given).ok()?;
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    for folder in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Some(display(&candidate));
            }
        }
    }
    None
}

fn display(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(PathBuf::from));
    match relative {
        Some(r) if !r.as_os_str().is_empty() => r.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// Reads and parses a configuration file; an unreadable file is an IO error (exit 2).
pub fn load(path: &str) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        say(&msg!(
            t::CANNOT_READ_CONFIG,
            path = path,
            reason = e.to_string()
        ))
    })?;
    Ok(parse(path, text))
}

/// Parses the text of the configuration file at `path` (the language server's unsaved text).
pub fn parse(path: &str, text: String) -> Loaded {
    let (config, problems) = ecsplain_engine::workspace::read_config(path, &text);
    Loaded {
        path: Some(path.to_string()),
        text,
        config,
        problems,
    }
}

/// Rewrites the inputs' paths relative to the configuration file's folder (when they are under
/// it), so `per-path-ignores` patterns mean the same from any working directory. Returns the
/// paths as given, by input, for [`restore_paths`].
pub fn relative_to_config(inputs: &mut [Input], config: Option<&str>) -> Vec<String> {
    let given: Vec<String> = inputs.iter().map(|i| i.path.clone()).collect();
    let Some(folder) = config
        .and_then(|c| std::path::absolute(c).ok())
        .and_then(|c| c.parent().map(normalize))
    else {
        return given;
    };
    for input in inputs.iter_mut() {
        if input.path == "-" {
            continue;
        }
        let Ok(absolute) = std::path::absolute(&input.path) else {
            continue;
        };
        if let Ok(relative) = normalize(&absolute).strip_prefix(&folder) {
            let relative: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if !relative.is_empty() {
                input.path = relative.join("/");
            }
        }
    }
    given
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Puts the paths as given back into findings made while the inputs had rewritten paths.
pub fn restore_paths(findings: &mut [Finding], rewritten: &[String], given: &[String]) {
    let back = |path: &mut String| {
        if let Some(i) = rewritten.iter().position(|r| r == path) {
            if let Some(original) = given.get(i) {
                path.clone_from(original);
            }
        }
    };
    for finding in findings {
        back(&mut finding.path);
        for related in &mut finding.related {
            back(&mut related.path);
        }
    }
}

/// The effective configuration as YAML a user could paste into `.ecsplain.yaml`: every key
/// (the engine's one writer, which the page's settings dialog uses too).
pub fn to_yaml(config: &Config) -> String {
    ecsplain_engine::workspace::config_yaml(config, ecsplain_engine::workspace::Keys::All)
}

/// The effective configuration as JSON with the file's keys: a valid `.ecsplain.json`.
pub fn to_json(config: &Config) -> serde_json::Value {
    let severity: serde_json::Map<String, serde_json::Value> = config
        .severity
        .iter()
        .map(|(code, s)| (code.clone(), serde_json::Value::from(s.as_str())))
        .collect();
    let per_path: Vec<serde_json::Value> = config
        .per_path_ignores
        .iter()
        .map(|i| {
            let mut item = serde_json::json!({"path": i.path, "codes": i.codes});
            if let Some(pointer) = &i.pointer {
                item["pointer"] = serde_json::Value::from(pointer.as_str());
            }
            item
        })
        .collect();
    serde_json::json!({
        "fail-on": config.fail_on.as_str(),
        "select": config.select,
        "ignore": config.ignore,
        "severity": severity,
        "per-path-ignores": per_path,
        "inline-ignores": config.inline_ignores,
        "trusted-registries": config.settings.trusted_registries,
        "required-tags": config.settings.required_tags,
        "region": config.settings.region,
        "label-schema": config
            .settings
            .label_schema
            .iter()
            .map(|(name, kind)| (name.clone(), serde_json::to_value(kind).unwrap_or_default()))
            .collect::<serde_json::Map<String, serde_json::Value>>(),
        "strict-labels": config.settings.strict_labels,
        "exclude": config.exclude,
        "extend-exclude": config.extend_exclude,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_round_trips_through_the_engine() {
        let (config, problems) = Config::parse(
            ".ecsplain.yaml",
            "fail-on: error\nignore: [DL3008]\nseverity: {DL3059: warning}\n\
             per-path-ignores:\n  - path: \"deploy/*.json\"\n    codes: [TD101]\n    pointer: /a/0\n\
             trusted-registries: [\"*.dkr.ecr.*.amazonaws.com\"]\nregion: ap-northeast-1\n\
             exclude: [.git, \"*.bak\"]\nextend-exclude: [\"build/**\"]\n",
        );
        assert!(problems.is_empty());
        let printed = to_yaml(&config);
        let (again, problems) = Config::parse(".ecsplain.yaml", &printed);
        assert!(problems.is_empty(), "{printed}");
        assert_eq!(again, config, "{printed}");
        let json = to_json(&config).to_string();
        let (again, problems) = Config::parse(".ecsplain.json", &json);
        assert!(problems.is_empty(), "{json}");
        assert_eq!(again, config, "{json}");
    }
}
