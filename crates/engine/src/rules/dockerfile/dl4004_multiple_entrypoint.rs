use crate::input::msg::{Arg, Msg, Template};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a second `ENTRYPOINT` in one stage.
    ///
    /// ## Why is this bad?
    /// Only the last `ENTRYPOINT` takes effect; the others mislead whoever reads the file.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENTRYPOINT ["node"]
    /// ENTRYPOINT ["npm"]
    /// ```
    ///
    /// ## Use instead
    /// Keep one `ENTRYPOINT` per stage.
    ///
    /// ## References
    /// - hadolint [DL4004](https://github.com/hadolint/hadolint/wiki/DL4004)
    ///
    /// hadolint rates it an error; Docker builds it and uses the last one, so ecsplain warns.
    ///
    /// With BuildKit's `# check=error=true` directive (and `MultipleInstructionsDisallowed` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [MultipleInstructionsDisallowed](https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/) fires on
    /// every `ENTRYPOINT` but the last of a stage BuildKit builds, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL4004",
        name: "multiple-entrypoint",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a stage has more than one ENTRYPOINT",
    }
}

crate::messages! {
    "DL4004";
    MESSAGE = "this {keyword} has no effect: a later {keyword} in the stage replaces it";
    HELP = "keep only one {keyword}";
    RELATED = "the {keyword} that counts";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

/// The calling rule's templates for [`report_repeats`]: the message, the related span's message
/// and the help, each with a `{keyword}` placeholder, and BuildKit's failing check.
pub struct Repeats {
    pub message: &'static Template,
    pub related: &'static Template,
    pub help: &'static Template,
    /// The related message at `# check=error=true` (see `stages::buildkit_check`).
    pub buildkit_fails: &'static Template,
}

pub fn report_repeats(
    ctx: &DockerfileCtx<'_>,
    sink: &mut Sink<'_>,
    keyword: &str,
    texts: &Repeats,
) {
    let say = |template: &'static Template| Msg {
        template,
        args: vec![("keyword", Arg::from(keyword))],
    };
    let built = crate::models::stages::built_by_default(ctx);
    for stage in &ctx.dockerfile.stages {
        let found: Vec<_> = ctx
            .stage_instructions(stage)
            .iter()
            .filter(|i| i.is(keyword))
            .collect();
        if let Some((last, earlier)) = found.split_last() {
            for ins in earlier {
                let d = sink
                    .report_msg(ins.keyword_span, say(texts.message))
                    .add_related_msg(last.keyword_span, say(texts.related))
                    .set_help_msg(say(texts.help));
                // BuildKit's check runs while it dispatches the stage.
                if built.get(stage.index).copied().unwrap_or(false) {
                    crate::models::stages::buildkit_check(
                        ctx,
                        d,
                        "MultipleInstructionsDisallowed",
                        texts.buildkit_fails,
                    );
                }
            }
        }
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    report_repeats(
        ctx,
        sink,
        "ENTRYPOINT",
        &Repeats {
            message: &MESSAGE,
            related: &RELATED,
            help: &HELP,
            buildkit_fails: &BUILDKIT_FAILS,
        },
    );
}
