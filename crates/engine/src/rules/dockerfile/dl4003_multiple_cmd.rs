use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a second `CMD` in one stage.
    ///
    /// ## Why is this bad?
    /// Only the last `CMD` takes effect; the others mislead whoever reads the file.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["node", "a.js"]
    /// CMD ["node", "b.js"]
    /// ```
    ///
    /// ## Use instead
    /// Keep one `CMD` per stage.
    ///
    /// ## References
    /// - hadolint [DL4003](https://github.com/hadolint/hadolint/wiki/DL4003)
    ///
    /// With BuildKit's `# check=error=true` directive (and `MultipleInstructionsDisallowed` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [MultipleInstructionsDisallowed](https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/) fires on
    /// every `CMD` but the last of a stage BuildKit builds, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL4003",
        name: "multiple-cmd",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a stage has more than one CMD",
    }
}

crate::messages! {
    "DL4003";
    MESSAGE = "this {keyword} has no effect: a later {keyword} in the stage replaces it";
    HELP = "keep only one {keyword}";
    RELATED = "the {keyword} that counts";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    use super::dl4004_multiple_entrypoint::{report_repeats, Repeats};
    report_repeats(
        ctx,
        sink,
        "CMD",
        &Repeats {
            message: &MESSAGE,
            related: &RELATED,
            help: &HELP,
            buildkit_fails: &BUILDKIT_FAILS,
        },
    );
}
