//! Stage "parse": each input read as its kind (binary and empty inputs, the wrong kind, JSON or
//! YAML held back on a syntax error) into the model the rules receive.

use super::*;
use crate::input::msg::Arg;

/// The IN006 messages (their Japanese: `rules/input/in006_empty_input.ja.msg`).
#[allow(dead_code)] // `MESSAGES`: the parse stage is private; tests read the block from here
mod in006 {
    crate::messages! {
        "IN006";
        EMPTY = "the {kind} is empty";
        EMPTY_INPUT = "the input is empty";
        TASK_DEF = "task definition";
        SERVICE_DEF = "service definition";
        DOCKERFILE = "Dockerfile";
        ECSPRESSO = "ecspresso config";
        TERRAFORM = "Terraform file";
        CLOUDFORMATION = "CloudFormation template";
    }

    /// `Kind::noun`, keyed.
    pub fn noun(kind: crate::input::kind::Kind) -> crate::input::msg::Msg {
        use crate::input::kind::Kind;
        match kind {
            Kind::TaskDef => crate::msg!(TASK_DEF),
            Kind::ServiceDef => crate::msg!(SERVICE_DEF),
            Kind::Dockerfile => crate::msg!(DOCKERFILE),
            Kind::Ecspresso => crate::msg!(ECSPRESSO),
            Kind::Terraform => crate::msg!(TERRAFORM),
            Kind::CloudFormation => crate::msg!(CLOUDFORMATION),
        }
    }
}

/// The IN007 messages (their Japanese: `rules/input/in007_wrong_kind.ja.msg`).
#[allow(dead_code)] // `MESSAGES`: the parse stage is private; tests read the block from here
mod in007 {
    crate::messages! {
        "IN007";
        LOOKS_LIKE = "this looks like a {seen}, not a {kind}";
        HELP_PASTE = "paste it into the {title} input instead";
        TASK_DEF = "task definition";
        SERVICE_DEF = "service definition";
        DOCKERFILE = "Dockerfile";
        ECSPRESSO = "ecspresso config";
        TERRAFORM = "Terraform file";
        CLOUDFORMATION = "CloudFormation template";
        TITLE_TASK_DEF = "Task definition";
        TITLE_SERVICE_DEF = "Service definition";
        TITLE_DOCKERFILE = "Dockerfile";
        TITLE_ECSPRESSO = "ecspresso config";
        TITLE_TERRAFORM = "Terraform";
        TITLE_CLOUDFORMATION = "CloudFormation template";
    }

    /// `Kind::noun`, keyed.
    pub fn noun(kind: crate::input::kind::Kind) -> crate::input::msg::Msg {
        use crate::input::kind::Kind;
        match kind {
            Kind::TaskDef => crate::msg!(TASK_DEF),
            Kind::ServiceDef => crate::msg!(SERVICE_DEF),
            Kind::Dockerfile => crate::msg!(DOCKERFILE),
            Kind::Ecspresso => crate::msg!(ECSPRESSO),
            Kind::Terraform => crate::msg!(TERRAFORM),
            Kind::CloudFormation => crate::msg!(CLOUDFORMATION),
        }
    }

    /// `Kind::title`, keyed.
    pub fn title(kind: crate::input::kind::Kind) -> crate::input::msg::Msg {
        use crate::input::kind::Kind;
        match kind {
            Kind::TaskDef => crate::msg!(TITLE_TASK_DEF),
            Kind::ServiceDef => crate::msg!(TITLE_SERVICE_DEF),
            Kind::Dockerfile => crate::msg!(TITLE_DOCKERFILE),
            Kind::Ecspresso => crate::msg!(TITLE_ECSPRESSO),
            Kind::Terraform => crate::msg!(TITLE_TERRAFORM),
            Kind::CloudFormation => crate::msg!(TITLE_CLOUDFORMATION),
        }
    }
}

/// The note on a definition's first syntax error, IN001's and IN002's (their Japanese: the
/// codes' `.ja.msg` files beside the other templates of the readers).
#[allow(dead_code)] // `MESSAGES`: the parse stage is private; tests read the block from here
mod held_in001 {
    crate::messages! {
        "IN001";
        HELD_BACK = "the other checks of this file run once it parses";
        HELP_HELD_BACK = "{help}; the other checks of this file run once it parses";
    }
}

#[allow(dead_code)] // `MESSAGES`: the parse stage is private; tests read the block from here
mod held_in002 {
    crate::messages! {
        "IN002";
        HELD_BACK = "the other checks of this file run once it parses";
        HELP_HELD_BACK = "{help}; the other checks of this file run once it parses";
    }
}

/// The IN008 messages (their Japanese: `rules/input/in008_binary_input.ja.msg`).
#[allow(dead_code)] // `MESSAGES`: the parse stage is private; tests read the block from here
mod in008 {
    crate::messages! {
        "IN008";
        NUL_BYTE = "this does not look like a text file: it holds a NUL byte";
        NOT_UTF8 = "this does not look like a text file: it holds bytes that are not UTF-8";
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn parse(
    input: &Input,
    text: &str,
    kind: Option<Kind>,
    detected: Option<Kind>,
    referenced: bool,
    rendered: bool,
    jsonnet_env: &ecspresso::jsonnet::Env<'_>,
    settings: &crate::models::config::Settings,
    dockerfile_findings: &mut Vec<Diagnostic>,
) -> (Model, Vec<Diagnostic>, bool) {
    let mut diagnostics = Vec::new();
    if text.trim().is_empty() {
        diagnostics.push(crate::input::codes::IN006.diag_msg(
            Span::EMPTY,
            match kind {
                Some(kind) => crate::msg!(in006::EMPTY, kind = in006::noun(kind)),
                None => crate::msg!(in006::EMPTY_INPUT),
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
        let rule = &crate::input::codes::IN007;
        let kind_noun = kind.map_or(Arg::Code(String::new()), |k| in007::noun(k).into());
        let mut d = rule.diag_msg(
            Span::new(0, first_line_len(text)),
            crate::msg!(
                in007::LOOKS_LIKE,
                seen = in007::noun(seen),
                kind = kind_noun
            ),
        );
        d.set_help_msg(crate::msg!(in007::HELP_PASTE, title = in007::title(seen)));
        diagnostics.push(d);
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
        let known = crate::syntax::template::Known {
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
            let mut d = crate::input::codes::IN012.diag_msg(
                span,
                crate::msg!(crate::syntax::jsonnet::in012::ERROR, message = message),
            );
            d.set_help_msg(crate::msg!(crate::syntax::jsonnet::in012::HELP_FIX));
            diagnostics.push(d);
        }
        return (Model::None, diagnostics, false);
    }
    let model = match kind {
        Some(kind @ (Kind::Terraform | Kind::CloudFormation)) => {
            let read = iac::read_with(kind, &input.path, text, &jsonnet_env.modules.terraform);
            diagnostics.extend(read.diagnostics);
            Model::Iac(read.resources)
        }
        Some(Kind::TaskDef | Kind::ServiceDef | Kind::Ecspresso) => Model::Tree(
            parsed_or_held_back(parse_tree(&input.path, text), &mut diagnostics),
        ),
        // The parser and the Dockerfile rules at once (`dockerfile::read`: built in, or the
        // page's Dockerfile module); the rules' findings wait for the check stage. A
        // Dockerfile not read is an empty one, and IN015 says why.
        Some(Kind::Dockerfile) => {
            let status = &jsonnet_env.modules.dockerfile;
            let read = if *status == crate::input::module::ModuleStatus::Ready {
                super::dockerfile::read(text, settings)
            } else {
                None
            };
            match read {
                Some(read) => {
                    diagnostics.extend(read.parsed.diagnostics);
                    *dockerfile_findings = read.findings;
                    Model::Dockerfile(read.parsed.dockerfile)
                }
                None => {
                    diagnostics.push(super::dockerfile::not_read(text, status));
                    Model::Dockerfile(crate::syntax::dockerfile::Dockerfile::default())
                }
            }
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
pub(super) fn parsed_or_held_back(
    parsed: json::Parsed,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Node> {
    let syntax = |d: &Diagnostic| {
        d.severity == Severity::Error && (d.code == json::SYNTAX || d.code == yaml::SYNTAX)
    };
    let broken = parsed.diagnostics.iter().any(syntax);
    let mut noted = false;
    for mut d in parsed.diagnostics {
        if broken && !noted && syntax(&d) {
            noted = true;
            let (only, with_help) = if d.code == json::SYNTAX {
                (&held_in001::HELD_BACK, &held_in001::HELP_HELD_BACK)
            } else {
                (&held_in002::HELD_BACK, &held_in002::HELP_HELD_BACK)
            };
            match (d.help.take(), d.keyed.help.take()) {
                (Some(_), Some(help)) => {
                    d.set_help_msg(crate::msg!(*with_help, help = help));
                }
                (Some(help), None) => {
                    d.help = Some(format!("{help}; {}", only.en));
                }
                (None, _) => {
                    d.set_help_msg(crate::msg!(*only));
                }
            }
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
pub(super) fn parse_tree(path: &str, text: &str) -> json::Parsed {
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
pub(super) fn wrong_kind(
    input: &Input,
    kind: Option<Kind>,
    _detected: Option<Kind>,
) -> Option<Kind> {
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

pub(super) fn first_line_len(text: &str) -> usize {
    text.find(['\n', '\r']).unwrap_or(text.len())
}

/// NUL bytes or replacement characters (what invalid UTF-8 becomes) mean this is not a text file.
pub(super) fn binary_input(text: &str) -> Option<Diagnostic> {
    let at = text.find(['\0', '\u{fffd}'])?;
    let rule = &crate::input::codes::IN008;
    let message = if text[at..].starts_with('\0') {
        crate::msg!(in008::NUL_BYTE)
    } else {
        crate::msg!(in008::NOT_UTF8)
    };
    Some(rule.diag_msg(
        Span::new(at, at + text[at..].chars().next().map_or(0, char::len_utf8)),
        message,
    ))
}

#[cfg(test)]
mod tests {
    use crate::input::kind::Kind;

    #[test]
    fn keyed_kind_nouns_say_what_kind_says() {
        for kind in Kind::ALL {
            assert_eq!(super::in006::noun(kind).en(), kind.noun());
            assert_eq!(super::in007::noun(kind).en(), kind.noun());
            assert_eq!(super::in007::title(kind).en(), kind.title());
        }
    }
}
