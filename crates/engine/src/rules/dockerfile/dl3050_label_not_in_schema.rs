use super::labels;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// With `strict-labels: true`, reports each `LABEL` key the `label-schema` setting does not name.
    ///
    /// ## Why is this bad?
    /// A team that lists every label it allows wants a misspelt or stray key (`org.opencontainers.image.sorce`)
    /// to stand out, since no tool will ever read it.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.source: url }, strict-labels: true
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.sorce="https://github.com/acme/app"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL org.opencontainers.image.source="https://github.com/acme/app"
    /// ```
    ///
    /// ## Options
    /// `label-schema` and `strict-labels` in `.ecsplain.yaml`. Without `strict-labels: true` the rule
    /// does nothing.
    ///
    /// ## References
    /// - hadolint [DL3050](https://github.com/hadolint/hadolint/wiki/DL3050)
    pub static RULE = {
        code: "DL3050",
        name: "label-not-in-schema",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label outside the label-schema setting, with strict-labels on",
    }
}

crate::messages! {
    "DL3050";
    HELP = "remove it, correct its name, or add it to `label-schema`";
    MESSAGE = "the label `{key}` is not in the label schema";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let settings = sink.settings();
    if !settings.strict_labels {
        return;
    }
    for (_, pair) in labels::pairs(ctx) {
        if pair.key.contains('$') || settings.label_schema.iter().any(|(n, _)| *n == pair.key) {
            continue;
        }
        sink.report_msg(pair.key_span, crate::msg!(MESSAGE, key = &pair.key))
            .set_help_msg(crate::msg!(HELP));
    }
}
