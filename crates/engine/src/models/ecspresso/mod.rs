//! ecspresso configs (YAML, JSON, Jsonnet) and the template calls in their values.
//!
//! - [`read_config`] reads a config of any format into the shared tree (a Jsonnet config as a
//!   plain literal, or evaluated without the run's other inputs: see [`jsonnet`]);
//!   [`read_jsonnet`] reads a Jsonnet input of a lint run, evaluated with the run's inputs.
//! - [`tfstate`] answers `tfstate` lookups from a Terraform state given to the run.
//! - [`variables()`] lists every value a project looks up (template calls, Jsonnet `std.extVar`
//!   and natives), for the variables panel.
//! - [`references`] lists the definition files a config names, resolved as ecspresso resolves
//!   them: relative to the config file's folder.
//! - [`plugins`] and [`plugin_for_function`] model the `plugins:` list and which plugin provides
//!   each template function.

pub mod render;
pub mod variables;

// Jsonnet and Terraform state are read in the syntax layer; kept here under their old paths.
pub use crate::input::paths::{folder_of, normalize_path, resolve, Format};
pub use crate::syntax::{jsonnet, tfstate};

pub use variables::{variables, Source, Variable};

use crate::input::span::Span;
use crate::input::Kind;
use crate::syntax::value::{Node, NodeKind};

pub struct EcspressoCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub path: &'a str,
    pub format: Format,
    /// The config's mapping, when it could be read.
    pub config: &'a Node,
}

/// A definition file an ecspresso config names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `Kind::TaskDef` for `task_definition`, `Kind::ServiceDef` for `service_definition`.
    pub role: Kind,
    /// The path as written in the config.
    pub written: String,
    /// The path relative to the lint run's root: joined to the config's folder, as ecspresso
    /// resolves it, and normalised (`a/./b/../c` is `a/c`). When [`Reference::template`] is set,
    /// this is the path as written: it cannot be resolved without rendering.
    pub resolved: String,
    /// Where the config names it.
    pub span: Span,
    /// The path holds a template (`{{ must_env `PWD` }}/td.json`): which file it names is known
    /// only once its values are given ([`resolve_rendered`]); until then it is not followed.
    pub template: bool,
}

/// The top-level keys of an ecspresso config (v2 and v3).
pub const CONFIG_KEYS: [&str; 13] = [
    "required_version",
    "region",
    "cluster",
    "service",
    "service_definition",
    "task_definition",
    "express_definition",
    "timeout",
    "plugins",
    "appspec",
    "codedeploy",
    "ignore",
    "filter_command",
];

/// Reads a config into the shared tree: YAML, JSON, or a Jsonnet plain object literal. `None`
/// when nothing could be read (empty text, Jsonnet that needs evaluation).
pub fn read_config(path: &str, text: &str) -> Option<Node> {
    match Format::from_path(path) {
        Format::Jsonnet => jsonnet::plain_literal(text).or_else(|| {
            match jsonnet::evaluate(path, text, &jsonnet::Env::default()) {
                jsonnet::Outcome::Value { json, .. } => {
                    let mut root = crate::syntax::json::parse(&json).root?;
                    jsonnet::remap(&mut root, text);
                    Some(root)
                }
                _ => None,
            }
        }),
        Format::Json => crate::syntax::json::parse(text).root,
        Format::Yaml => {
            let starts_like_json = text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{');
            if starts_like_json && !text.contains("{{") {
                crate::syntax::json::parse(text).root
            } else {
                crate::syntax::yaml::parse(text).root
            }
        }
    }
}

/// The definition files a config names, in the order written.
pub fn references(config_path: &str, config_text: &str) -> Vec<Reference> {
    let Some(config) = read_config(config_path, config_text) else {
        return Vec::new();
    };
    references_in(config_path, &config)
}

/// [`references`] for a config already read.
pub fn references_in(config_path: &str, config: &Node) -> Vec<Reference> {
    let folder = folder_of(config_path);
    let mut out = Vec::new();
    for (key, role) in [
        ("task_definition", Kind::TaskDef),
        ("service_definition", Kind::ServiceDef),
    ] {
        let Some(node) = config.get(key) else {
            continue;
        };
        let Some(written) = node.as_str() else {
            continue;
        };
        if written.trim().is_empty() {
            continue;
        }
        let template = crate::syntax::template::has_template(written);
        let resolved = if template {
            written.to_string()
        } else {
            resolve(folder, written)
        };
        out.push(Reference {
            role,
            written: written.to_string(),
            resolved,
            span: node.span,
            template,
        });
    }
    out
}

/// The file a templated reference names once its template is rendered with `values`, resolved
/// as ecspresso resolves it (from the config's folder, or as written when absolute); `None`
/// while a value is missing. A plain reference gives its resolved path.
pub fn resolve_rendered(
    config_path: &str,
    reference: &Reference,
    values: &dyn crate::syntax::template::Values,
) -> Option<String> {
    if !reference.template {
        return Some(reference.resolved.clone());
    }
    // Rendered for linting: a part still missing a value stays a template.
    let out = crate::syntax::template::execute(
        &reference.written,
        values,
        crate::syntax::template::Mode::Lint,
    );
    let rendered = out.rendered.text;
    if out.error.is_some()
        || crate::syntax::template::has_template(&rendered)
        || rendered.trim().is_empty()
    {
        return None;
    }
    Some(resolve(folder_of(config_path), &rendered))
}

/// The references of a config as the lint run read it: from its tree, which holds the rendered
/// values when variables were given, else from its text.
pub fn references_of(input: &crate::models::project::ParsedInput<'_>) -> Vec<Reference> {
    match input.tree() {
        Some(config) => references_in(input.path, config),
        None => references(input.path, input.text),
    }
}

/// `(resolved path, role)` of every definition file named by the configs among the inputs
/// (inputs given as ecspresso configs, or recognised as such). Templated paths are left out.
pub fn referenced_roles(inputs: &[crate::input::Input]) -> Vec<(String, Kind)> {
    let mut out = Vec::new();
    for input in inputs {
        let kind = input
            .kind
            .or_else(|| crate::input::detect::detect(&input.path, &input.text));
        if kind != Some(Kind::Ecspresso) {
            continue;
        }
        for reference in references(&input.path, &input.text) {
            if !reference.template {
                out.push((reference.resolved, reference.role));
            }
        }
    }
    out
}

/// IN004 findings for a text that ecspresso renders as a Go template: where Go's `text/template`
/// rejects it, parsing it or executing its known parts with `values` (Go's message, at the place
/// Go stops).
pub fn template_diagnostics(
    text: &str,
    values: &dyn crate::syntax::template::Values,
) -> Vec<crate::input::diagnostic::Diagnostic> {
    let rule = &crate::input::codes::IN004;
    crate::syntax::template::errors(text, values)
        .into_iter()
        .map(|e| {
            let mut d = rule.diag_msg(
                e.span,
                crate::msg!(
                    crate::syntax::template::in004::GO_ERROR,
                    message = e.message
                ),
            );
            d.set_help_msg(crate::msg!(crate::syntax::template::in004::HELP_CLOSE));
            d
        })
        .collect()
}

/// A Jsonnet input, read: its tree (pointing at the Jsonnet source) and what reading it found.
#[derive(Debug, Default)]
pub struct JsonnetRead {
    pub root: Option<Node>,
    pub diagnostics: Vec<crate::input::diagnostic::Diagnostic>,
    /// The tree comes from evaluated JSON: its spans are the closest places in the source, so
    /// fixes (edits at those spans) must not be offered.
    pub evaluated: bool,
}

/// A Jsonnet input: a plain literal is read as it is; anything else is evaluated with the run's
/// other inputs, state and variables ([`jsonnet::evaluate`]). A Jsonnet error is an IN012
/// finding at its place; an evaluation that needs what the run lacks (an imported file, a value)
/// is an EP010 note.
pub fn read_jsonnet(
    path: &str,
    text: &str,
    kind: Option<Kind>,
    env: &jsonnet::Env<'_>,
) -> JsonnetRead {
    // A plain literal is its own value: it is read and checked like JSON, with exact spans.
    if let Some(root) = jsonnet::plain_literal(text) {
        return JsonnetRead {
            root: Some(root),
            ..JsonnetRead::default()
        };
    }
    let first_line = Span::new(0, text.find(['\n', '\r']).unwrap_or(text.len()));
    let diagnostic = match jsonnet::evaluate(path, text, env) {
        jsonnet::Outcome::Value { json, .. } => {
            // ecspresso renders Go templates in the evaluated JSON too.
            let known = crate::syntax::template::Known {
                env: &env.env,
                tfstate: env.tfstate.as_ref(),
            };
            let json =
                crate::syntax::template::render_known(&json, &known).map_or(json, |r| r.text);
            let mut root = crate::syntax::json::parse(&json).root;
            if let Some(root) = root.as_mut() {
                jsonnet::remap(root, text);
            }
            return JsonnetRead {
                root,
                diagnostics: Vec::new(),
                evaluated: true,
            };
        }
        jsonnet::Outcome::Syntax { span, message } => {
            let mut d = crate::input::codes::IN012
                .diag_msg(span, crate::msg!(jsonnet::in012::ERROR, message = message));
            d.set_help_msg(crate::msg!(jsonnet::in012::HELP_FIX));
            d
        }
        jsonnet::Outcome::Failed {
            span,
            missing_import: Some(import),
            ..
        } => {
            let mut d = crate::input::codes::EP010.diag_msg(
                if span.is_empty() { first_line } else { span },
                crate::msg!(
                    jsonnet::ep010::MISSING_IMPORT,
                    kind = jsonnet::ep010::noun(kind),
                    import = import
                ),
            );
            d.set_help_msg(crate::msg!(jsonnet::ep010::HELP_IMPORTS));
            d
        }
        jsonnet::Outcome::Failed {
            span,
            message,
            placeholders,
            ..
        } if !placeholders.is_empty() => {
            let values = placeholders
                .iter()
                .map(|p| {
                    crate::input::msg::Arg::Code(
                        p.trim_start_matches("{{ ")
                            .trim_end_matches(" }}")
                            .replace('`', ""),
                    )
                })
                .collect();
            let mut d = crate::input::codes::EP010.diag_msg(
                if span.is_empty() { first_line } else { span },
                crate::msg!(
                    jsonnet::ep010::NEEDS_VALUES,
                    kind = jsonnet::ep010::noun(kind),
                    values = crate::input::msg::Arg::List(values),
                    message = message
                ),
            );
            d.set_help_msg(crate::msg!(jsonnet::ep010::HELP_VALUES));
            d
        }
        jsonnet::Outcome::Failed { span, message, .. } => {
            let mut d = crate::input::codes::IN012
                .diag_msg(span, crate::msg!(jsonnet::in012::FAILED, message = message));
            d.set_help_msg(crate::msg!(jsonnet::in012::HELP_FIX));
            d
        }
        jsonnet::Outcome::Unavailable => {
            jsonnet::ep010::no_evaluator(first_line, kind, &env.evaluator)
        }
    };
    JsonnetRead {
        root: None,
        diagnostics: vec![diagnostic],
        evaluated: false,
    }
}

/// A configured plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct Plugin<'a> {
    pub name: &'a str,
    pub func_prefix: &'a str,
    /// The plugin's entry in the config.
    pub node: &'a Node,
}

/// The plugins a config lists (entries without a string `name` are skipped).
pub fn plugins(config: &Node) -> Vec<Plugin<'_>> {
    config
        .get_array("plugins")
        .iter()
        .filter_map(|p| {
            Some(Plugin {
                name: p.get_str("name")?,
                func_prefix: p.get_str("func_prefix").unwrap_or(""),
                node: p,
            })
        })
        .collect()
}

/// Plugins ecspresso loads without configuration (v2.3.0, #641).
pub const DEFAULT_PLUGINS: [&str; 2] = ["ssm", "secretsmanager"];

/// The plugin that provides a template function (given without its prefix).
pub fn plugin_for_function(base: &str) -> Option<&'static str> {
    Some(match base {
        "tfstate" | "tfstatef" => "tfstate",
        "cfn_output" | "cfn_export" => "cloudformation",
        "ssm" => "ssm",
        "secretsmanager_arn" => "secretsmanager",
        _ => return None,
    })
}

/// The template functions the config's plugins define (ecspresso `plugin.go`: each plugin's
/// functions with its `func_prefix`; `ssm` and `secretsmanager_arn` from the default plugins;
/// an `external` plugin's function is named by its `config.name`). `None` when that cannot be
/// known from the text: `plugins` is not a list, an entry's `name`, `func_prefix` or external
/// `config.name` is not a plain string or holds a template, or a plugin ecspresso does not have
/// (it stops at setting that up).
pub fn plugin_functions(config: &Node) -> Option<Vec<String>> {
    let mut out: Vec<String> = vec!["ssm".to_string(), "secretsmanager_arn".to_string()];
    let Some(list) = config.get("plugins") else {
        return Some(out);
    };
    if list.is_null() {
        return Some(out);
    }
    let plain = |s: &str| !s.contains("{{");
    for entry in list.as_array()? {
        let name = entry.get_str("name").filter(|s| plain(s))?;
        let prefix = match entry.get("func_prefix") {
            None => "",
            Some(p) if p.is_null() => "",
            Some(_) => entry.get_str("func_prefix").filter(|s| plain(s))?,
        };
        let funcs: Vec<String> = match name.to_ascii_lowercase().as_str() {
            "tfstate" => vec!["tfstate".into(), "tfstatef".into()],
            "cloudformation" => vec!["cfn_output".into(), "cfn_export".into()],
            "ssm" => vec!["ssm".into()],
            "secretsmanager" => vec!["secretsmanager_arn".into()],
            "external" => vec![entry
                .get("config")
                .and_then(|c| c.get_str("name"))
                .filter(|s| plain(s))?
                .to_string()],
            _ => return None,
        };
        out.extend(funcs.into_iter().map(|f| format!("{prefix}{f}")));
    }
    Some(out)
}

/// The closest of `candidates` to `word`, when close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase().replace('-', "_");
    candidates
        .iter()
        .map(|c| (edit_distance(&lower, c), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// A string value, unless it is a template (whose value is unknown).
pub fn literal_str(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::String(s) if !node.is_placeholder() => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_against_the_config_folder() {
        let text = "task_definition: ./td.json\nservice_definition: ../shared/sd.json\n";
        let refs = references("app/ecs/ecspresso.yml", text);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].role, Kind::TaskDef);
        assert_eq!(refs[0].resolved, "app/ecs/td.json");
        assert_eq!(refs[0].span.text(text), "./td.json");
        assert_eq!(refs[1].resolved, "app/shared/sd.json");
        let refs = references(
            "ecspresso.yml",
            "task_definition: '{{ must_env `PWD` }}/x.json'\n",
        );
        assert!(refs[0].template);
        let refs = references(
            "ecs/ecspresso.jsonnet",
            "{ task_definition: 'td.jsonnet', service_definition: '' }",
        );
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].resolved, "ecs/td.jsonnet");
    }

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize_path("a/./b/../c"), "a/c");
        assert_eq!(normalize_path("../x/./y"), "../x/y");
        assert_eq!(normalize_path("/a/../../b"), "/b");
        assert_eq!(normalize_path("a\\b//c"), "a/b/c");
        assert_eq!(folder_of("x.yml"), "");
        assert_eq!(folder_of("a/b/x.yml"), "a/b");
    }

    #[test]
    fn plugin_functions_follow_the_config() {
        let funcs = |yaml: &str| {
            crate::syntax::yaml::parse(yaml)
                .root
                .and_then(|r| plugin_functions(&r))
        };
        assert_eq!(funcs("region: x\n").unwrap(), ["ssm", "secretsmanager_arn"]);
        let got = funcs("plugins:\n  - name: TFState\n    func_prefix: n_\n  - name: external\n    config: {name: vault}\n  - name: cloudformation\n").unwrap();
        assert_eq!(
            got,
            [
                "ssm",
                "secretsmanager_arn",
                "n_tfstate",
                "n_tfstatef",
                "vault",
                "cfn_output",
                "cfn_export"
            ]
        );
        // Unknowable without rendering, or a plugin ecspresso stops at: no set.
        assert!(funcs("plugins:\n  - name: tfstate\n    func_prefix: '{{ env `P` }}'\n").is_none());
        assert!(funcs("plugins:\n  - name: external\n    config: {}\n").is_none());
        assert!(funcs("plugins:\n  - name: nosuch\n").is_none());
    }

    #[test]
    fn typos_are_recognised() {
        assert_eq!(
            did_you_mean("task_defintion", &CONFIG_KEYS),
            Some("task_definition")
        );
        assert_eq!(did_you_mean("regoin", &CONFIG_KEYS), Some("region"));
        assert_eq!(did_you_mean("stack_name", &CONFIG_KEYS), None);
    }
}

/// Which ecspresso major versions a config's `required_version` admits: the reading of the
/// config (v2 renders templates before YAML, bare-number timeouts are nanoseconds; v3 reads
/// YAML first, numbers are seconds) depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    pub v2: bool,
    pub v3: bool,
}

impl Versions {
    /// Only v2 (`required_version: ">= 2.0.0, < 3"`).
    pub fn v2_only(self) -> bool {
        self.v2 && !self.v3
    }

    /// Only v3 or later.
    pub fn v3_only(self) -> bool {
        self.v3 && !self.v2
    }
}

/// The major versions the config's `required_version` admits; both when it is absent, templated
/// or unreadable (then ecsplain says which reading it assumed).
pub fn versions(config: &Node) -> Versions {
    let both = Versions { v2: true, v3: true };
    let Some(text) = config.get_str("required_version") else {
        return both;
    };
    let Some(constraints) = parse_constraints(text) else {
        return both;
    };
    // Candidate versions: every version the constraints name, its neighbours, and the bounds
    // of each major; a set of half-open constraints is decided on these points.
    let mut candidates: Vec<[u64; 3]> = vec![[2, 0, 0], [2, 999, 999], [3, 0, 0], [3, 999, 999]];
    for (_, v, _) in &constraints {
        for c in [
            *v,
            [v[0], v[1], v[2] + 1],
            [v[0], v[1] + 1, 0],
            [v[0] + 1, 0, 0],
        ] {
            candidates.push(c);
        }
        if v[2] > 0 {
            candidates.push([v[0], v[1], v[2] - 1]);
        } else if v[1] > 0 {
            candidates.push([v[0], v[1] - 1, 999]);
        } else if v[0] > 0 {
            candidates.push([v[0] - 1, 999, 999]);
        }
    }
    let admits = |c: &[u64; 3]| {
        constraints
            .iter()
            .all(|(op, v, parts)| satisfies(c, op, v, *parts))
    };
    Versions {
        v2: candidates.iter().any(|c| c[0] == 2 && admits(c)),
        v3: candidates.iter().any(|c| c[0] >= 3 && admits(c)),
    }
}

/// hashicorp/go-version constraints: `(operator, version, number of parts written)`.
fn parse_constraints(text: &str) -> Option<Vec<(&'static str, [u64; 3], usize)>> {
    let mut out = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        let (op, rest) = ["~>", ">=", "<=", "!=", ">", "<", "="]
            .into_iter()
            .find_map(|op| part.strip_prefix(op).map(|r| (op, r)))
            .unwrap_or(("=", part));
        let rest = rest.trim();
        let rest = rest.strip_prefix('v').unwrap_or(rest);
        let core = rest.split(['-', '+']).next().unwrap_or("");
        let nums: Vec<u64> = core
            .split('.')
            .map(|n| n.parse::<u64>().ok())
            .collect::<Option<Vec<_>>>()?;
        if nums.is_empty() || nums.len() > 3 {
            return None;
        }
        let mut v = [0u64; 3];
        for (i, n) in nums.iter().enumerate() {
            v[i] = *n;
        }
        out.push((op, v, nums.len()));
    }
    Some(out)
}

fn satisfies(c: &[u64; 3], op: &str, v: &[u64; 3], parts: usize) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let ord = c.cmp(v);
    match op {
        ">=" => ord != Less,
        "<=" => ord != Greater,
        ">" => ord == Greater,
        "<" => ord == Less,
        "!=" => ord != Equal,
        // `~> 2.1` is `>= 2.1, < 3`; `~> 2.1.0` is `>= 2.1.0, < 2.2`.
        "~>" => {
            let upper = if parts <= 2 {
                [v[0] + 1, 0, 0]
            } else {
                [v[0], v[1] + 1, 0]
            };
            ord != Less && c < &upper
        }
        _ => ord == Equal,
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    fn of(yaml: &str) -> Versions {
        crate::syntax::yaml::parse(yaml).root.map_or(
            Versions {
                v2: false,
                v3: false,
            },
            |root| versions(&root),
        )
    }

    #[test]
    fn required_version_decides_the_reading() {
        let both = Versions { v2: true, v3: true };
        let v2 = Versions {
            v2: true,
            v3: false,
        };
        let v3 = Versions {
            v2: false,
            v3: true,
        };
        assert_eq!(of("region: x\n"), both);
        assert_eq!(of("required_version: \">= 2.0.0, < 3\"\n"), v2);
        assert_eq!(of("required_version: \"~> 2.1\"\n"), v2);
        assert_eq!(of("required_version: \">= 3.0.0\"\n"), v3);
        assert_eq!(of("required_version: \">= 2.5\"\n"), both);
        assert_eq!(of("required_version: \"2.8.7\"\n"), v2);
        assert_eq!(of("required_version: \"v3\"\n"), v3);
    }
}
