use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).
    ///
    /// ## Why is this bad?
    /// The target platform is already the default for every `FROM`: the flag adds nothing but noise.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM node:20-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3065](https://github.com/hadolint/hadolint/wiki/DL3065)
    ///
    /// With BuildKit's `# check=error=true` directive (and `RedundantTargetPlatform` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [RedundantTargetPlatform](https://docs.docker.com/go/dockerfile/rule/redundant-target-platform/) fires on
    /// `--platform=$TARGETPLATFORM`, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3065",
        name: "redundant-target-platform",
        target: Dockerfile,
        severity: Warning,
        category: Style,
        summary: "a FROM sets --platform=$TARGETPLATFORM, which is the default",
    }
}

crate::messages! {
    "DL3065";
    MESSAGE = "`--platform=$TARGETPLATFORM` is the default";
    HELP = "remove the flag";
    FIX = "remove --platform";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("FROM")) {
        let Some(flag) = ins.flag("platform") else {
            continue;
        };
        let value = flag.value.as_deref().unwrap_or("");
        if value == "$TARGETPLATFORM" || value == "${TARGETPLATFORM}" {
            let end = ins
                .words
                .first()
                .map_or(flag.span.end as usize, |w| w.span.start as usize);
            let d = sink
                .report_msg(flag.span, crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP))
                .set_fix_msg(
                    crate::msg!(FIX),
                    crate::input::span::Span::new(flag.span.start as usize, end),
                    "",
                );
            crate::models::stages::buildkit_check(
                ctx,
                d,
                "RedundantTargetPlatform",
                &BUILDKIT_FAILS,
            );
        }
    }
}
