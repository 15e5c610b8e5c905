//! The configuration as YAML a user can paste into `.ecsplain.yaml`: one writer for the CLI's
//! `ecsplain config` (every key) and the page's settings dialog (the keys that differ from the
//! defaults).

use crate::models::config::Config;

/// Which keys [`config_yaml`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Every key, defaults included (the effective configuration).
    All,
    /// Only the keys whose value differs from [`Config::default`]; a comment when none does.
    Changed,
}

/// The configuration as `.ecsplain.yaml` text that [`Config::parse`] reads back to the same
/// configuration. Strings are plain when that is unambiguous, else double-quoted.
pub fn config_yaml(config: &Config, keys: Keys) -> String {
    let default = Config::default();
    let all = keys == Keys::All;
    let mut out = String::new();
    let mut line = |key: &str, changed: bool, value: String| {
        if all || changed {
            out.push_str(key);
            out.push(':');
            if !value.starts_with('\n') {
                out.push(' ');
            }
            out.push_str(&value);
            out.push('\n');
        }
    };
    line(
        "fail-on",
        config.fail_on != default.fail_on,
        config.fail_on.as_str().to_string(),
    );
    line("select", !config.select.is_empty(), list(&config.select));
    line("ignore", !config.ignore.is_empty(), list(&config.ignore));
    line(
        "severity",
        !config.severity.is_empty(),
        map(config
            .severity
            .iter()
            .map(|(code, s)| (code.as_str(), s.as_str()))),
    );
    line(
        "per-path-ignores",
        !config.per_path_ignores.is_empty(),
        if config.per_path_ignores.is_empty() {
            "[]".to_string()
        } else {
            let mut items = String::new();
            for ignore in &config.per_path_ignores {
                items.push_str(&format!("\n  - path: {}", quote(&ignore.path)));
                items.push_str(&format!("\n    codes: {}", list(&ignore.codes)));
                if let Some(pointer) = &ignore.pointer {
                    items.push_str(&format!("\n    pointer: {}", quote(pointer)));
                }
            }
            items
        },
    );
    line(
        "inline-ignores",
        config.inline_ignores != default.inline_ignores,
        config.inline_ignores.to_string(),
    );
    let settings = &config.settings;
    line(
        "trusted-registries",
        !settings.trusted_registries.is_empty(),
        list(&settings.trusted_registries),
    );
    line(
        "required-tags",
        !settings.required_tags.is_empty(),
        list(&settings.required_tags),
    );
    // No region is no key: `region: null` does not read back (the key takes a string).
    if let Some(region) = &settings.region {
        line("region", true, quote(region));
    }
    line(
        "label-schema",
        !settings.label_schema.is_empty(),
        map(settings
            .label_schema
            .iter()
            .map(|(name, kind)| (name.as_str(), kind.name()))),
    );
    line(
        "strict-labels",
        settings.strict_labels != default.settings.strict_labels,
        settings.strict_labels.to_string(),
    );
    line(
        "exclude",
        config.exclude != default.exclude,
        list(&config.exclude),
    );
    line(
        "extend-exclude",
        !config.extend_exclude.is_empty(),
        list(&config.extend_exclude),
    );
    if out.is_empty() {
        out.push_str("# the defaults: every rule, fail on warnings, inline ignores honoured\n");
    }
    out
}

/// A flow list of scalars.
fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// `config` (the text of a `.ecsplain.yaml`) with one more `per-path-ignores` item (`path`,
/// `code`, and `pointer` when given) at the head of the list, the rest of the text as it was:
/// what the language server's "ignore in the configuration" writes. `None` when the key is
/// written in a form this does not edit (a flow list with items), or when the result would not
/// read back as that ignore with no new problem ([`Config::parse`] decides).
pub fn with_path_ignore(
    config: &str,
    path: &str,
    code: &str,
    pointer: Option<&str>,
) -> Option<String> {
    let item = |indent: &str| {
        let mut out = format!(
            "{indent}- path: {}\n{indent}  codes: [{code}]\n",
            double_quoted(path)
        );
        if let Some(pointer) = pointer {
            out.push_str(&format!("{indent}  pointer: {}\n", double_quoted(pointer)));
        }
        out
    };
    let ending = if config.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    const KEY: &str = "per-path-ignores:";
    let lines: Vec<&str> = config.split_inclusive('\n').collect();
    let at = lines.iter().position(|l| l.starts_with(KEY));
    let new = match at {
        None => {
            let mut out = config.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(ending);
            }
            out.push_str(KEY);
            out.push('\n');
            out.push_str(&item("  "));
            out
        }
        Some(at) => {
            let line = lines.get(at).copied().unwrap_or_default();
            let after = lines.get(at + 1..).unwrap_or_default();
            let value = line
                .get(KEY.len()..)
                .unwrap_or_default()
                .split(" #")
                .next()
                .unwrap_or_default()
                .trim();
            let mut out: String = lines.get(..at).unwrap_or_default().concat();
            match value {
                "" => {
                    // The block's own indentation, else two spaces.
                    let indent = after
                        .iter()
                        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                        .filter(|l| l.trim_start().starts_with("- "))
                        .map_or("  ", |l| {
                            l.get(..l.len() - l.trim_start().len()).unwrap_or("  ")
                        });
                    out.push_str(line);
                    if !line.ends_with('\n') {
                        out.push_str(ending);
                    }
                    out.push_str(&item(indent));
                }
                "[]" | "~" | "null" => {
                    out.push_str(KEY);
                    out.push('\n');
                    out.push_str(&item("  "));
                }
                _ => return None,
            }
            out.push_str(&after.concat());
            out
        }
    };
    let new = if ending == "\r\n" {
        new.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        new
    };
    // The engine must read it back with the new ignore, and no new problem.
    let (_, before) = Config::parse(".ecsplain.yaml", config);
    let (parsed, after) = Config::parse(".ecsplain.yaml", &new);
    let found = parsed.per_path_ignores.iter().any(|i| {
        i.path == path && i.codes.iter().any(|c| c == code) && i.pointer.as_deref() == pointer
    });
    (found && after.len() <= before.len()).then_some(new)
}

/// A double-quoted YAML scalar (JSON escaping is valid YAML).
fn double_quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// A block map of scalars (`{}` when empty), starting on the next line.
fn map<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        out.push_str(&format!("\n  {}: {}", quote(key), quote(value)));
    }
    if out.is_empty() {
        "{}".to_string()
    } else {
        out
    }
}

/// A YAML scalar: plain when that is unambiguous, else double-quoted (JSON escaping is valid
/// YAML).
fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~"
        )
        && crate::input::number::parse_f64(s).is_none();
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "fail-on: error\nignore: [DL3008]\nseverity: {DL3059: warning}\n\
        per-path-ignores:\n  - path: \"deploy/*.json\"\n    codes: [TD101]\n    pointer: /a/0\n\
        inline-ignores: false\ntrusted-registries: [\"*.dkr.ecr.*.amazonaws.com\"]\n\
        required-tags: [\"yes\", \"1.5\", service]\nregion: ap-northeast-1\n\
        label-schema:\n  org.opencontainers.image.source: url\nstrict-labels: true\n\
        exclude: [.git, \"*.bak\"]\nextend-exclude: [\"build/**\"]\n";

    #[test]
    fn both_key_sets_read_back_to_the_same_configuration() {
        let (config, problems) = Config::parse(".ecsplain.yaml", FULL);
        assert!(problems.is_empty(), "{problems:?}");
        for keys in [Keys::All, Keys::Changed] {
            let printed = config_yaml(&config, keys);
            let (again, problems) = Config::parse(".ecsplain.yaml", &printed);
            assert!(problems.is_empty(), "{problems:?}\n{printed}");
            assert_eq!(again, config, "{printed}");
        }
        // Ambiguous scalars are quoted, plain ones stay plain.
        let printed = config_yaml(&config, Keys::Changed);
        assert!(
            printed.contains("required-tags: [\"yes\", \"1.5\", service]"),
            "{printed}"
        );
        assert!(printed.contains("    pointer: /a/0\n"), "{printed}");
        assert!(printed.contains("exclude: [.git, \"*.bak\"]"), "{printed}");
    }

    #[test]
    fn the_defaults_print_every_key_or_only_a_comment() {
        let config = Config::default();
        let all = config_yaml(&config, Keys::All);
        assert_eq!(all.lines().count(), 12, "{all}");
        assert!(!all.contains("region") && all.contains("severity: {}\n"));
        let (again, problems) = Config::parse(".ecsplain.yaml", &all);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(again, config);
        let changed = config_yaml(&config, Keys::Changed);
        assert!(changed.starts_with('#'), "{changed}");
        assert_eq!(Config::parse(".ecsplain.yaml", &changed).0, config);
    }

    #[test]
    fn path_ignores_are_added_in_every_form() {
        let added = with_path_ignore("", "task.json", "TD101", Some("/containerDefinitions/0"));
        assert_eq!(
            added.as_deref(),
            Some(
                "per-path-ignores:\n  - path: \"task.json\"\n    codes: [TD101]\n    pointer: \"/containerDefinitions/0\"\n"
            )
        );
        let block = "fail-on: error\nper-path-ignores:\n- path: a.json\n  codes: [TD001]\nregion: us-east-1\n";
        let added = with_path_ignore(block, "b.json", "TD002", None);
        assert_eq!(
            added.as_deref(),
            Some(
                "fail-on: error\nper-path-ignores:\n- path: \"b.json\"\n  codes: [TD002]\n- path: a.json\n  codes: [TD001]\nregion: us-east-1\n"
            )
        );
        let empty = "per-path-ignores: []\nignore: [DL3008]";
        let added = with_path_ignore(empty, "c.json", "SV001", None);
        assert_eq!(
            added.as_deref(),
            Some("per-path-ignores:\n  - path: \"c.json\"\n    codes: [SV001]\nignore: [DL3008]")
        );
        // Line endings are kept.
        let added = with_path_ignore("fail-on: error\r\n", "d.json", "TD001", None);
        assert_eq!(
            added.as_deref(),
            Some("fail-on: error\r\nper-path-ignores:\r\n  - path: \"d.json\"\r\n    codes: [TD001]\r\n")
        );
        // A flow list with items is left alone.
        assert_eq!(
            with_path_ignore(
                "per-path-ignores: [{path: a, codes: [TD001]}]\n",
                "c.json",
                "SV001",
                None
            ),
            None
        );
        // What it writes, the engine reads back with the rest of the configuration.
        let (config, problems) = Config::parse(".ecsplain.yaml", &added.unwrap_or_default());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            config.fail_on,
            Config::parse("", "fail-on: error").0.fail_on
        );
        assert_eq!(config.per_path_ignores.len(), 1);
    }
}
