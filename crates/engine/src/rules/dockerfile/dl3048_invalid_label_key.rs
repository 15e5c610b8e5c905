use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `LABEL` keys that break Docker's label naming rules: upper-case letters, a leading or
    /// trailing character other than a letter or digit, `..` or `--`, characters other than lower-case
    /// letters, digits, `.`, `-` and `_`, or a reserved namespace (`com.docker.*`, `io.docker.*`,
    /// `org.dockerproject.*`).
    ///
    /// ## Why is this bad?
    /// Tools that read labels (registries, scanners, `docker inspect --format`) expect the reverse-DNS
    /// convention; odd keys are silently ignored or collide.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// LABEL Version=1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// LABEL org.opencontainers.image.version=1.0
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3048](https://github.com/hadolint/hadolint/wiki/DL3048)
    /// - [Docker docs: object labels](https://docs.docker.com/engine/manage-resources/labels/)
    ///
    /// Known differences from hadolint (docs/hadolint-parity.md): a key holding a variable (`LABEL
    /// key$suffix=x`) is not reported, since BuildKit replaces the variable before the key is used
    /// and ecsplain cannot know the result; `/` is not accepted in a key (Docker's key format has
    /// none).
    pub static RULE = {
        code: "DL3048",
        name: "invalid-label-key",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a LABEL key is not a valid label name",
    }
}

fn problem(key: &str) -> Option<&'static str> {
    if key.contains('$') {
        return None;
    }
    if ["com.docker.", "io.docker.", "org.dockerproject."]
        .iter()
        .any(|p| key.starts_with(p))
    {
        return Some("uses a namespace reserved for Docker");
    }
    if key.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("has upper-case letters");
    }
    if !key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    {
        return Some("has characters other than a-z, 0-9, `.`, `-` and `_`");
    }
    if !key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        || !key
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return Some("must start with a letter and end with a letter or digit");
    }
    if key.contains("..") || key.contains("--") {
        return Some("has `..` or `--`");
    }
    None
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("LABEL")) {
        for pair in &ins.pairs {
            if let Some(why) = problem(&pair.key) {
                sink.report(pair.key_span, format!("the label key `{}` {why}", pair.key))
                    .set_help(
                        "use lower-case reverse-DNS keys, like `org.opencontainers.image.version`",
                    );
            }
        }
    }
}
