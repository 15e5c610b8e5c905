use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ONBUILD ONBUILD ...`, `ONBUILD FROM ...` and `ONBUILD MAINTAINER ...`.
    ///
    /// ## Why is this bad?
    /// Docker's builder refuses these triggers: chaining `ONBUILD` is not allowed, and `FROM` and
    /// `MAINTAINER` are not allowed as triggers. The image built on this one fails to build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ONBUILD FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ONBUILD COPY . /app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3043](https://github.com/hadolint/hadolint/wiki/DL3043)
    /// - Dockerfile reference, [ONBUILD](https://docs.docker.com/reference/dockerfile/#onbuild):
    ///   "Chaining `ONBUILD` instructions using `ONBUILD ONBUILD` isn't allowed." and "The `ONBUILD`
    ///   instruction may not trigger `FROM` or `MAINTAINER` instructions."
    pub static RULE = {
        code: "DL3043",
        name: "onbuild-forbidden-trigger",
        target: Dockerfile,
        severity: Error,
        category: Syntax,
        summary: "`ONBUILD` with `ONBUILD`, `FROM` or `MAINTAINER` as its trigger",
    }
}

crate::messages! {
    "DL3043";
    MESSAGE = "`{keyword}` is not allowed as an ONBUILD trigger";
    HELP_ONCE = "write the trigger once: `ONBUILD <instruction>`";
    HELP_REMOVE = "remove this trigger";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ONBUILD")) {
        let Some(trigger) = ins.onbuild.as_deref() else {
            continue;
        };
        let keyword = trigger.keyword.to_ascii_uppercase();
        if matches!(keyword.as_str(), "ONBUILD" | "FROM" | "MAINTAINER") {
            sink.report_msg(
                trigger.keyword_span,
                crate::msg!(MESSAGE, keyword = keyword.as_str()),
            )
            .set_help_msg(if keyword == "ONBUILD" {
                crate::msg!(HELP_ONCE)
            } else {
                crate::msg!(HELP_REMOVE)
            });
        }
    }
}
