//! The entry point both front ends call: inputs in, findings out.

use crate::check::{Check, Sink};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, Place, Resolver, Severity};
use crate::project::{Model, ParsedInput, ProjectCtx};
use crate::rule::Kind;
use crate::span::{LineIndex, Span};
use crate::template::Rendered;
use crate::value::Node;
use crate::{
    detect, dockerfile, ecspresso, iac, json, registry, servicedef, suppress, taskdef, yaml,
};

/// One text to lint.
#[derive(Debug, Clone)]
pub struct Input {
    /// A path for messages and for resolving references between inputs (`ecspresso.yml` names
    /// `ecs-task-def.json` relative to its own folder).
    pub path: String,
    pub text: String,
    /// The kind, when the caller knows it (a pane of the page, `--kind`); otherwise detected.
    pub kind: Option<Kind>,
}

impl Input {
    pub fn new(path: impl Into<String>, text: impl Into<String>, kind: Option<Kind>) -> Input {
        Input {
            path: path.into(),
            text: text.into(),
            kind,
        }
    }
}

/// What a lint run found, in file, line and column order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The kind each input was read as (by index).
    pub kinds: Vec<Option<Kind>>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Lints every input, then the inputs together, and resolves spans to lines and columns, with the
/// default configuration.
pub fn lint(inputs: &[Input]) -> Report {
    lint_with(inputs, &Config::default())
}

/// Values the user gives for a project's template variables (`{{ env }}`, `{{ must_env }}`) and
/// Jsonnet external variables (`std.extVar`): the CLI's `--var`, `--env-file` and `--ext-str`, the
/// page's variables panel. A name without a value stays a placeholder, never an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars {
    /// Environment variables, by name, for `env`/`must_env` and Jsonnet's `std.native('env')`;
    /// also other lookups by key (`tfstate:aws_lb.web.arn`, `ssm:/app/db`: the function as
    /// written, `:`, its literal arguments joined by spaces). See
    /// [`crate::ecspresso::Variable::assign`].
    pub env: std::collections::BTreeMap<String, String>,
    /// Jsonnet external variables, by name, for `std.extVar`.
    pub ext_str: std::collections::BTreeMap<String, String>,
}

/// Like [`lint`], with a team's configuration: selection, ignores (inline and by path) and
/// severity overrides are applied here, after the rules ran.
pub fn lint_with(inputs: &[Input], config: &Config) -> Report {
    lint_vars(inputs, config, &Vars::default())
}

/// Like [`lint_with`], with values for the project's variables.
///
/// A definition or config whose template actions get values (`vars.env` for `env`/`must_env`,
/// a lookup key such as `tfstate:aws_lb.web.arn`, or a `terraform.tfstate` among the inputs for
/// `tfstate`/`tfstatef`) is linted as ecspresso would render it, and every finding is mapped back
/// to the source: one on a rendered value points at the template action that produced it.
/// Actions without a value stay as written (placeholders). Jsonnet gets `vars.env` for
/// `std.native('env')`/`must_env` and `vars.ext_str` for `std.extVar`.
pub fn lint_vars(inputs: &[Input], config: &Config, vars: &Vars) -> Report {
    let mut raw: Vec<(usize, Diagnostic)> = Vec::new();
    let referenced = ecspresso::referenced_roles(inputs);
    // What Jsonnet evaluation may read: the other inputs (imports), a Terraform state, values.
    let mut jsonnet_env = ecspresso::jsonnet::Env::from_inputs(inputs);
    jsonnet_env.env.clone_from(&vars.env);
    jsonnet_env.ext_str.clone_from(&vars.ext_str);
    let known = crate::template::Known {
        env: &vars.env,
        tfstate: jsonnet_env.tfstate.as_ref(),
    };
    // Every templated config or definition is rendered: the parts that need no value (a
    // comment, `{{ if true }}`, `{{ "a" | json_escape }}`) render without any.

    // Each input's kind, and its rendered text when values apply to its templates.
    let mut kinds = Vec::with_capacity(inputs.len());
    let mut rendered: Vec<Option<Rendered>> = Vec::with_capacity(inputs.len());
    for input in inputs {
        let detected = detect::detect(&input.path, &input.text);
        // A file an ecspresso config names gets its kind from the config when nothing else tells.
        let role = referenced
            .iter()
            .find(|(path, _)| *path == ecspresso::normalize_path(&input.path))
            .map(|(_, role)| *role);
        let kind = input.kind.or(detected).or(role);
        kinds.push((kind, detected, role.is_some()));
        let renders = matches!(
            kind,
            Some(Kind::TaskDef | Kind::ServiceDef | Kind::Ecspresso)
        ) && ecspresso::Format::from_path(&input.path) != ecspresso::Format::Jsonnet;
        // Definition paths render too: the front ends follow a rendered path (the CLI reads
        // the file, the page looks it up among its files), and XF001 names one that is missing.
        rendered.push(
            renders
                .then(|| crate::template::render_known(&input.text, &known))
                .flatten(),
        );
    }

    let mut parsed: Vec<ParsedInput<'_>> = Vec::with_capacity(inputs.len());
    let mut evaluated = vec![false; inputs.len()];
    for (file, ((input, (kind, detected, referenced)), render)) in
        inputs.iter().zip(kinds).zip(&rendered).enumerate()
    {
        let text = render
            .as_ref()
            .map_or(input.text.as_str(), |r| r.text.as_str());
        let (model, diagnostics, from_jsonnet) = parse(
            input,
            text,
            kind,
            detected,
            referenced,
            render.is_some(),
            &jsonnet_env,
        );
        if let Some(slot) = evaluated.get_mut(file) {
            *slot = from_jsonnet;
        }
        raw.extend(diagnostics.into_iter().map(|d| (file, d)));
        parsed.push(ParsedInput {
            path: &input.path,
            text,
            source: &input.text,
            rendered: render.as_ref(),
            kind,
            model,
            named_by_config: referenced,
            task_input: None,
        });
    }
    // Each task or service definition of a Terraform file or CloudFormation template joins
    // the run as an input of its own (after the real ones), so the per-kind and cross-file
    // rules see it as they see a JSON one; its findings go back to its file below.
    let folds = iac_folds(&parsed);
    // The texts of Terraform tasks joined with the container definitions they read from another
    // input (`iac::fold`).
    let folded_texts: Vec<String> = folds
        .iter()
        .map(|f| {
            let tf = parsed.get(f.file).map_or("", |p| p.text);
            let other = parsed.get(f.other).map_or("", |p| p.text);
            iac::fold::joined(tf, other)
        })
        .collect();
    let (owners, folded) = iac_inputs(&mut parsed, folds, &folded_texts);
    let iac_texts: Vec<&str> = parsed.iter().skip(inputs.len()).map(|p| p.text).collect();
    let inserting = crate::json_edit::inserting_in(&iac_texts);
    for (file, input) in parsed.iter().enumerate() {
        run_checks(file, input, &config.settings, &mut raw);
    }
    let project = ProjectCtx::new(&parsed);
    for check in registry::checks() {
        if let Check::Project(rule, run) = check {
            run(
                &project,
                &mut Sink::new(rule, 0, &mut raw).with_settings(&config.settings),
            );
        }
    }
    drop(inserting);
    if !owners.is_empty() {
        to_iac_files(&parsed, inputs.len(), &owners, &folded, &mut raw);
        parsed.truncate(inputs.len());
    }

    note_evaluated_jsonnet(&evaluated, &mut raw);

    if config.inline_ignores {
        apply_suppressions(&parsed, &mut raw);
    }
    raw.retain(|(file, d)| {
        parsed.get(*file).is_some_and(|input| {
            config.enabled(d.code) && !config.path_ignored(input.path, d.code, d.span, input.tree())
        })
    });
    for (_, d) in &mut raw {
        d.severity = config.severity_of(d.code, d.severity);
    }
    if rendered.iter().any(Option::is_some) {
        map_to_sources(inputs, &rendered, &mut raw);
    }
    let parsed_kinds: Vec<Option<Kind>> = parsed.iter().map(|p| p.kind).collect();
    drop_fixes_on_templates(inputs, &parsed_kinds, &mut raw);

    let indexes: Vec<LineIndex> = inputs.iter().map(|i| LineIndex::new(&i.text)).collect();
    let resolvers: Vec<Resolver<'_>> = inputs
        .iter()
        .zip(&indexes)
        .map(|(input, index)| Resolver {
            path: &input.path,
            text: &input.text,
            index,
        })
        .collect();
    let mut findings: Vec<Finding> = raw
        .iter()
        .filter_map(|(file, d)| Finding::resolve(d, *file, &resolvers))
        .collect();
    crate::order::sort_by(&mut findings, |a, b| {
        (a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(b.file, b.line, b.column, b.code, &b.message))
    });
    findings.dedup_by(|a, b| {
        a.file == b.file && a.span == b.span && a.code == b.code && a.message == b.message
    });
    Report {
        kinds: parsed.iter().map(|p| p.kind).collect(),
        findings,
    }
}

/// Lints one text of a known kind (what a pane of the page does).
pub fn lint_one(path: &str, text: &str, kind: Kind) -> Report {
    lint(&[Input::new(path, text, Some(kind))])
}

/// Findings on evaluated Jsonnet point at the closest place in the source: no fix is offered (its
/// edits would land on the wrong text), and one that found no place says where it comes from.
fn note_evaluated_jsonnet(evaluated: &[bool], raw: &mut [(usize, Diagnostic)]) {
    for (file, d) in raw.iter_mut() {
        if !evaluated.get(*file).copied().unwrap_or(false) {
            continue;
        }
        d.fix = None;
        if d.span == Span::EMPTY && d.code != crate::rules::input::in012_jsonnet_error::RULE.code {
            let note = "found in the JSON this Jsonnet file evaluates to; no line of the source matches it";
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help} ({note})"),
                None => note.to_string(),
            });
        }
    }
}

/// Points the diagnostics of rendered inputs (and related spans in them) back at the source
/// text. A fix whose edits touch a rendered value is dropped: it would edit the template.
fn map_to_sources(
    inputs: &[Input],
    rendered: &[Option<Rendered>],
    raw: &mut [(usize, Diagnostic)],
) {
    let of = |file: usize| rendered.get(file).and_then(Option::as_ref);
    // The template action a span of a rendered value comes from, quoted when short.
    let action = |file: usize, original: Span| -> String {
        let text = inputs
            .get(file)
            .and_then(|i| i.text.get(original.range()))
            .unwrap_or("")
            .trim_matches(['"', '\'']);
        if text.chars().count() <= 60 && !text.contains('\n') {
            format!("`{text}`")
        } else {
            "a template action".to_string()
        }
    };
    for (file, d) in raw.iter_mut() {
        for related in &mut d.related {
            let place = match related.place {
                Place::SameFile => *file,
                Place::File(other) => other,
            };
            if let Some(r) = of(place) {
                let from_template = r.from_template(related.span);
                related.span = r.original(related.span);
                if from_template {
                    related.message = format!(
                        "{} (from {} with the value given)",
                        related.message,
                        action(place, related.span)
                    );
                }
            }
        }
        let Some(r) = of(*file) else {
            continue;
        };
        let from_template = r.from_template(d.span);
        d.span = r.original(d.span);
        if from_template {
            let note = format!(
                "the value comes from {} with the value given",
                action(*file, d.span)
            );
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help} ({note})"),
                None => note,
            });
        }
        if let Some(fix) = &mut d.fix {
            if fix.edits.iter().any(|e| r.touches(e.span)) {
                d.fix = None;
            } else {
                for edit in &mut fix.edits {
                    edit.span = r.original(edit.span);
                }
            }
        }
    }
}

/// A fix never edits a template action left as written (`{{ must_env `IMAGE` }}`): its edits are
/// in source coordinates here, and one that changes part of an action, inserts inside one, or
/// replaces one by text that does not carry it unchanged drops the whole fix. (Quoting a value
/// around an action, as EP009 does, keeps it.) So `ecsplain lint --fix` and the page's "Apply
/// fix" leave every placeholder as the user wrote it. Dockerfiles are left out: `{{` there is
/// text (`docker inspect --format`).
fn drop_fixes_on_templates(
    inputs: &[Input],
    kinds: &[Option<Kind>],
    raw: &mut [(usize, Diagnostic)],
) {
    let mut actions: Vec<Option<Vec<Span>>> = vec![None; inputs.len()];
    for (file, d) in raw.iter_mut() {
        let Some(fix) = &d.fix else {
            continue;
        };
        let (Some(input), Some(kind)) = (inputs.get(*file), kinds.get(*file)) else {
            continue;
        };
        if *kind == Some(Kind::Dockerfile) || !crate::template::has_template(&input.text) {
            continue;
        }
        let Some(slot) = actions.get_mut(*file) else {
            continue;
        };
        let spans = slot.get_or_insert_with(|| {
            crate::template::scan(&input.text)
                .actions
                .iter()
                .map(|a| a.span)
                .collect()
        });
        if fix
            .edits
            .iter()
            .any(|e| changes_an_action(&input.text, e, spans))
        {
            d.fix = None;
        }
    }
}

/// Does the edit change an action of `text`: cover part of one, insert strictly inside one, or
/// replace whole ones by text that does not hold them, in order, as written?
fn changes_an_action(text: &str, edit: &crate::diagnostic::Edit, actions: &[Span]) -> bool {
    let span = edit.span;
    let mut rest = edit.content.as_str();
    for action in actions {
        let inside = span.start <= action.start && action.end <= span.end;
        let touched = if span.is_empty() {
            action.start < span.start && span.start < action.end
        } else {
            span.start < action.end && action.start < span.end
        };
        if !touched {
            continue;
        }
        let Some(written) = text.get(action.range()) else {
            return true;
        };
        match rest.find(written) {
            Some(at) if inside => rest = &rest[at + written.len()..],
            _ => return true,
        }
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn parse(
    input: &Input,
    text: &str,
    kind: Option<Kind>,
    detected: Option<Kind>,
    referenced: bool,
    rendered: bool,
    jsonnet_env: &ecspresso::jsonnet::Env<'_>,
) -> (Model, Vec<Diagnostic>, bool) {
    let mut diagnostics = Vec::new();
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::new(
            crate::rules::input::in006_empty_input::RULE.code,
            crate::rules::input::in006_empty_input::RULE.severity,
            Span::EMPTY,
            match kind {
                Some(kind) => format!("the {} is empty", kind.noun()),
                None => "the input is empty".to_string(),
            },
        ));
        return (Model::None, diagnostics, false);
    }
    if let Some(diagnostic) = binary_input(text) {
        diagnostics.push(diagnostic);
        return (Model::None, diagnostics, false);
    }
    // A text of another kind in a pane: say so. A Dockerfile read as JSON (or the reverse) would
    // only give noise, so it is not parsed; JSON of another kind is still checked for syntax.
    if let Some(seen) = wrong_kind(input, kind, detected) {
        let rule = &crate::rules::input::in007_wrong_kind::RULE;
        let kind_noun = kind.map_or("", Kind::noun);
        diagnostics.push(
            rule.diag(
                Span::new(0, first_line_len(text)),
                format!("this looks like a {}, not a {kind_noun}", seen.noun()),
            )
            .with_help(format!("paste it into the {} input instead", seen.title())),
        );
        if (seen == Kind::Dockerfile) != (kind == Some(Kind::Dockerfile))
            || ecspresso::Format::from_path(&input.path) == ecspresso::Format::Jsonnet
        {
            return (Model::None, diagnostics, false);
        }
        let parsed = parse_tree(&input.path, text);
        diagnostics.extend(
            parsed
                .diagnostics
                .into_iter()
                .filter(|d| d.code == json::SYNTAX),
        );
        return (Model::None, diagnostics, false);
    }
    // ecspresso renders configs and the definitions they name as Go templates.
    // (A rendered text had none: only a template without errors is rendered.)
    if (kind == Some(Kind::Ecspresso) || referenced) && !rendered {
        let known = crate::template::Known {
            env: &jsonnet_env.env,
            tfstate: jsonnet_env.tfstate.as_ref(),
        };
        diagnostics.extend(ecspresso::template_diagnostics(text, &known));
    }
    // Jsonnet is not JSON: never feed it to the JSON parser (no false syntax errors).
    if kind.is_some_and(|k| k != Kind::Dockerfile)
        && ecspresso::Format::from_path(&input.path) == ecspresso::Format::Jsonnet
    {
        let read = ecspresso::read_jsonnet(&input.path, text, kind, jsonnet_env);
        diagnostics.extend(read.diagnostics);
        return (Model::Tree(read.root), diagnostics, read.evaluated);
    }
    // A Jsonnet file of no kind (a `.libsonnet` library the others import): checked for
    // Jsonnet errors only; what it defines is checked in the files that use it.
    if kind.is_none() && ecspresso::Format::from_path(&input.path) == ecspresso::Format::Jsonnet {
        if let ecspresso::jsonnet::Outcome::Syntax { span, message } =
            ecspresso::jsonnet::evaluate(&input.path, text, jsonnet_env)
        {
            diagnostics.push(
                crate::rules::input::in012_jsonnet_error::RULE
                    .diag(span, format!("Jsonnet error: {message}"))
                    .with_help(
                        "fix the Jsonnet so it evaluates (`jsonnet FILE` shows the same error)",
                    ),
            );
        }
        return (Model::None, diagnostics, false);
    }
    let model = match kind {
        Some(kind @ (Kind::Terraform | Kind::CloudFormation)) => {
            let read = iac::read(kind, &input.path, text);
            diagnostics.extend(read.diagnostics);
            Model::Iac(read.resources)
        }
        Some(Kind::TaskDef | Kind::ServiceDef | Kind::Ecspresso) => Model::Tree(
            parsed_or_held_back(parse_tree(&input.path, text), &mut diagnostics),
        ),
        Some(Kind::Dockerfile) => {
            let parsed = dockerfile::parse(text);
            diagnostics.extend(parsed.diagnostics);
            Model::Dockerfile(parsed.dockerfile)
        }
        None => Model::None,
    };
    (model, diagnostics, false)
}

/// The tree the rules may judge. A JSON or YAML text with a syntax error is not judged at all:
/// past the error the parser's recovery is a guess (a lost quote turns keys into values), and
/// rules reading that guess report what is not there ("the task sets no memory" for a task that
/// sets it). So the syntax errors are its only findings until it parses, as cfn-lint and hadolint
/// stop at a parse error; the first one says so. Its cross-file partners see no such file either.
fn parsed_or_held_back(parsed: json::Parsed, diagnostics: &mut Vec<Diagnostic>) -> Option<Node> {
    let syntax = |d: &Diagnostic| {
        d.severity == Severity::Error && (d.code == json::SYNTAX || d.code == yaml::SYNTAX)
    };
    let broken = parsed.diagnostics.iter().any(syntax);
    let mut noted = false;
    for mut d in parsed.diagnostics {
        if broken && !noted && syntax(&d) {
            noted = true;
            let note = "the other checks of this file run once it parses";
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help}; {note}"),
                None => note.to_string(),
            });
        }
        diagnostics.push(d);
    }
    if broken {
        None
    } else {
        parsed.root
    }
}

/// JSON, or YAML for `.yml`/`.yaml` files (and for text that does not start like JSON).
fn parse_tree(path: &str, text: &str) -> json::Parsed {
    let lower = path.to_ascii_lowercase();
    let is_yaml_name = lower.ends_with(".yml") || lower.ends_with(".yaml");
    let starts_like_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '[']);
    if is_yaml_name
        || (!starts_like_json
            && !lower.ends_with(".json")
            && ecspresso::Format::from_path(path) == ecspresso::Format::Yaml)
    {
        yaml::parse(text)
    } else {
        json::parse(text)
    }
}

/// The kind the text really holds, when the caller gave another one.
fn wrong_kind(input: &Input, kind: Option<Kind>, _detected: Option<Kind>) -> Option<Kind> {
    let given = input.kind?;
    if given.is_iac() && detect::has_keys_of(&input.text, given) {
        return None;
    }
    let seen = detect::content_kind(&input.text)
        .or_else(|| detect::looks_like_dockerfile(&input.text).then_some(Kind::Dockerfile))?;
    // The text holds keys of the kind given as well: obey the caller (a service whose log
    // options name `awslogs-region` next to its `cluster` stays a service).
    if given != Kind::Dockerfile
        && seen != Kind::Dockerfile
        && detect::has_keys_of(&input.text, given)
    {
        return None;
    }
    (Some(given) == kind && given != seen).then_some(seen)
}

/// Adds an input for each task and service definition of the Terraform files and
/// CloudFormation templates of the run, and returns which file each added input belongs to
/// (by index past the real inputs). A service whose task definition refers to a task resource
/// of the run (`aws_ecs_task_definition.app.arn`, `!Ref TaskDef`) is paired with it: in the
/// same file, else (Terraform, whose module is a folder) the one of that address in the folder.
fn iac_inputs<'a>(
    parsed: &mut Vec<ParsedInput<'a>>,
    folds: Vec<iac::fold::Fold>,
    folded_texts: &'a [String],
) -> (Vec<usize>, Vec<Option<Folded>>) {
    let real = parsed.len();
    let mut owners = Vec::new();
    let mut added = Vec::new();
    let mut folded = Vec::new();
    let mut folds: Vec<Option<iac::fold::Fold>> = folds.into_iter().map(Some).collect();
    for (file, input) in parsed.iter_mut().enumerate() {
        let Model::Iac(resources) = &mut input.model else {
            continue;
        };
        for (index, mut resource) in std::mem::take(resources).into_iter().enumerate() {
            owners.push(file);
            let fold = folds.iter_mut().enumerate().find_map(|(k, f)| {
                f.as_ref()
                    .is_some_and(|f| f.file == file && f.resource == index)
                    .then(|| f.take().map(|f| (k, f)))
                    .flatten()
            });
            match fold.and_then(|(k, f)| folded_texts.get(k).map(|t| (t, f))) {
                Some((text, fold)) => {
                    iac::fold::with_containers(&mut resource.root, fold.containers, fold.call);
                    folded.push(Some(Folded {
                        other: fold.other,
                        offset: fold.offset,
                        template: fold.template,
                    }));
                    added.push((input.path, text.as_str(), text.as_str(), resource));
                }
                None => {
                    folded.push(None);
                    added.push((input.path, input.text, input.source, resource));
                }
            }
        }
    }
    // A folded file is checked with its task, not again on its own.
    for f in folded.iter().flatten() {
        if let Some(other) = parsed.get_mut(f.other) {
            other.model = Model::Tree(None);
        }
    }
    let folder = |path: &str| {
        path.rfind(['/', '\\'])
            .map_or("", |i| &path[..i])
            .to_string()
    };
    let task_inputs: Vec<Option<usize>> = added
        .iter()
        .zip(&owners)
        .map(|((path, .., resource), owner)| {
            let reference = resource.task_ref.as_deref()?;
            let tasks = || {
                added
                    .iter()
                    .zip(&owners)
                    .enumerate()
                    .filter(move |(_, ((.., r), _))| {
                        r.kind == Kind::TaskDef && r.address == reference
                    })
            };
            let same_file = tasks().find(|(_, (_, o))| *o == owner);
            let in_folder = || {
                let mut found = tasks().filter(|(_, ((p, ..), _))| folder(p) == folder(path));
                match (found.next(), found.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            };
            same_file
                .or_else(|| {
                    (parsed.get(*owner).and_then(|p| p.kind) == Some(Kind::Terraform))
                        .then(in_folder)
                        .flatten()
                })
                .map(|(i, _)| real + i)
        })
        .collect();
    for ((path, text, source, resource), task_input) in added.into_iter().zip(task_inputs) {
        parsed.push(ParsedInput {
            path,
            text,
            source,
            rendered: None,
            kind: Some(resource.kind),
            model: Model::Tree(Some(resource.root)),
            named_by_config: false,
            task_input,
        });
    }
    (owners, folded)
}

/// A Terraform task's input that holds another file's container definitions too
/// (`iac::fold`): findings past `offset` belong to input `other`.
#[derive(Debug, Clone, Copy)]
struct Folded {
    other: usize,
    offset: usize,
    template: bool,
}

/// The files Terraform tasks read their container definitions from (`file()`,
/// `templatefile()`) that are inputs of the run, read as JSON.
fn iac_folds(parsed: &[ParsedInput<'_>]) -> Vec<iac::fold::Fold> {
    let mut folds = Vec::new();
    for (file, input) in parsed.iter().enumerate() {
        let Model::Iac(resources) = &input.model else {
            continue;
        };
        for (resource, r) in resources.iter().enumerate() {
            let Some(f) = r.files.first() else {
                continue;
            };
            let want = iac::fold::resolve(input.path, &f.path);
            let Some(other) = parsed.iter().position(|p| {
                p.rendered.is_none()
                    && !matches!(p.model, Model::Iac(_))
                    && ecspresso::normalize_path(p.path) == want
            }) else {
                continue;
            };
            let Some(text) = parsed.get(other).map(|p| p.text) else {
                continue;
            };
            let containers = if f.template {
                iac::fold::template_json(text)
            } else {
                iac::fold::json(text)
            };
            if let Some(mut containers) = containers {
                let offset = input.text.len() + 1;
                iac::fold::shift(&mut containers, offset);
                folds.push(iac::fold::Fold {
                    file,
                    resource,
                    other,
                    offset,
                    template: f.template,
                    containers,
                    call: f.span,
                });
            }
        }
    }
    folds
}

/// Moves the findings of the inputs [`iac_inputs`] added to the file they come from. A fix is
/// kept only where its edits are right in the file's own syntax ([`iac::keeps_fix`]).
fn to_iac_files(
    parsed: &[ParsedInput<'_>],
    real: usize,
    owners: &[usize],
    folded: &[Option<Folded>],
    raw: &mut [(usize, Diagnostic)],
) {
    let owner = |file: usize| -> usize {
        file.checked_sub(real)
            .and_then(|i| owners.get(i))
            .copied()
            .unwrap_or(file)
    };
    // Each resource's names as its file spells them, built when a finding needs them.
    let mut names: Vec<Option<iac::edit::Names>> = Vec::new();
    names.resize_with(owners.len(), || None);
    for (file, d) in raw.iter_mut() {
        if *file >= real {
            let input = parsed.get(*file);
            let file_kind = parsed.get(owner(*file)).and_then(|p| p.kind);
            let tree = input.and_then(|p| Some((p.tree()?, p.text, p.path, p.kind?)));
            let fold = folded.get(*file - real).copied().flatten();
            if let (Some((root, text, path, kind)), Some(file_kind)) = (tree, file_kind) {
                if let Some(mut fix) = d.fix.take() {
                    let in_file = |e: &crate::diagnostic::Edit| {
                        fold.is_some_and(|f| e.span.start as usize >= f.offset)
                    };
                    d.fix = if fix.edits.iter().any(in_file) {
                        // Edits of a folded JSON file are JSON edits of that file.
                        let all = fix.edits.iter().all(in_file);
                        match fold {
                            Some(f) if all && !f.template => {
                                for e in &mut fix.edits {
                                    e.span = shift_back(e.span, f.offset);
                                }
                                Some(fix)
                            }
                            _ => None,
                        }
                    } else if iac::keeps_fix(root, text, &fix) {
                        Some(fix)
                    } else {
                        // The same number of resources must read back from the fixed file.
                        let count = owners.iter().filter(|&&o| o == owner(*file)).count();
                        iac::edit::translate(root, text, file_kind, kind, &fix).filter(|fixed| {
                            iac::edit::apply(text, fixed).is_some_and(|after| {
                                iac::edit::reads_back(file_kind, path, count, &after)
                            })
                        })
                    };
                }
                let in_folded = fold.is_some_and(|f| d.span.start as usize >= f.offset);
                if let Some(slot) = names.get_mut(*file - real).filter(|_| !in_folded) {
                    let names = slot
                        .get_or_insert_with(|| iac::edit::Names::new(root, text, file_kind, kind));
                    d.message = names.rewrite(&d.message);
                    d.help = d.help.as_deref().map(|h| names.rewrite(h));
                    if let Some(fix) = &mut d.fix {
                        fix.title = names.rewrite(&fix.title);
                    }
                    for related in &mut d.related {
                        related.message = names.rewrite(&related.message);
                    }
                }
            }
        }
        let from = *file;
        *file = owner(from);
        // A finding in a folded file goes to that file.
        let fold = from
            .checked_sub(real)
            .and_then(|i| folded.get(i).copied().flatten());
        if let Some(f) = fold {
            let owner_file = *file;
            let in_other = d.span.start as usize >= f.offset;
            if in_other {
                *file = f.other;
                d.span = shift_back(d.span, f.offset);
            }
            for related in &mut d.related {
                if related.place != Place::SameFile {
                    continue;
                }
                let related_in_other = related.span.start as usize >= f.offset;
                if related_in_other {
                    related.span = shift_back(related.span, f.offset);
                }
                related.place = match (in_other, related_in_other) {
                    (true, false) => Place::File(owner_file),
                    (false, true) => Place::File(f.other),
                    _ => Place::SameFile,
                };
            }
        }
        if from >= real {
            let kind = parsed.get(owner(from)).and_then(|p| p.kind);
            if let Some(note) = kind.and_then(|k| iac::aws_error_note(d.code, k)) {
                d.help = Some(match d.help.take() {
                    Some(help) => format!("{help}; {note}"),
                    None => note,
                });
            }
        }
        for related in &mut d.related {
            match related.place {
                Place::SameFile if from >= real => {}
                Place::File(other) => {
                    let to = owner(other);
                    related.place = if to == *file {
                        Place::SameFile
                    } else {
                        Place::File(to)
                    };
                }
                Place::SameFile => {}
            }
        }
    }
}

/// A span of a folded file's part of a joined text, in that file.
fn shift_back(span: Span, offset: usize) -> Span {
    Span::new(
        (span.start as usize).saturating_sub(offset),
        (span.end as usize).saturating_sub(offset),
    )
}

fn first_line_len(text: &str) -> usize {
    text.find(['\n', '\r']).unwrap_or(text.len())
}

/// NUL bytes or replacement characters (what invalid UTF-8 becomes) mean this is not a text file.
fn binary_input(text: &str) -> Option<Diagnostic> {
    let at = text.find(['\0', '\u{fffd}'])?;
    let rule = &crate::rules::input::in008_binary_input::RULE;
    let what = if text[at..].starts_with('\0') {
        "a NUL byte"
    } else {
        "bytes that are not UTF-8"
    };
    Some(rule.diag(
        Span::new(at, at + text[at..].chars().next().map_or(0, char::len_utf8)),
        format!("this does not look like a text file: it holds {what}"),
    ))
}

fn run_checks(
    file: usize,
    input: &ParsedInput<'_>,
    settings: &crate::config::Settings,
    raw: &mut Vec<(usize, Diagnostic)>,
) {
    match (input.kind, &input.model) {
        (Some(Kind::TaskDef), Model::Tree(Some(root))) => {
            let mut ctx = taskdef::TaskDefCtx::new(input.text, file, root);
            ctx.ecspresso = input.named_by_config;
            for check in registry::checks() {
                if let Check::TaskDef(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        (Some(Kind::ServiceDef), Model::Tree(Some(root))) => {
            let ctx = servicedef::ServiceDefCtx::new(input.text, file, root);
            for check in registry::checks() {
                if let Check::ServiceDef(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        (Some(Kind::Ecspresso), Model::Tree(Some(root))) => {
            let ctx = ecspresso::EcspressoCtx {
                text: input.text,
                file,
                path: input.path,
                format: ecspresso::Format::from_path(input.path),
                config: root,
            };
            for check in registry::checks() {
                if let Check::Ecspresso(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        (Some(Kind::Dockerfile), Model::Dockerfile(dockerfile)) => {
            let ctx = dockerfile::DockerfileCtx {
                text: input.text,
                file,
                dockerfile,
            };
            for check in registry::checks() {
                if let Check::Dockerfile(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        _ => {}
    }
}

/// Applies each input's suppression comments to its diagnostics (rules never see them).
fn apply_suppressions(parsed: &[ParsedInput<'_>], raw: &mut Vec<(usize, Diagnostic)>) {
    for (file, input) in parsed.iter().enumerate() {
        // JSON has no comments: its findings are ignored by path in the configuration.
        let Some(slashes) = suppress::comment_style(input.path, input.kind) else {
            continue;
        };
        let pragmas = suppress::scan(input.text, slashes);
        if pragmas.is_empty() {
            continue;
        }
        let extents: Vec<Span> = match &input.model {
            Model::Dockerfile(d) => d.instructions.iter().map(|i| i.span).collect(),
            _ => Vec::new(),
        };
        let (mut mine, others): (Vec<_>, Vec<_>) = std::mem::take(raw)
            .into_iter()
            .partition(|(f, _)| *f == file);
        let mut diagnostics: Vec<Diagnostic> = mine.drain(..).map(|(_, d)| d).collect();
        let about = suppress::apply(input.text, &pragmas, &extents, &mut diagnostics);
        *raw = others;
        raw.extend(diagnostics.into_iter().chain(about).map(|d| (file, d)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
      "essential": true,
      "portMappings": [{"containerPort": 80}]
    }
  ]
}"#;

    const DOCKERFILE: &str = "FROM nginx:1.27\nEXPOSE 8080\n";

    #[test]
    fn fixes_never_edit_a_template_action() {
        let text = "{\n  \"cpu\": {{ must_env `CPU` }},\n  \"memoryy\": 512\n}\n";
        let action = text.find("{{").map_or(0, |i| i);
        let key = text.find("\"memoryy\"").map_or(0, |i| i);
        let fix = |start: usize, end: usize| crate::diagnostic::Fix {
            title: "t".into(),
            edits: vec![crate::diagnostic::Edit {
                span: Span::new(start, end),
                content: "x".into(),
            }],
        };
        let diagnostic = |start: usize, end: usize| {
            let mut d = Diagnostic::new("TD002", Severity::Error, Span::new(0, 1), "m");
            d.fix = Some(fix(start, end));
            d
        };
        let quote = |start: usize, end: usize, content: &str| {
            let mut d = diagnostic(start, end);
            if let Some(fix) = &mut d.fix {
                fix.edits[0].content = content.to_string();
            }
            d
        };
        let mut raw = vec![
            // Replaces the placeholder, ends inside it, inserts inside it: dropped.
            (0, diagnostic(action, action + 20)),
            (0, diagnostic(action + 3, action + 30)),
            (0, diagnostic(action + 2, action + 2)),
            // Renames a key elsewhere, inserts right before or after the action: kept.
            (0, diagnostic(key, key + 9)),
            (0, diagnostic(action, action)),
            (0, diagnostic(action + 20, action + 20)),
            // The same text read as a Dockerfile: `{{` is not a template there.
            (1, diagnostic(action, action + 20)),
            // Quotes the whole action (kept); changes a character of it in the copy (dropped).
            (0, quote(action, action + 20, "\"{{ must_env `CPU` }}\"")),
            (0, quote(action, action + 20, "\"{{ must_env `CPUS` }}\"")),
        ];
        let inputs = [
            Input::new("task-def.json", text, Some(Kind::TaskDef)),
            Input::new("Dockerfile", text, Some(Kind::Dockerfile)),
        ];
        assert_eq!(&text[action..action + 20], "{{ must_env `CPU` }}");
        drop_fixes_on_templates(
            &inputs,
            &[Some(Kind::TaskDef), Some(Kind::Dockerfile)],
            &mut raw,
        );
        let kept: Vec<bool> = raw.iter().map(|(_, d)| d.fix.is_some()).collect();
        assert_eq!(
            kept,
            [false, false, false, true, true, true, true, true, false]
        );
    }

    fn codes(report: &Report) -> Vec<&str> {
        report.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_definition_that_does_not_parse_gets_only_its_syntax_errors() {
        let whole = lint(&[Input::new("task-def.json", TASK, Some(Kind::TaskDef))]);
        assert!(
            codes(&whole).iter().any(|c| c.starts_with("TD")),
            "the whole file has task findings: {:?}",
            codes(&whole)
        );
        // The user deletes the closing quote of "essential": the rest of the file is a guess.
        let broken = TASK.replacen("\"essential\"", "\"essential", 1);
        let report = lint(&[Input::new("task-def.json", broken, Some(Kind::TaskDef))]);
        assert!(!report.findings.is_empty());
        assert!(
            report.findings.iter().all(|f| f.code == json::SYNTAX),
            "only syntax errors while it does not parse: {:?}",
            codes(&report)
        );
        let first = report
            .findings
            .first()
            .map(|f| f.help.clone().unwrap_or_default());
        assert!(
            first.is_some_and(|h| h.contains("other checks of this file run once it parses")),
            "the first syntax error says why nothing else is shown"
        );
    }

    #[test]
    fn a_broken_definition_gives_its_partners_no_cross_file_findings() {
        let whole = lint(&[
            Input::new("task-def.json", TASK, Some(Kind::TaskDef)),
            Input::new("Dockerfile", DOCKERFILE, Some(Kind::Dockerfile)),
        ]);
        assert!(
            codes(&whole).iter().any(|c| c.starts_with("XF")),
            "the pair has cross-file findings: {:?}",
            codes(&whole)
        );
        let broken = TASK.replacen("\"essential\"", "\"essential", 1);
        let report = lint(&[
            Input::new("task-def.json", broken, Some(Kind::TaskDef)),
            Input::new("Dockerfile", DOCKERFILE, Some(Kind::Dockerfile)),
        ]);
        assert!(
            !codes(&report).iter().any(|c| c.starts_with("XF")),
            "no cross-file finding from a file that does not parse: {:?}",
            codes(&report)
        );
    }

    #[test]
    fn a_yaml_config_that_does_not_parse_gets_only_its_syntax_errors() {
        let report = lint(&[Input::new(
            "ecspresso.yml",
            "region: [eu-west-1\ncluster: prod\nservice: web\n",
            Some(Kind::Ecspresso),
        )]);
        assert!(!report.findings.is_empty());
        assert!(
            report.findings.iter().all(|f| f.code == yaml::SYNTAX),
            "{:?}",
            codes(&report)
        );
    }

    /// Fixes on Terraform and CloudFormation resources edit the file in its own syntax: the
    /// fixed file reads back with the fixed value; fixes that would insert JSON are withheld.
    #[test]
    fn fixes_on_resources_keep_the_source_valid() {
        let tf = "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode = \"bridge\"\n  cpu = 256\n  memory = 512\n  container_definitions = jsonencode([{ name = \"web\", image = \"nginx:1.27\" }])\n}\n";
        let cfn = "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: bridge\n      Cpu: 256\n      Memory: 512\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n";
        let added = "{\n  \"Resources\": {\n    \"T\": {\n      \"Type\": \"AWS::ECS::TaskDefinition\",\n      \"Properties\": {\n        \"RequiresCompatibilities\": [\"FARGATE\"],\n        \"Cpu\": \"256\",\n        \"Memory\": \"512\",\n        \"ContainerDefinitions\": [{ \"Name\": \"web\", \"Image\": \"nginx:1.27\" }]\n      }\n    }\n  }\n}\n";
        let yaml_added = cfn.replace("      NetworkMode: bridge\n", "");
        for (path, text, kind) in [
            ("ecs.tf", tf, Kind::Terraform),
            ("ecs.yml", cfn, Kind::CloudFormation),
            ("added.yml", yaml_added.as_str(), Kind::CloudFormation),
            ("added.template.json", added, Kind::CloudFormation),
        ] {
            let report = lint(&[Input::new(path, text, Some(kind))]);
            let with_fix: Vec<_> = report.findings.iter().filter(|f| f.fix.is_some()).collect();
            // Fixes that add members are written in the file's syntax (TD103 adds
            // `readonlyRootFilesystem` to the container, SV/TD fixes add arguments).
            assert!(
                with_fix.iter().any(|f| f.code == "TD103"),
                "{path}: the fix adding readonlyRootFilesystem is kept: {:?}",
                codes(&report)
            );
            assert!(
                with_fix.iter().any(|f| f.code == "TD005"),
                "{path}: the network mode fix is kept: {:?}",
                codes(&report)
            );
            for finding in with_fix {
                let Some(fix) = &finding.fix else { continue };
                let mut fixed = text.to_string();
                let mut edits = fix.edits.clone();
                edits.sort_by_key(|e| std::cmp::Reverse(e.start));
                for edit in edits {
                    fixed.replace_range(edit.start as usize..edit.end as usize, &edit.content);
                }
                let read = iac::read(kind, path, &fixed);
                assert!(
                    read.diagnostics.is_empty() && read.resources.len() == 1,
                    "{path}: {} fix leaves a file that does not read: {fixed}",
                    finding.code
                );
                if finding.code == "TD005" {
                    let root = &read.resources[0].root;
                    assert_eq!(root.get_str("networkMode"), Some("awsvpc"), "{fixed}");
                }
                if finding.code == "TD103" {
                    let root = &read.resources[0].root;
                    let container = &root.get_array("containerDefinitions")[0];
                    assert_eq!(
                        container.get_bool("readonlyRootFilesystem"),
                        Some(true),
                        "{fixed}"
                    );
                }
            }
        }
    }
}
