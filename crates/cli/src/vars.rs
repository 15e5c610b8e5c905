//! Values for a project's variables, as `lint` and `render` read them: `--env` (the process
//! environment), `--env-file` files, `--var`, in that order (later sources win), `--ext-str`, and
//! the `--tfstate` file. The engine takes them as [`Vars`] and an input holding the state.

use ecsplain_engine::ecspresso::tfstate::TfState;
use ecsplain_engine::ecspresso::{self, Source};
use ecsplain_engine::template;
use ecsplain_engine::{Input, Vars};

use crate::args::VarArgs;

/// The values read, and the state file as an input for the engine.
pub struct Loaded {
    pub vars: Vars,
    pub tfstate: Option<Input>,
}

/// Reads the values. `inputs` are the files to lint or render: with `--env`, the environment
/// variables they use are taken from the process environment. An unreadable file is an error.
pub fn load(args: &VarArgs, inputs: &[Input]) -> Result<Loaded, String> {
    let mut vars = Vars::default();
    if args.from_env {
        for variable in ecspresso::variables(inputs) {
            if variable.source.is_env() {
                if let Ok(value) = std::env::var(&variable.name) {
                    vars.env.insert(variable.name, value);
                }
            }
        }
    }
    for file in &args.env_files {
        let text =
            std::fs::read_to_string(file).map_err(|err| format!("cannot read `{file}`: {err}"))?;
        vars.env.extend(parse_env_file(&text));
    }
    vars.env.extend(args.vars.iter().cloned());
    vars.ext_str.extend(args.ext_strs.iter().cloned());
    let tfstate = match &args.tfstate {
        None => None,
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|err| format!("cannot read `{file}`: {err}"))?;
            if !ecspresso::tfstate::is_tfstate(file, &text)
                || ecspresso::tfstate::TfState::parse(&text).is_none()
            {
                return Err(format!(
                    "`{file}` is not a Terraform state (a JSON object such as terraform.tfstate)"
                ));
            }
            Some(Input::new(file.clone(), text, None))
        }
    };
    Ok(Loaded { vars, tfstate })
}

/// The names of the inputs' variables that `vars` (and the state, when given) leave unknown,
/// as `NAME` for environment and external variables and `func:NAME` for other lookups.
/// `defaults`: an `env` default counts as a value (rendering uses it; linting does not).
pub fn unset(
    inputs: &[Input],
    vars: &Vars,
    tfstate: Option<&TfState>,
    defaults: bool,
) -> Vec<String> {
    ecspresso::variables(inputs)
        .into_iter()
        .filter(|v| v.value(vars).is_none())
        .filter(|v| !(defaults && v.default.is_some()))
        .filter(|v| match (v.source.clone(), tfstate) {
            (Source::Tfstate, Some(state)) => {
                // `tfstatef` addresses are built at render time: counted as answered.
                template::base_function(&v.func) == "tfstate" && state.lookup(&v.name).is_none()
            }
            _ => true,
        })
        .map(|v| v.key())
        .collect()
}

/// Reads dotenv lines: `NAME=VALUE`, with `export ` prefixes, blank lines and `#` comments
/// (whole lines, or after an unquoted value), values in single quotes taken as written and in
/// double quotes with `\n`, `\"` and `\\` escapes. Lines without a valid name are skipped.
pub fn parse_env_file(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim();
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !valid {
            continue;
        }
        out.push((name.to_string(), env_value(value.trim())));
    }
    out
}

fn env_value(value: &str) -> String {
    if let Some(rest) = value.strip_prefix('\'') {
        return match rest.find('\'') {
            Some(end) => rest[..end].to_string(),
            None => value.to_string(),
        };
    }
    if let Some(rest) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return out,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                },
                c => out.push(c),
            }
        }
        return value.to_string();
    }
    // An unquoted value ends at ` #` (a comment).
    match value.find(" #") {
        Some(at) => value[..at].trim_end().to_string(),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_env_file;

    #[test]
    fn env_files() {
        let vars = parse_env_file(
            "# c\nexport IMAGE=\"nginx:1\"\n\nTAG='x # y'\nbad line\nA=b=c\nB=plain # note\nC=\"a\\nb \\\"q\\\"\" # c\n1X=no\n=no\nD=\n",
        );
        assert_eq!(
            vars,
            [
                ("IMAGE".into(), "nginx:1".into()),
                ("TAG".into(), "x # y".into()),
                ("A".into(), "b=c".into()),
                ("B".into(), "plain".into()),
                ("C".into(), "a\nb \"q\"".into()),
                ("D".into(), String::new()),
            ]
        );
    }
}
