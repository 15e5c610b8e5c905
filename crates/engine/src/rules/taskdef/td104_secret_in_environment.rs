use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

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
                let d = sink.report(
                    span,
                    format!("environment variable `{name}` of container `{container}` is one Security Hub ECS.8 reports whatever its value: AWS credentials do not belong in a task definition"),
                );
                d.set_help("give the task a task role (taskRoleArn) instead of access keys, or pass the value through \"secrets\" (Secrets Manager or SSM Parameter Store)");
                if let Some(v) = value_node {
                    d.add_related(v.span, "the value");
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
                    let d = sink.report(
                        span,
                        format!("environment variable `{name}` of container `{container}` waits for a secret-like value; whatever fills it in will be stored in the task definition in clear text"),
                    );
                    d.severity = crate::input::diagnostic::Severity::Info;
                    d.set_help("pass it through \"secrets\" with a valueFrom pointing at Secrets Manager or SSM Parameter Store (the execution role needs read access) instead of filling in the value");
                    d.add_related(value_node.span, "the placeholder");
                }
                continue;
            }
            let Some(value) = value_node.as_str() else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            let reason = if let Some(kind) = crate::models::secrets::credential_kind(value) {
                format!("its value looks like {kind}")
            } else if name_looks_secret(name) && !value.starts_with("arn:") {
                if matches!(
                    value.to_ascii_lowercase().as_str(),
                    "true" | "false" | "none" | "null" | "changeme"
                ) {
                    continue;
                }
                "its name says it holds a secret".to_string()
            } else {
                continue;
            };
            sink.report(
                span,
                format!("environment variable `{name}` of container `{container}` is stored in clear text, and {reason}"),
            )
            .set_help("move it to \"secrets\" with a valueFrom pointing at Secrets Manager or SSM Parameter Store (the execution role needs read access), and rotate the exposed value")
            .add_related(value_node.span, "the clear-text value");
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
}
