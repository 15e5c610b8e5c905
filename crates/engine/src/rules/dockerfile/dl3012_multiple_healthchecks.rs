use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a second `HEALTHCHECK` in the same stage.
    ///
    /// ## Why is this bad?
    /// Only the last `HEALTHCHECK` of an image counts; the earlier ones are dead code that readers
    /// take for the real check.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    /// HEALTHCHECK CMD curl -f http://localhost/health || exit 1
    /// ```
    ///
    /// ## Use instead
    /// Keep one `HEALTHCHECK` (and remember that ECS runs the task definition's `healthCheck`, see
    /// `DF004`).
    ///
    /// ## References
    /// - hadolint [DL3012](https://github.com/hadolint/hadolint/wiki/DL3012)
    /// - [Dockerfile reference: HEALTHCHECK](https://docs.docker.com/reference/dockerfile/#healthcheck)
    ///
    /// hadolint rates this an error; Docker builds the image and uses the last one, so ecsplain warns.
    pub static RULE = {
        code: "DL3012",
        name: "multiple-healthchecks",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a stage has more than one HEALTHCHECK",
    }
}

crate::messages! {
    "DL3012";
    MESSAGE = "a second HEALTHCHECK in this stage: only the last one counts";
    HELP = "keep a single HEALTHCHECK";
    RELATED = "the first HEALTHCHECK";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for stage in &ctx.dockerfile.stages {
        let checks: Vec<_> = ctx
            .stage_instructions(stage)
            .iter()
            .filter(|i| i.is("HEALTHCHECK"))
            .collect();
        if let (Some(first), Some(rest)) = (checks.first(), checks.get(1..)) {
            for other in rest {
                sink.report_msg(other.keyword_span, crate::msg!(MESSAGE))
                    .add_related_msg(first.keyword_span, crate::msg!(RELATED))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
