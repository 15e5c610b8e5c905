use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `RUN` of a single command that directly follows another single-command `RUN` with
    /// the same flags (comments in between do not count). Like hadolint, RUNs that already chain
    /// several
    /// commands, or run a heredoc script, are left alone: they were split on purpose.
    ///
    /// ## Why is this bad?
    /// Every `RUN` adds a layer; files deleted in a later layer still weigh in the image. Related steps
    /// belong together.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update
    /// RUN apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update \
    ///  && apt-get install -y --no-install-recommends curl
    /// ```
    /// RUNs with different `--mount` flags are not reported: they cannot always be merged.
    ///
    /// ## References
    /// - hadolint [DL3059](https://github.com/hadolint/hadolint/wiki/DL3059)
    pub static RULE = {
        code: "DL3059",
        name: "consecutive-runs",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "consecutive RUN instructions could be one",
    }
}

crate::messages! {
    "DL3059";
    MESSAGE = "this RUN follows another RUN: consider joining them with `&&`";
    HELP = "one RUN per logical step keeps layers few and small";
    RELATED = "the RUN before";
}

/// A RUN of one simple command (no `&&`, `;`, pipe or heredoc): joining those is always easy.
fn single(run: &crate::syntax::dockerfile::Instruction) -> bool {
    run.heredocs.is_empty() && run.commands.len() == 1
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for pair in ctx.dockerfile.instructions.windows(2) {
        let [a, b] = pair else { continue };
        if !(a.is("RUN") && b.is("RUN")) || a.stage != b.stage {
            continue;
        }
        let flags = |i: &crate::syntax::dockerfile::Instruction| {
            i.flags
                .iter()
                .map(|f| format!("{}={:?}", f.name, f.value))
                .collect::<Vec<_>>()
        };
        if flags(a) != flags(b) || !single(a) || !single(b) {
            continue;
        }
        sink.report_msg(b.keyword_span, crate::msg!(MESSAGE))
            .add_related_msg(a.keyword_span, crate::msg!(RELATED))
            .set_help_msg(crate::msg!(HELP));
    }
}
