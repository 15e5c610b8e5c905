use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Arg;

/// Names Security Hub ECS.8 checks, exactly.
const AWS_NAMES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "ECS_ENGINE_AUTH_DATA",
];

crate::declare_rule! {
    /// ## What it does
    /// Looks for secrets in plain `environment` variables: the names Security Hub ECS.8 checks
    /// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `ECS_ENGINE_AUTH_DATA`), names that look
    /// like a secret with a literal value, and values that look like credentials (an AWS access
    /// key id, a GitHub, GitLab, Slack, Stripe or npm token, a private key, a URL with a
    /// password). Names and values are judged by the one detector DL3064 and DF006 use for a
    /// Dockerfile (`crates/engine/src/secrets.rs`, see `ecsplain explain DL3064` for the words),
    /// so a name is a secret in a task definition exactly when it is one in an image. A
    /// secret-like name whose value is `true`, `false`, `none`, `null`, `changeme` or an ARN is
    /// not reported.
    /// The three Security Hub names are reported whatever their value, empty or placeholder
    /// included. A secret-like name whose value is a placeholder (`<YOUR_DATADOG_API_KEY>`,
    /// `{{ must_env `DD_API_KEY` }}`) is reported as advice (info): the real value will land in
    /// clear text when it is filled in. Other empty values are not reported.
    ///
    /// ## Why is this bad?
    /// `environment` values are stored in the task definition in clear text: anyone who can
    /// describe it (and every CI log that prints it) sees them, and every revision keeps them.
    /// `secrets` fetches the value from Secrets Manager or Parameter Store at start-up instead.
    ///
    /// ## Example
    /// ```json
    /// { "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "secrets": [{ "name": "DB_PASSWORD",
    ///   "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password" }] }
    /// ```
    ///
    /// ## References
    /// - [Passing sensitive data to a container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
    /// - Security Hub [ECS.8](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8)
    ///   fails a task definition whose `environment` holds one of the three names, whatever the
    ///   value.
    ///   Checklist: security 8. Trivy AWS-0036. KICS "ECS Task Definition Container Has Password". Prowler ecs_task_definitions_no_environment_secrets. AWS Control Tower CT.ECS.PR.12.
    pub static RULE = {
        code: "TD104",
        name: "secret-in-environment",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a secret in a plain environment variable",
    }
}

/// The one name detector DL3064 uses too (`crates/engine/src/secrets.rs`).
fn name_looks_secret(name: &str) -> bool {
    crate::models::secrets::secret_name(name).is_some()
}

crate::messages! {
    "TD104";
    AWS_CREDENTIAL_NAME = "environment variable `{name}` of container `{container}` is one Security Hub ECS.8 reports whatever its value: AWS credentials do not belong in a task definition";
    HELP_TASK_ROLE = "give the task a task role (taskRoleArn) instead of access keys, or pass the value through \"secrets\" (Secrets Manager or SSM Parameter Store)";
    RELATED_VALUE = "the value";
    PLACEHOLDER = "environment variable `{name}` of container `{container}` waits for a secret-like value; whatever fills it in will be stored in the task definition in clear text";
    HELP_PLACEHOLDER = "pass it through \"secrets\" with a valueFrom pointing at Secrets Manager or SSM Parameter Store (the execution role needs read access) instead of filling in the value";
    RELATED_PLACEHOLDER = "the placeholder";
    CLEAR_TEXT_VALUE = "environment variable `{name}` of container `{container}` is stored in clear text, and its value looks like {kind}";
    CLEAR_TEXT_NAME = "environment variable `{name}` of container `{container}` is stored in clear text, and its name says it holds a secret";
    HELP_MOVE_TO_SECRETS = "move it to \"secrets\" with a valueFrom pointing at Secrets Manager or SSM Parameter Store (the execution role needs read access), and rotate the exposed value";
    RELATED_CLEAR_TEXT = "the clear-text value";
    KIND_AWS_ACCESS_KEY = "an AWS access key id";
    KIND_GITHUB_TOKEN = "a GitHub token";
    KIND_GITLAB_TOKEN = "a GitLab token";
    KIND_SLACK_TOKEN = "a Slack token";
    KIND_STRIPE_KEY = "a Stripe live key";
    KIND_NPM_TOKEN = "an npm token";
    KIND_PRIVATE_KEY = "a private key";
    KIND_URL_PASSWORD = "a URL with a password";
}

/// The phrase for a kind `models::secrets::credential_kind` names (shared with DF006, which
/// words it in English): a keyed phrase for each kind it knows, the English as written for one
/// added there later (`credential_kinds_have_phrases` notices).
fn kind_phrase(kind: &str) -> Arg {
    let phrase = [
        &KIND_AWS_ACCESS_KEY,
        &KIND_GITHUB_TOKEN,
        &KIND_GITLAB_TOKEN,
        &KIND_SLACK_TOKEN,
        &KIND_STRIPE_KEY,
        &KIND_NPM_TOKEN,
        &KIND_PRIVATE_KEY,
        &KIND_URL_PASSWORD,
    ]
    .into_iter()
    .find(|t| t.en == kind);
    match phrase {
        Some(t) => Arg::from(crate::msg!(*t)),
        None => Arg::from(kind),
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        for var in c.get_array("environment") {
            let Some(name) = util::known_str(var.get_set("name")) else {
                continue;
            };
            let span = var.get("name").map_or(var.span, |n| n.span);
            let container = ctx.container_name(c);
            let value_node = var.get_set("value");
            // Security Hub ECS.8 fails the task definition for these names whatever the value.
            if AWS_NAMES.contains(&name.to_ascii_uppercase().as_str()) {
                let d = sink.report_msg(
                    span,
                    crate::msg!(AWS_CREDENTIAL_NAME, name = name, container = &container),
                );
                d.set_help_msg(crate::msg!(HELP_TASK_ROLE));
                if let Some(v) = value_node {
                    d.add_related_msg(v.span, crate::msg!(RELATED_VALUE));
                }
                continue;
            }
            let Some(value_node) = value_node else {
                continue;
            };
            let placeholder = value_node.is_placeholder()
                || value_node
                    .as_str()
                    .is_some_and(crate::syntax::value::is_placeholder_text);
            if placeholder {
                // A secret-like name waiting for its value: the value filled in will be stored
                // in clear text, so say where it should go instead (advice, not a leak).
                if name_looks_secret(name) {
                    let d = sink.report_msg(
                        span,
                        crate::msg!(PLACEHOLDER, name = name, container = &container),
                    );
                    d.severity = crate::input::diagnostic::Severity::Info;
                    d.set_help_msg(crate::msg!(HELP_PLACEHOLDER));
                    d.add_related_msg(value_node.span, crate::msg!(RELATED_PLACEHOLDER));
                }
                continue;
            }
            let Some(value) = value_node.as_str() else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            let message = if let Some(kind) = crate::models::secrets::credential_kind(value) {
                crate::msg!(
                    CLEAR_TEXT_VALUE,
                    name = name,
                    container = &container,
                    kind = kind_phrase(kind)
                )
            } else if name_looks_secret(name) && !value.starts_with("arn:") {
                if matches!(
                    value.to_ascii_lowercase().as_str(),
                    "true" | "false" | "none" | "null" | "changeme"
                ) {
                    continue;
                }
                crate::msg!(CLEAR_TEXT_NAME, name = name, container = &container)
            } else {
                continue;
            };
            sink.report_msg(span, message)
                .set_help_msg(crate::msg!(HELP_MOVE_TO_SECRETS))
                .add_related_msg(value_node.span, crate::msg!(RELATED_CLEAR_TEXT));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for n in [
            "DB_PASSWORD",
            "AWS_SECRET_ACCESS_KEY",
            "STRIPE_API_KEY",
            "jwt_secret",
            "GITHUB_TOKEN",
        ] {
            assert!(name_looks_secret(n), "{n}");
        }
        for n in [
            "PASSWORD_FILE",
            "SECRET_ARN",
            "TOKEN_TYPE",
            "ACCESS_TOKEN_EXPIRE_MINUTES",
            "PORT",
            "PASSENGER",
            "AUTH_URL",
        ] {
            assert!(!name_looks_secret(n), "{n}");
        }
    }

    #[test]
    fn credential_kinds_have_phrases() {
        let samples = [
            "AKIAABCDEFGHIJKLMNOP".to_string(),
            format!("ghp_{}", "a".repeat(36)),
            format!("glpat-{}", "a".repeat(20)),
            format!("xoxb-{}", "1".repeat(24)),
            format!("sk_live_{}", "a".repeat(24)),
            format!("npm_{}", "a".repeat(36)),
            "-----BEGIN RSA PRIVATE KEY-----".to_string(),
            "postgres://app:hunter2@db.internal:5432/app".to_string(),
        ];
        let mut kinds = Vec::new();
        for value in &samples {
            let kind = crate::models::secrets::credential_kind(value);
            assert!(kind.is_some(), "{value}");
            let kind = kind.unwrap_or_default();
            assert!(matches!(kind_phrase(kind), Arg::Phrase(_)), "{kind}");
            kinds.push(kind);
        }
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), 8, "{kinds:?}");
    }
}
