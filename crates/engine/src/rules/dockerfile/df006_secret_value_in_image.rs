use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ENV`, `ARG` and `LABEL` values that look like real credentials, whatever the name: an
    /// AWS access key id (`AKIA...`, `ASIA...`), a GitHub token (`ghp_...`, `github_pat_...`), a Slack
    /// token (`xoxb-...`), a Stripe live key (`sk_live_...`) or a private key (`-----BEGIN ... PRIVATE
    /// KEY`) or a URL with a written-out password (`postgres://app:s3cret@db/app`; not a
    /// `${VARIABLE}` or `<placeholder>` password). The values are judged by the detector TD104
    /// uses for a task definition (`crates/engine/src/secrets.rs`).
    /// `DL3064` looks at the names; this rule at the values.
    ///
    /// ## Why is this bad?
    /// Anyone who can pull the image reads them with `docker inspect` or `docker history`, and they
    /// stay
    /// in every copy of the image in every registry and cache. A leaked key must be revoked, not just
    /// removed from the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    /// ```
    ///
    /// ## Use instead
    /// Revoke the key, then give the task an IAM role (`taskRoleArn`) instead of keys, and pass other
    /// secrets with the task definition's `secrets`; at build time use `RUN --mount=type=secret`.
    ///
    /// ## References
    /// - [Amazon ECS task definition
    ///   parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Amazon ECS task IAM
    ///   role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
    /// - [Amazon ECS: pass sensitive data to a
    ///   container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
    /// - [Dockerfile reference: RUN
    ///   --mount=type=secret](https://docs.docker.com/reference/dockerfile/#run---mounttypesecret)
    pub static RULE = {
        code: "DF006",
        name: "secret-value-in-image",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "an ENV, ARG or LABEL holds what looks like a real secret",
    }
}

crate::messages! {
    "DF006";
    HELP = "revoke it, and give the task an IAM role or a `secrets` entry instead";
    MESSAGE = "the value of `{key}` looks like {kind}, and anyone who can pull the image can read it";
    KIND_AWS_KEY = "an AWS access key id";
    KIND_GITHUB = "a GitHub token";
    KIND_GITLAB = "a GitLab token";
    KIND_SLACK = "a Slack token";
    KIND_STRIPE = "a Stripe live key";
    KIND_NPM = "an npm token";
    KIND_PRIVATE_KEY = "a private key";
    KIND_URL_PASSWORD = "a URL with a password";
    KIND_OTHER = "{kind}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx
        .instructions()
        .filter(|i| i.is("ENV") || i.is("ARG") || i.is("LABEL"))
    {
        for pair in &ins.pairs {
            let Some(value) = pair.value.as_deref() else {
                continue;
            };
            if let Some(kind) = crate::models::secrets::credential_kind(value) {
                // `credential_kind` names the kind in English; each known kind has its own phrase.
                let kind = match kind {
                    "an AWS access key id" => crate::msg!(KIND_AWS_KEY),
                    "a GitHub token" => crate::msg!(KIND_GITHUB),
                    "a GitLab token" => crate::msg!(KIND_GITLAB),
                    "a Slack token" => crate::msg!(KIND_SLACK),
                    "a Stripe live key" => crate::msg!(KIND_STRIPE),
                    "an npm token" => crate::msg!(KIND_NPM),
                    "a private key" => crate::msg!(KIND_PRIVATE_KEY),
                    "a URL with a password" => crate::msg!(KIND_URL_PASSWORD),
                    other => crate::msg!(KIND_OTHER, kind = other),
                };
                sink.report_msg(
                    pair.value_span,
                    crate::msg!(MESSAGE, key = &pair.key, kind = kind),
                )
                .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
