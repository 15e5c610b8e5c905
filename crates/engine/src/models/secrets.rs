//! One detector of secrets, shared by every rule that looks for them: by name (DL3064: an `ENV`
//! or `ARG` of a Dockerfile; TD104: a task definition's `environment`) and by value (DF006, and
//! TD104 again). Pure functions over strings, so the three rules give the same answer on the
//! same name or value. BuildKit's own check (`SecretsUsedInArgOrEnv`) has a different word list;
//! [`buildkit_secret_name`] reproduces it, for the one place that needs BuildKit's exact verdict.

/// Names that hold a credential whatever their spelling suggests, matched exactly (upper-cased):
/// the well-known variables of AWS, ECS, CI services and package registries.
const KNOWN: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "ECS_ENGINE_AUTH_DATA",
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
    "APPLICATION_KEY",
];

/// Parts of a name that say its value is a secret wherever they appear (`DBPASSWORD`,
/// `STRIPE_API_KEY`): long enough not to occur inside ordinary words.
const MARKERS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CLIENT_KEY",
];

/// Words that say the value is a secret only as a whole word of the name (`AUTH_TOKEN`,
/// `DB_PASS`), since they occur inside ordinary words (`PASSENGER`, `OAUTH`, `AUTHOR`).
/// `TOKEN` also counts inside a word (`ACCESSTOKEN`) except in `TOKENIZER...`.
const WORD_MARKERS: &[&str] = &[
    "TOKEN",
    "TOKENS",
    "PASS",
    "AUTH",
    "CREDENTIAL",
    "CREDENTIALS",
];

/// Endings that say the value describes or points at a secret rather than holds it: a file, a
/// path, a name, an id, an ARN, a URL, a host, a type, a size, a duration, a flag.
const POINTERS: &[&str] = &[
    "_FILE",
    "_PATH",
    "_DIR",
    "_NAME",
    "_ID",
    "_ARN",
    "_URL",
    "_URI",
    "_HOST",
    "_PORT",
    "_TYPE",
    "_VERSION",
    "_ENABLED",
    "_LENGTH",
    "_TTL",
    "_EXPIRY",
    "_EXPIRES",
    "_EXPIRE",
    "_EXPIRATION",
    "_HEADER",
    "_REGION",
    "_PARAM",
    "_MINUTES",
    "_SECONDS",
    "_HOURS",
    "_DAYS",
    "_MS",
    "_SEC",
    "_TIMEOUT",
    "_AGE",
    "_COUNT",
    "_SIZE",
    "_LIFETIME",
    "_DURATION",
];

/// Why a variable name looks like it holds a secret (`password`, `token`, or a sentence for a
/// well-known credential variable such as `AWS_ACCESS_KEY_ID`), or `None`.
///
/// A well-known name is a secret whatever its ending. Otherwise a name ending in a pointer
/// (`_FILE`, `_ARN`, `_URL`, `_TTL`...) or holding the word `PUBLIC` (a publishable key, such
/// as `NEXT_PUBLIC_STRIPE_KEY`) is not; then a marker decides.
pub fn secret_name(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let marker = MARKERS.iter().find(|m| upper.contains(*m)).copied();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let word_marker = || -> Option<&'static str> {
        WORD_MARKERS
            .iter()
            .find(|m| words.iter().any(|w| w == *m))
            .copied()
            .or_else(|| {
                words
                    .iter()
                    .any(|w| w.contains("TOKEN") && !w.contains("TOKENIZ"))
                    .then_some("TOKEN")
            })
    };
    if KNOWN.contains(&upper.as_str()) {
        return Some(
            marker
                .or_else(word_marker)
                .map_or("a well-known credential variable".to_string(), |m| {
                    m.to_ascii_lowercase()
                }),
        );
    }
    if POINTERS.iter().any(|s| upper.ends_with(s)) || words.contains(&"PUBLIC") {
        return None;
    }
    marker.or_else(word_marker).map(|m| m.to_ascii_lowercase())
}

/// BuildKit's `SecretsUsedInArgOrEnv` check: a `_`-separated word of the name is one of its
/// secret words and none is `public`, `file` or `version` (case-insensitive;
/// `dockerfile2llb/validations.go`, `getSecretsRegex`).
pub fn buildkit_secret_name(name: &str) -> bool {
    const DENY: &[&str] = &[
        "apikey",
        "auth",
        "credential",
        "credentials",
        "key",
        "password",
        "pword",
        "passwd",
        "secret",
        "token",
    ];
    const ALLOW: &[&str] = &["public", "file", "version"];
    let lower = name.to_ascii_lowercase();
    let words: Vec<&str> = lower.split('_').collect();
    words.iter().any(|w| DENY.contains(w)) && !words.iter().any(|w| ALLOW.contains(w))
}

/// What the value looks like, if it looks like a credential: an AWS access key id, a token of a
/// well-known service (by its prefix and length), a private key, or a URL with a password.
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
    if url_password(value) {
        return Some("a URL with a password");
    }
    None
}

/// `scheme://user:password@host...` with a password that is written out (not a placeholder or
/// a variable).
fn url_password(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once("://") else {
        return false;
    };
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"+.-".contains(&c))
    {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let Some((userinfo, _)) = authority.rsplit_once('@') else {
        return false;
    };
    userinfo.split_once(':').is_some_and(|(_, p)| {
        !p.is_empty() && !p.contains('$') && !crate::syntax::value::is_placeholder_text(p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for (name, why) in [
            ("db_password", "password"),
            ("DBPASSWORD", "password"),
            ("AUTH_TOKEN", "token"),
            ("ACCESSTOKEN", "token"),
            ("DB_PASS", "pass"),
            ("GOOGLE_CREDENTIALS", "credentials"),
            ("openai_api_key", "api_key"),
            ("AWS_ACCESS_KEY_ID", "access_key"),
            ("ECS_ENGINE_AUTH_DATA", "auth"),
        ] {
            assert_eq!(secret_name(name).as_deref(), Some(why), "{name}");
        }
        for name in [
            "TOKEN_FILE",
            "SECRET_ARN",
            "TOKEN_TYPE",
            "ACCESS_TOKEN_EXPIRE_MINUTES",
            "PASSWORD_MIN_LENGTH",
            "AUTH_URL",
            "PATH",
            "PASSENGER_APP_ENV",
            "OAUTH_CALLBACK",
            "AUTHOR",
            "TOKENIZERS_PARALLELISM",
            "NEXT_PUBLIC_STRIPE_API_KEY",
            "USERNAME",
        ] {
            assert_eq!(secret_name(name), None, "{name}");
        }
    }

    #[test]
    fn buildkit_words() {
        assert!(buildkit_secret_name("api_key"));
        assert!(buildkit_secret_name("GITHUB_TOKEN"));
        assert!(buildkit_secret_name("AUTH"));
        assert!(!buildkit_secret_name("PASSWORD_FILE"));
        assert!(!buildkit_secret_name("DBPASSWORD"));
        assert!(!buildkit_secret_name("PUBLIC_KEY"));
    }

    #[test]
    fn values() {
        assert_eq!(
            credential_kind("AKIAABCDEFGHIJKLMNOP"),
            Some("an AWS access key id")
        );
        assert_eq!(
            credential_kind("postgres://app:s3cret@db:5432/app"),
            Some("a URL with a password")
        );
        assert_eq!(credential_kind("postgres://db:5432/app"), None);
        assert_eq!(
            credential_kind("postgres://app:${DB_PASSWORD}@db/app"),
            None
        );
        assert_eq!(credential_kind("https://user@example.com/x"), None);
        assert_eq!(credential_kind("hello"), None);
        assert_eq!(credential_kind("ghp_short"), None);
    }
}
