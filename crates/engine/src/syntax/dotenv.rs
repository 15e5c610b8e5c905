//! Env files (`.env`, `--env-file`): `NAME=VALUE` lines, as ecspresso users keep them beside a
//! project. One reader for the CLI and the page, so both give a file the same values.

/// Reads dotenv lines: `NAME=VALUE`, with `export ` prefixes, blank lines and `#` comments
/// (whole lines, or after an unquoted value), values in single quotes taken as written and in
/// double quotes with `\n`, `\"` and `\\` escapes. Lines without a valid name are skipped.
pub fn parse(text: &str) -> Vec<(String, String)> {
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
            Some(end) => rest.get(..end).unwrap_or(rest).to_string(),
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
        Some(at) => value.get(..at).unwrap_or(value).trim_end().to_string(),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse as parse_env_file;

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
