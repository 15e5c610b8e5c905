use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ENV` and `ARG` whose name looks like a secret: it contains `PASSWORD`, `PASSWD`,
    /// `SECRET`, `TOKEN`, `API_KEY`/`APIKEY`, `PRIVATE_KEY`, `ACCESS_KEY` or `CLIENT_KEY`
    /// (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`...). Names ending in `_FILE`, `_PATH`,
    /// `_DIR` or `_NAME` (which point at a secret rather than hold it) are skipped.
    ///
    /// ## Why is this bad?
    /// `ENV` values are stored in the image config and shown by `docker inspect` to anyone who can pull
    /// the image; `ARG` values are kept in the image history. On ECS, secrets belong in the task
    /// definition's `secrets` (Secrets Manager or SSM Parameter Store), and build-time secrets in
    /// `RUN --mount=type=secret`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ARG NPM_TOKEN
    /// ENV DB_PASSWORD=changeme
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
    /// ```
    /// and for run time, the task definition's `secrets` with `valueFrom`.
    ///
    /// ## References
    /// - hadolint [DL3064](https://github.com/hadolint/hadolint/wiki/DL3064)
    /// - [Dockerfile reference: RUN
    ///   --mount=type=secret](https://docs.docker.com/reference/dockerfile/#run---mounttypesecret)
    /// - [Amazon ECS: pass sensitive data to a
    ///   container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
    ///
    /// Deliberate differences: hadolint also reports names containing `USERNAME` or `PRIVATE`; ecsplain
    /// does not (a user name is not a secret, `PRIVATE` catches names like `NEXT_PUBLIC_PRIVATE_MODE`),
    /// and skips `_FILE`/`_PATH` names.
    ///
    /// Well-known credential variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_SESSION_TOKEN`, `GITHUB_TOKEN`, ...) are reported whatever their ending; the names are
    /// judged by the shared detector in `crates/engine/src/secrets.rs`, which also skips names ending
    /// `_NAME`, `_ID`, `_DIR` and `_ARN`.
    pub static RULE = {
        code: "DL3064",
        name: "secret-in-env-or-arg",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "an ENV or ARG name looks like a secret",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ENV") || i.is("ARG")) {
        for pair in &ins.pairs {
            if let Some(why) = crate::secrets::secret_name(&pair.key) {
                let what = if ins.is("ENV") {
                    "the image config"
                } else {
                    "the image history"
                };
                let d = sink.report(pair.key_span, format!("{} `{}` looks like a secret ({why}), and its value is kept in {what}", ins.keyword, pair.key))
                    .set_help("pass build secrets with `RUN --mount=type=secret`, and run-time secrets with the task definition's `secrets`");
                // BuildKit's check has its own word list and runs while it dispatches a stage.
                if crate::secrets::buildkit_secret_name(&pair.key) && super::support::built(ctx, ins) {
                    super::support::buildkit_check(ctx, d, "SecretsUsedInArgOrEnv");
                }
            }
        }
    }
}
