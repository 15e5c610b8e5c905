use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `WORKDIR` that is not an absolute path. Variables and Windows paths (`C:\app`) are
    /// accepted.
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against the previous one, which may come from the base image
    /// and
    /// change with it: the files land somewhere else and the command fails when the task starts.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3000](https://github.com/hadolint/hadolint/wiki/DL3000)
    ///
    /// hadolint rates this an error; Docker builds it, so ecsplain warns.
    /// - Checkov CKV_DOCKER_10
    /// - [Dockerfile reference: WORKDIR](https://docs.docker.com/reference/dockerfile/#workdir)
    ///
    /// With BuildKit's `# check=error=true` directive (and `WorkdirRelativePath` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [WorkdirRelativePath](https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/) fires on
    /// the first relative `WORKDIR` of a stage BuildKit builds (not later ones: every later one is fixed by fixing the first), and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3000",
        name: "relative-workdir",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "the WORKDIR is a relative path",
    }
}

crate::messages! {
    "DL3000";
    MESSAGE = "`WORKDIR {t}` is relative to the previous working directory";
    HELP = "write the absolute path, like `/{t}`";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("WORKDIR")) {
        let Some(word) = ins.words.first() else {
            continue;
        };
        let t = word.text.as_str();
        let bytes = t.as_bytes();
        let windows = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
        if t.starts_with('/') || t.starts_with('$') || t.starts_with('\\') || windows {
            continue;
        }
        let d = sink
            .report_msg(word.span, crate::msg!(MESSAGE, t = t))
            .set_help_msg(crate::msg!(HELP, t = t));
        if first_in_chain(ctx, ins) && crate::models::stages::built(ctx, ins) {
            crate::models::stages::buildkit_check(ctx, d, "WorkdirRelativePath", &BUILDKIT_FAILS);
        }
    }
}

/// Whether no `WORKDIR` comes before this one in its stage or the stages of the file it is
/// built on: BuildKit's check looks only at the first (`workdirSet`, inherited from a parent
/// stage).
fn first_in_chain(ctx: &DockerfileCtx<'_>, ins: &crate::syntax::dockerfile::Instruction) -> bool {
    let Some(mut stage) = ctx
        .dockerfile
        .stages
        .iter()
        .find(|s| Some(s.index) == ins.stage)
    else {
        return false;
    };
    let earlier = |i: &crate::syntax::dockerfile::Instruction| {
        i.is("WORKDIR") && i.span.start < ins.span.start
    };
    if ctx.stage_instructions(stage).iter().any(earlier) {
        return false;
    }
    for _ in 0..64 {
        let Some(parent) = crate::models::stages::parent_stage(ctx, stage) else {
            return true;
        };
        if ctx
            .stage_instructions(parent)
            .iter()
            .any(|i| i.is("WORKDIR"))
        {
            return false;
        }
        stage = parent;
    }
    false
}
