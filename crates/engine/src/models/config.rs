//! The configuration a team keeps beside its files: `.ecsplain.yaml` (or `.ecsplain.yml`, or JSON
//! with the same keys). YAML because hadolint users already keep a `.hadolint.yaml`, and because
//! our YAML reader gives every mistake a line and column.
//!
//! ```yaml
//! fail-on: warning                 # error | warning | info
//! select: [TD, SV, DL, DF, EP, XF] # codes or prefixes; default: every rule
//! ignore: [DL3008]                 # codes or prefixes
//! severity: { DL3059: warning }    # per-code severity overrides
//! per-path-ignores:
//!   - path: "deploy/legacy/*.json" # glob: * ? and ** (any folders)
//!     codes: [TD101]
//!     pointer: /containerDefinitions/0/user   # optional: only findings inside this JSON pointer
//! inline-ignores: true             # false: `# ecsplain ignore=` / `# hadolint ignore=` are not honoured
//! trusted-registries: ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
//! required-tags: [service, env]
//! region: ap-northeast-1           # for cost estimates
//! label-schema:                    # Dockerfile labels every image must have, and their format
//!   org.opencontainers.image.source: url   # text | url | rfc3339 | spdx | hash | semver | email
//! strict-labels: false             # true: a label not in label-schema is reported (DL3050)
//! exclude: [.git, target, node_modules]   # globs the CLI never walks into (these are the default)
//! extend-exclude: ["build/**", "*.generated.json"]   # more globs, added to `exclude`
//! ```
//!
//! `exclude` and `extend-exclude` are read by the CLI when it walks a directory (the engine does
//! no IO): the same globs as `per-path-ignores`, relative to the configuration file's folder; a
//! pattern without `/` matches a file or folder name anywhere. A file named on the command line
//! is linted even when a pattern matches it.
//!
//! Rules that hadolint leaves off by default (DL1001, DL3057) run only when `select` names them.
//!
//! Selection, ignores and severity overrides are applied centrally after the rules ran; rules only
//! see [`Settings`] (trusted registries, required tags, region).

use crate::input::diagnostic::{Diagnostic, Severity};
use crate::input::span::Span;
use crate::syntax::value::{Node, NodeKind};

/// Values rules may read.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Settings {
    pub trusted_registries: Vec<String>,
    pub required_tags: Vec<String>,
    pub region: Option<String>,
    /// `label-schema`: label name and the format its value must have, in the file's order.
    pub label_schema: Vec<(String, LabelKind)>,
    /// `strict-labels`: labels outside the schema are reported.
    pub strict_labels: bool,
}

/// The format a label's value must have (hadolint's `label-schema` types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    Text,
    Url,
    Rfc3339,
    Spdx,
    Hash,
    Semver,
    Email,
}

impl LabelKind {
    /// Every format, in the order a settings control lists them.
    pub const ALL: [LabelKind; 7] = [
        LabelKind::Text,
        LabelKind::Url,
        LabelKind::Rfc3339,
        LabelKind::Spdx,
        LabelKind::Hash,
        LabelKind::Semver,
        LabelKind::Email,
    ];

    /// The name `label-schema` uses for the format (the inverse of [`LabelKind::parse`]).
    pub fn name(self) -> &'static str {
        match self {
            LabelKind::Text => "text",
            LabelKind::Url => "url",
            LabelKind::Rfc3339 => "rfc3339",
            LabelKind::Spdx => "spdx",
            LabelKind::Hash => "hash",
            LabelKind::Semver => "semver",
            LabelKind::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<LabelKind> {
        Some(match s {
            "text" => LabelKind::Text,
            "url" => LabelKind::Url,
            "rfc3339" => LabelKind::Rfc3339,
            "spdx" => LabelKind::Spdx,
            "hash" => LabelKind::Hash,
            "semver" => LabelKind::Semver,
            "email" => LabelKind::Email,
            _ => return None,
        })
    }
}

/// Rules hadolint leaves off by default: they run only when `select` names them.
pub const OPT_IN: &[&str] = &["DL1001", "DL3057"];

impl Settings {
    /// The `required-tags` a resource's `tags` list (`[{key, value}]`, or ecspresso's
    /// `[{Key, Value}]`) lacks, in the configured order. Empty when none is configured, when all
    /// are there, and when the list cannot be read to the end (a template stands for the list or
    /// for one of its keys): a tag that may be there is never reported missing. `None` for
    /// `tags` means the resource has no tags at all.
    pub fn missing_tags(&self, tags: Option<&Node>) -> Vec<&str> {
        let required: Vec<&str> = self
            .required_tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if required.is_empty() {
            return Vec::new();
        }
        let mut present: Vec<&str> = Vec::new();
        if let Some(tags) = tags {
            let Some(items) = tags.as_array() else {
                return Vec::new(); // a template, or a wrong type (reported by TD003/SV002)
            };
            for item in items {
                if item.is_placeholder() || item.is_opaque() {
                    return Vec::new();
                }
                match item.get("key") {
                    Some(key) if key.is_placeholder() => return Vec::new(),
                    Some(key) => present.extend(key.as_str()),
                    None if item.as_object().is_none() => return Vec::new(),
                    None => {}
                }
            }
        }
        let mut missing: Vec<&str> = Vec::new();
        for key in required {
            if !present.contains(&key) && !missing.contains(&key) {
                missing.push(key);
            }
        }
        missing
    }
}

/// The message and help of a finding about missing required tags (TD308, SV025): `what` is
/// "the task definition" or "the service"; `present` are the keys it has.
pub fn missing_tags_message(what: &str, missing: &[&str], present: &[&str]) -> (String, String) {
    let names = |keys: &[&str]| -> String {
        let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        match quoted.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    };
    let message = if missing.len() == 1 {
        format!(
            "{what} has no tag {}, which `required-tags` in .ecsplain.yaml requires",
            names(missing)
        )
    } else {
        format!(
            "{what} lacks the tags {}, which `required-tags` in .ecsplain.yaml requires",
            names(missing)
        )
    };
    let mut help = format!(
        "add {} to `tags`",
        missing
            .iter()
            .map(|k| format!("{{\"key\": \"{k}\", \"value\": \"...\"}}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let near: Vec<String> = missing
        .iter()
        .filter_map(|m| {
            present
                .iter()
                .find(|p| p.eq_ignore_ascii_case(m))
                .map(|p| format!("`{p}` is not `{m}` (the case differs)"))
        })
        .collect();
    if !near.is_empty() {
        help = format!("{help}; {}", near.join(", "));
    }
    (message, help)
}

/// The keys of a `tags` list that can be read (for "the case differs" hints).
pub fn tag_keys(tags: Option<&Node>) -> Vec<&str> {
    tags.and_then(Node::as_array)
        .unwrap_or(&[])
        .iter()
        .filter_map(|item| item.get_str("key"))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PathIgnore {
    pub path: String,
    pub codes: Vec<String>,
    pub pointer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Config {
    pub fail_on: Severity,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub per_path_ignores: Vec<PathIgnore>,
    pub inline_ignores: bool,
    pub settings: Settings,
    /// Globs of paths the CLI does not walk into: [`DEFAULT_EXCLUDE`] unless the file sets it.
    pub exclude: Vec<String>,
    /// More globs, added to `exclude`.
    pub extend_exclude: Vec<String>,
}

/// What `exclude` is when a configuration does not set it.
pub const DEFAULT_EXCLUDE: [&str; 3] = [".git", "target", "node_modules"];

impl Default for Config {
    fn default() -> Config {
        Config {
            fail_on: Severity::Warning,
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            per_path_ignores: Vec::new(),
            inline_ignores: true,
            settings: Settings::default(),
            exclude: DEFAULT_EXCLUDE.iter().map(|s| (*s).to_string()).collect(),
            extend_exclude: Vec::new(),
        }
    }
}

const KEYS: [&str; 13] = [
    "fail-on",
    "select",
    "ignore",
    "severity",
    "per-path-ignores",
    "inline-ignores",
    "trusted-registries",
    "required-tags",
    "region",
    "label-schema",
    "strict-labels",
    "exclude",
    "extend-exclude",
];

/// The file names looked for, in order, when walking up from a linted path.
pub const FILE_NAMES: [&str; 3] = [".ecsplain.yaml", ".ecsplain.yml", ".ecsplain.json"];

impl Config {
    /// Reads a configuration file. Never fails: problems are IN011 findings on the file, and the
    /// keys that could be read still apply.
    pub fn parse(path: &str, text: &str) -> (Config, Vec<Diagnostic>) {
        let lower = path.to_ascii_lowercase();
        let parsed = if lower.ends_with(".json") {
            crate::syntax::json::parse(text)
        } else {
            crate::syntax::yaml::parse(text)
        };
        let mut diagnostics = parsed.diagnostics;
        let mut config = Config::default();
        if let Some(root) = &parsed.root {
            config.read(root, &mut diagnostics);
        }
        (config, diagnostics)
    }

    fn read(&mut self, root: &Node, out: &mut Vec<Diagnostic>) {
        let rule = &crate::input::codes::IN011;
        let Some(object) = root.as_object() else {
            if !root.is_null() {
                out.push(rule.diag_msg(root.span, crate::msg!(in011::NOT_MAPPING)));
            }
            return;
        };
        for member in &object.members {
            let key = member.key.as_str();
            let value = &member.value;
            match key {
                "fail-on" => match value.as_str().and_then(Severity::parse) {
                    Some(s) => self.fail_on = s,
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::FAIL_ON))),
                },
                "select" => self.select = strings(value, key, out),
                "ignore" => self.ignore = strings(value, key, out),
                "exclude" => self.exclude = strings(value, key, out),
                "extend-exclude" => self.extend_exclude = strings(value, key, out),
                "trusted-registries" => self.settings.trusted_registries = strings(value, key, out),
                "required-tags" => self.settings.required_tags = strings(value, key, out),
                "region" => match value.as_str() {
                    Some(r) => self.settings.region = Some(r.to_string()),
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::REGION))),
                },
                "label-schema" => match value.as_object() {
                    Some(map) => {
                        for m in &map.members {
                            match m.value.as_str().and_then(LabelKind::parse) {
                                Some(kind) => {
                                    self.settings.label_schema.push((m.key.clone(), kind))
                                }
                                None => out.push(
                                    rule.diag_msg(m.value.span, crate::msg!(in011::LABEL_FORMAT)),
                                ),
                            }
                        }
                    }
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::LABEL_SCHEMA))),
                },
                "strict-labels" => match value.as_bool() {
                    Some(b) => self.settings.strict_labels = b,
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::STRICT_LABELS))),
                },
                "inline-ignores" => match value.as_bool() {
                    Some(b) => self.inline_ignores = b,
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::INLINE_IGNORES))),
                },
                "severity" => match value.as_object() {
                    Some(map) => {
                        for m in &map.members {
                            match m.value.as_str().and_then(Severity::parse) {
                                Some(s) => self.severity.push((m.key.to_ascii_uppercase(), s)),
                                None => out.push(
                                    rule.diag_msg(m.value.span, crate::msg!(in011::SEVERITY_VALUE)),
                                ),
                            }
                        }
                    }
                    None => out.push(rule.diag_msg(value.span, crate::msg!(in011::SEVERITY))),
                },
                "per-path-ignores" => {
                    for item in value.as_array().unwrap_or(&[]) {
                        let path = item.get_str("path");
                        let codes = item
                            .get("codes")
                            .map(|c| strings(c, "codes", out))
                            .unwrap_or_default();
                        match path {
                            Some(p) if !codes.is_empty() => {
                                self.per_path_ignores.push(PathIgnore {
                                    path: p.to_string(),
                                    codes,
                                    pointer: item.get_str("pointer").map(str::to_string),
                                })
                            }
                            _ => out
                                .push(rule.diag_msg(item.span, crate::msg!(in011::PER_PATH_ITEM))),
                        }
                    }
                    if value.as_array().is_none() {
                        out.push(rule.diag_msg(value.span, crate::msg!(in011::PER_PATH)));
                    }
                }
                _ => {
                    let mut d =
                        rule.diag_msg(member.key_span, crate::msg!(in011::UNKNOWN_KEY, key = key));
                    if let Some(best) = crate::input::text::suggest(key, KEYS) {
                        d.set_help_msg(crate::msg!(in011::HELP_DID_YOU_MEAN, suggestion = best));
                    } else {
                        d.set_help_msg(crate::msg!(
                            in011::HELP_KNOWN_KEYS,
                            keys = crate::input::msg::Arg::List(
                                KEYS.iter().map(|k| (*k).into()).collect()
                            )
                        ));
                    }
                    out.push(d);
                }
            }
        }
    }

    /// Is this rule code selected and not ignored?
    pub fn enabled(&self, code: &str) -> bool {
        let matches = |pattern: &String| code_matches(code, pattern);
        if OPT_IN.contains(&code) {
            return self.select.iter().any(|p| p.eq_ignore_ascii_case(code))
                && !self.ignore.iter().any(matches);
        }
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }

    /// The severity a finding of this code gets.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity
            .iter()
            .rev()
            .find(|(c, _)| c == code)
            .map_or(default, |(_, s)| *s)
    }

    /// Is `path` (relative to the configuration file's folder, `/`-separated) excluded from
    /// walking by `exclude` or `extend-exclude`? A folder's path excludes everything under it.
    pub fn excluded(&self, path: &str) -> bool {
        self.exclude
            .iter()
            .chain(&self.extend_exclude)
            .any(|pattern| glob_match(pattern, path))
    }

    /// Is a finding at `span` of `code` in the input at `path` (with its tree) ignored by path?
    pub fn path_ignored(&self, path: &str, code: &str, span: Span, tree: Option<&Node>) -> bool {
        self.per_path_ignores.iter().any(|ignore| {
            glob_match(&ignore.path, path)
                && ignore.codes.iter().any(|c| code_matches(code, c))
                && match (&ignore.pointer, tree) {
                    (None, _) => true,
                    (Some(pointer), Some(root)) => {
                        root.pointer_extent(pointer).is_some_and(|extent| {
                            span.start >= extent.start && span.start <= extent.end
                        })
                    }
                    (Some(_), None) => false,
                }
        })
    }
}

/// The IN011 messages (their Japanese: `rules/input/in011_invalid_config.ja.msg`).
pub mod in011 {
    crate::messages! {
        "IN011";
        NOT_MAPPING = "the configuration must be a mapping of keys to values";
        FAIL_ON = "`fail-on` is one of error, warning, info";
        REGION = "`region` is a string such as us-east-1";
        LABEL_FORMAT = "a label format is one of text, url, rfc3339, spdx, hash, semver, email";
        LABEL_SCHEMA = "`label-schema` maps label names to a format (text, url, rfc3339, spdx, hash, semver, email)";
        STRICT_LABELS = "`strict-labels` is true or false";
        INLINE_IGNORES = "`inline-ignores` is true or false";
        SEVERITY_VALUE = "a severity is error, warning or info";
        SEVERITY = "`severity` maps rule codes to error, warning or info";
        PER_PATH_ITEM = "each per-path ignore needs `path` and `codes`";
        PER_PATH = "`per-path-ignores` is a list";
        HOLDS_STRINGS = "`{key}` holds strings";
        LIST_OF_STRINGS = "`{key}` is a list of strings";
        UNKNOWN_KEY = "unknown key `{key}`";
        HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
        HELP_KNOWN_KEYS = "known keys: {keys}";
    }
}

fn strings(value: &Node, key: &str, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let rule = &crate::input::codes::IN011;
    match &value.kind {
        NodeKind::String(s) => vec![s.clone()],
        NodeKind::Array(items) => items
            .iter()
            .filter_map(|item| match item.as_str() {
                Some(s) => Some(s.to_string()),
                None => {
                    out.push(
                        rule.diag_msg(item.span, crate::msg!(in011::HOLDS_STRINGS, key = key)),
                    );
                    None
                }
            })
            .collect(),
        _ => {
            out.push(rule.diag_msg(value.span, crate::msg!(in011::LIST_OF_STRINGS, key = key)));
            Vec::new()
        }
    }
}

/// A code matches a pattern that is the code itself or a prefix of it (`TD`, `DL30`).
pub fn code_matches(code: &str, pattern: &str) -> bool {
    let pattern = pattern.trim();
    !pattern.is_empty()
        && code.len() >= pattern.len()
        && code[..pattern.len()].eq_ignore_ascii_case(pattern)
}

/// Glob matching on `/`-separated paths: `*` any run within a folder, `?` one character, `**`
/// any number of folders. A pattern without `/` matches the file name anywhere.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or(path);
        return segment_match(pattern.as_bytes(), name.as_bytes());
    }
    let pattern = pattern.trim_start_matches("./");
    let p: Vec<&str> = pattern.split('/').collect();
    let s: Vec<&str> = path.split('/').collect();
    segments_match(&p, &s)
}

fn segments_match(p: &[&str], s: &[&str]) -> bool {
    match p.split_first() {
        None => s.is_empty(),
        Some((&"**", rest)) => (0..=s.len()).any(|i| segments_match(rest, &s[i..])),
        Some((first, rest)) => s.split_first().is_some_and(|(name, tail)| {
            segment_match(first.as_bytes(), name.as_bytes()) && segments_match(rest, tail)
        }),
    }
}

fn segment_match(p: &[u8], s: &[u8]) -> bool {
    // Iterative wildcard matching with backtracking to the last `*`.
    let (mut pi, mut si) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while si < s.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == s[si]) {
            pi += 1;
            si += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some(pi);
            mark = si;
            pi += 1;
        } else if let Some(st) = star {
            pi = st + 1;
            mark += 1;
            si = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_required_tags() {
        let settings = Settings {
            required_tags: vec!["service".into(), "env".into(), " ".into()],
            ..Settings::default()
        };
        let tags = |json: &str| crate::syntax::json::parse(json).root;
        let missing = |json: &str| -> Vec<String> {
            let root = tags(json);
            settings
                .missing_tags(root.as_ref())
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        assert_eq!(settings.missing_tags(None), ["service", "env"]);
        assert_eq!(missing(r#"[{"key": "service", "value": "a"}]"#), ["env"]);
        assert_eq!(missing(r#"[{"Key": "env"}, {"Key": "service"}]"#), [""; 0]);
        assert_eq!(missing(r#"[{"key": "Env"}]"#), ["service", "env"]);
        // Undecidable: a template for the list, for an entry or for a key.
        assert!(missing(r#""{{ tags }}""#).is_empty());
        assert!(missing(r#"["{{ tag }}"]"#).is_empty());
        assert!(missing(r#"[{"key": "{{ must_env `K` }}"}]"#).is_empty());
        // A wrong type is another rule's finding.
        assert!(missing(r#"{"service": "a"}"#).is_empty());
        assert!(Settings::default().missing_tags(None).is_empty());
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.json", "deploy/task.json"));
        assert!(glob_match("deploy/*.json", "./deploy/task.json"));
        assert!(!glob_match("deploy/*.json", "deploy/a/task.json"));
        assert!(glob_match("deploy/**/*.json", "deploy/a/b/task.json"));
        assert!(glob_match("**/Dockerfile", "Dockerfile"));
        assert!(glob_match("t?sk.json", "task.json"));
    }

    #[test]
    fn exclude_replaces_the_defaults_and_extend_exclude_adds() {
        let defaults = Config::default();
        assert!(defaults.excluded("node_modules") && defaults.excluded("a/target"));
        assert!(!defaults.excluded("deploy/task-def.json"));
        let (config, diags) = Config::parse(
            ".ecsplain.yaml",
            "exclude: [vendor]\nextend-exclude: [\"build/**\", \"*.generated.json\"]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(
            !config.excluded("node_modules"),
            "exclude replaces the defaults"
        );
        assert!(config.excluded("vendor") && config.excluded("a/vendor"));
        assert!(config.excluded("build") && config.excluded("build/x/task-def.json"));
        assert!(
            !config.excluded("a/build/task-def.json"),
            "anchored to the config's folder"
        );
        assert!(config.excluded("deploy/web.generated.json"));
        let (_, diags) = Config::parse(".ecsplain.yaml", "exclude: 3\n");
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn config_reads_and_reports_unknown_keys() {
        let (config, diags) = Config::parse(
            ".ecsplain.json",
            r#"{"fail-on": "error", "ignore": ["DL3008", "TD1"], "severity": {"DL3059": "warning"}, "trusted-registry": []}"#,
        );
        assert_eq!(config.fail_on, Severity::Error);
        assert!(!config.enabled("DL3008") && !config.enabled("TD101") && config.enabled("TD001"));
        assert_eq!(
            config.severity_of("DL3059", Severity::Info),
            Severity::Warning
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].help.as_deref(),
            Some("did you mean `trusted-registries`?")
        );
    }

    #[test]
    fn label_kind_names_round_trip() {
        for kind in LabelKind::ALL {
            assert_eq!(LabelKind::parse(kind.name()), Some(kind));
        }
    }

    #[test]
    fn label_schema_and_opt_in_rules() {
        let (config, problems) = Config::parse(
            ".ecsplain.yaml",
            "label-schema:\n  org.opencontainers.image.source: url\n  team: text\nstrict-labels: true\n",
        );
        assert!(problems.is_empty());
        assert_eq!(
            config.settings.label_schema,
            [
                (
                    "org.opencontainers.image.source".to_string(),
                    LabelKind::Url
                ),
                ("team".to_string(), LabelKind::Text)
            ]
        );
        assert!(config.settings.strict_labels);
        let (_, problems) = Config::parse(".ecsplain.yaml", "label-schema: { team: colour }\n");
        assert_eq!(problems.len(), 1);
        // DL3057 runs only when named, even when its prefix is selected.
        assert!(!Config::default().enabled("DL3057"));
        let (config, _) = Config::parse(".ecsplain.yaml", "select: [DL]\n");
        assert!(!config.enabled("DL3057") && config.enabled("DL3008"));
        let (config, _) = Config::parse(".ecsplain.yaml", "select: [DL3057]\n");
        assert!(config.enabled("DL3057"));
    }
}
