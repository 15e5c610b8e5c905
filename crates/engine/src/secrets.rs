//! One detector of secrets, shared by the rules that look for them in names (DL3064: an `ENV`
//! or `ARG` whose name says it holds a secret) and in values (DF006: a value that has the shape
//! of a real credential). Pure functions over strings, so a task definition's `environment`
//! can be judged the same way.

/// Names that hold a credential whatever their spelling suggests, matched exactly (upper-cased):
/// the well-known variables of AWS, CI services and package registries.
const KNOWN: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "GITLAB_TOKEN",
    "NPM_TOKEN",
    "NPM_AUTH_TOKEN",
    "DOCKER_PASSWORD",
    "DOCKERHUB_PASSWORD",
    "HEROKU_API_KEY",
    "OPENAI_API_KEY",
    "SLACK_WEBHOOK_URL",
];

/// Parts of a name that say its value is a secret.
const MARKERS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CLIENT_KEY",
];

/// Endings that say the value only points at a secret (a file, a path, a name, an id).
const POINTERS: &[&str] = &["_FILE", "_PATH", "_DIR", "_NAME", "_ID", "_ARN"];

/// Why a variable name looks like it holds a secret (`password`, `token`, or the name itself for
/// a well-known credential variable such as `AWS_ACCESS_KEY_ID`), or `None`.
pub fn secret_name(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let marker = MARKERS.iter().find(|m| upper.contains(*m));
    if KNOWN.contains(&upper.as_str()) {
        return Some(
            marker.map_or("a well-known credential variable".to_string(), |m| {
                m.to_ascii_lowercase()
            }),
        );
    }
    if POINTERS.iter().any(|s| upper.ends_with(s)) {
        return None;
    }
    marker.map(|m| m.to_ascii_lowercase())
}

/// What the value looks like, if it looks like a credential.
pub fn credential_kind(value: &str) -> Option<&'static str> {
    let b = value.as_bytes();
    for (i, w) in b.windows(20).enumerate() {
        let prefix = &w[..4];
        let at_word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let at_word_end = b.get(i + 20).is_none_or(|c| !c.is_ascii_alphanumeric());
        if at_word_start
            && at_word_end
            && (prefix == b"AKIA" || prefix == b"ASIA")
            && w[4..]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Some("an AWS access key id");
        }
    }
    let tokens: &[(&str, usize, &str)] = &[
        ("ghp_", 30, "a GitHub token"),
        ("gho_", 30, "a GitHub token"),
        ("ghs_", 30, "a GitHub token"),
        ("github_pat_", 30, "a GitHub token"),
        ("glpat-", 20, "a GitLab token"),
        ("xoxb-", 20, "a Slack token"),
        ("xoxp-", 20, "a Slack token"),
        ("sk_live_", 20, "a Stripe live key"),
        ("npm_", 30, "an npm token"),
    ];
    for (prefix, min, kind) in tokens {
        if let Some(at) = value.find(prefix) {
            let rest = &value[at + prefix.len()..];
            let len = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .count();
            if len >= *min {
                return Some(kind);
            }
        }
    }
    if value.contains("-----BEGIN") && value.contains("PRIVATE KEY") {
        return Some("a private key");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(secret_name("db_password").as_deref(), Some("password"));
        assert!(secret_name("AWS_ACCESS_KEY_ID").is_some());
        assert!(secret_name("TOKEN_FILE").is_none());
        assert!(secret_name("SECRET_ARN").is_none());
        assert!(secret_name("PATH").is_none());
    }

    #[test]
    fn values() {
        assert_eq!(
            credential_kind("AKIAABCDEFGHIJKLMNOP"),
            Some("an AWS access key id")
        );
        assert_eq!(credential_kind("hello"), None);
    }
}
