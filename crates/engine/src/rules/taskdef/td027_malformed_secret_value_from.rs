use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks the `valueFrom` of `secrets` (and log `secretOptions`) that name a Secrets Manager
    /// secret by ARN: after `secret:` comes the secret's name, and, to pick one key of a JSON
    /// secret, exactly three more fields: `json-key:version-stage:version-id` (empty fields
    /// allowed, as in `secret:db-AbCdEf:password::`).
    ///
    /// ## Why is this bad?
    /// The JSON key is read from a fixed position. `secret:db-AbCdEf:password` (no trailing
    /// colons) or a key with an extra colon is not the format ECS documents, so the container may
    /// not get the value meant. What ECS does with such a reference is not documented.
    ///
    /// ## Example
    /// ```json
    /// { "secrets": [{ "name": "DB_PASSWORD",
    ///   "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "secrets": [{ "name": "DB_PASSWORD",
    ///   "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::" }] }
    /// ```
    ///
    /// ## References
    /// - [Pass Secrets Manager secrets through Amazon ECS environment variables](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html)
    ///   (the format `arn:aws:secretsmanager:region:aws_account_id:secret:secret-name:json-key:version-stage:version-id`)
    /// - [Secret valueFrom](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html)
    pub static RULE = {
        code: "TD027",
        name: "malformed-secret-value-from",
        target: TaskDef,
        severity: Warning,
        category: Reliability,
        summary: "a Secrets Manager valueFrom whose JSON-key suffix is not name:json-key:version-stage:version-id",
    }
}

crate::messages! {
    "TD027";
    FIELD = "container `{name}` reads a Secrets Manager secret whose valueFrom has {count} field after the secret name; ECS expects none, or exactly json-key:version-stage:version-id";
    FIELDS = "container `{name}` reads a Secrets Manager secret whose valueFrom has {count} fields after the secret name; ECS expects none, or exactly json-key:version-stage:version-id";
    HELP_JSON_KEY = "to pick a JSON key, end with `:<json-key>::` (version stage and id left empty)";
    FIX_VERSION_FIELDS = "add the empty version fields";
    HELP_FORMAT = "write arn:aws:secretsmanager:<region>:<account>:secret:<name>[:<json-key>:<version-stage>:<version-id>], leaving unused fields empty";
}

/// How many fields follow the secret name, when ECS would not read them as written.
fn problem(value: &str) -> Option<usize> {
    if !value.starts_with("arn:") || !value.contains(":secretsmanager:") {
        return None;
    }
    let (_, rest) = value.split_once(":secret:")?;
    let fields: Vec<&str> = rest.split(':').skip(1).collect();
    // `name`, `name::` (nothing picked) and `name:key:stage:id` are read as written; a key
    // without the two version fields after it, or more fields, are not.
    let picked = fields.iter().any(|f| !f.is_empty());
    match fields.len() {
        0 | 3 => None,
        1 | 2 if !picked => None,
        n => Some(n),
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let log_secrets = c
            .get_set("logConfiguration")
            .map(|l| l.get_array("secretOptions"))
            .unwrap_or(&[]);
        for secret in c.get_array("secrets").iter().chain(log_secrets) {
            let Some(node) = secret.get_set("valueFrom") else {
                continue;
            };
            let Some(value) = util::known_str(Some(node)) else {
                continue;
            };
            let Some(count) = problem(value) else {
                continue;
            };
            let message = if count == 1 { &FIELD } else { &FIELDS };
            let d = sink.report_msg(
                node.span,
                crate::msg!(*message, name = &name, count = count),
            );
            if value.matches(':').count() == 7 {
                d.set_help_msg(crate::msg!(HELP_JSON_KEY));
                d.set_fix_msg(
                    crate::msg!(FIX_VERSION_FIELDS),
                    node.span,
                    format!("\"{value}::\""),
                );
            } else {
                d.set_help_msg(crate::msg!(HELP_FORMAT));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn formats() {
        let base = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";
        assert!(problem(base).is_none());
        assert!(problem(&format!("{base}:password::")).is_none());
        assert!(problem(&format!("{base}::AWSCURRENT:")).is_none());
        assert!(problem(&format!("{base}::")).is_none());
        assert!(problem(&format!("{base}:password")).is_some());
        assert!(problem(&format!("{base}:password:")).is_some());
        assert!(problem(&format!("{base}:a:b:c:d")).is_some());
        assert!(problem("arn:aws:ssm:eu-west-1:123456789012:parameter/db:x").is_none());
    }
}
