//! What the page keeps and sends: the settings a team would put in `.ecsplain.yaml`, the share
//! state of a link or a downloaded file, the Markdown summary and the export formats.
//!
//! Pure functions over engine types, so native tests cover them; the components in
//! `components/{share,settings,export}.rs` only call them.

use std::collections::BTreeMap;
use std::rc::Rc;

use ecsplain_engine::config::{LabelKind, PathIgnore, Settings};
use ecsplain_engine::share::ShareState;
use ecsplain_engine::{report, Config, Finding, Input, Kind, Severity};

use crate::state::{
    clean_path, Loaded, Project, ProjectFile, View, MAX_EXTRA_FILES, PANES, PANE_COUNT, SLUGS,
};

/// The settings the page can edit: the same keys as `.ecsplain.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSettings {
    pub fail_on: Severity,
    /// Codes or prefixes to run; empty: every rule.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub inline_ignores: bool,
    pub trusted_registries: Vec<String>,
    pub required_tags: Vec<String>,
    pub region: String,
    /// Ignores by path glob, codes and (for JSON) pointer: "ignore this finding here".
    pub per_path_ignores: Vec<PathIgnore>,
    /// `label-schema`: the Dockerfile labels a team requires, with their formats (DL3049 and
    /// the label format rules).
    pub label_schema: Vec<(String, LabelKind)>,
    /// `strict-labels`: labels outside the schema are reported (DL3050).
    pub strict_labels: bool,
}

impl Default for PageSettings {
    fn default() -> PageSettings {
        PageSettings {
            fail_on: Severity::Warning,
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            inline_ignores: true,
            trusted_registries: Vec::new(),
            required_tags: Vec::new(),
            region: String::new(),
            per_path_ignores: Vec::new(),
            label_schema: Vec::new(),
            strict_labels: false,
        }
    }
}

/// Reads a label schema typed by hand (`key=format`, separated by commas, spaces or lines):
/// the entries, and the items that could not be read.
pub fn parse_label_schema(text: &str) -> (Vec<(String, LabelKind)>, Vec<String>) {
    let mut schema: Vec<(String, LabelKind)> = Vec::new();
    let mut bad = Vec::new();
    for item in split_list(text) {
        match item.split_once('=') {
            Some((key, kind)) if !key.trim().is_empty() => {
                match LabelKind::parse(&kind.trim().to_ascii_lowercase()) {
                    Some(kind) => {
                        let key = key.trim().to_string();
                        schema.retain(|(k, _)| *k != key);
                        schema.push((key, kind));
                    }
                    None => bad.push(item),
                }
            }
            _ => bad.push(item),
        }
    }
    (schema, bad)
}

/// A label schema as the settings form shows it (`key=format, ...`).
pub fn format_label_schema(schema: &[(String, LabelKind)]) -> String {
    schema
        .iter()
        .map(|(key, kind)| format!("{key}={}", kind.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits a list typed by hand: commas, spaces or new lines separate items.
pub fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text.split(|c: char| c == ',' || c.is_whitespace()) {
        let item = item.trim();
        if !item.is_empty() && !out.iter().any(|o| o == item) {
            out.push(item.to_string());
        }
    }
    out
}

/// Parses severity overrides typed as `CODE=level` items (`DL3059=warning, TD101=info`).
/// Returns the overrides and the items that could not be read.
pub fn parse_overrides(text: &str) -> (Vec<(String, Severity)>, Vec<String>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for item in split_list(text) {
        let parsed = item.split_once(['=', ':']).and_then(|(code, level)| {
            let code = code.trim().to_ascii_uppercase();
            let level = Severity::parse(level.trim().to_ascii_lowercase().as_str())?;
            (!code.is_empty()).then_some((code, level))
        });
        match parsed {
            Some(pair) => ok.push(pair),
            None => bad.push(item),
        }
    }
    (ok, bad)
}

pub fn format_overrides(overrides: &[(String, Severity)]) -> String {
    overrides
        .iter()
        .map(|(code, level)| format!("{code}={}", level.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl PageSettings {
    /// The engine configuration these settings make.
    pub fn config(&self) -> Config {
        Config {
            fail_on: self.fail_on,
            select: self.select.iter().map(|c| c.to_ascii_uppercase()).collect(),
            ignore: self.ignore.iter().map(|c| c.to_ascii_uppercase()).collect(),
            per_path_ignores: self.per_path_ignores.clone(),
            severity: self.severity.clone(),
            inline_ignores: self.inline_ignores,
            settings: Settings {
                trusted_registries: self.trusted_registries.clone(),
                required_tags: self.required_tags.clone(),
                region: (!self.region.trim().is_empty()).then(|| self.region.trim().to_string()),
                label_schema: self.label_schema.clone(),
                strict_labels: self.strict_labels,
            },
            // `exclude` and `extend-exclude` steer the CLI's walk; the page walks nothing.
            ..Config::default()
        }
    }

    /// The page's settings from a configuration (a pasted `.ecsplain.yaml`).
    pub fn from_config(config: &Config) -> PageSettings {
        PageSettings {
            fail_on: config.fail_on,
            select: config.select.clone(),
            ignore: config.ignore.clone(),
            severity: config.severity.clone(),
            inline_ignores: config.inline_ignores,
            trusted_registries: config.settings.trusted_registries.clone(),
            required_tags: config.settings.required_tags.clone(),
            region: config.settings.region.clone().unwrap_or_default(),
            per_path_ignores: config.per_path_ignores.clone(),
            label_schema: config.settings.label_schema.clone(),
            strict_labels: config.settings.strict_labels,
        }
    }

    /// Adds "ignore `code` at `path` (under `pointer`)", unless an equal entry exists.
    pub fn add_path_ignore(&mut self, path: &str, code: &str, pointer: Option<String>) {
        let entry = PathIgnore {
            path: path.to_string(),
            codes: vec![code.to_string()],
            pointer,
        };
        if !self.per_path_ignores.contains(&entry) {
            self.per_path_ignores.push(entry);
        }
    }

    pub fn is_default(&self) -> bool {
        *self == PageSettings::default()
    }

    /// The equivalent `.ecsplain.yaml`: only keys that differ from the defaults, written by
    /// the engine's one writer (the CLI's `ecsplain config` prints every key the same way).
    pub fn to_yaml(&self) -> String {
        ecsplain_engine::workspace::config_yaml(
            &self.config(),
            ecsplain_engine::workspace::Keys::Changed,
        )
    }

    /// The settings as the string map of a share link (`ShareState.settings`); defaults left out.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        let default = PageSettings::default();
        if self.fail_on != default.fail_on {
            map.insert("fail-on".into(), self.fail_on.as_str().into());
        }
        if !self.select.is_empty() {
            map.insert("select".into(), self.select.join(","));
        }
        if !self.ignore.is_empty() {
            map.insert("ignore".into(), self.ignore.join(","));
        }
        if !self.per_path_ignores.is_empty() {
            // JSON inside the map's string: paths and pointers may hold any character.
            let list: Vec<serde_json::Value> = self
                .per_path_ignores
                .iter()
                .map(|p| {
                    serde_json::json!({ "path": p.path, "codes": p.codes, "pointer": p.pointer })
                })
                .collect();
            map.insert(
                "per-path-ignores".into(),
                serde_json::Value::Array(list).to_string(),
            );
        }
        if !self.severity.is_empty() {
            map.insert("severity".into(), format_overrides(&self.severity));
        }
        if !self.inline_ignores {
            map.insert("inline-ignores".into(), "false".into());
        }
        if !self.trusted_registries.is_empty() {
            map.insert(
                "trusted-registries".into(),
                self.trusted_registries.join(","),
            );
        }
        if !self.required_tags.is_empty() {
            map.insert("required-tags".into(), self.required_tags.join(","));
        }
        if !self.region.trim().is_empty() {
            map.insert("region".into(), self.region.trim().into());
        }
        if !self.label_schema.is_empty() {
            map.insert(
                "label-schema".into(),
                format_label_schema(&self.label_schema),
            );
        }
        if self.strict_labels {
            map.insert("strict-labels".into(), "true".into());
        }
        map
    }

    /// Reads a share link's settings map; unknown keys and unreadable values are skipped.
    pub fn from_map(map: &BTreeMap<String, String>) -> PageSettings {
        let mut s = PageSettings::default();
        for (key, value) in map {
            match key.as_str() {
                "fail-on" => {
                    if let Some(level) = Severity::parse(value) {
                        s.fail_on = level;
                    }
                }
                "select" => s.select = split_list(value),
                "ignore" => s.ignore = split_list(value),
                "per-path-ignores" => s.per_path_ignores = read_path_ignores(value),
                "severity" => s.severity = parse_overrides(value).0,
                "inline-ignores" => s.inline_ignores = value != "false",
                "trusted-registries" => s.trusted_registries = split_list(value),
                "required-tags" => s.required_tags = split_list(value),
                "region" => s.region = value.trim().to_string(),
                "label-schema" => s.label_schema = parse_label_schema(value).0,
                "strict-labels" => s.strict_labels = value == "true",
                _ => {}
            }
        }
        s
    }
}

/// Per-path ignores from a share link's JSON; unreadable entries are skipped.
fn read_path_ignores(json: &str) -> Vec<PathIgnore> {
    let Some(serde_json::Value::Array(items)) = ecsplain_engine::json::to_value(json) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let path = item.get("path")?.as_str()?.to_string();
            let codes: Vec<String> = item
                .get("codes")?
                .as_array()?
                .iter()
                .filter_map(|c| c.as_str().map(str::to_string))
                .collect();
            let pointer = item
                .get("pointer")
                .and_then(|p| p.as_str())
                .map(str::to_string);
            (!path.is_empty() && !codes.is_empty()).then_some(PathIgnore {
                path,
                codes,
                pointer,
            })
        })
        .collect()
}

/// The name of a view (and pane) in a share link: a pane's slug in the editor, `rules`, or
/// `rule/CODE` when a rule's explanation is open in the rules view.
pub fn view_name(view: View, active: usize) -> String {
    match view {
        View::Rules => "rules".to_string(),
        View::Sizing => "sizing".to_string(),
        View::Explain => "explain".to_string(),
        View::Learn => "learn".to_string(),
        View::Checklist => "checklist".to_string(),
        _ => match active.checked_sub(PANE_COUNT) {
            Some(i) => format!("file/{i}"),
            None => SLUGS.get(active).unwrap_or(&SLUGS[0]).to_string(),
        },
    }
}

/// The view and pane a link names; unknown names open the editor on the first pane.
pub fn parse_view(name: &str) -> (View, usize) {
    match name {
        "rules" => return (View::Rules, 0),
        "sizing" => return (View::Sizing, 0),
        "explain" => return (View::Explain, 0),
        "learn" => return (View::Learn, 0),
        "checklist" => return (View::Checklist, 0),
        _ => {}
    }
    if let Some(i) = name
        .strip_prefix("file/")
        .and_then(|i| i.parse::<usize>().ok())
    {
        if i < MAX_EXTRA_FILES {
            return (View::Editor, PANE_COUNT + i);
        }
    }
    match SLUGS.iter().position(|s| *s == name) {
        Some(pane) => (View::Editor, pane),
        None => (View::Editor, 0),
    }
}

/// Everything a link carries: every file of the project, the variables' values, the view, the
/// settings and the checklist ticks.
pub fn share_state(
    project: &Project,
    vars: &BTreeMap<String, String>,
    view: View,
    active: usize,
    settings: &PageSettings,
    ticks: &[String],
) -> ShareState {
    let some = |t: &Rc<str>| (!t.is_empty()).then(|| t.to_string());
    let texts = &project.texts;
    let kinds: Vec<String> = project
        .extra
        .iter()
        .map(|f| f.kind.map_or("", Kind::as_str).to_string())
        .collect();
    let paths: Vec<String> = project
        .paths
        .iter()
        .map(|p| p.as_deref().unwrap_or("").to_string())
        .collect();
    ShareState {
        task_definition: some(&texts[0]),
        service_definition: some(&texts[1]),
        dockerfile: some(&texts[2]),
        ecspresso: some(&texts[3]),
        files: project
            .extra
            .iter()
            .map(|f| (f.path.to_string(), f.text.to_string()))
            .collect(),
        // Left out when they say nothing, so simple links stay short.
        kinds: if kinds.iter().all(String::is_empty) {
            Vec::new()
        } else {
            kinds
        },
        paths: if paths.iter().all(String::is_empty) {
            Vec::new()
        } else {
            paths
        },
        variables: vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        view: Some(view_name(view, active)),
        settings: settings.to_map(),
        ticks: ticks.to_vec(),
        ..ShareState::new()
    }
}

/// The pane texts of a share state.
pub fn share_texts(state: &ShareState) -> [String; PANE_COUNT] {
    [
        state.task_definition.clone().unwrap_or_default(),
        state.service_definition.clone().unwrap_or_default(),
        state.dockerfile.clone().unwrap_or_default(),
        state.ecspresso.clone().unwrap_or_default(),
    ]
}

/// The project a share state holds (links of every schema: extra files of a schema-1 link are
/// read too, with their kinds detected).
pub fn share_project(state: &ShareState) -> Project {
    let mut project = Project::panes(share_texts(state).map(Rc::from));
    for (slot, path) in project.paths.iter_mut().zip(&state.paths) {
        *slot = clean_path(path).map(Rc::from);
    }
    for (i, (path, text)) in state.files.iter().enumerate().take(MAX_EXTRA_FILES) {
        let Some(path) = clean_path(path) else {
            continue;
        };
        // A pane's own path (given or default, not the one the config would give it): the file
        // is that pane's text when the pane has none.
        let pane = (0..PANE_COUNT).find(|&pane| match &project.paths[pane] {
            Some(given) => **given == *path,
            None => ecsplain_engine::workspace::default_path(Some(PANES[pane])) == path,
        });
        if let Some(pane) = pane {
            if project.texts[pane].is_empty() {
                project.texts[pane] = Rc::from(text.as_str());
            }
            continue;
        }
        if project.extra.iter().any(|f| *f.path == *path) {
            continue;
        }
        project.extra.push(ProjectFile {
            path: Rc::from(path),
            text: Rc::from(text.as_str()),
            kind: state.kinds.get(i).and_then(|k| Kind::parse(k)),
        });
    }
    project
}

/// Everything a share state restores.
pub fn share_loaded(state: &ShareState) -> Loaded {
    let project = share_project(state);
    let (view, mut active) = parse_view(state.view.as_deref().unwrap_or(""));
    if active >= project.len() {
        active = 0;
    }
    Loaded {
        project,
        vars: ecsplain_engine::order::btree_map(
            state
                .variables
                .iter()
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .cloned(),
        ),
        view,
        active,
        settings: Rc::new(PageSettings::from_map(&state.settings)),
    }
}

/// A state file (`.ecsplain.json`) holds a [`ShareState`] as JSON, with the same short keys.
pub fn state_file(state: &ShareState) -> String {
    serde_json::to_string_pretty(state).unwrap_or_default()
}

/// The largest state file the page opens (the share decoder's own cap).
pub const MAX_STATE_FILE: usize = ecsplain_engine::share::MAX_STATE_BYTES;

/// Why a state file could not be opened ([`StateFileError::message`] says it for the banner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateFileError {
    /// Larger than [`MAX_STATE_FILE`]: its size in bytes.
    TooLarge(usize),
    /// Not a state file: the JSON reader's detail (clipped).
    NotState(String),
}

impl StateFileError {
    /// The sentence for the banner, in the reader's language.
    pub fn message(&self, tr: crate::i18n::Tr) -> String {
        match self {
            StateFileError::TooLarge(bytes) => tr.state_too_large(*bytes),
            StateFileError::NotState(detail) => tr.state_not_state(detail.clone()),
        }
    }
}

/// Reads a state file.
pub fn read_state_file(text: &str) -> Result<ShareState, StateFileError> {
    if text.len() > MAX_STATE_FILE {
        return Err(StateFileError::TooLarge(text.len()));
    }
    ShareState::from_json(text).map_err(|mut detail| {
        if detail.len() > 160 {
            let mut end = 160;
            while !detail.is_char_boundary(end) {
                end -= 1;
            }
            detail.truncate(end);
            detail.push('…');
        }
        StateFileError::NotState(detail)
    })
}

/// A findings table in Markdown, for a pull-request comment or a ticket. User text is escaped
/// so it can neither break the table nor become markup.
pub fn markdown_summary(findings: &[Finding]) -> String {
    markdown_summary_in(findings, crate::i18n::Tr::default())
}

/// [`markdown_summary`] with its fixed phrases and the findings' messages in the reader's
/// language (severities and codes stay as the CLI prints them).
pub fn markdown_summary_in(findings: &[Finding], tr: crate::i18n::Tr) -> String {
    let mut out = String::new();
    if findings.is_empty() {
        out.push_str(tr.md_none());
        out.push('\n');
        return out;
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&tr.md_counts(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    ));
    out.push_str("\n\n");
    out.push_str(tr.md_header());
    out.push_str("\n|---|---|---|---|\n");
    for f in findings {
        let mut f = f.clone();
        f.localize(tr.lang);
        out.push_str(&format!(
            "| {} | {} | `{}:{}:{}` | {} |\n",
            f.severity.as_str(),
            f.code,
            md_code(&f.path),
            f.line,
            f.column,
            md_escape(&f.message)
        ));
    }
    out
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn md_code(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '`' | '|' | '\n' | '\r' => '_',
            c => c,
        })
        .collect()
}

/// The export formats, as the CLI names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Sarif,
    Github,
    Gitlab,
    Text,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Sarif,
        Format::Json,
        Format::Github,
        Format::Gitlab,
        Format::Text,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Text => "text",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Sarif => "SARIF 2.1.0",
            Format::Github => "GitHub annotations",
            Format::Gitlab => "GitLab Code Quality",
            Format::Text => "Text",
        }
    }

    /// The file name a download gets.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "ecsplain.json",
            Format::Sarif => "ecsplain.sarif",
            Format::Github => "ecsplain-github.txt",
            Format::Gitlab => "gl-code-quality-report.json",
            Format::Text => "ecsplain.txt",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Json | Format::Gitlab => "application/json",
            Format::Sarif => "application/sarif+json",
            Format::Github | Format::Text => "text/plain",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The findings in a format, through the engine's own renderers (what the CLI prints).
pub fn export(format: Format, findings: &[Finding], inputs: &[Input]) -> String {
    match format {
        Format::Json => report::json::render(findings),
        Format::Sarif => report::sarif::render(findings, inputs, None),
        Format::Github => report::github::render(findings),
        Format::Gitlab => report::gitlab::render(findings, inputs),
        Format::Text => report::text::render(findings, inputs, report::text::Style::default()),
    }
}

/// The CLI command that prints the same output in a pipeline.
pub fn cli_command(format: Format, inputs: &[Input], settings: &PageSettings) -> String {
    let mut command = format!("ecsplain lint --format {}", format.name());
    if settings.fail_on != Severity::Warning {
        command.push_str(&format!(" --fail-on {}", settings.fail_on.as_str()));
    }
    for input in inputs {
        command.push(' ');
        command.push_str(&shell_word(&input.path));
    }
    command
}

fn shell_word(word: &str) -> String {
    let plain = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if plain && !word.is_empty() {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PageSettings {
        PageSettings {
            fail_on: Severity::Error,
            select: vec!["TD".into(), "DL3008".into()],
            ignore: vec!["TD001".into(), "DL".into()],
            severity: vec![("DL3059".into(), Severity::Warning)],
            inline_ignores: false,
            trusted_registries: vec!["*.dkr.ecr.*.amazonaws.com".into(), "public.ecr.aws".into()],
            required_tags: vec!["service".into(), "env".into()],
            region: "ap-northeast-1".into(),
            per_path_ignores: vec![
                PathIgnore {
                    path: "ecs-task-def.json".into(),
                    codes: vec!["TD102".into()],
                    pointer: Some("/containerDefinitions/0/user".into()),
                },
                PathIgnore {
                    path: "legacy/*.json".into(),
                    codes: vec!["TD101".into(), "TD103".into()],
                    pointer: None,
                },
            ],
            label_schema: vec![
                ("org.opencontainers.image.source".into(), LabelKind::Url),
                ("team".into(), LabelKind::Text),
            ],
            strict_labels: true,
        }
    }

    #[test]
    fn label_schemas_are_read_leniently() {
        let (schema, bad) = parse_label_schema(
            "team=text, org.opencontainers.image.created=RFC3339 x=colour =url team=email",
        );
        assert_eq!(
            schema,
            vec![
                (
                    "org.opencontainers.image.created".to_string(),
                    LabelKind::Rfc3339
                ),
                ("team".to_string(), LabelKind::Email),
            ]
        );
        assert_eq!(bad, vec!["x=colour".to_string(), "=url".to_string()]);
        assert_eq!(parse_label_schema(&format_label_schema(&schema)).0, schema);
    }

    #[test]
    fn the_yaml_says_what_the_config_does() {
        let settings = sample();
        let (parsed, problems) = Config::parse(".ecsplain.yaml", &settings.to_yaml());
        assert!(problems.is_empty(), "{problems:?}\n{}", settings.to_yaml());
        assert_eq!(parsed, settings.config());
        let (parsed, problems) =
            Config::parse(".ecsplain.yaml", &PageSettings::default().to_yaml());
        assert!(problems.is_empty());
        assert_eq!(parsed, PageSettings::default().config());
        // The page writes each key as the CLI's `ecsplain config` does (one engine writer):
        // every line of the page's YAML is a line of the full configuration.
        let full = ecsplain_engine::workspace::config_yaml(
            &settings.config(),
            ecsplain_engine::workspace::Keys::All,
        );
        let page = settings.to_yaml();
        let mut lines = full.lines();
        for line in page.lines() {
            assert!(lines.any(|l| l == line), "{line:?} in\n{full}");
        }
    }

    #[test]
    fn a_pasted_config_becomes_the_same_settings() {
        let settings = sample();
        let (config, problems) = Config::parse(".ecsplain.yaml", &settings.to_yaml());
        assert!(problems.is_empty());
        assert_eq!(PageSettings::from_config(&config), settings);
    }

    #[test]
    fn ignoring_a_finding_here_adds_one_entry() {
        let mut settings = PageSettings::default();
        settings.add_path_ignore("ecs-task-def.json", "TD102", Some("/a/0".into()));
        settings.add_path_ignore("ecs-task-def.json", "TD102", Some("/a/0".into()));
        assert_eq!(settings.per_path_ignores.len(), 1);
        assert!(settings.to_yaml().contains("pointer: /a/0\n"));
    }

    #[test]
    fn settings_round_trip_through_the_share_map() {
        let settings = sample();
        assert_eq!(PageSettings::from_map(&settings.to_map()), settings);
        assert!(PageSettings::default().to_map().is_empty());
    }

    #[test]
    fn overrides_are_read_leniently() {
        let (ok, bad) = parse_overrides("dl3059=Warning, TD101:info nonsense X=loud");
        assert_eq!(
            ok,
            vec![
                ("DL3059".to_string(), Severity::Warning),
                ("TD101".to_string(), Severity::Info)
            ]
        );
        assert_eq!(bad, vec!["nonsense".to_string(), "X=loud".to_string()]);
    }

    #[test]
    fn a_share_state_round_trips_texts_view_and_settings() {
        let texts: [Rc<str>; PANE_COUNT] = [
            Rc::from("{}"),
            Rc::from(""),
            Rc::from("FROM x"),
            Rc::from(""),
        ];
        let state = share_state(
            &Project::panes(texts),
            &BTreeMap::new(),
            View::Editor,
            2,
            &sample(),
            &["8.3".to_string()],
        );
        let link = ecsplain_engine::share::encode(&state).expect("encodes");
        let back = ecsplain_engine::share::decode(&link).expect("decodes");
        assert_eq!(
            share_texts(&back),
            ["{}", "", "FROM x", ""].map(String::from)
        );
        assert_eq!(back.ticks, ["8.3"], "checklist ticks travel in the link");
        assert_eq!(
            parse_view(back.view.as_deref().unwrap_or("")),
            (View::Editor, 2)
        );
        assert_eq!(PageSettings::from_map(&back.settings), sample());
        assert_eq!(read_state_file(&state_file(&state)), Ok(state));
        assert!(read_state_file("<script>").is_err());
    }

    #[test]
    fn a_project_round_trips_files_paths_kinds_and_variables() {
        let mut project = Project::panes([
            Rc::from("{}"),
            Rc::from(""),
            Rc::from(""),
            Rc::from("task_definition: td.json\n"),
        ]);
        project.paths[3] = Some(Rc::from("app/ecspresso.yml"));
        project.extra.push(ProjectFile {
            path: Rc::from("app/td.json"),
            text: Rc::from("{\"family\": \"x\"}"),
            kind: Some(Kind::TaskDef),
        });
        project.extra.push(ProjectFile {
            path: Rc::from("app/.env"),
            text: Rc::from("IMAGE=nginx\n"),
            kind: None,
        });
        let mut vars = BTreeMap::new();
        vars.insert("IMAGE".to_string(), "nginx:1.27".to_string());
        vars.insert("tfstate:aws_lb.x.arn".to_string(), "arn:x".to_string());
        let state = share_state(
            &project,
            &vars,
            View::Editor,
            5,
            &PageSettings::default(),
            &[],
        );
        let link = ecsplain_engine::share::encode(&state).expect("encodes");
        let back = ecsplain_engine::share::decode(&link).expect("decodes");
        assert!(!back.is_from_newer_schema());
        let loaded = share_loaded(&back);
        assert_eq!(loaded.project, project);
        assert_eq!(loaded.vars, vars);
        assert_eq!((loaded.view, loaded.active), (View::Editor, 5));
        // The same through a state file.
        assert_eq!(read_state_file(&state_file(&state)), Ok(state));
    }

    /// A link made before the project view (schema 1): its panes open, and its extra files and
    /// variables (which that page could not show) open too.
    #[test]
    fn old_links_still_open() {
        const LINK: &str = "#v1.Jc2xDoIwEAbgVyE3IwkuJt0c1DgQE1fKUOFaL5aWtA1ICO_uIdMl993_3wKpAwGLBK16srMEkUmY8CVhhRw6zXh9PqrMGXJfURbHk3QMmixGEHUN2MYhYIy-mHvLEtCQdyJTw8H5kN6oYjqUHGqaHEYV9tS9Ot8ufP2v3Ylw4meaXEfORLaICcTCY8RAaWacVHCMsOaQqP1sVWC9MduuWX8";
        let state = ecsplain_engine::share::decode(LINK).expect("decodes");
        assert_eq!(state.schema, 1);
        let loaded = share_loaded(&state);
        assert_eq!(&*loaded.project.texts[0], "{\"family\": \"web\"}");
        assert_eq!(&*loaded.project.texts[2], "FROM nginx:1.27\n");
        // `ecspresso.yml` is the config pane's default path: the file fills that pane.
        assert!(loaded.project.extra.is_empty());
        assert_eq!(&*loaded.project.texts[3], "region: ap-northeast-1\n");
        assert_eq!(loaded.vars.get("IMAGE").map(String::as_str), Some("nginx"));
        assert_eq!((loaded.view, loaded.active), (View::Editor, 0));
        // Made by the pages before this one: four panes, no files, no paths.
        let texts: [Rc<str>; PANE_COUNT] = crate::state::EXAMPLES.map(Rc::from);
        let state = share_state(
            &Project::panes(texts.clone()),
            &BTreeMap::new(),
            View::Editor,
            1,
            &PageSettings::default(),
            &[],
        );
        assert!(state.files.is_empty() && state.paths.is_empty() && state.kinds.is_empty());
        let loaded = share_loaded(&state);
        assert_eq!(loaded.project, Project::panes(texts));
        assert_eq!(loaded.active, 1);
    }

    #[test]
    fn markdown_escapes_user_text() {
        let texts: [Rc<str>; PANE_COUNT] = [
            Rc::from(r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096"}"#),
            Rc::from(""),
            Rc::from(""),
            Rc::from(""),
        ];
        let (report, _, _) = crate::state::lint_panes(&texts);
        let md = markdown_summary(&report.findings);
        assert!(
            md.contains("| Severity | Code | Location | Message |"),
            "{md}"
        );
        assert!(md.contains("TD001"), "{md}");
        assert_eq!(md_escape("a|b<script>"), "a\\|b&lt;script&gt;");
    }

    /// Measured: task definition example 640 bytes → 584 link characters, service 624 → 538,
    /// Dockerfile 127 → 226, ecspresso 145 → 203; all four together 1,116 (with a 36-character
    /// page address).
    #[test]
    fn the_examples_fit_a_chat_link() {
        let texts = crate::state::EXAMPLES.map(Rc::from);
        let page = "https://ecsplain.github.io/ecsplain/";
        let all = share_state(
            &Project::panes(texts),
            &BTreeMap::new(),
            View::Editor,
            0,
            &PageSettings::default(),
            &[],
        );
        let all_len = ecsplain_engine::share::link_length(page, &all).unwrap_or(usize::MAX);
        assert!(ecsplain_engine::share::fits_chat(all_len), "{all_len}");
        assert!(all_len < 1_300, "{all_len}");
    }
}
