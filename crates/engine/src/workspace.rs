//! The project both front ends hold: files (path and text, named by [`FileId`]), the values
//! given for its variables and the team's configuration in; every answer the front ends show
//! out — the paths, what the ecspresso config names, the variables with their values and where
//! each comes from, the rendered view of a file, the findings, the edit "ignore here" makes, the
//! configuration as YAML and whether each Jsonnet file was evaluated.
//!
//! The CLI reads files and values from disk and builds a `Project`; the page builds one from its
//! panes and files on every revision. Both ask it the same questions, so they give the same
//! answers by construction.

mod config_yaml;
mod values;

use std::cell::OnceCell;

use crate::lint::finding::Finding;
use crate::lint::suppress::{self, IgnoreHere};
use crate::lint::{Input, Report, Vars};
use crate::models::config::Config;
use crate::models::ecspresso::{self, jsonnet, Format, Reference};
use crate::rules::rule::Kind;

pub use crate::models::project::{DockerBy, Paired, Pairing, ServiceBy};
pub use config_yaml::{config_yaml, with_path_ignore, Keys};
pub use values::{is_env_file, value_key, vars_from_keys, Origin, ProjectVariable, Shown};

/// A file of a project: its place in [`Project::files`]. Findings name their file by it
/// (`Finding::file` is `FileId::index`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(usize);

impl FileId {
    pub const fn new(index: usize) -> FileId {
        FileId(index)
    }

    pub const fn index(self) -> usize {
        self.0
    }
}

/// A file as the front end gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct File {
    /// `None`: the path the ecspresso config names for a file of this kind, else the kind's
    /// default name ([`default_path`]).
    pub path: Option<String>,
    pub text: String,
    /// The kind the user chose; `None`: detected (or none: an env file, a Terraform state, a
    /// Jsonnet library).
    pub kind: Option<Kind>,
}

impl File {
    pub fn new(path: impl Into<String>, text: impl Into<String>, kind: Option<Kind>) -> File {
        File {
            path: Some(path.into()),
            text: text.into(),
            kind,
        }
    }
}

/// The name a file of this kind gets when it has none and no config names it.
pub fn default_path(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::TaskDef) => "task-definition.json",
        Some(Kind::ServiceDef) => "service-definition.json",
        Some(Kind::Dockerfile) => "Dockerfile",
        Some(Kind::Ecspresso) => "ecspresso.yml",
        Some(Kind::Terraform) => "main.tf",
        Some(Kind::CloudFormation) => "template.yaml",
        None => "file",
    }
}

/// Where the Jsonnet evaluator is, as the front end knows it: the project gives it to the
/// Jsonnet reader, whose EP010 note says why a file was not evaluated.
pub use crate::models::ecspresso::jsonnet::Evaluator;

/// Where an on-demand reader is (the Terraform reader, the Go-template engine; the same type as
/// [`Evaluator`]), and the run's set of them.
pub use crate::input::module::{ModuleStatus, Modules};

/// Whether a Jsonnet file was evaluated in [`Project::lint`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonnetStatus {
    /// Evaluated (or a plain literal, read as it is): its checks ran.
    Evaluated,
    /// Not evaluated: no evaluator was at hand (still loading, could not be loaded, or this
    /// build has none).
    EvaluatorMissing(Evaluator),
    /// Evaluation stopped, and why (an error in the file, an import or a value the project
    /// lacks).
    Failed(String),
}

/// A file of the project with Jsonnet evaluated and its templates filled ([`Project::fill`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The text the templates were filled in (Jsonnet evaluated, as [`Project::render_source`]).
    pub source: String,
    /// The text with its templates filled.
    pub text: String,
}

/// Why [`Project::fill`] could not render a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The Jsonnet file does not evaluate (the evaluator's message).
    Jsonnet(String),
    /// A Jsonnet file and no evaluator.
    NoEvaluator,
    /// A template error, where ecspresso stops: its line and column (1-based, characters) in
    /// [`Filled::source`]'s text, and Go's message.
    Template {
        line: u32,
        column: u32,
        message: String,
    },
}

/// A reference of the project's ecspresso config to another file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigRef {
    /// The config.
    pub config: FileId,
    pub reference: Reference,
    /// The file it names, when the project holds it.
    pub file: Option<FileId>,
}

/// A project: files, values and configuration in, answers out. Answers that cost a lint run
/// or a scan of every file are computed once, on first use.
#[derive(Debug)]
pub struct Project {
    files: Vec<File>,
    /// The path of every file (see [`File::path`]).
    paths: Vec<String>,
    /// The files linted, and the file of each.
    inputs: Vec<Input>,
    input_files: Vec<FileId>,
    given: Vars,
    config: Config,
    evaluator: Evaluator,
    /// Where the front end's Terraform reader and Go-template engine are.
    modules: Modules,
    /// What the project's env files and Terraform state answer (read on first use).
    answers: OnceCell<values::Answers>,
    /// The given values over the env files' (computed on first use).
    effective: OnceCell<Vars>,
    variables: OnceCell<Vec<ProjectVariable>>,
    report: OnceCell<Report>,
}

impl Project {
    /// Every file is linted, also an empty one (the CLI: a file named is a file).
    pub fn new(files: Vec<File>) -> Project {
        Project::build(files, false)
    }

    /// A file whose text is blank is no file: it keeps its place and path but is not linted
    /// (the page's empty panes; a config naming one gets XF001, as for any missing file).
    pub fn with_blank_absent(files: Vec<File>) -> Project {
        Project::build(files, true)
    }

    /// Files from the engine's inputs (paths given).
    pub fn from_inputs(inputs: Vec<Input>) -> Project {
        Project::new(
            inputs
                .into_iter()
                .map(|i| File::new(i.path, i.text, i.kind))
                .collect(),
        )
    }

    fn build(files: Vec<File>, blank_absent: bool) -> Project {
        let paths = resolve_paths(&files.iter().map(FileRef::from).collect::<Vec<_>>());
        let mut inputs = Vec::new();
        let mut input_files = Vec::new();
        for (i, (file, path)) in files.iter().zip(&paths).enumerate() {
            if blank_absent && file.text.trim().is_empty() {
                continue;
            }
            inputs.push(Input::new(path.clone(), file.text.clone(), file.kind));
            input_files.push(FileId(i));
        }
        Project {
            files,
            paths,
            inputs,
            input_files,
            given: Vars::default(),
            config: Config::default(),
            evaluator: Evaluator::Ready,
            modules: Modules::default(),
            answers: OnceCell::new(),
            effective: OnceCell::new(),
            variables: OnceCell::new(),
            report: OnceCell::new(),
        }
    }

    /// The values the user gives (the CLI's `--var`, `--env-file`, `--ext-str`; the page's
    /// panel through [`vars_from_keys`]).
    pub fn with_values(mut self, given: Vars) -> Project {
        self.given = given;
        self.effective = OnceCell::new();
        self.variables = OnceCell::new();
        self.report = OnceCell::new();
        self
    }

    /// The team's configuration.
    pub fn with_config(mut self, config: Config) -> Project {
        self.config = config;
        self.report = OnceCell::new();
        self
    }

    /// Where the Jsonnet evaluator is (says why a Jsonnet file was not evaluated).
    pub fn with_evaluator(mut self, evaluator: Evaluator) -> Project {
        self.evaluator = evaluator;
        self.report = OnceCell::new();
        self
    }

    /// Where the Terraform reader is (IN013 says why a `.tf` file was not read).
    pub fn with_terraform(mut self, reader: ModuleStatus) -> Project {
        self.modules.terraform = reader;
        self.report = OnceCell::new();
        self
    }

    /// Where the Go-template engine is (IN014 says that a file's templates are read as
    /// written).
    pub fn with_templates(mut self, engine: ModuleStatus) -> Project {
        self.modules.templates = engine;
        self.report = OnceCell::new();
        self
    }

    /// Where the Dockerfile reader and rules are (`dockerfile_module`): while they are not
    /// ready a Dockerfile is not read, and IN015 says so.
    pub fn with_dockerfile(mut self, status: ModuleStatus) -> Project {
        self.modules.dockerfile = status;
        self.report = OnceCell::new();
        self
    }

    /// Where the front end's on-demand readers are (see [`Project::with_terraform`],
    /// [`Project::with_templates`], [`Project::with_dockerfile`]).
    pub fn modules(&self) -> &Modules {
        &self.modules
    }

    pub fn files(&self) -> &[File] {
        &self.files
    }

    pub fn ids(&self) -> impl Iterator<Item = FileId> {
        (0..self.files.len()).map(FileId)
    }

    pub fn file(&self, id: FileId) -> Option<&File> {
        self.files.get(id.0)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The values given (not those the project itself answers).
    pub fn given(&self) -> &Vars {
        &self.given
    }

    /// The path of every file, by [`FileId`].
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    pub fn path(&self, id: FileId) -> Option<&str> {
        self.paths.get(id.0).map(String::as_str)
    }

    /// The file with this path.
    pub fn find(&self, path: &str) -> Option<FileId> {
        let normal = ecspresso::normalize_path(path);
        self.paths
            .iter()
            .position(|p| *p == path || ecspresso::normalize_path(p) == normal)
            .map(FileId)
    }

    /// The files linted (blank ones left out by [`Project::with_blank_absent`]), each with its
    /// file.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    pub fn input_files(&self) -> &[FileId] {
        &self.input_files
    }

    /// The input of a file, when it is linted.
    fn input(&self, id: FileId) -> Option<&Input> {
        let at = self.input_files.iter().position(|f| *f == id)?;
        self.inputs.get(at)
    }

    fn answers(&self) -> &values::Answers {
        self.answers.get_or_init(|| {
            values::Answers::of(
                &self
                    .inputs
                    .iter()
                    .zip(&self.input_files)
                    .map(|(i, id)| (*id, i.path.as_str(), i.text.as_str()))
                    .collect::<Vec<_>>(),
            )
        })
    }

    /// The references of every ecspresso config of the project, with the files they name.
    pub fn config_refs(&self) -> Vec<ConfigRef> {
        let mut out = Vec::new();
        for (input, id) in self.inputs.iter().zip(&self.input_files) {
            if input_kind(input) != Some(Kind::Ecspresso) {
                continue;
            }
            for reference in ecspresso::references(&input.path, &input.text) {
                // A templated path names the file its known values render it to.
                let file = ecspresso::resolve_rendered(&input.path, &reference, &self.known())
                    .and_then(|path| self.find(&path))
                    .filter(|f| self.input(*f).is_some());
                out.push(ConfigRef {
                    config: *id,
                    reference,
                    file,
                });
            }
        }
        out
    }

    /// The file an ecspresso config names for this role (the first config that names one the
    /// project holds).
    pub fn named(&self, role: Kind) -> Option<FileId> {
        self.config_refs()
            .into_iter()
            .find(|r| r.reference.role == role && r.file.is_some())
            .and_then(|r| r.file)
    }

    /// The kind each file is read as in [`Project::lint`] (`None` for a file not linted or of
    /// no kind).
    pub fn kind(&self, id: FileId) -> Option<Kind> {
        self.lint().kinds.get(id.0).copied().flatten()
    }

    /// Every value the project's files look up, in order of first use, with its value and where
    /// that comes from. Dockerfiles, Terraform states and env files look nothing up.
    pub fn variables(&self) -> &[ProjectVariable] {
        self.variables.get_or_init(|| {
            let mut out: Vec<ProjectVariable> = Vec::new();
            for v in ecspresso::variables(&self.inputs) {
                if out.len() >= MAX_VARIABLES {
                    break;
                }
                let mut files: Vec<FileId> = Vec::new();
                for (input, _) in &v.uses {
                    let (Some(file), Some(id)) =
                        (self.inputs.get(*input), self.input_files.get(*input))
                    else {
                        continue;
                    };
                    if file.kind == Some(Kind::Dockerfile)
                        || ecspresso::tfstate::is_tfstate(&file.path, &file.text)
                        || is_env_file(&file.path)
                    {
                        continue;
                    }
                    if !files.contains(id) {
                        files.push(*id);
                    }
                }
                if files.is_empty() {
                    continue;
                }
                let given = v.value(&self.given).map(|s| (s.to_string(), Origin::Given));
                let (value, origin) = given
                    .or_else(|| self.answers().answer(&v))
                    .or_else(|| v.default.clone().map(|d| (d, Origin::Default)))
                    .map_or((None, None), |(value, origin)| (Some(value), Some(origin)));
                out.push(ProjectVariable {
                    key: value_key(&v),
                    source: v.source.clone(),
                    func: v.func.clone(),
                    name: v.name.clone(),
                    default: v.default.clone(),
                    files,
                    value,
                    origin,
                });
            }
            out
        })
    }

    /// The values a lint run and a rendered view get: the given ones over the env files' (a
    /// Terraform state among the files answers its lookups in the engine itself).
    pub fn effective_values(&self) -> Vars {
        self.effective().clone()
    }

    fn effective(&self) -> &Vars {
        self.effective
            .get_or_init(|| self.answers().effective(&self.given))
    }

    /// The values a lint run fills templates with: the given ones over the env files', then the
    /// project's Terraform state (no `env` default: a value not given stays a template). The
    /// CLI follows a config's templated definition paths with them, as the lint run renders
    /// them (`ecspresso::resolve_rendered`).
    pub fn known(&self) -> crate::syntax::template::Known<'_> {
        crate::syntax::template::Known {
            env: &self.effective().env,
            tfstate: self.answers().tfstate.as_ref().map(|(s, _)| s),
        }
    }

    /// The values a rendered view shows: as [`Project::known`], and `env`'s default.
    pub fn shown(&self) -> Shown<'_> {
        Shown {
            env: &self.effective().env,
            tfstate: self.answers().tfstate.as_ref().map(|(s, _)| s),
        }
    }

    /// The Jsonnet environment of this project: its files, its Terraform state, its values.
    /// Built here only, for linting and for rendering.
    pub fn jsonnet_env(&self, vars: &Vars) -> jsonnet::Env<'_> {
        let mut env = jsonnet::Env::with_vars(&self.inputs, vars);
        env.evaluator = self.evaluator.clone();
        env.modules = self.modules.clone();
        env
    }

    /// Lints the project: findings name their file by [`FileId`] (`Finding::file`), and
    /// `Report::kinds` is indexed by it. A Jsonnet file the evaluator could not reach says why
    /// ([`Evaluator`]). Computed once.
    pub fn lint(&self) -> &Report {
        self.report.get_or_init(|| {
            if self.inputs.is_empty() {
                return Report {
                    kinds: vec![None; self.files.len()],
                    ..Report::default()
                };
            }
            let vars = self.effective_values();
            let env = self.jsonnet_env(&vars);
            let report = crate::lint::lint_in(&self.inputs, &self.config, &env);
            let mut kinds = vec![None; self.files.len()];
            for (input, kind) in report.kinds.iter().enumerate() {
                if let Some(slot) = self
                    .input_files
                    .get(input)
                    .and_then(|id| kinds.get_mut(id.0))
                {
                    *slot = *kind;
                }
            }
            let mut findings = report.findings;
            for finding in &mut findings {
                let input = finding.file;
                finding.file = self.input_files.get(input).map_or(input, |id| id.0);
            }
            let file = |input: usize| self.input_files.get(input).map_or(input, |id| id.0);
            let mut pairings = report.pairings;
            for pairing in &mut pairings {
                let (first, task) = match pairing {
                    Pairing::Service { service, task, .. } => (service, task),
                    Pairing::Dockerfile {
                        dockerfile, task, ..
                    } => (dockerfile, task),
                };
                first.file = file(first.file);
                task.file = file(task.file);
            }
            Report {
                kinds,
                findings,
                pairings,
            }
        })
    }

    /// Which task definition each service runs (task ↔ service) and which task container runs
    /// the image each Dockerfile builds (container ↔ Dockerfile), with how each was decided: the
    /// pairings the cross-file rules of [`Project::lint`] read, decided by the same code (files
    /// by [`FileId`] index).
    pub fn pairings(&self) -> &[Pairing] {
        &self.lint().pairings
    }

    /// Whether a Jsonnet file was evaluated when the project was linted (`None`: not Jsonnet,
    /// or not linted).
    pub fn jsonnet_status(&self, id: FileId) -> Option<JsonnetStatus> {
        let input = self.input(id)?;
        if Format::from_path(&input.path) != Format::Jsonnet {
            return None;
        }
        let stopped = self.lint().findings.iter().find(|f| {
            f.file == id.0 && (f.code == NOT_EVALUATED_CODE || f.code == JSONNET_ERROR_CODE)
        });
        Some(match stopped {
            None => JsonnetStatus::Evaluated,
            Some(f) if f.code == NOT_EVALUATED_CODE && !jsonnet::available() => {
                JsonnetStatus::EvaluatorMissing(self.evaluator.clone())
            }
            Some(f) => JsonnetStatus::Failed(f.message.clone()),
        })
    }

    /// Whether any file of the project is Jsonnet (the page then loads its evaluator).
    /// Whether a file linted is a Dockerfile (given as one, or detected): what the page loads
    /// its Dockerfile module for (`dockerfile_module`).
    pub fn has_dockerfile(&self) -> bool {
        self.inputs
            .iter()
            .any(|i| input_kind(i) == Some(Kind::Dockerfile))
    }

    pub fn has_jsonnet(&self) -> bool {
        self.paths
            .iter()
            .any(|p| Format::from_path(p) == Format::Jsonnet)
    }

    /// Evaluates a Jsonnet file with the project's files, state and values, as the lint run
    /// does (`None`: not a file of the project).
    pub fn evaluate(&self, id: FileId) -> Option<jsonnet::Outcome> {
        let file = self.file(id)?;
        let path = self.path(id)?;
        let vars = self.effective_values();
        Some(jsonnet::evaluate(
            path,
            &file.text,
            &self.jsonnet_env(&vars),
        ))
    }

    /// The text a rendered view starts from: a Jsonnet file evaluated to its JSON (pretty, one
    /// value a line, as `jsonnet` prints it; on an error, a comment saying where and why), any
    /// other file as it is. `None`: a Jsonnet file and no evaluator.
    pub fn render_source(&self, id: FileId) -> Option<String> {
        let file = self.file(id)?;
        let text = &file.text;
        let at = |span: crate::input::span::Span| {
            let lc = crate::input::span::LineIndex::new(text).line_col(text, span.start);
            format!("{}:{}", lc.line, lc.column)
        };
        Some(match self.source_outcome(id)? {
            Ok(source) => source,
            Err(jsonnet::Outcome::Syntax { span, message }) => {
                format!("// Jsonnet error at {}: {message}", at(span))
            }
            Err(jsonnet::Outcome::Failed { span, message, .. }) => {
                format!("// Jsonnet evaluation failed at {}: {message}", at(span))
            }
            Err(_) => return None,
        })
    }

    /// A file's text before templates: Jsonnet evaluated (`Err`: the outcome that is not a
    /// value), any other file as it is.
    fn source_outcome(&self, id: FileId) -> Option<Result<String, jsonnet::Outcome>> {
        let file = self.file(id)?;
        let path = self.path(id)?;
        if Format::from_path(path) != Format::Jsonnet {
            return Some(Ok(file.text.clone()));
        }
        Some(match self.evaluate(id)? {
            jsonnet::Outcome::Value { json, .. } => Ok(json),
            other => Err(other),
        })
    }

    /// A file with Jsonnet evaluated (as [`Project::render_source`] shows it) and its templates
    /// filled with the values a rendered view shows (unknown ones as `${NAME}` markers): what
    /// `ecsplain render CONFIG` prints for each file. Err: why it cannot be rendered (a
    /// template error stops here, as ecspresso stops). `None`: not a file of the project.
    pub fn fill(&self, id: FileId) -> Option<Result<Filled, RenderError>> {
        let source = match self.source_outcome(id)? {
            Ok(source) => source,
            Err(
                jsonnet::Outcome::Syntax { message, .. } | jsonnet::Outcome::Failed { message, .. },
            ) => return Some(Err(RenderError::Jsonnet(message))),
            Err(_) => return Some(Err(RenderError::NoEvaluator)),
        };
        let output = crate::syntax::template::execute(
            &source,
            &self.shown(),
            crate::syntax::template::Mode::Display,
        );
        if let Some(error) = output.error {
            let at =
                crate::input::span::LineIndex::new(&source).line_col(&source, error.span.start);
            return Some(Err(RenderError::Template {
                line: at.line,
                column: at.column,
                message: error.message,
            }));
        }
        Some(Ok(Filled {
            text: output.rendered.text,
            source,
        }))
    }

    /// Whether the file has a rendered view that differs from its text: a Jsonnet file once
    /// the evaluator is ready (it shows the JSON it evaluates to), any other file when it holds
    /// a template call.
    pub fn can_render(&self, id: FileId) -> bool {
        let (Some(file), Some(path)) = (self.file(id), self.path(id)) else {
            return false;
        };
        if Format::from_path(path) == Format::Jsonnet {
            self.evaluator == Evaluator::Ready && jsonnet::available()
        } else {
            crate::syntax::template::has_template(&file.text)
        }
    }

    /// The rendered view of a file: what ecspresso prints for it (a config or a definition,
    /// [`ecspresso::render::project_file`]), else the file with its templates filled. Values
    /// not known show as markers (`${IMAGE}`). Err: where ecspresso stops, with its message.
    pub fn render(&self, id: FileId) -> Option<Result<String, String>> {
        let source = self.render_source(id)?;
        self.render_evaluated(id, &source)
    }

    /// [`Project::render`] from the file's text with Jsonnet already evaluated (`source`, from
    /// [`Project::render_source`]): the page evaluates in its main module, where the evaluator
    /// is, and renders in its teaching module.
    pub fn render_evaluated(&self, id: FileId, source: &str) -> Option<Result<String, String>> {
        let path = self.path(id)?;
        let shown = self.shown();
        let region = self.config.settings.region.as_deref();
        match ecspresso::render::project_file(&self.inputs, path, source, &shown, region) {
            Some(printed) => Some(printed),
            None => Some(Ok(crate::syntax::template::render(source, &shown).text)),
        }
    }

    /// A text with its template calls filled with the project's values (given, env files,
    /// Terraform state, `env`'s default); unknown ones show as `${NAME}` markers.
    pub fn fill_templates(&self, text: &str) -> String {
        crate::syntax::template::render(text, &self.shown()).text
    }

    /// What "ignore here" does for a finding of [`Project::lint`]: a comment in the file's own
    /// syntax (`#`, or `//` in Jsonnet, as the suppression scanner reads them), or a per-path
    /// ignore for JSON.
    pub fn ignore_here(&self, finding: &Finding) -> IgnoreHere {
        let id = FileId(finding.file);
        // The kind the finding's run read the file as (the project's own lint when it ran).
        let kind = match self.report.get() {
            Some(report) => report.kinds.get(id.0).copied().flatten(),
            None => self.input(id).and_then(input_kind),
        };
        match self.file(id) {
            Some(file) => suppress::ignore_here(finding, &file.text, kind),
            None => IgnoreHere::NotOffered,
        }
    }

    /// The configuration as `.ecsplain.yaml` text.
    pub fn config_yaml(&self, keys: Keys) -> String {
        config_yaml(&self.config, keys)
    }
}

/// Reads the team's configuration (`.ecsplain.yaml` text at `path`): the configuration and its
/// problems (IN011) as findings on that file, with their lines and columns, as the CLI reports
/// them and the page's settings dialog lists a pasted configuration's.
pub fn read_config(path: &str, text: &str) -> (Config, Vec<Finding>) {
    let (config, diagnostics) = Config::parse(path, text);
    let index = crate::input::span::LineIndex::new(text);
    let resolvers = [crate::lint::finding::Resolver {
        path,
        text,
        index: &index,
    }];
    let problems = diagnostics
        .iter()
        .filter_map(|d| Finding::resolve(d, 0, &resolvers))
        .collect();
    (config, problems)
}

/// At most this many variables are listed (a generated file could name thousands).
pub const MAX_VARIABLES: usize = 500;

const NOT_EVALUATED_CODE: &str = crate::rules::ecspresso::ep010_jsonnet_not_evaluated::RULE.code;
const JSONNET_ERROR_CODE: &str = crate::rules::input::in012_jsonnet_error::RULE.code;

/// The kind an input is read as before linting (given, else detected).
fn input_kind(input: &Input) -> Option<Kind> {
    input
        .kind
        .or_else(|| crate::input::detect::detect(&input.path, &input.text))
}

/// A file by reference, for [`resolve_paths`].
#[derive(Debug, Clone, Copy)]
pub struct FileRef<'a> {
    pub path: Option<&'a str>,
    pub text: &'a str,
    pub kind: Option<Kind>,
}

impl<'a> From<&'a File> for FileRef<'a> {
    fn from(file: &'a File) -> FileRef<'a> {
        FileRef {
            path: file.path.as_deref(),
            text: &file.text,
            kind: file.kind,
        }
    }
}

/// Every file's path, as [`Project::paths`] gives it, without building a project: the one
/// given; else the path the project's ecspresso config (the first non-blank file read as one)
/// names for a file of its kind (the first reference of that role not taken by another file);
/// else the kind's default name, made unique.
pub fn resolve_paths(files: &[FileRef<'_>]) -> Vec<String> {
    let mut paths: Vec<Option<String>> = files.iter().map(|f| f.path.map(str::to_string)).collect();
    let config = files.iter().find_map(|file| {
        let path = file.path.unwrap_or_else(|| default_path(file.kind));
        let kind = file
            .kind
            .or_else(|| crate::input::detect::detect(path, file.text));
        (kind == Some(Kind::Ecspresso) && !file.text.trim().is_empty()).then_some((path, file.text))
    });
    if let Some((config_path, config_text)) = config {
        let mut taken = vec![false; files.len()];
        for reference in ecspresso::references(config_path, config_text) {
            if reference.template || paths.iter().flatten().any(|p| *p == reference.resolved) {
                continue;
            }
            let free = files.iter().enumerate().position(|(i, f)| {
                f.kind == Some(reference.role) && paths[i].is_none() && !taken[i]
            });
            if let Some(i) = free {
                taken[i] = true;
                paths[i] = Some(reference.resolved);
            }
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(files.len());
    for (file, path) in files.iter().zip(paths.iter()) {
        let path = match path {
            Some(path) => path.clone(),
            None => {
                let base = default_path(file.kind);
                let mut path = base.to_string();
                let mut n = 2;
                while out.contains(&path) || paths.iter().flatten().any(|p| *p == path) {
                    path = format!("{n}-{base}");
                    n += 1;
                }
                path
            }
        };
        out.push(path);
    }
    out
}

#[cfg(test)]
mod tests;
