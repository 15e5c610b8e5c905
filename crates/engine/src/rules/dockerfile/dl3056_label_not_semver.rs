use super::labels;
use crate::models::config::LabelKind;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` whose key the `label-schema` setting gives the format `semver` and whose value
    /// is not a semantic version. Values holding a variable are known only at build time and are left alone.
    ///
    /// ## Why is this bad?
    /// Tools that read the image's labels (registries, scanners, deployment dashboards) expect the
    /// format the team agreed on; a value in another format is shown wrongly or ignored.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.version: semver }
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="v1.4"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL org.opencontainers.image.version="1.4.0"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml` (label name to format). Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3056](https://github.com/hadolint/hadolint/wiki/DL3056) (hadolint reports it as a
    ///   warning; here it is `info`, advice about a team convention, per the severity policy)
    pub static RULE = {
        code: "DL3056",
        name: "label-not-semver",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label of the label-schema setting is not a semantic version",
    }
}

crate::messages! {
    "DL3056";
    HELP = "write a semantic version such as `1.4.0` or `2.0.0-rc.1`";
    MESSAGE = "the label `{key}` must be a semantic version, and `{value}` is not";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    for pair in labels::invalid(ctx, schema, LabelKind::Semver, labels::is_semver) {
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
