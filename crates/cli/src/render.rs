//! `ecsplain render CONFIG`: an ecspresso config and the definitions it names, with their
//! template calls (`{{ must_env `IMAGE` }}`, `{{ tfstate `...` }}`) replaced by the values given
//! with `--var` and `--env-file`. A value not given becomes a marker (`${IMAGE}`), never an
//! error: the point is to see what ecspresso would deploy.
//!
//! The linter does not take these values yet: it reads templates as placeholders, which no rule
//! reports as bad values. A single definition renders without a header, so
//! `ecsplain render task-def.json --env-file .env | ecsplain lint --kind taskdef -` lints it with
//! the values filled in. `--ext-str` is recorded for Jsonnet, which the engine does not evaluate.

use std::collections::BTreeMap;

use ecsplain_engine::{ecspresso, template};

use crate::args::RenderArgs;
use crate::{out, OK, TROUBLE};

/// Reads `NAME=VALUE` lines (`export ` prefixes, `#` comments, blank lines and quotes as in
/// dotenv files).
pub fn parse_env_file(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let value = match value.as_bytes() {
            [b'"', .., b'"'] | [b'\'', .., b'\''] if value.len() >= 2 => &value[1..value.len() - 1],
            _ => value,
        };
        out.push((name.trim().to_string(), value.to_string()));
    }
    out
}

pub fn run(args: &RenderArgs) -> u8 {
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for file in &args.env_files {
        match std::fs::read_to_string(file) {
            Ok(text) => values.extend(parse_env_file(&text)),
            Err(err) => {
                eprintln!("ecsplain: cannot read `{file}`: {err}");
                return TROUBLE;
            }
        }
    }
    values.extend(args.vars.iter().cloned());
    if !args.ext_strs.is_empty() {
        eprintln!(
            "ecsplain: note: --ext-str is for Jsonnet, which ecsplain does not evaluate; \
             render .jsonnet files with `ecspresso render`"
        );
    }
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            eprintln!("ecsplain: cannot read `{}`: {err}", args.file);
            return TROUBLE;
        }
    };
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut unset: Vec<String> = Vec::new();
    let mut section = |path: &str, text: &str| {
        for variable in template::variables(text) {
            let known = match variable.key.split_once(':') {
                Some(("env", name)) => values.contains_key(name) || variable.default.is_some(),
                _ => values.contains_key(&variable.key),
            };
            if !known && !unset.contains(&variable.key) {
                unset.push(variable.key);
            }
        }
        let mut rendered = template::render(text, &values).text;
        if !rendered.ends_with('\n') {
            rendered.push('\n');
        }
        sections.push((path.to_string(), rendered));
    };
    section(&args.file, &text);
    let mut status = OK;
    for reference in ecspresso::references(&args.file, &text) {
        if reference.template {
            eprintln!(
                "ecsplain: `{}` is a template; pass its values to follow it",
                reference.written
            );
            continue;
        }
        match std::fs::read(&reference.resolved) {
            Ok(bytes) => section(&reference.resolved, &String::from_utf8_lossy(&bytes)),
            Err(err) => {
                eprintln!("ecsplain: cannot read `{}`: {err}", reference.resolved);
                status = TROUBLE;
            }
        }
    }
    if !unset.is_empty() {
        eprintln!(
            "ecsplain: not given (left as markers): {}; pass --var NAME=VALUE or --env-file FILE",
            unset.join(", ")
        );
    }
    // One file is printed as it is, so it can be piped to `ecsplain lint -`; several get a
    // header line each.
    let printed = match sections.as_slice() {
        [(_, text)] => text.clone(),
        _ => sections
            .iter()
            .map(|(path, text)| format!("# ── {path} ──\n{text}"))
            .collect(),
    };
    status.max(out(&printed))
}

#[cfg(test)]
mod tests {
    use super::parse_env_file;

    #[test]
    fn env_files() {
        let vars = parse_env_file("# c\nexport IMAGE=\"nginx:1\"\n\nTAG='x'\nbad line\nA=b=c\n");
        assert_eq!(
            vars,
            [
                ("IMAGE".into(), "nginx:1".into()),
                ("TAG".into(), "x".into()),
                ("A".into(), "b=c".into())
            ]
        );
    }
}
