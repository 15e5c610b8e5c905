//! Stage "parse": each input read as its kind (binary and empty inputs, the wrong kind, JSON or
//! YAML held back on a syntax error) into the model the rules receive.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn parse(
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
            crate::input::codes::IN006.code,
            crate::input::codes::IN006.severity,
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
        let rule = &crate::input::codes::IN007;
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
            diagnostics.push(
                crate::input::codes::IN012
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
