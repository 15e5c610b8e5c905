use super::labels;
use crate::models::config::LabelKind;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` whose key the `label-schema` setting gives the format `hash` and whose value
    /// is not a git commit hash. Values holding a variable are known only at build time and are left alone.
    ///
    /// ## Why is this bad?
    /// Tools that read the image's labels (registries, scanners, deployment dashboards) expect the
    /// format the team agreed on; a value in another format is shown wrongly or ignored.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.revision: hash }
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.revision="main"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// LABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml` (label name to format). Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3055](https://github.com/hadolint/hadolint/wiki/DL3055) (hadolint reports it as a
    ///   warning; here it is `info`, advice about a team convention, per the severity policy)
    pub static RULE = {
        code: "DL3055",
        name: "label-not-git-hash",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a label of the label-schema setting is not a git commit hash",
    }
}

crate::messages! {
    "DL3055";
    HELP = "write the commit as git prints it: 40 (or 7) lower-case hex digits";
    MESSAGE = "the label `{key}` must be a git commit hash, and `{value}` is not";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    for pair in labels::invalid(ctx, schema, LabelKind::Hash, labels::is_git_hash) {
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
