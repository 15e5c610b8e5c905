//! The variables a project uses: every value its files look up at deploy time, for the page's
//! variables panel and the CLI's notes.
//!
//! Go-template calls in configs and definitions (`{{ must_env `IMAGE` }}`,
//! `{{ tfstate `aws_lb.web.arn` }}`, `{{ ssm `/app/db` }}`, plugin functions with a
//! `func_prefix`), and Jsonnet's `std.extVar('NAME')` and `std.native('env')`-style calls, read
//! from the source text (nothing is evaluated). A call through a local
//! (`local must_env = std.native('must_env'); must_env('IMAGE')`) or a field
//! (`env:: std.native('env')` ... `lib.env('TAG', 'latest')`) counts too.
//!
//! Each variable says where a value for it goes in [`Vars`]: `env` and `must_env` by name in
//! `vars.env`, `std.extVar` by name in `vars.ext_str`, other lookups by their key (`tfstate:ADDR`,
//! `ssm:/PATH`) in `vars.env`: [`Variable::key`], [`Variable::value`], [`Variable::assign`].

use std::collections::HashMap;

use crate::input::span::Span;
use crate::input::Kind;
use crate::input::{Input, Vars};
use crate::syntax::template;

/// What a variable is looked up from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// `env`: an environment variable with a default.
    Env,
    /// `must_env`: an environment variable that must be set (also when some uses are `env`).
    MustEnv,
    /// Jsonnet's `std.extVar`.
    ExtVar,
    /// `tfstate` and `tfstatef`: a Terraform state.
    Tfstate,
    Ssm,
    SecretsManagerArn,
    CfnOutput,
    CfnExport,
    /// Any other function that looks something up (`external`, an unknown plugin's), by name.
    Other(String),
}

impl Source {
    fn of(func: &str) -> Source {
        match func {
            "env" => return Source::Env,
            "must_env" => return Source::MustEnv,
            "extVar" => return Source::ExtVar,
            _ => {}
        }
        match template::base_function(func) {
            "tfstate" | "tfstatef" => Source::Tfstate,
            "ssm" => Source::Ssm,
            "secretsmanager_arn" => Source::SecretsManagerArn,
            "cfn_output" => Source::CfnOutput,
            "cfn_export" => Source::CfnExport,
            _ => Source::Other(func.to_string()),
        }
    }

    /// A value from the environment (`vars.env` by name).
    pub fn is_env(&self) -> bool {
        matches!(self, Source::Env | Source::MustEnv)
    }
}

/// One value the project looks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// What is looked up: `IMAGE`, `aws_lb.web.arn`, `/app/db`, `stack Output` (the literal
    /// arguments joined by spaces).
    pub name: String,
    pub source: Source,
    /// The function as first written (`must_env`, `first_tfstate`, `extVar`).
    pub func: String,
    /// `env`'s default, when a use gives one.
    pub default: Option<String>,
    /// Every use: (index of the input, span of the call in its text).
    pub uses: Vec<(usize, Span)>,
}

impl Variable {
    /// The key of its value: the name in `vars.env` (environment) or `vars.ext_str` (external
    /// variables), else `func:name` in `vars.env` (`tfstate:aws_lb.web.arn`).
    pub fn key(&self) -> String {
        match self.source {
            Source::Env | Source::MustEnv | Source::ExtVar => self.name.clone(),
            _ => format!("{}:{}", self.func, self.name),
        }
    }

    /// The value `vars` gives it.
    pub fn value<'v>(&self, vars: &'v Vars) -> Option<&'v str> {
        let map = match self.source {
            Source::ExtVar => &vars.ext_str,
            _ => &vars.env,
        };
        map.get(&self.key()).map(String::as_str)
    }

    /// Gives it a value in `vars` (where [`crate::lint::lint_vars`] reads it).
    pub fn assign(&self, vars: &mut Vars, value: impl Into<String>) {
        let map = match self.source {
            Source::ExtVar => &mut vars.ext_str,
            _ => &mut vars.env,
        };
        map.insert(self.key(), value.into());
    }
}

/// Every variable the inputs use, in order of first use (by input, then position).
pub fn variables(inputs: &[Input]) -> Vec<Variable> {
    let mut merged = Merged::default();
    // Jsonnet names bound to natives (`local env = std.native('env')`, `env:: std.native(...)`),
    // collected over all inputs first: a library may define what another file calls.
    let mut aliases: Vec<Alias> = Vec::new();
    for input in inputs {
        if crate::input::paths::Format::from_path(&input.path)
            == crate::input::paths::Format::Jsonnet
        {
            aliases.extend(jsonnet_aliases(&input.text));
        }
    }
    for (file, input) in inputs.iter().enumerate() {
        let text = input.text.as_str();
        // Jsonnet: its own calls, and Go templates in its strings (ecspresso renders the
        // evaluated JSON as a template too).
        if crate::input::paths::Format::from_path(&input.path)
            == crate::input::paths::Format::Jsonnet
        {
            let mut calls = jsonnet_calls(text, &aliases);
            calls.extend(template_calls(text));
            crate::input::order::sort_by_key(&mut calls, |c| c.span.start);
            for call in calls {
                merged.add(file, call);
            }
            continue;
        }
        let kind = input
            .kind
            .or_else(|| crate::input::detect::detect(&input.path, text));
        if kind == Some(Kind::Dockerfile) || crate::syntax::tfstate::is_tfstate(&input.path, text) {
            continue;
        }
        for call in template_calls(text) {
            merged.add(file, call);
        }
    }
    merged.out
}

/// The lookups of the Go-template actions of a text.
fn template_calls(text: &str) -> Vec<Found> {
    if !template::has_template(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for action in template::scan(text).actions {
        for call in &action.calls {
            let Some(key) = template::variable_key(call) else {
                continue;
            };
            let name = key.split_once(':').map_or("", |(_, n)| n).to_string();
            let default = (call.func == "env")
                .then(|| call.args.get(1).filter(|a| a.literal))
                .flatten()
                .map(|a| a.value.clone());
            out.push(Found {
                func: call.func.clone(),
                name,
                default,
                span: action.span,
            });
        }
    }
    out
}

/// One use, before merging.
struct Found {
    func: String,
    name: String,
    default: Option<String>,
    span: Span,
}

/// Variables by identity, for merging uses: environment variables (`env` and `must_env`) by
/// name, external variables by name, other lookups by function and name.
#[derive(Default)]
struct Merged {
    out: Vec<Variable>,
    index: HashMap<(u8, String, String), usize>,
}

impl Merged {
    fn add(&mut self, file: usize, found: Found) {
        let source = Source::of(&found.func);
        let id = match source {
            Source::Env | Source::MustEnv => (0, String::new(), found.name.clone()),
            Source::ExtVar => (1, String::new(), found.name.clone()),
            _ => (2, found.func.clone(), found.name.clone()),
        };
        match self.index.get(&id).and_then(|&i| self.out.get_mut(i)) {
            Some(v) => {
                if source == Source::MustEnv {
                    v.source = Source::MustEnv;
                }
                if v.default.is_none() {
                    v.default = found.default;
                }
                if v.uses.last() != Some(&(file, found.span)) {
                    v.uses.push((file, found.span));
                }
            }
            None => {
                self.index.insert(id, self.out.len());
                self.out.push(Variable {
                    name: found.name,
                    source,
                    func: found.func,
                    default: found.default,
                    uses: vec![(file, found.span)],
                });
            }
        }
    }
}

/// A Jsonnet name bound to a native function.
struct Alias {
    name: String,
    native: String,
    /// Bound as an object field (called as `x.name(...)`), not a local (called as `name(...)`).
    field: bool,
}

const MAX_SCAN: usize = 4096;

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `std.native('NAME')` at `at` (the `s` of `std`): the name and the offset after `)`.
fn native_at(text: &str, at: usize) -> Option<(String, usize)> {
    let mut i = at + "std.native".len();
    let bytes = text.as_bytes();
    i = skip_space(bytes, i);
    (bytes.get(i) == Some(&b'(')).then_some(())?;
    let (name, after) = string_at(text, skip_space(bytes, i + 1))?;
    let close = skip_space(bytes, after);
    (bytes.get(close) == Some(&b')')).then_some(())?;
    Some((name, close + 1))
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// A single- or double-quoted Jsonnet string without escapes at `at`: its content and the
/// offset after the closing quote.
fn string_at(text: &str, at: usize) -> Option<(String, usize)> {
    let quote = *text.as_bytes().get(at)?;
    if !matches!(quote, b'\'' | b'"') {
        return None;
    }
    let body = text.get(at + 1..)?;
    let end = body.find(quote as char)?;
    let content = body.get(..end)?;
    if content.contains(['\\', '\n']) {
        return None;
    }
    Some((content.to_string(), at + 1 + end + 1))
}

/// Names bound to natives: `local NAME = std.native('F')` and `NAME:: std.native('F')` (or `:`).
fn jsonnet_aliases(text: &str) -> Vec<Alias> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("std.native") {
        let Some((native, _)) = native_at(text, at) else {
            continue;
        };
        let before = text.get(..at).unwrap_or("").trim_end();
        let (field, rest) = if let Some(rest) = before.strip_suffix("::") {
            (true, rest)
        } else if let Some(rest) = before.strip_suffix(":::") {
            (true, rest)
        } else if let Some(rest) = before.strip_suffix(':') {
            (true, rest)
        } else if let Some(rest) = before.strip_suffix('=') {
            (false, rest)
        } else {
            continue;
        };
        let rest = rest.trim_end();
        let start = rest.bytes().rev().take_while(|b| is_ident(*b)).count();
        let name = rest.get(rest.len() - start..).unwrap_or("");
        if name.is_empty() || name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if !field
            && !rest
                .get(..rest.len() - start)
                .unwrap_or("")
                .trim_end()
                .ends_with("local")
        {
            continue;
        }
        out.push(Alias {
            name: name.to_string(),
            native,
            field,
        });
    }
    out
}

/// The variable uses of a Jsonnet text: `std.extVar('X')`, `std.native('F')(args)`, and calls
/// through aliases.
fn jsonnet_calls(text: &str, aliases: &[Alias]) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, Found)> = Vec::new();
    for (at, _) in text.match_indices("std.extVar") {
        let open = skip_space(bytes, at + "std.extVar".len());
        if bytes.get(open) != Some(&b'(') {
            continue;
        }
        if let Some(call) = call_at(text, at, open, "extVar") {
            found.push((at, call));
        }
    }
    for (at, _) in text.match_indices("std.native") {
        let Some((native, after)) = native_at(text, at) else {
            continue;
        };
        let open = skip_space(bytes, after);
        if bytes.get(open) == Some(&b'(') {
            if let Some(call) = call_at(text, at, open, &native) {
                found.push((at, call));
            }
        }
    }
    for alias in aliases {
        for (at, _) in text.match_indices(alias.name.as_str()) {
            let prev = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
            let next = bytes.get(at + alias.name.len()).copied();
            if next.is_some_and(is_ident) || prev.is_some_and(is_ident) {
                continue;
            }
            if (prev == Some(b'.')) != alias.field {
                continue;
            }
            let open = skip_space(bytes, at + alias.name.len());
            if bytes.get(open) != Some(&b'(') {
                continue;
            }
            // The call's span starts at its receiver for a field (`lib.env(`).
            let start = if alias.field {
                let head = text.get(..at.saturating_sub(1)).unwrap_or("");
                head.len()
                    - head
                        .bytes()
                        .rev()
                        .take_while(|b| is_ident(*b) || *b == b'$' || *b == b'.')
                        .count()
            } else {
                at
            };
            if let Some(call) = call_at(text, start, open, &alias.native) {
                found.push((start, call));
            }
        }
    }
    crate::input::order::sort_by_key(&mut found, |(at, _)| *at);
    found.into_iter().map(|(_, f)| f).collect()
}

/// The call whose argument list opens at `open`: its literal arguments (a variable needs the
/// first one to be a string) and its span from `start` to the closing parenthesis.
fn call_at(text: &str, start: usize, open: usize, func: &str) -> Option<Found> {
    let bytes = text.as_bytes();
    let first_at = skip_space(bytes, open + 1);
    let (first, after_first) = string_at(text, first_at)?;
    let mut args = vec![first];
    let mut default = None;
    let mut i = skip_space(bytes, after_first);
    // Further literal arguments (`env('TAG', 'latest')`, `cfn_output('stack', 'Out')`).
    while bytes.get(i) == Some(&b',') {
        let next = skip_space(bytes, i + 1);
        match string_at(text, next) {
            Some((arg, after)) => {
                args.push(arg);
                i = skip_space(bytes, after);
            }
            None => {
                // A non-string literal: a number, `true`... up to `,` or `)`.
                let end = (next..bytes.len().min(next + MAX_SCAN))
                    .find(|&j| matches!(bytes.get(j), Some(b',' | b')' | b'\n')))
                    .unwrap_or(next);
                let token = text.get(next..end).unwrap_or("").trim();
                if !token.is_empty() && func == "env" && args.len() == 1 {
                    default = Some(token.to_string());
                }
                i = end;
                break;
            }
        }
    }
    let close = (i..bytes.len().min(i + MAX_SCAN)).find(|&j| bytes.get(j) == Some(&b')'));
    let end = close.map_or(after_first, |c| c + 1);
    let (name, default) = match func {
        "env" => (
            args.first().cloned().unwrap_or_default(),
            args.get(1).cloned().or(default),
        ),
        "must_env" | "extVar" => (args.first().cloned().unwrap_or_default(), None),
        _ => (args.join(" "), None),
    };
    Some(Found {
        func: func.to_string(),
        name,
        default,
        span: Span::new(start, end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(vars: &[Variable]) -> Vec<(String, Source)> {
        vars.iter()
            .map(|v| (v.name.clone(), v.source.clone()))
            .collect()
    }

    #[test]
    fn template_calls_in_every_input() {
        let config = "region: '{{ env `AWS_REGION` `us-east-1` }}'\ncluster: x\ntask_definition: td.json\nplugins:\n  - name: tfstate\n    func_prefix: net_\n";
        let td = r#"{"cpu": "{{ must_env `CPU` }}", "image": "{{ must_env `IMAGE` }}:{{ env `TAG` `latest` }}",
 "role": "{{ net_tfstate `aws_iam_role.x.arn` }}", "secret": "{{ ssm `/app/db` }}",
 "region": "{{ must_env `AWS_REGION` }}", "sm": "{{ secretsmanager_arn `db` }}",
 "cf": "{{ cfn_output `stack` `Out` }}", "esc": "{{ must_env `CPU` | json_escape }}"}"#;
        let inputs = vec![
            Input::new("ecspresso.yml", config, None),
            Input::new("td.json", td, None),
            Input::new(
                "Dockerfile",
                "FROM x\nRUN echo {{ must_env `NOPE` }}\n",
                None,
            ),
        ];
        let vars = variables(&inputs);
        assert_eq!(
            names(&vars),
            [
                ("AWS_REGION".to_string(), Source::MustEnv),
                ("CPU".to_string(), Source::MustEnv),
                ("IMAGE".to_string(), Source::MustEnv),
                ("TAG".to_string(), Source::Env),
                ("aws_iam_role.x.arn".to_string(), Source::Tfstate),
                ("/app/db".to_string(), Source::Ssm),
                ("db".to_string(), Source::SecretsManagerArn),
                ("stack Out".to_string(), Source::CfnOutput),
            ]
        );
        let region = &vars[0];
        assert_eq!(region.default.as_deref(), Some("us-east-1"));
        assert_eq!(region.uses.len(), 2);
        assert_eq!(region.uses[0].0, 0);
        assert_eq!(
            region.uses[0].1.text(config),
            "{{ env `AWS_REGION` `us-east-1` }}"
        );
        assert_eq!(region.uses[1].0, 1);
        assert_eq!(vars[1].uses.len(), 2);
        assert_eq!(vars[3].default.as_deref(), Some("latest"));
        assert_eq!(vars[4].key(), "net_tfstate:aws_iam_role.x.arn");
        assert_eq!(vars[4].func, "net_tfstate");
        assert_eq!(vars[1].key(), "CPU");
    }

    #[test]
    fn jsonnet_calls_through_std_locals_and_fields() {
        let lib = "{\n  env:: std.native('env'),\n  tfstate:: std.native('tfstate'),\n}\n";
        let td = "local lib = import 'lib.libsonnet';\nlocal must_env = std.native('must_env');\n{\n  image: must_env('IMAGE'),\n  tag: lib.env('TAG', 'latest'),\n  cpu: lib.env(\"CPU\", 256),\n  role: $.x + std.native('tfstate')('aws_iam_role.x.arn'),\n  arn: lib.tfstate('aws_lb.web.arn'),\n  v: std.extVar('VERSION'),\n  region: '{{ must_env `AWS_REGION` }}',\n  not_a_call: must_env,\n  other: my_must_env('NO'),\n}\n";
        let inputs = vec![
            Input::new("lib.libsonnet", lib, None),
            Input::new("ecs-task-def.jsonnet", td, None),
        ];
        let vars = variables(&inputs);
        assert_eq!(
            names(&vars),
            [
                ("IMAGE".to_string(), Source::MustEnv),
                ("TAG".to_string(), Source::Env),
                ("CPU".to_string(), Source::Env),
                ("aws_iam_role.x.arn".to_string(), Source::Tfstate),
                ("aws_lb.web.arn".to_string(), Source::Tfstate),
                ("VERSION".to_string(), Source::ExtVar),
                ("AWS_REGION".to_string(), Source::MustEnv),
            ]
        );
        let span = |v: &Variable| v.uses[0].1.text(td).to_string();
        assert_eq!(span(&vars[0]), "must_env('IMAGE')");
        assert_eq!(span(&vars[1]), "lib.env('TAG', 'latest')");
        assert_eq!(vars[1].default.as_deref(), Some("latest"));
        assert_eq!(vars[2].default.as_deref(), Some("256"));
        assert_eq!(
            span(&vars[3]),
            "std.native('tfstate')('aws_iam_role.x.arn')"
        );
        assert_eq!(span(&vars[5]), "std.extVar('VERSION')");
        assert!(vars.iter().all(|v| v.uses.iter().all(|(f, _)| *f == 1)));
    }

    #[test]
    fn values_go_where_lint_reads_them() {
        let inputs = vec![Input::new(
            "td.jsonnet",
            "{ a: std.extVar('A'), b: std.native('must_env')('B'), c: std.native('ssm')('/p') }",
            None,
        )];
        let vars = variables(&inputs);
        let mut given = Vars::default();
        for (v, value) in vars.iter().zip(["1", "2", "3"]) {
            v.assign(&mut given, value);
        }
        assert_eq!(given.ext_str.get("A").map(String::as_str), Some("1"));
        assert_eq!(given.env.get("B").map(String::as_str), Some("2"));
        assert_eq!(given.env.get("ssm:/p").map(String::as_str), Some("3"));
        assert_eq!(vars[2].value(&given), Some("3"));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "std.native",
            "std.native(",
            "std.native('env')(",
            "std.native('env')('",
            "local e = std.native('env'); e",
            "local e = std.native('env'); e(",
            "x:: std.native('env'); .x('é",
            "std.extVar('é')",
            "é:: std.native('env')",
            "= std.native('env')",
        ] {
            let inputs = vec![Input::new("x.jsonnet", text, None)];
            for v in variables(&inputs) {
                for (_, span) in &v.uses {
                    assert!(text.get(span.range()).is_some(), "{text:?}");
                }
            }
        }
    }
}
