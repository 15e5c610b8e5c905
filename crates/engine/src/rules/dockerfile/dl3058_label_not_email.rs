use super::labels;
use crate::models::config::LabelKind;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` whose key the `label-schema` setting gives the format `email` and whose value
    /// is not an e-mail address. Values holding a variable are known only at build time and are left alone.
    ///
    /// ## Why is this bad?
    /// Tools that read the image's labels (registries, scanners, deployment dashboards) expect the
    /// format the team agreed on; a value in another format is shown wrongly or ignored.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { maintainer: email }
    /// FROM alpine:3.20
    /// LABEL maintainer="the platform team"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL maintainer="platform@example.com"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml` (label name to format). Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3058](https://github.com/hadolint/hadolint/wiki/DL3058) (hadolint reports it as a
    ///   warning; here it is `info`, advice about a team convention, per the severity policy)
    pub static RULE = {
        code: "DL3058",
        name: "label-not-email",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label of the label-schema setting is not an e-mail address",
    }
}

crate::messages! {
    "DL3058";
    HELP = "write an e-mail address such as `team@example.com`";
    MESSAGE = "the label `{key}` must be an e-mail address, and `{value}` is not";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    for pair in labels::invalid(ctx, schema, LabelKind::Email, labels::is_email) {
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
