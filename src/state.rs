//! The page's state and everything that changes it: one reducer, one `Action` enum.
//!
//! No rule logic lives here: the engine's project (`ecsplain_engine::Project`, [`State::engine`])
//! answers the paths, variables, findings and "ignore here" for the page's files; this module
//! only keeps the panes and files, and builds that project once per revision.

use std::collections::BTreeMap;
use std::rc::Rc;

use ecsplain_engine::diagnostic::apply_edits;
use ecsplain_engine::suppress::IgnoreHere;
use ecsplain_engine::workspace::{self, vars_from_keys, File, FileId};
use ecsplain_engine::{ecspresso, learn, Config, Input, Kind, Report, Severity};

use crate::persist::PageSettings;

/// How many panes the quick start has (the task and service definitions, the Dockerfile, the
/// ecspresso config); the project's other files follow them.
pub const PANE_COUNT: usize = 4;

/// The panes, in tab order.
pub const PANES: [Kind; PANE_COUNT] = [
    Kind::TaskDef,
    Kind::ServiceDef,
    Kind::Dockerfile,
    Kind::Ecspresso,
];

/// The small realistic examples each pane can load.
pub const EXAMPLES: [&str; PANE_COUNT] = [
    include_str!("../static/examples/task-definition.json"),
    include_str!("../static/examples/service-definition.json"),
    include_str!("../static/examples/Dockerfile"),
    include_str!("../static/examples/ecspresso.yml"),
];

/// Short names for ids and storage.
pub const SLUGS: [&str; PANE_COUNT] = ["taskdef", "servicedef", "dockerfile", "ecspresso"];

/// Drafts above this many bytes (all panes together) are not saved.
pub const DRAFT_CAP: usize = 1_000_000;

/// A project holds at most this many files beyond the four panes.
pub const MAX_EXTRA_FILES: usize = 200;

/// A project file beyond the four panes: pane index `PANE_COUNT + its position in State::extra`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectFile {
    pub path: Rc<str>,
    pub text: Rc<str>,
    /// The kind the user chose; `None`: the engine detects it (or the file has none: an env
    /// file, a Terraform state, a Jsonnet library).
    pub kind: Option<Kind>,
}

/// Every file of the page's project: the four panes (the quick start) and the extra files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    pub texts: [Rc<str>; PANE_COUNT],
    /// The path each pane was given (renamed or dropped); `None`: the path the ecspresso config
    /// names for the task and service panes, else the kind's default name (the engine decides).
    pub paths: [Option<Rc<str>>; PANE_COUNT],
    pub extra: Vec<ProjectFile>,
}

impl Project {
    /// The four panes alone, under their default paths.
    pub fn panes(texts: [Rc<str>; PANE_COUNT]) -> Project {
        Project {
            texts,
            ..Project::default()
        }
    }

    /// Panes and extra files together.
    pub fn len(&self) -> usize {
        PANE_COUNT + self.extra.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(|t| t.trim().is_empty()) && self.extra.is_empty()
    }

    /// The text of a pane or extra file (after the panes).
    pub fn text(&self, pane: usize) -> Option<&Rc<str>> {
        match pane.checked_sub(PANE_COUNT) {
            None => self.texts.get(pane),
            Some(i) => self.extra.get(i).map(|f| &f.text),
        }
    }

    /// The total size of every text, in bytes.
    pub fn size(&self) -> usize {
        self.texts.iter().map(|t| t.len()).sum::<usize>()
            + self.extra.iter().map(|f| f.text.len()).sum::<usize>()
    }

    /// The engine's project of these files: pane `i` is `FileId::new(i)`, extra file `j` is
    /// `FileId::new(PANE_COUNT + j)`. An empty pane or file is no file (a file the config
    /// names but the project lacks is XF001 on the config line).
    pub fn engine(&self) -> workspace::Project {
        let panes = self
            .texts
            .iter()
            .zip(&self.paths)
            .zip(PANES)
            .map(|((text, path), kind)| File {
                path: path.as_deref().map(str::to_string),
                text: text.to_string(),
                kind: Some(kind),
            });
        let extra = self.extra.iter().map(|f| File {
            path: Some(f.path.to_string()),
            text: f.text.to_string(),
            kind: f.kind,
        });
        workspace::Project::with_blank_absent(panes.chain(extra).collect())
    }

    /// The path every pane and file is linted under (the engine's answer, without copying the
    /// texts into a project).
    pub fn paths(&self) -> Vec<String> {
        let panes = self
            .texts
            .iter()
            .zip(&self.paths)
            .zip(PANES)
            .map(|((text, path), kind)| workspace::FileRef {
                path: path.as_deref(),
                text,
                kind: Some(kind),
            });
        let extra = self.extra.iter().map(|f| workspace::FileRef {
            path: Some(&f.path),
            text: &f.text,
            kind: f.kind,
        });
        workspace::resolve_paths(&panes.chain(extra).collect::<Vec<_>>())
    }

    /// The path every pane and file is linted under, and which panes the ecspresso config names.
    pub fn paths_and_named(&self) -> (Vec<String>, [bool; PANE_COUNT]) {
        let engine = self.engine();
        let mut named = [false; PANE_COUNT];
        for reference in engine.config_refs() {
            if let Some(slot) = reference.file.and_then(|f| named.get_mut(f.index())) {
                *slot = true;
            }
        }
        (engine.paths().to_vec(), named)
    }

    /// The pane or file with this path, if any.
    pub fn find(&self, path: &str) -> Option<usize> {
        self.paths().iter().position(|p| p == path)
    }

    /// The inputs of a lint run, the pane of each input, and the path of every pane and file.
    pub fn inputs(&self) -> (Vec<Input>, Vec<usize>, Vec<String>) {
        let engine = self.engine();
        (
            engine.inputs().to_vec(),
            engine.input_files().iter().map(|f| f.index()).collect(),
            engine.paths().to_vec(),
        )
    }
}

/// A path as the project stores it: `/` separators, no leading `./` or `/`, no `..` above the
/// root, no empty segments; `None` when nothing is left.
pub fn clean_path(path: &str) -> Option<String> {
    let normal = ecspresso::normalize_path(path.trim());
    let normal = normal.trim_start_matches('/');
    let parts: Vec<&str> = normal.split('/').filter(|p| *p != "..").collect();
    let joined = parts.join("/");
    let joined = joined.trim();
    (!joined.is_empty() && joined.len() <= 300 && !joined.chars().any(char::is_control))
        .then(|| joined.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Editor,
    Rules,
    // Sizing and explainers (issue 7).
    Sizing,
    Explain,
    // Teaching (issue 11): the gallery and lessons, and the checklist.
    Learn,
    Checklist,
}

/// A span to select in a pane, as byte offsets into that pane's text. `seq` changes on every
/// request, so selecting the same span twice still moves the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub pane: usize,
    pub start: usize,
    pub end: usize,
    pub seq: u32,
}

/// The result of one lint run over the panes.
#[derive(Debug, Clone)]
pub struct Linted {
    pub report: Report,
    /// The pane of each input of the run (by the input's index, `Finding::file`).
    pub panes: Vec<usize>,
    /// The path each pane (and extra file) was linted under.
    pub paths: Vec<String>,
    /// How many files were linted (blank panes and files are no file).
    pub files: usize,
    /// How long `lint` took, in milliseconds.
    pub millis: f64,
    /// The state revision the texts came from.
    pub revision: u32,
}

/// Runs compare by identity: each lint run is a new value.
impl PartialEq for Linted {
    fn eq(&self, other: &Linted) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Linted {
    /// The pane a finding belongs to.
    pub fn pane_of(&self, file: usize) -> Option<usize> {
        self.panes.get(file).copied()
    }

    /// The number of findings in each of `n` panes and files.
    pub fn counts(&self, n: usize) -> Vec<usize> {
        let mut counts = vec![0; n];
        for finding in &self.report.findings {
            if let Some(count) = self.pane_of(finding.file).and_then(|p| counts.get_mut(p)) {
                *count += 1;
            }
        }
        counts
    }

    /// The worst severity in each of `n` panes and files.
    pub fn worst(&self, n: usize) -> Vec<Option<Severity>> {
        let mut worst = vec![None; n];
        for finding in &self.report.findings {
            if let Some(slot) = self.pane_of(finding.file).and_then(|p| worst.get_mut(p)) {
                *slot = (*slot).max(Some(finding.severity));
            }
        }
        worst
    }

    /// Lines with findings in a pane, with the worst severity on each line.
    pub fn marks(&self, pane: usize) -> Vec<(u32, Severity)> {
        let mut marks: Vec<(u32, Severity)> = Vec::new();
        for finding in &self.report.findings {
            if self.pane_of(finding.file) != Some(pane) {
                continue;
            }
            match marks.iter_mut().find(|(line, _)| *line == finding.line) {
                Some((_, severity)) => *severity = (*severity).max(finding.severity),
                None => marks.push((finding.line, finding.severity)),
            }
        }
        marks
    }
}

/// What "Undo" puts back after "Apply fix" or "Ignore here" (issue 23): the file's text and the
/// settings as they were just before.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// What was done, for the notice ([`Undo::label`]: "Applied the fix for TD001.").
    pub what: Undone,
    /// The pane or file that changed and its text before, when a text changed.
    text: Option<(usize, Rc<str>)>,
    settings: Rc<PageSettings>,
}

/// What an [`Undo`] puts back: a fix applied, or an ignore written, for a finding of this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undone {
    Fix(&'static str),
    Ignore(&'static str),
}

impl Undo {
    /// The notice, in the reader's language ("Applied the fix for TD001.").
    pub fn label(&self, tr: crate::i18n::Tr) -> String {
        match self.what {
            Undone::Fix(code) => tr.undo_fixed(code.to_string()),
            Undone::Ignore(code) => tr.undo_ignored(code.to_string()),
        }
    }
}

pub struct State {
    /// The four panes' texts (the quick start); [`State::project`] adds the rest.
    pub texts: [Rc<str>; PANE_COUNT],
    /// The paths given to the panes (see [`Project::paths`]).
    pub pane_paths: [Option<Rc<str>>; PANE_COUNT],
    /// Project files beyond the four panes (pane `PANE_COUNT + i`).
    pub extra: Vec<ProjectFile>,
    /// The engine's project of the files, values, settings and evaluator of this revision: what
    /// the page shows (paths, variables, findings) is computed once per revision, on first use.
    pub engine: Rc<workspace::Project>,
    /// Values typed in the variables panel, by page key (see `variables.rs`).
    pub vars: BTreeMap<String, String>,
    /// Show the active file rendered with the variables' values (read-only).
    pub rendered: bool,
    /// Bumped on every text change; lint and draft saving follow it.
    pub revision: u32,
    pub active: usize,
    pub view: View,
    pub linted: Option<Rc<Linted>>,
    pub selection: Option<Selection>,
    /// The finding (index into the report) last selected.
    pub selected: Option<usize>,
    /// The rule whose explanation is open.
    pub explain: Option<&'static str>,
    pub all_files: bool,
    pub theme: Theme,
    pub rule_query: String,
    /// Share links, drafts and settings (`persist.rs`): the `.ecsplain.yaml` settings in force.
    pub settings: Rc<PageSettings>,
    /// The finding code whose "Why?" opened the sizing view or an explainer (issue 7).
    pub why: Option<&'static str>,
    // Teaching (issue 11).
    /// The lesson open in the Learn view (`None`: the gallery and the lesson list).
    pub lesson: Option<&'static str>,
    /// An example a permalink named, waiting for the teaching module to send its files.
    pub pending_example: Option<&'static str>,
    /// The user's first file went into the page's example project: ask whether to keep the
    /// other example files (they would be linted with it).
    pub ask_examples: bool,
    /// Checklist items (ids like `"8.3"`) the team ticked by hand, sorted; saved locally and
    /// carried by share links.
    pub ticks: Vec<String>,
    /// The Jsonnet evaluator, a second wasm module loaded when the project holds a Jsonnet file
    /// (`jsonnet.rs`).
    pub jsonnet: crate::jsonnet::Status,
    /// The Terraform reader, a second wasm module loaded when the project holds a `.tf` file
    /// (`terraform.rs`).
    pub terraform: crate::terraform::Status,
    /// The Go-template engine, a second wasm module loaded when the project holds a template
    /// action (`template.rs`).
    pub template: crate::template::Status,
    /// The Dockerfile reader and the Dockerfile rules, a second wasm module loaded when the
    /// project holds a Dockerfile (`dockerfile.rs`).
    pub dockerfile: crate::dockerfile::Status,
    /// The last "Apply fix" or "Ignore here", until undone or the text is edited.
    pub undo: Option<Undo>,
    seq: u32,
}

impl State {
    pub fn new(texts: [String; PANE_COUNT], theme: Theme) -> State {
        let mut state = State {
            texts: texts.map(Rc::from),
            pane_paths: Default::default(),
            extra: Vec::new(),
            engine: Rc::new(workspace::Project::new(Vec::new())),
            vars: BTreeMap::new(),
            rendered: false,
            revision: 0,
            active: 0,
            view: View::Editor,
            linted: None,
            selection: None,
            selected: None,
            explain: None,
            all_files: false,
            theme,
            rule_query: String::new(),
            settings: Rc::new(PageSettings::default()),
            why: None,
            lesson: None,
            pending_example: None,
            ask_examples: false,
            ticks: Vec::new(),
            jsonnet: crate::jsonnet::Status::Idle,
            terraform: crate::terraform::Status::Idle,
            template: crate::template::Status::Idle,
            // A native build (the page's tests) reads Dockerfiles with the engine's own reader;
            // the page's wasm loads it as a module (`dockerfile.rs`).
            dockerfile: if cfg!(target_arch = "wasm32") {
                crate::dockerfile::Status::Idle
            } else {
                crate::dockerfile::Status::Ready
            },
            undo: None,
            seq: 0,
        };
        state.engine = Rc::new(state.build_engine());
        state
    }

    /// The engine's project of this state (see [`State::engine`]).
    fn build_engine(&self) -> workspace::Project {
        self.project()
            .engine()
            .with_config(self.settings.config())
            .with_values(vars_from_keys(&self.vars))
            .with_evaluator(self.jsonnet.evaluator())
            .with_terraform(self.terraform.evaluator())
            .with_templates(self.template.evaluator())
            .with_dockerfile(self.dockerfile.evaluator())
    }

    /// Every file of the project (cheap: texts are shared).
    pub fn project(&self) -> Project {
        Project {
            texts: self.texts.clone(),
            paths: self.pane_paths.clone(),
            extra: self.extra.clone(),
        }
    }

    /// The number of panes and files.
    pub fn pane_count(&self) -> usize {
        PANE_COUNT + self.extra.len()
    }

    /// The text of a pane or file.
    pub fn text_of(&self, pane: usize) -> Option<&Rc<str>> {
        match pane.checked_sub(PANE_COUNT) {
            None => self.texts.get(pane),
            Some(i) => self.extra.get(i).map(|f| &f.text),
        }
    }

    /// Where an on-demand reader is (the Jsonnet evaluator, the Terraform reader, the Go-template
    /// engine, the Dockerfile reader: they share one status type); once it is ready or has failed,
    /// the project is linted again.
    fn set_reader(
        &mut self,
        reader: fn(&mut State) -> &mut crate::jsonnet::Status,
        status: crate::jsonnet::Status,
    ) {
        let settled = matches!(
            status,
            crate::jsonnet::Status::Ready | crate::jsonnet::Status::Failed(_)
        );
        *reader(self) = status;
        if settled {
            self.bump();
        }
    }

    /// Whether the shown findings belong to the current texts.
    pub fn is_fresh(&self) -> bool {
        self.linted
            .as_ref()
            .is_some_and(|l| l.revision == self.revision)
            && self.template != crate::template::Status::Loading
            && match self.dockerfile {
                crate::dockerfile::Status::Loading => false,
                // Not asked for yet, though the project holds a Dockerfile: it is about to be.
                crate::dockerfile::Status::Idle => !self.engine.has_dockerfile(),
                _ => true,
            }
    }
}

pub enum Action {
    Edit(usize, Rc<str>),
    /// Put back what the last "Apply fix" or "Ignore here" changed.
    Undo,
    Activate(usize),
    Linted(Rc<Linted>),
    /// Select finding `i` of the report: switch to its pane and select its span.
    SelectFinding(usize),
    /// Select the finding the checklist names (by code and place), if the report holds it.
    GotoFinding(crate::teach::FindingRef),
    /// Select related span `j` of finding `i`.
    SelectRelated(usize, usize),
    ApplyFix(usize),
    /// Ignore finding `i` where it is: `# ecsplain ignore=` on the line before (Dockerfile,
    /// YAML), or a per-path ignore by JSON pointer in the settings (JSON has no comments).
    IgnoreHere(usize),
    Explain(Option<&'static str>),
    ToggleAllFiles,
    ToggleTheme,
    ShowView(View),
    Query(String),
    LoadExample(usize),
    Clear(usize),
    /// Empty every pane and remove every other file: the user starts from their own files.
    StartEmpty,
    /// Keep the example files that are left beside the user's (the question is answered).
    KeepExamples,
    /// Empty the panes that still hold the page's example.
    DropExamples,
    // Share links, drafts and settings (`persist.rs`, `components/{share,settings}.rs`).
    /// New settings: the panes are linted again.
    SetSettings(Rc<PageSettings>),
    /// Open a link, state file or draft: every file, the variables, the view and pane, the
    /// settings.
    LoadShare(Box<Loaded>),
    // The project view (issue 6).
    /// Add files (dropped, picked or pasted): each goes into its kind's pane when that pane is
    /// free, else it becomes an extra file; a path already present gets the new text. Panes
    /// still holding their untouched example are emptied first: the user brings a project.
    AddFiles(Vec<(String, String)>),
    /// A new empty file at a path, with a chosen kind (or detected).
    NewFile(String, Option<Kind>),
    /// Give a pane or file another path.
    Rename(usize, String),
    /// Remove an extra file, or empty a pane (and forget its path).
    Remove(usize),
    /// Choose the kind of an extra file (`None`: detected).
    SetKind(usize, Option<Kind>),
    /// A variable's value (empty: unset).
    SetVar(String, String),
    /// Show the active file rendered, or its source.
    ToggleRendered,
    /// "Why?" on a finding: open the sizing view or the explainer about it (issue 7).
    Why(&'static str),
    // Teaching (issue 11).
    /// Put a gallery example's files into the panes by kind (other panes emptied).
    LoadLearnExample(crate::teach::ExampleFiles),
    /// A permalink names a gallery example: open the Learn view, whose module sends its files.
    RequestExample(&'static str),
    /// Open a lesson (`None`: back to the Learn index), in the Learn view.
    OpenLesson(Option<&'static str>),
    /// Open a rule's page in the Rules view (`#rule/CODE`).
    OpenRule(&'static str),
    /// Tick or untick a manual checklist item.
    ToggleTick(String),
    /// Replace the ticks (restored from storage or a share link).
    SetTicks(Vec<String>),
    /// Where the Jsonnet evaluator is (`jsonnet.rs`); once loaded or failed, the project is
    /// linted again.
    Jsonnet(crate::jsonnet::Status),
    /// Where the Terraform reader is (`terraform.rs`); once loaded or failed, the project is
    /// linted again.
    Terraform(crate::terraform::Status),
    /// Where the Go-template engine is (`template.rs`); once loaded or failed, the project is
    /// linted again.
    Template(crate::template::Status),
    /// Where the Dockerfile module is (`dockerfile.rs`); once loaded or failed, the project is
    /// linted again.
    Dockerfile(crate::dockerfile::Status),
}

/// What a link, state file or draft restores.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub project: Project,
    pub vars: BTreeMap<String, String>,
    pub view: View,
    pub active: usize,
    pub settings: Rc<PageSettings>,
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.next(action))
    }
}

impl State {
    /// The state after an action (the reducer; pure, so native tests can drive it).
    pub fn next(&self, action: Action) -> State {
        if let Action::GotoFinding(f) = &action {
            let found = self.linted.as_ref().and_then(|l| {
                l.report.findings.iter().position(|g| {
                    g.code == f.code && g.path == f.path && g.line == f.line && g.column == f.column
                })
            });
            return match found {
                Some(i) => self.next(Action::SelectFinding(i)),
                None => self.next(Action::ShowView(View::Editor)),
            };
        }
        let mut next = State {
            texts: self.texts.clone(),
            pane_paths: self.pane_paths.clone(),
            extra: self.extra.clone(),
            engine: self.engine.clone(),
            vars: self.vars.clone(),
            rendered: self.rendered,
            revision: self.revision,
            active: self.active,
            view: self.view,
            linted: self.linted.clone(),
            selection: self.selection.clone(),
            selected: self.selected,
            explain: self.explain,
            all_files: self.all_files,
            theme: self.theme,
            rule_query: self.rule_query.clone(),
            settings: self.settings.clone(),
            why: self.why,
            lesson: self.lesson,
            pending_example: self.pending_example,
            ask_examples: self.ask_examples,
            ticks: self.ticks.clone(),
            jsonnet: self.jsonnet.clone(),
            terraform: self.terraform.clone(),
            template: self.template.clone(),
            dockerfile: self.dockerfile.clone(),
            undo: self.undo.clone(),
            seq: self.seq,
        };
        // An undo stays only until something else changes a text or the settings.
        let keeps_undo = matches!(
            action,
            Action::ApplyFix(_) | Action::IgnoreHere(_) | Action::Undo
        );
        let asks_about_examples = matches!(action, Action::Edit(..) | Action::Clear(_));
        match action {
            Action::Edit(pane, text) => {
                next.undo = None;
                next.set_text(pane, text);
            }
            Action::Undo => {
                if let Some(undo) = next.undo.take() {
                    if let Some((pane, text)) = undo.text {
                        next.set_text(pane, text);
                    }
                    if next.settings != undo.settings {
                        next.settings = undo.settings;
                        next.bump();
                    }
                }
            }
            Action::LoadExample(pane) => {
                if let Some(example) = EXAMPLES.get(pane) {
                    next.set_text(pane, Rc::from(*example));
                    next.active = pane;
                }
            }
            Action::Clear(pane) => next.set_text(pane, Rc::from("")),
            Action::StartEmpty => {
                for pane in 0..PANE_COUNT {
                    next.set_text(pane, Rc::from(""));
                }
                next.extra.clear();
                next.pane_paths = Default::default();
                next.active = 0;
                next.view = View::Editor;
                next.bump();
            }
            Action::KeepExamples => next.ask_examples = false,
            Action::DropExamples => {
                for pane in next.example_panes() {
                    next.set_text(pane, Rc::from(""));
                }
                next.ask_examples = false;
            }
            Action::Activate(pane) => {
                if pane < next.pane_count() {
                    next.active = pane;
                    next.view = View::Editor;
                }
            }
            Action::Linted(linted) => {
                if linted.revision == next.revision {
                    next.linted = Some(linted);
                }
            }
            // Answered before the match (it becomes `SelectFinding`).
            Action::GotoFinding(_) => {}
            Action::SelectFinding(i) => {
                let target = next.linted.as_ref().and_then(|l| {
                    let finding = l.report.findings.get(i)?;
                    let pane = l.pane_of(finding.file)?;
                    Some((pane, finding.span.start as usize, finding.span.end as usize))
                });
                if let Some((pane, start, end)) = target {
                    next.select(pane, start, end);
                    next.selected = Some(i);
                }
            }
            Action::SelectRelated(i, j) => {
                let target = next.linted.as_ref().and_then(|l| {
                    let related = l.report.findings.get(i)?.related.get(j)?;
                    let pane = l.paths.iter().position(|p| *p == related.path)?;
                    Some((pane, related.span.start as usize, related.span.end as usize))
                });
                if let Some((pane, start, end)) = target {
                    next.select(pane, start, end);
                    next.selected = Some(i);
                }
            }
            Action::ApplyFix(i) => {
                // Only on findings of the current texts: stale offsets would corrupt the text.
                if self.is_fresh() {
                    let change = next.linted.as_ref().and_then(|l| {
                        let finding = l.report.findings.get(i)?;
                        let fix = finding.fix.as_ref()?;
                        let pane = l.pane_of(finding.file)?;
                        let before = next.text_of(pane)?.clone();
                        let fixed = apply_edits(&before, &fix.edits);
                        Some((pane, before, fixed, finding.code))
                    });
                    if let Some((pane, before, fixed, code)) = change {
                        next.undo = Some(Undo {
                            what: Undone::Fix(code),
                            text: Some((pane, before)),
                            settings: next.settings.clone(),
                        });
                        next.set_text(pane, Rc::from(fixed));
                    }
                }
            }
            Action::IgnoreHere(i) => {
                if self.is_fresh() {
                    // The engine's project decides what "ignore here" writes, as for every
                    // front end.
                    let target = next.linted.as_ref().and_then(|l| {
                        let finding = l.report.findings.get(i)?;
                        let pane = l.pane_of(finding.file)?;
                        Some((pane, next.engine.ignore_here(finding)))
                    });
                    if let Some((pane, IgnoreHere::Comment(_) | IgnoreHere::Path { .. })) = &target
                    {
                        let code = next
                            .linted
                            .as_ref()
                            .and_then(|l| l.report.findings.get(i))
                            .map_or("", |f| f.code);
                        next.undo = Some(Undo {
                            what: Undone::Ignore(code),
                            text: next.text_of(*pane).map(|t| (*pane, t.clone())),
                            settings: next.settings.clone(),
                        });
                    }
                    match target {
                        Some((pane, IgnoreHere::Comment(text))) => {
                            next.set_text(pane, Rc::from(text))
                        }
                        Some((
                            _,
                            IgnoreHere::Path {
                                path,
                                code,
                                pointer,
                            },
                        )) => {
                            let mut settings = (*next.settings).clone();
                            settings.add_path_ignore(&path, code, pointer);
                            next.settings = Rc::new(settings);
                            next.bump();
                        }
                        Some((_, IgnoreHere::NotOffered)) | None => {}
                    }
                }
            }
            Action::Explain(code) => next.explain = code,
            Action::ToggleAllFiles => next.all_files = !next.all_files,
            Action::ToggleTheme => next.theme = next.theme.other(),
            Action::ShowView(view) => next.view = view,
            Action::Query(query) => next.rule_query = query,
            Action::SetSettings(settings) => {
                next.settings = settings;
                next.bump();
            }
            Action::LoadShare(loaded) => {
                let Loaded {
                    project,
                    vars,
                    view,
                    active,
                    settings,
                } = *loaded;
                next.texts = project.texts;
                next.pane_paths = project.paths;
                next.extra = project.extra;
                next.extra.truncate(MAX_EXTRA_FILES);
                next.vars = vars;
                next.view = view;
                next.active = if active < next.pane_count() {
                    active
                } else {
                    0
                };
                next.settings = settings;
                next.rendered = false;
                next.bump();
            }
            Action::AddFiles(files) => next.add_files(files),
            Action::NewFile(path, kind) => {
                if let Some(path) = clean_path(&path) {
                    match next.project().find(&path) {
                        Some(pane) => next.active = pane,
                        None if next.extra.len() < MAX_EXTRA_FILES => {
                            next.extra.push(ProjectFile {
                                path: Rc::from(path),
                                text: Rc::from(""),
                                kind,
                            });
                            next.active = next.pane_count() - 1;
                            next.bump();
                        }
                        None => {}
                    }
                    next.view = View::Editor;
                }
            }
            Action::Rename(pane, path) => {
                let project = next.project();
                if let Some(path) = clean_path(&path) {
                    let taken = project.find(&path).is_some_and(|p| p != pane);
                    if !taken {
                        match pane.checked_sub(PANE_COUNT) {
                            None if pane < PANE_COUNT => {
                                next.pane_paths[pane] = Some(Rc::from(path))
                            }
                            Some(i) => {
                                if let Some(file) = next.extra.get_mut(i) {
                                    file.path = Rc::from(path);
                                }
                            }
                            None => {}
                        }
                        next.bump();
                    }
                }
            }
            Action::Remove(pane) => match pane.checked_sub(PANE_COUNT) {
                None if pane < PANE_COUNT => {
                    next.pane_paths[pane] = None;
                    next.set_text(pane, Rc::from(""));
                }
                Some(i) if i < next.extra.len() => {
                    next.extra.remove(i);
                    if next.active == pane {
                        next.active = if i > 0 { pane - 1 } else { 0 };
                    } else if next.active > pane {
                        next.active -= 1;
                    }
                    next.bump();
                }
                _ => {}
            },
            Action::SetKind(pane, kind) => {
                if let Some(file) = pane
                    .checked_sub(PANE_COUNT)
                    .and_then(|i| next.extra.get_mut(i))
                {
                    file.kind = kind;
                    next.bump();
                }
            }
            Action::Jsonnet(status) => next.set_reader(|s| &mut s.jsonnet, status),
            Action::Terraform(status) => next.set_reader(|s| &mut s.terraform, status),
            Action::Template(status) => next.set_reader(|s| &mut s.template, status),
            Action::Dockerfile(status) => next.set_reader(|s| &mut s.dockerfile, status),
            Action::SetVar(key, value) => {
                let changed = if value.is_empty() {
                    next.vars.remove(&key).is_some()
                } else {
                    next.vars.insert(key, value.clone()).as_ref() != Some(&value)
                };
                if changed {
                    next.bump();
                }
            }
            Action::ToggleRendered => next.rendered = !next.rendered,
            Action::Why(code) => {
                if let Some((view, _)) = why_target(code) {
                    next.view = view;
                    next.why = Some(code);
                }
            }
            Action::LoadLearnExample(example) => {
                // The answer to a permalink: the files go in, but a view the user opened in
                // the meantime stays open.
                let answer = next.pending_example.take() == Some(example.id);
                let view = next.view;
                next.load_learn_example(&example);
                if answer && view != View::Learn {
                    next.view = view;
                }
            }
            Action::RequestExample(id) => {
                next.pending_example = Some(id);
                next.view = View::Learn;
            }
            Action::OpenLesson(id) => {
                next.lesson = id.and_then(learn::lesson_id);
                next.view = View::Learn;
            }
            Action::OpenRule(code) => {
                if let Some(rule) = ecsplain_engine::registry::rule(code) {
                    next.explain = Some(rule.code);
                    next.view = View::Rules;
                }
            }
            Action::ToggleTick(id) => match next.ticks.binary_search(&id) {
                Ok(at) => {
                    next.ticks.remove(at);
                }
                Err(at) => next.ticks.insert(at, id),
            },
            Action::SetTicks(mut ticks) => {
                ecsplain_engine::order::sort(&mut ticks);
                ticks.dedup();
                next.ticks = ticks;
            }
        }
        if !keeps_undo && next.revision != self.revision {
            next.undo = None;
        }
        // A new revision: a new engine project (what it shows is computed when first asked).
        if next.revision != self.revision {
            next.engine = Rc::new(next.build_engine());
        }
        // The first file of the user's own in the untouched example: ask about the rest.
        if asks_about_examples && self.is_example() && !next.is_example() {
            next.ask_examples = true;
        }
        if next.example_panes().is_empty() {
            next.ask_examples = false;
        }
        next
    }
}

impl State {
    fn load_learn_example(&mut self, example: &crate::teach::ExampleFiles) {
        // An example is a project of its own: the other files and given paths go with the rest.
        self.extra.clear();
        self.pane_paths = Default::default();
        let mut first = None;
        for (pane, kind) in PANES.iter().enumerate() {
            let file = example.files.iter().find(|(k, _)| k == kind);
            if file.is_some() && first.is_none() {
                first = Some(pane);
            }
            self.set_text(
                pane,
                file.map_or_else(|| Rc::from(""), |(_, text)| text.clone()),
            );
        }
        self.active = first.unwrap_or(0);
        self.view = View::Editor;
        self.explain = None;
    }

    fn set_text(&mut self, pane: usize, text: Rc<str>) {
        let slot = match pane.checked_sub(PANE_COUNT) {
            None => self.texts.get_mut(pane),
            Some(i) => self.extra.get_mut(i).map(|f| &mut f.text),
        };
        if let Some(slot) = slot {
            *slot = text;
            self.revision = self.revision.wrapping_add(1);
            self.selection = None;
            self.selected = None;
        }
    }

    fn add_files(&mut self, files: Vec<(String, String)>) {
        if files.is_empty() {
            return;
        }
        for (pane, example) in EXAMPLES.iter().enumerate() {
            if *self.texts[pane] == **example {
                self.pane_paths[pane] = None;
                self.set_text(pane, Rc::from(""));
            }
        }
        let mut filled = [false; PANE_COUNT];
        let mut first = None;
        for (path, text) in files {
            let Some(path) = clean_path(&path) else {
                continue;
            };
            let project = self.project();
            let found = project.find(&path);
            let pane = match found {
                // A file of the same path: the new text replaces it (an empty pane that only
                // carries a default path is free instead).
                Some(pane) if pane >= PANE_COUNT || !self.texts[pane].trim().is_empty() => {
                    Some(pane)
                }
                _ => {
                    let kind = ecsplain_engine::detect::detect(&path, &text);
                    let free = kind
                        .and_then(|k| PANES.iter().position(|p| *p == k))
                        .filter(|p| !filled[*p] && self.texts[*p].trim().is_empty());
                    if let Some(p) = free {
                        filled[p] = true;
                        self.pane_paths[p] = Some(Rc::from(path.as_str()));
                    }
                    // No free pane of its kind: an empty pane of the same path takes it (paths
                    // stay unique), else it becomes an extra file.
                    free.or(found)
                }
            };
            let pane = match pane {
                Some(pane) => pane,
                None if self.extra.len() < MAX_EXTRA_FILES => {
                    self.extra.push(ProjectFile {
                        path: Rc::from(path),
                        text: Rc::from(""),
                        kind: None,
                    });
                    self.pane_count() - 1
                }
                None => continue,
            };
            self.set_text(pane, Rc::from(text));
            first.get_or_insert(pane);
        }
        if let Some(pane) = first {
            self.active = pane;
        }
        self.view = View::Editor;
        self.bump();
    }

    /// Marks the texts (or the settings they are linted with) as changed.
    fn bump(&mut self) {
        self.revision = self.revision.wrapping_add(1);
        self.selection = None;
        self.selected = None;
    }

    /// The panes that still hold the page's own example.
    pub fn example_panes(&self) -> Vec<usize> {
        (0..PANE_COUNT)
            .filter(|&pane| !self.texts[pane].is_empty() && *self.texts[pane] == *EXAMPLES[pane])
            .collect()
    }

    /// The project is the page's example, untouched: every pane holds its example, and there
    /// is no other file.
    pub fn is_example(&self) -> bool {
        self.example_panes().len() == PANE_COUNT && self.extra.is_empty()
    }

    /// The whole project, its variables, settings and ticks as a state file (what the teaching
    /// module's checklist and dialogs read).
    pub fn state_file(&self) -> Rc<str> {
        let shared = crate::persist::share_state(
            &self.project(),
            &self.vars,
            self.view,
            self.active,
            &self.settings,
            &self.ticks,
        );
        Rc::from(crate::persist::state_file(&shared))
    }

    fn select(&mut self, pane: usize, start: usize, end: usize) {
        self.seq = self.seq.wrapping_add(1);
        self.active = pane;
        self.view = View::Editor;
        self.selection = Some(Selection {
            pane,
            start,
            end,
            seq: self.seq,
        });
    }
}

/// Where "Why?" on a finding leads (issue 7): the view of the explainer its rule names
/// (`Rule::why`), and the id of the section to bring into view and focus.
pub fn why_target(code: &str) -> Option<(View, &'static str)> {
    use ecsplain_engine::rule::Explainer;
    // The rule names its explainer (engine metadata); the page knows only where each one is.
    Some(match ecsplain_engine::registry::rule(code)?.why? {
        Explainer::FargateSizes => (View::Sizing, "sizing"),
        Explainer::CpuShares => (View::Explain, "cpu-explainer"),
        Explainer::MemoryLimits => (View::Explain, "memory-explainer"),
        Explainer::TaskDiagram => (View::Explain, "task-diagram"),
    })
}

/// Lints the panes together as one project: the ecspresso pane as `ecspresso.yml`, the task and
/// service panes under the paths the config names (else the default names), the Dockerfile as
/// `Dockerfile`. Empty panes are left out.
pub fn lint_panes(texts: &[Rc<str>; PANE_COUNT]) -> (Report, Vec<usize>, Vec<String>) {
    lint_project(
        &Project::panes(texts.clone()),
        &Config::default(),
        &BTreeMap::new(),
    )
}

/// The inputs of a lint run over the four panes alone (see [`Project::inputs`]).
pub fn pane_inputs(texts: &[Rc<str>; PANE_COUNT]) -> (Vec<Input>, Vec<usize>, Vec<String>) {
    Project::panes(texts.clone()).inputs()
}

/// Lints every file of the project with a team's configuration (the page's settings) and the
/// variables' values: the report, the pane of each file, the path of every pane and file.
pub fn lint_project(
    project: &Project,
    config: &Config,
    vars: &BTreeMap<String, String>,
) -> (Report, Vec<usize>, Vec<String>) {
    let engine = project
        .engine()
        .with_config(config.clone())
        .with_values(vars_from_keys(vars));
    lint_engine(&engine)
}

/// The engine project's findings, the pane of each file (findings name their file by
/// [`FileId`], which is the pane), and the path of every pane and file.
pub fn lint_engine(engine: &workspace::Project) -> (Report, Vec<usize>, Vec<String>) {
    (
        engine.lint().clone(),
        engine.ids().map(FileId::index).collect(),
        engine.paths().to_vec(),
    )
}

/// The number of UTF-16 code units before byte `offset` (what `selectionStart` counts), with the
/// offset clamped into the text and onto a character boundary.
pub fn utf16_offset(text: &str, offset: usize) -> u32 {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    u32::try_from(text[..at].encode_utf16().count()).unwrap_or(u32::MAX)
}

/// The texts to save as a draft: panes in order while they fit under the cap; larger ones empty.
pub fn draft_texts(texts: &[Rc<str>; PANE_COUNT]) -> [String; PANE_COUNT] {
    let mut used = 0;
    let mut out: [String; PANE_COUNT] = Default::default();
    for (slot, text) in out.iter_mut().zip(texts) {
        if used + text.len() <= DRAFT_CAP {
            used += text.len();
            *slot = text.to_string();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The action a lint run of the state's project ends with (what the page's debounced run
    /// dispatches).
    fn example(id: &str) -> crate::teach::ExampleFiles {
        crate::teach::ExampleFiles::of(id).expect("the example exists")
    }

    fn linted(state: &State) -> Action {
        // The state's own engine project, as the page's debounced run lints it.
        let (report, panes, paths) = lint_engine(&state.engine);
        Action::Linted(Rc::new(Linted {
            report,
            panes,
            paths,
            files: state.engine.input_files().len(),
            millis: 0.0,
            revision: state.revision,
        }))
    }

    #[test]
    fn utf16_offsets_count_what_the_textarea_counts() {
        let text = "ab\r\ncé d\rx";
        assert_eq!(utf16_offset(text, 6), 5);
        assert_eq!(utf16_offset(text, 7), 6);
    }

    #[test]
    fn a_related_place_in_another_pane_is_selected_by_its_span() {
        // The example's TD001 points at the task's memory and relates the task's cpu.
        let state = State::new(EXAMPLES.map(String::from), Theme::Light);
        let (report, panes, paths) = lint_panes(&state.texts);
        let (i, finding) = report
            .findings
            .iter()
            .enumerate()
            .find(|(_, f)| f.code == "TD001" && !f.related.is_empty())
            .expect("the example has TD001 with a related place");
        let related = &finding.related[0];
        let text = &state.texts[0];
        assert_eq!(
            &text[related.span.range()],
            "\"256\"",
            "the span is the cpu's value"
        );
        let state = state.next(Action::Linted(Rc::new(Linted {
            report: report.clone(),
            panes,
            paths,
            files: state.engine.input_files().len(),
            millis: 0.0,
            revision: state.revision,
        })));
        let state = state.next(Action::SelectRelated(i, 0));
        let sel = state.selection.clone().expect("a selection");
        assert_eq!(
            (sel.start, sel.end),
            (related.span.start as usize, related.span.end as usize)
        );
    }

    #[test]
    fn undo_puts_back_a_fix_and_an_ignore() {
        let index = |state: &State, code: &str| {
            state.linted.as_ref().and_then(|l| {
                l.report
                    .findings
                    .iter()
                    .position(|f| f.code == code && l.pane_of(f.file) == Some(0))
            })
        };
        let state = State::new(EXAMPLES.map(String::from), Theme::Light);
        let state = state.next(linted(&state));
        let before = state.texts[0].clone();
        let fix = index(&state, "TD001").expect("the example has TD001");
        let fixed = state.next(Action::ApplyFix(fix));
        assert_ne!(fixed.texts[0], before, "the fix changed the text");
        assert_eq!(
            fixed
                .undo
                .as_ref()
                .map(|u| u.label(crate::i18n::Tr::default())),
            Some("Applied the fix for TD001.".to_string())
        );
        let undone = fixed.next(Action::Undo);
        assert_eq!(undone.texts[0], before, "Undo puts the text back");
        assert!(undone.undo.is_none());
        // Typing drops the undo.
        assert!(fixed.next(Action::Edit(0, Rc::from("{}"))).undo.is_none());
        // An ignore in JSON is a per-path ignore in the settings: Undo removes it.
        let ignore = index(&state, "TD102").expect("the example has TD102");
        let ignored = state.next(Action::IgnoreHere(ignore));
        assert_ne!(
            ignored.settings, state.settings,
            "the ignore went into the settings"
        );
        let undone = ignored.next(Action::Undo);
        assert_eq!(undone.settings, state.settings, "Undo removes the ignore");
    }

    #[test]
    fn a_fix_applies_to_the_current_text_and_the_finding_goes() {
        let mut texts: [String; PANE_COUNT] = Default::default();
        texts[0] =
            r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096"}"#.into();
        let mut state = State::new(texts, Theme::Light);
        state = state.next(linted(&state));
        let i = state
            .linted
            .as_ref()
            .and_then(|l| l.report.findings.iter().position(|f| f.code == "TD001"));
        let i = i.expect("TD001");
        state = state.next(Action::SelectFinding(i));
        let selection = state.selection.clone().expect("selected");
        assert_eq!(&state.texts[0][selection.start..selection.end], "\"4096\"");
        state = state.next(Action::ApplyFix(i));
        assert!(state.texts[0].contains(r#""cpu": "512""#));
        assert!(!state.is_fresh());
        // A fix on stale findings is refused.
        let before = state.texts[0].clone();
        state = state.next(Action::ApplyFix(i));
        assert_eq!(state.texts[0], before);
        state = state.next(linted(&state));
        assert!(state.linted.as_ref().is_some_and(|l| l
            .report
            .findings
            .iter()
            .all(|f| f.code != "TD001")));
    }

    #[test]
    fn why_opens_the_explainer_about_the_finding() {
        assert_eq!(why_target("TD001"), Some((View::Sizing, "sizing")));
        assert_eq!(why_target("TD009").map(|t| t.1), Some("memory-explainer"));
        assert_eq!(why_target("TD010").map(|t| t.1), Some("memory-explainer"));
        assert_eq!(why_target("TD011").map(|t| t.1), Some("memory-explainer"));
        assert_eq!(why_target("TD012"), Some((View::Sizing, "sizing")));
        assert_eq!(why_target("TD302").map(|t| t.1), Some("task-diagram"));
        assert_eq!(why_target("DL3008"), None);
        // Nothing on the page explains regions: no "Why?" that opens an unrelated view.
        assert_eq!(why_target("XF109"), None);
        assert_eq!(why_target("TD305"), None);
        let state = State::new(Default::default(), Theme::Light).next(Action::Why("TD010"));
        assert_eq!((state.view, state.why), (View::Explain, Some("TD010")));
    }

    #[test]
    fn a_gallery_example_fills_the_panes_by_kind() {
        let state = State::new(EXAMPLES.map(String::from), Theme::Light);
        let state = state.next(Action::LoadLearnExample(example("ecspresso-bad")));
        assert_eq!(state.view, View::Editor);
        assert!(state.texts[0].contains("containerDefinitions"));
        assert!(state.texts[1].contains("desiredCount") || !state.texts[1].is_empty());
        assert!(state.texts[2].is_empty());
        assert!(!state.texts[3].is_empty());
        let state = state.next(Action::LoadLearnExample(example("dockerfile-good")));
        assert_eq!(state.active, 2);
        assert!(state.texts[0].is_empty() && state.texts[2].contains("FROM"));
        let (report, _, _) = lint_panes(&state.texts);
        assert!(report.findings.iter().all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn the_first_own_file_in_the_example_asks_about_the_rest() {
        let example = State::new(EXAMPLES.map(String::from), Theme::Light);
        assert!(example.is_example() && !example.ask_examples);

        // Pasting over one example file asks; removing the rest keeps only the user's file.
        let pasted = example.next(Action::Edit(0, Rc::from("{\"family\": \"mine\"}")));
        assert!(!pasted.is_example() && pasted.ask_examples);
        assert_eq!(pasted.example_panes(), vec![1, 2, 3]);
        let dropped = pasted.next(Action::DropExamples);
        assert!(!dropped.ask_examples);
        assert_eq!(&*dropped.texts[0], "{\"family\": \"mine\"}");
        assert!(dropped.texts[1..].iter().all(|t| t.is_empty()));

        // Keeping them answers the question and changes no file.
        let kept = pasted.next(Action::KeepExamples);
        assert!(!kept.ask_examples && kept.texts == pasted.texts);
        // Later edits do not ask again: the project is no longer the untouched example.
        assert!(!kept.next(Action::Edit(1, Rc::from("{}"))).ask_examples);

        // Added files replace the whole example (nothing to ask); starting empty empties
        // everything and asks nothing.
        let added = example.next(Action::AddFiles(vec![(
            "app/Dockerfile".into(),
            "FROM scratch\n".into(),
        )]));
        assert!(added.example_panes().is_empty() && !added.ask_examples);
        let empty = example.next(Action::StartEmpty);
        assert!(empty.texts.iter().all(|t| t.is_empty()) && empty.extra.is_empty());
        assert!(!empty.is_example() && !empty.ask_examples);
        assert!(
            empty.revision != example.revision,
            "the project is linted again"
        );
    }

    #[test]
    fn ticks_toggle_and_stay_sorted() {
        let mut state = State::new(Default::default(), Theme::Light);
        state = state.next(Action::ToggleTick("8.3".into()));
        state = state.next(Action::ToggleTick("1.2".into()));
        assert_eq!(state.ticks, vec!["1.2", "8.3"]);
        state = state.next(Action::ToggleTick("8.3".into()));
        assert_eq!(state.ticks, vec!["1.2"]);
        state = state.next(Action::OpenLesson(Some("cpu-shares")));
        assert_eq!(
            (state.view, state.lesson),
            (View::Learn, Some("cpu-shares"))
        );
        state = state.next(Action::OpenLesson(Some("nope")));
        assert_eq!(state.lesson, None);
        state = state.next(Action::OpenRule("dl3008"));
        assert_eq!((state.view, state.explain), (View::Rules, Some("DL3008")));
    }

    fn lint_state(state: &State) -> Report {
        lint_project(&state.project(), &Config::default(), &state.vars).0
    }

    #[test]
    fn a_dropped_folder_fills_the_panes_and_resolves_like_ecspresso() {
        let mut state = State::new(EXAMPLES.map(String::from), Theme::Light);
        let config = "region: ap-northeast-1\ncluster: c\nservice: s\ntask_definition: ecs-task-def.json\nservice_definition: ecs-service-def.json\n";
        let taskdef = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "{{ must_env `IMAGE` }}", "essential": true}]}"#;
        state = state.next(Action::AddFiles(vec![
            ("proj/ecspresso.yml".into(), config.into()),
            ("proj/ecs-task-def.json".into(), taskdef.into()),
            ("proj/other-task-def.json".into(), taskdef.into()),
            ("proj/.env".into(), "IMAGE=nginx:1.27\n".into()),
            ("/../proj/./lib.libsonnet".into(), "{}".into()),
        ]));
        // The examples made way; the config and the first task definition went to their panes.
        assert_eq!(&*state.texts[3], config);
        assert_eq!(state.pane_paths[3].as_deref(), Some("proj/ecspresso.yml"));
        assert_eq!(
            state.pane_paths[0].as_deref(),
            Some("proj/ecs-task-def.json")
        );
        assert!(state.texts[1].is_empty() && state.texts[2].is_empty());
        let paths: Vec<&str> = state.extra.iter().map(|f| &*f.path).collect();
        assert_eq!(
            paths,
            [
                "proj/other-task-def.json",
                "proj/.env",
                "proj/lib.libsonnet"
            ]
        );
        assert_eq!(state.active, 3);
        // The service definition the config names is missing: XF001 on the config line.
        let report = lint_state(&state);
        let (_, panes, lint_paths) = state.project().inputs();
        assert_eq!(lint_paths[1], "proj/ecs-service-def.json");
        assert!(!panes.contains(&1), "an empty pane is no file");
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.code == "XF001" && f.path == "proj/ecspresso.yml"),
            "{:?}",
            report
                .findings
                .iter()
                .map(|f| (f.code, &f.path, &f.message))
                .collect::<Vec<_>>()
        );
        // The same path again replaces the text.
        state = state.next(Action::AddFiles(vec![(
            "proj/.env".into(),
            "IMAGE=nginx:1.28\n".into(),
        )]));
        assert_eq!(state.extra.len(), 3);
        assert_eq!(&*state.extra[1].text, "IMAGE=nginx:1.28\n");
        assert_eq!(state.active, 5);
    }

    #[test]
    fn files_are_added_renamed_and_removed() {
        let mut state = State::new(EXAMPLES.map(String::from), Theme::Light);
        state = state.next(Action::NewFile(
            "  ./extra/td2.json ".into(),
            Some(Kind::TaskDef),
        ));
        assert_eq!(state.pane_count(), 5);
        assert_eq!(
            (state.active, &*state.extra[0].path),
            (PANE_COUNT, "extra/td2.json")
        );
        // The examples stay: a new file is not a dropped project.
        assert_eq!(&*state.texts[0], EXAMPLES[0]);
        state = state.next(Action::Edit(PANE_COUNT, Rc::from(r#"{"cpu": "256", "memory": "4096", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": []}"#)));
        let report = lint_state(&state);
        assert!(report
            .findings
            .iter()
            .any(|f| f.code == "TD001" && f.path == "extra/td2.json"));
        // A taken path is refused; a free one is taken.
        state = state.next(Action::Rename(PANE_COUNT, "Dockerfile".into()));
        assert_eq!(&*state.extra[0].path, "extra/td2.json");
        state = state.next(Action::Rename(PANE_COUNT, "b/td.json".into()));
        assert_eq!(&*state.extra[0].path, "b/td.json");
        state = state.next(Action::Rename(2, "app/Dockerfile".into()));
        assert_eq!(state.project().paths_and_named().0[2], "app/Dockerfile");
        state = state.next(Action::SetKind(PANE_COUNT, None));
        assert_eq!(state.extra[0].kind, None);
        state = state.next(Action::Remove(PANE_COUNT));
        assert_eq!((state.pane_count(), state.active), (PANE_COUNT, 0));
        state = state.next(Action::Remove(2));
        assert!(state.texts[2].is_empty() && state.pane_paths[2].is_none());
        // Variables: a value in, an empty value out.
        state = state.next(Action::SetVar("IMAGE".into(), "nginx".into()));
        assert_eq!(state.vars.len(), 1);
        let revision = state.revision;
        state = state.next(Action::SetVar("IMAGE".into(), "nginx".into()));
        assert_eq!(
            state.revision, revision,
            "the same value does not lint again"
        );
        state = state.next(Action::SetVar("IMAGE".into(), String::new()));
        assert!(state.vars.is_empty());
    }

    #[test]
    fn the_jsonnet_evaluator_lints_again_once_settled() {
        use crate::jsonnet::Status;
        let state = State::new(Default::default(), Theme::Light);
        let revision = state.revision;
        let state = state.next(Action::Jsonnet(Status::Loading));
        assert_eq!(state.revision, revision, "loading changes no finding");
        assert_eq!(state.jsonnet, Status::Loading);
        let ready = state.next(Action::Jsonnet(Status::Ready));
        assert_eq!(
            ready.revision,
            revision.wrapping_add(1),
            "loaded: lint again"
        );
        let failed = state.next(Action::Jsonnet(Status::Failed("offline".into())));
        assert_eq!(
            failed.revision,
            revision.wrapping_add(1),
            "failed: lint again, to say why"
        );
    }

    /// The Terraform reader's and the template engine's statuses reach the engine's project
    /// (whose IN013 / IN014 notes say why a file was not read or rendered).
    #[test]
    fn module_statuses_reach_the_project() {
        use crate::jsonnet::Status;
        use ecsplain_engine::workspace::ModuleStatus;
        let state = State::new(Default::default(), Theme::Light);
        assert_eq!(state.engine.modules().terraform, ModuleStatus::Loading);
        assert_eq!(state.engine.modules().templates, ModuleStatus::Loading);
        let state = state.next(Action::Terraform(Status::Failed("offline".into())));
        assert_eq!(
            state.engine.modules().terraform,
            ModuleStatus::Failed("offline".into())
        );
        let state = state.next(Action::Template(Status::Loading));
        assert_eq!(state.engine.modules().templates, ModuleStatus::Loading);
        let state = state.next(Action::Template(Status::Ready));
        assert_eq!(state.engine.modules().templates, ModuleStatus::Ready);
        assert_eq!(
            state.engine.modules().terraform,
            ModuleStatus::Failed("offline".into())
        );
        // The Dockerfile module: an example project holds a Dockerfile, so its findings are not
        // fresh while the module has not been asked for or is loading.
        let state = State::new(EXAMPLES.map(String::from), Theme::Light);
        assert!(state.engine.has_dockerfile());
        let state = state.next(Action::Dockerfile(Status::Loading));
        assert_eq!(state.dockerfile, Status::Loading);
        assert!(!state.is_fresh());
        let state = state.next(Action::Dockerfile(Status::Failed("offline".into())));
        assert_eq!(
            state.engine.modules().dockerfile,
            ModuleStatus::Failed("offline".into())
        );
        let state = state.next(Action::Dockerfile(Status::Ready));
        assert_eq!(state.engine.modules().dockerfile, ModuleStatus::Ready);
    }

    #[test]
    fn the_examples_lint_together() {
        let texts = EXAMPLES.map(Rc::from);
        let (report, panes, _) = lint_panes(&texts);
        assert_eq!(panes, vec![0, 1, 2, 3]);
        assert!(report.findings.iter().any(|f| f.code == "TD001"));
    }

    #[test]
    fn ignoring_a_json_finding_adds_a_per_path_ignore_and_silences_it() {
        let mut state = State::new(Default::default(), Theme::Light);
        let text = r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "cpu": "256", "memory": "512",
  "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "essential": true}]}"#;
        state = state.next(Action::Edit(0, Rc::from(text)));
        state = state.next(linted(&state));
        let count = |state: &State, code: &str| {
            state.linted.as_ref().map_or(0, |l| {
                l.report.findings.iter().filter(|f| f.code == code).count()
            })
        };
        assert_eq!(count(&state, "TD102"), 1);
        let i = state
            .linted
            .as_ref()
            .and_then(|l| l.report.findings.iter().position(|f| f.code == "TD102"))
            .expect("TD102");
        state = state.next(Action::IgnoreHere(i));
        let entry = state
            .settings
            .per_path_ignores
            .first()
            .cloned()
            .expect("an ignore");
        assert_eq!(entry.codes, ["TD102"]);
        assert!(entry
            .pointer
            .as_deref()
            .is_some_and(|p| p.starts_with("/containerDefinitions/0")));
        state = state.next(linted(&state));
        assert_eq!(count(&state, "TD102"), 0, "the finding is ignored");
        assert!(count(&state, "TD103") >= 1, "other findings stay");
    }

    /// The page's path (panes and files, values typed in the panel) and the CLI's path (files
    /// as read from disk, `--var` values) give the same findings: both are the engine's project.
    #[test]
    fn the_page_lints_what_the_cli_lints() {
        let mut state = State::new(EXAMPLES.map(String::from), Theme::Light);
        state = state.next(Action::NewFile("td.jsonnet".into(), None));
        let jsonnet = "{\n  family: 'web',\n  containerDefinitions: [\n    { name: 'app', image: 'nginx:latest', essential: true },\n  ],\n}\n";
        state = state.next(Action::Edit(PANE_COUNT, Rc::from(jsonnet)));
        state = state.next(Action::SetVar("IMAGE".into(), "nginx:1.27".into()));
        let mut given = ecsplain_engine::Vars::default();
        given.env.insert("IMAGE".into(), "nginx:1.27".into());
        let cli = workspace::Project::from_inputs(state.engine.inputs().to_vec())
            .with_config(state.settings.config())
            .with_values(given);
        let view = |report: &Report| -> Vec<(String, &'static str, u32, u32, String)> {
            report
                .findings
                .iter()
                .map(|f| (f.path.clone(), f.code, f.line, f.column, f.message.clone()))
                .collect()
        };
        let page = view(state.engine.lint());
        assert!(page.iter().any(|f| f.0 == "td.jsonnet"), "{page:?}");
        assert_eq!(page, view(cli.lint()));

        // "Ignore here" in the Jsonnet file writes the comment the engine honours there.
        state = state.next(linted(&state));
        let i = state
            .linted
            .as_ref()
            .and_then(|l| {
                l.report.findings.iter().position(|f| {
                    f.path == "td.jsonnet" && ecsplain_engine::suppress::ignore_offered(f.code)
                })
            })
            .expect("a finding in the Jsonnet file");
        let code = state.linted.as_ref().map(|l| l.report.findings[i].code);
        state = state.next(Action::IgnoreHere(i));
        let text = state.text_of(PANE_COUNT).cloned().unwrap_or_default();
        assert!(
            text.contains(&format!("// ecsplain ignore={}", code.unwrap_or(""))),
            "{text}"
        );
        state = state.next(linted(&state));
        let report = &state.linted.as_ref().expect("linted").report;
        assert!(report
            .findings
            .iter()
            .all(|f| f.path != "td.jsonnet" || (Some(f.code) != code && f.code != "IN009")));
    }
}
