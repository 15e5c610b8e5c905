use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports the `MAINTAINER` instruction.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` is deprecated; a label is what registries and tools read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// MAINTAINER Jane <jane@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="jane@example.com"
    /// ```
    ///
    /// ## References
    /// - hadolint [DL4000](https://github.com/hadolint/hadolint/wiki/DL4000)
    /// - Checkov CKV_DOCKER_6
    ///
    /// hadolint rates it an error; Docker still builds it, so ecsplain gives advice (info).
    ///
    /// With BuildKit's `# check=error=true` directive (and `MaintainerDeprecated` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [MaintainerDeprecated](https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/) fires on
    /// every `MAINTAINER`, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL4000",
        name: "maintainer-deprecated",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "the MAINTAINER instruction is deprecated",
    }
}

crate::messages! {
    "DL4000";
    MESSAGE = "MAINTAINER is deprecated";
    HELP = "use `LABEL org.opencontainers.image.authors=\"...\"`";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("MAINTAINER")) {
        let d = sink
            .report_msg(ins.keyword_span, crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
        crate::models::stages::buildkit_check(ctx, d, "MaintainerDeprecated", &BUILDKIT_FAILS);
    }
}
