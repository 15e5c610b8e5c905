//! The command line, parsed by hand.
//!
//! Four subcommands and six options do not need a parser crate: this keeps the CLI free of
//! dependencies (clap with derive compiles about ten crates, syn among them) and its messages
//! ours. Options take `--name value` or `--name=value` and may come before or after paths; `--`
//! ends options.

use ecsplain_engine::{Kind, Severity};

pub const USAGE: &str = "\
ecsplain: lint Amazon ECS task and service definitions, Dockerfiles and ecspresso configs

Usage:
  ecsplain lint [OPTIONS] PATH...   lint files and directories (recursively); `-` is stdin
  ecsplain explain CODE             print a rule's documentation
  ecsplain rules [--format F]       list every rule
  ecsplain --version | --help

Options for lint:
  --kind K          taskdef | servicedef | dockerfile | ecspresso: read the named files as K
                    (in directories, lint only files recognised as K)
  --format F        text (default) | json
  --fail-on S       error | warning (default) | info: exit 1 when a finding is at least S
  --color WHEN      auto (default) | always | never; NO_COLOR is honoured

Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage or IO error.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, PartialEq, Eq)]
pub struct LintArgs {
    pub paths: Vec<String>,
    pub kind: Option<Kind>,
    pub format: Format,
    pub fail_on: Severity,
    pub color: Color,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Lint(LintArgs),
    Explain(String),
    Rules(Format),
    Version,
    Help,
}

/// A usage error: the message, shown with a pointer to `--help`.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((first, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" | "version" => Ok(Command::Version),
        "lint" => parse_lint(rest),
        "explain" => {
            let (opts, free) = split(rest, &[])?;
            if opts.iter().any(|(n, _)| n == "help") {
                return Ok(Command::Help);
            }
            match free.as_slice() {
                [code] => Ok(Command::Explain(code.clone())),
                [] => Err(UsageError(
                    "`explain` needs a rule code, e.g. `ecsplain explain TD001`".into(),
                )),
                _ => Err(UsageError("`explain` takes one rule code".into())),
            }
        }
        "rules" => {
            let (opts, free) = split(rest, &["format"])?;
            if let Some(extra) = free.first() {
                return Err(UsageError(format!(
                    "`rules` takes no argument, got `{extra}`"
                )));
            }
            let mut format = Format::Text;
            for (name, value) in opts {
                match name.as_str() {
                    "help" => return Ok(Command::Help),
                    _ => format = parse_format(&value)?,
                }
            }
            Ok(Command::Rules(format))
        }
        other if other.starts_with('-') => Err(UsageError(format!(
            "unexpected option `{other}` before a command"
        ))),
        other => Err(UsageError(format!(
            "unknown command `{other}`{}",
            suggest(other, &["lint", "explain", "rules"])
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default()
        ))),
    }
}

fn parse_lint(args: &[String]) -> Result<Command, UsageError> {
    let (opts, paths) = split(args, &["kind", "format", "fail-on", "color"])?;
    if opts.iter().any(|(n, _)| n == "help") {
        return Ok(Command::Help);
    }
    let mut lint = LintArgs {
        paths,
        kind: None,
        format: Format::Text,
        fail_on: Severity::Warning,
        color: Color::Auto,
    };
    for (name, value) in opts {
        match name.as_str() {
            "kind" => {
                lint.kind = Some(Kind::parse(&value).ok_or_else(|| {
                    UsageError(format!(
                        "unknown kind `{value}`; expected taskdef, servicedef, dockerfile or ecspresso"
                    ))
                })?);
            }
            "format" => lint.format = parse_format(&value)?,
            "fail-on" => {
                lint.fail_on = Severity::parse(&value).ok_or_else(|| {
                    UsageError(format!(
                        "unknown severity `{value}`; expected error, warning or info"
                    ))
                })?;
            }
            "color" => {
                lint.color = match value.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    _ => {
                        return Err(UsageError(format!(
                            "unknown colour choice `{value}`; expected auto, always or never"
                        )))
                    }
                };
            }
            _ => {}
        }
    }
    if lint.paths.is_empty() {
        return Err(UsageError(
            "`lint` needs at least one file or directory".into(),
        ));
    }
    Ok(Command::Lint(lint))
}

fn parse_format(value: &str) -> Result<Format, UsageError> {
    match value {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        _ => Err(UsageError(format!(
            "unknown format `{value}`; expected text or json"
        ))),
    }
}

/// Splits options (with values) from free arguments. `--help` is returned as option `help`.
#[allow(clippy::type_complexity)]
fn split(
    args: &[String],
    known: &[&str],
) -> Result<(Vec<(String, String)>, Vec<String>), UsageError> {
    let mut opts = Vec::new();
    let mut free = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            free.extend(iter.by_ref().cloned());
            break;
        }
        if arg == "-h" || arg == "--help" {
            opts.push(("help".to_string(), String::new()));
            continue;
        }
        let Some(body) = arg.strip_prefix("--") else {
            if arg.len() > 1 && arg.starts_with('-') {
                return Err(UsageError(format!("unknown option `{arg}`")));
            }
            free.push(arg.clone());
            continue;
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        if !known.contains(&name) {
            let hint = suggest(name, known)
                .map(|s| format!("; did you mean `--{s}`?"))
                .unwrap_or_default();
            return Err(UsageError(format!("unknown option `--{name}`{hint}")));
        }
        let value = match inline {
            Some(v) => v,
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| UsageError(format!("`--{name}` needs a value")))?,
        };
        opts.push((name.to_string(), value));
    }
    // `--help` anywhere wins.
    if opts.iter().any(|(n, _)| n == "help") {
        return Ok((vec![("help".to_string(), String::new())], free));
    }
    Ok((opts, free))
}

/// The closest candidate within a small edit distance, for "did you mean".
pub fn suggest<'a>(wanted: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (distance(&wanted, &c.to_ascii_lowercase()), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn lint_options_anywhere() {
        let Ok(Command::Lint(lint)) = parse(&args(
            "lint a.json --format=json --kind taskdef b --fail-on error --color never",
        )) else {
            panic!("expected lint");
        };
        assert_eq!(lint.paths, ["a.json", "b"]);
        assert_eq!(lint.kind, Some(Kind::TaskDef));
        assert_eq!(lint.format, Format::Json);
        assert_eq!(lint.fail_on, Severity::Error);
        assert_eq!(lint.color, Color::Never);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(parse(&args("lint")).is_err());
        assert!(parse(&args("lint a --kind nope")).is_err());
        assert!(parse(&args("lint a --format")).is_err());
        let Err(UsageError(message)) = parse(&args("lint a --formt json")) else {
            panic!("expected an error");
        };
        assert!(message.contains("did you mean `--format`"), "{message}");
        let Err(UsageError(message)) = parse(&args("lnt a")) else {
            panic!("expected an error");
        };
        assert!(message.contains("`lint`"), "{message}");
        assert_eq!(
            parse(&args("lint -- --odd-name"))
                .ok()
                .map(|c| matches!(c, Command::Lint(_))),
            Some(true)
        );
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("td01", "td001"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(suggest("TD01", &["TD001", "DL3006"]), Some("TD001"));
        assert_eq!(suggest("zzzzzz", &["TD001"]), None);
    }
}
