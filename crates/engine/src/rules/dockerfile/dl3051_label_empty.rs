use super::labels;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` whose key the `label-schema` setting names and whose value is empty.
    ///
    /// ## Why is this bad?
    /// An empty value satisfies "the label is there" while telling its readers nothing; usually a build
    /// argument that was not passed (`LABEL version=$VERSION` with no `--build-arg`) is written as `""`.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.version: semver }
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version=""
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL org.opencontainers.image.version="1.4.0"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml`. Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3051](https://github.com/hadolint/hadolint/wiki/DL3051)
    pub static RULE = {
        code: "DL3051",
        name: "label-empty",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label of the label-schema setting is empty",
    }
}

crate::messages! {
    "DL3051";
    HELP = "give it a value, or pass the build argument it is made from";
    MESSAGE = "the label `{key}` is empty";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    for (_, pair) in labels::pairs(ctx) {
        if !schema.iter().any(|(n, _)| *n == pair.key) {
            continue;
        }
        if pair.value.as_deref().unwrap_or("").trim().is_empty() {
            sink.report_msg(
                pair.key_span.cover(pair.value_span),
                crate::msg!(MESSAGE, key = &pair.key),
            )
            .set_help_msg(crate::msg!(HELP));
        }
    }
}
