use crate::input::msg::Arg;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ENV` and `ARG` whose name looks like a secret, as the one detector TD104 uses for a
    /// task definition's `environment` judges it (`crates/engine/src/secrets.rs`): the name holds
    /// `PASSWORD`, `PASSWD`, `SECRET`, `API_KEY`/`APIKEY`, `PRIVATE_KEY`, `ACCESS_KEY`,
    /// `CLIENT_KEY` or `TOKEN` anywhere (`DBPASSWORD`, `GITHUB_TOKEN`; not `TOKENIZER...`), or
    /// `PASS`, `AUTH`, `CREDENTIAL(S)` as a whole word (`DB_PASS`, not `PASSENGER`). Names that
    /// point at a secret or describe it (ending in `_FILE`, `_PATH`, `_DIR`, `_NAME`, `_ID`,
    /// `_ARN`, `_URL`, `_HOST`, `_TYPE`, `_TTL`, `_LENGTH`, `_TIMEOUT`...) and names holding the
    /// word `PUBLIC` (a publishable key) are skipped. Well-known credential variables
    /// (`AWS_ACCESS_KEY_ID`, `AWS_SESSION_TOKEN`, `GITHUB_TOKEN`, `ECS_ENGINE_AUTH_DATA`...) are
    /// reported whatever their ending.
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
    /// Deliberate differences: hadolint also reports names containing `USERNAME` or `PRIVATE`, and
    /// every name with a marker whatever its ending; ecsplain does not (a user name is not a
    /// secret, `PRIVATE` catches names like `NEXT_PUBLIC_PRIVATE_MODE`, and `PASSWORD_FILE`
    /// points at a secret rather than holds it). hadolint's spec cases all agree
    /// (docs/hadolint-parity.md).
    ///
    /// With BuildKit's `# check=error=true` directive (and `SecretsUsedInArgOrEnv` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [SecretsUsedInArgOrEnv](https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/) fires on
    /// names with one of its own `_`-separated words (`key`, `token`, `password`, `secret`, `auth`, `credentials`, `apikey`, `pword`, `passwd`) and none of `public`, `file`, `version`, in a stage BuildKit builds, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3064",
        name: "secret-in-env-or-arg",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "an ENV or ARG name looks like a secret",
    }
}

crate::messages! {
    "DL3064";
    HELP = "pass build secrets with `RUN --mount=type=secret`, and run-time secrets with the task definition's `secrets`";
    MESSAGE = "{keyword} `{key}` looks like a secret ({why}), and its value is kept in {what}";
    IMAGE_CONFIG = "the image config";
    IMAGE_HISTORY = "the image history";
    WELL_KNOWN = "a well-known credential variable";
    MARKER = "{word}";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ENV") || i.is("ARG")) {
        for pair in &ins.pairs {
            if let Some(why) = crate::models::secrets::secret_name(&pair.key) {
                let what = if ins.is("ENV") {
                    crate::msg!(IMAGE_CONFIG)
                } else {
                    crate::msg!(IMAGE_HISTORY)
                };
                // `secret_name` gives the marker word it found, or a phrase for a well-known name.
                let why = if why == "a well-known credential variable" {
                    Arg::from(crate::msg!(WELL_KNOWN))
                } else {
                    Arg::from(crate::msg!(MARKER, word = why))
                };
                let message = crate::msg!(
                    MESSAGE,
                    keyword = &ins.keyword,
                    key = &pair.key,
                    why = why,
                    what = what
                );
                let d = sink
                    .report_msg(pair.key_span, message)
                    .set_help_msg(crate::msg!(HELP));
                // BuildKit's check has its own word list and runs while it dispatches a stage.
                if crate::models::secrets::buildkit_secret_name(&pair.key)
                    && crate::models::stages::built(ctx, ins)
                {
                    crate::models::stages::buildkit_check(
                        ctx,
                        d,
                        "SecretsUsedInArgOrEnv",
                        &BUILDKIT_FAILS,
                    );
                }
            }
        }
    }
}
