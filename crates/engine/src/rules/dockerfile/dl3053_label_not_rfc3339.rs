use super::labels;
use crate::models::config::LabelKind;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` whose key the `label-schema` setting gives the format `rfc3339` and whose value
    /// is not an RFC 3339 date-time. Values holding a variable are known only at build time and are left alone.
    ///
    /// ## Why is this bad?
    /// Tools that read the image's labels (registries, scanners, deployment dashboards) expect the
    /// format the team agreed on; a value in another format is shown wrongly or ignored.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.created: rfc3339 }
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.created="01/05/2024"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml` (label name to format). Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3053](https://github.com/hadolint/hadolint/wiki/DL3053) (hadolint reports it as a
    ///   warning; here it is `info`, advice about a team convention, per the severity policy)
    pub static RULE = {
        code: "DL3053",
        name: "label-not-rfc3339",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label of the label-schema setting is not an RFC 3339 date-time",
    }
}

crate::messages! {
    "DL3053";
    HELP = "write an RFC 3339 date-time such as `2024-05-01T12:00:00Z` (`date -u +%Y-%m-%dT%H:%M:%SZ`)";
    MESSAGE = "the label `{key}` must be an RFC 3339 date-time, and `{value}` is not";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    for pair in labels::invalid(ctx, schema, LabelKind::Rfc3339, labels::is_rfc3339) {
        sink.report_msg(
            pair.value_span,
            crate::msg!(
                MESSAGE,
                key = &pair.key,
                value = pair.value.as_deref().unwrap_or("")
            ),
        )
        .set_help_msg(crate::msg!(HELP));
    }
}
