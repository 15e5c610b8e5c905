use super::labels;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports each image the file builds that lacks a label named in the `label-schema` setting. An
    /// image is a stage no other stage is built on or copies from; it carries its own labels and those
    /// of the stages it is built `FROM`.
    ///
    /// ## Why is this bad?
    /// The team's tools (registries, inventories, cost reports) find images by these labels; an image
    /// without them is invisible to them.
    ///
    /// ## Example
    /// ```dockerfile
    /// # .ecsplain.yaml: label-schema: { org.opencontainers.image.source: url }
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.source="https://github.com/acme/app"
    /// ```
    ///
    /// ## Options
    /// `label-schema` in `.ecsplain.yaml` (label name to format). Without it the rule does nothing.
    ///
    /// ## References
    /// - hadolint [DL3049](https://github.com/hadolint/hadolint/wiki/DL3049)
    pub static RULE = {
        code: "DL3049",
        name: "label-missing",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "an image lacks a label the label-schema setting requires",
    }
}

crate::messages! {
    "DL3049";
    MESSAGE = "this image has no `{name}` label, which the label schema requires";
    HELP = "add `LABEL {name}=...` to this stage";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let schema = &sink.settings().label_schema;
    if schema.is_empty() {
        return;
    }
    for stage in labels::results(ctx) {
        let have = labels::keys_of(ctx, stage);
        let Some(from) = ctx.dockerfile.instructions.get(stage.from) else {
            continue;
        };
        for (name, _) in schema {
            if !have.contains(name) {
                sink.report_msg(
                    from.keyword_span.cover(stage.image_span),
                    crate::msg!(MESSAGE, name = name),
                )
                .set_help_msg(crate::msg!(HELP, name = name));
            }
        }
    }
}
