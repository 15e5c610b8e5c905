//! The entry point both front ends call: inputs in, findings out.

pub mod dockerfile;
pub mod finding;
pub mod suppress;

// The pipeline's stages, in the order `lint_vars` runs them: render templates with the values
// given, `parse` each input, add the infrastructure-as-code `resources`, run the `checks` (and suppressions), move
// findings back to their `sources`, then select, override and resolve (here, and `finding`).
mod checks;
mod parse;
mod resources;
mod sources;

#[allow(unused_imports)]
use checks::*;
#[allow(unused_imports)]
use parse::*;
#[allow(unused_imports)]
use resources::*;
#[allow(unused_imports)]
use sources::*;

pub use crate::input::{Input, Vars};

use crate::input::diagnostic::{Diagnostic, Place, Severity};
use crate::input::span::{LineIndex, Span};
use crate::input::Kind;
use crate::lint::finding::{Finding, Resolver};
use crate::models::config::Config;
use crate::models::project::{Model, Paired, Pairing, ParsedInput, ProjectCtx};
use crate::rules::check::{Check, Sink};
use crate::syntax::template::Rendered;
use crate::syntax::value::Node;
use crate::{
    input::detect, models::ecspresso, models::iac, models::servicedef, models::taskdef,
    rules::registry, syntax::json, syntax::yaml,
};

/// What a lint run found, in file, line and column order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The kind each input was read as (by index).
    pub kinds: Vec<Option<Kind>>,
    pub findings: Vec<Finding>,
    /// Which task definition each service runs and which task container runs the image a
    /// Dockerfile builds, as the cross-file rules decided them (files by index).
    pub pairings: Vec<Pairing>,
}

impl Report {
    /// Renders the findings' human text in `lang` (see [`Finding::localize`]); the order of
    /// findings stays the English one, so it does not depend on the language.
    pub fn localize(&mut self, lang: crate::rules::rule::Lang) {
        for finding in &mut self.findings {
            finding.localize(lang);
        }
    }

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
    lint_in(
        inputs,
        config,
        &ecspresso::jsonnet::Env::with_vars(inputs, vars),
    )
}

/// Like [`lint_vars`], with the values already in a Jsonnet environment built from the same
/// inputs (`crate::workspace::Project` builds it once for linting and rendering).
pub fn lint_in(
    inputs: &[Input],
    config: &Config,
    jsonnet_env: &ecspresso::jsonnet::Env<'_>,
) -> Report {
    let mut raw: Vec<(usize, Diagnostic)> = Vec::new();
    let referenced = ecspresso::referenced_roles(inputs);
    let known = crate::syntax::template::Known {
        env: &jsonnet_env.env,
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
                .then(|| crate::syntax::template::render_known(&input.text, &known))
                .flatten(),
        );
        // A file whose templates the front end's engine has not rendered says so (IN014).
        if renders {
            let engine = &jsonnet_env.modules.templates;
            if let Some(d) = crate::syntax::template::not_rendered(&input.text, engine) {
                raw.push((rendered.len() - 1, d));
            }
        }
    }

    let mut parsed: Vec<ParsedInput<'_>> = Vec::with_capacity(inputs.len());
    let mut evaluated = vec![false; inputs.len()];
    // The Dockerfile rules' findings, by input: the Dockerfile reader runs them as it reads
    // (`dockerfile::read`); the check stage reports them.
    let mut checked: Vec<Vec<Diagnostic>> = Vec::with_capacity(inputs.len());
    for (file, ((input, (kind, detected, referenced)), render)) in
        inputs.iter().zip(kinds).zip(&rendered).enumerate()
    {
        let text = render
            .as_ref()
            .map_or(input.text.as_str(), |r| r.text.as_str());
        let mut findings = Vec::new();
        let (model, diagnostics, from_jsonnet) = parse(
            input,
            text,
            kind,
            detected,
            referenced,
            render.is_some(),
            jsonnet_env,
            &config.settings,
            &mut findings,
        );
        checked.push(findings);
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
    let (owners, addresses, folded) = iac_inputs(&mut parsed, folds, &folded_texts);
    let iac_texts: Vec<&str> = parsed.iter().skip(inputs.len()).map(|p| p.text).collect();
    let inserting = crate::syntax::json_edit::inserting_in(&iac_texts);
    for (file, input) in parsed.iter().enumerate() {
        let findings = checked
            .get_mut(file)
            .map(std::mem::take)
            .unwrap_or_default();
        run_checks(file, input, &config.settings, findings, &mut raw);
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
    let pairings = pairings(&project, inputs.len(), &owners, &addresses);
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
    crate::input::order::sort_by(&mut findings, |a, b| {
        (a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(b.file, b.line, b.column, b.code, &b.message))
    });
    findings.dedup_by(|a, b| {
        a.file == b.file && a.span == b.span && a.code == b.code && a.message == b.message
    });
    Report {
        kinds: parsed.iter().map(|p| p.kind).collect(),
        findings,
        pairings,
    }
}

/// Lints one text of a known kind (what a pane of the page does).
pub fn lint_one(path: &str, text: &str, kind: Kind) -> Report {
    lint(&[Input::new(path, text, Some(kind))])
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
        let fix = |start: usize, end: usize| crate::input::diagnostic::Fix {
            title: "t".into(),
            edits: vec![crate::input::diagnostic::Edit {
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
