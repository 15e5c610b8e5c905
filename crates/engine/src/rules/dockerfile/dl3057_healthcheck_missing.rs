use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports each image the file builds (a stage no other stage is built on) that has no
    /// `HEALTHCHECK`, neither its own nor one inherited from the stages it is built `FROM`.
    /// `HEALTHCHECK NONE` counts as a decision. The rule is off unless `select` names `DL3057`
    /// (hadolint leaves it off by default too).
    ///
    /// ## Why is this bad?
    /// Docker and Compose restart or route around an unhealthy container only when the image says how
    /// to check it. On ECS this matters less: ECS ignores the image's `HEALTHCHECK` and runs the
    /// task definition's `healthCheck` instead (see DF004), which is why the rule is opt-in.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
    /// ```
    ///
    /// ## Options
    /// Runs only when `select` in `.ecsplain.yaml` lists `DL3057`.
    ///
    /// ## References
    /// - hadolint [DL3057](https://github.com/hadolint/hadolint/wiki/DL3057)
    /// - Dockerfile reference, [HEALTHCHECK](https://docs.docker.com/reference/dockerfile/#healthcheck)
    pub static RULE = {
        code: "DL3057",
        name: "healthcheck-missing",
        target: Dockerfile,
        severity: Info,
        category: Reliability,
        summary: "an image without a HEALTHCHECK",
    }
}

crate::messages! {
    "DL3057";
    MESSAGE = "this image has no HEALTHCHECK";
    HELP = "add `HEALTHCHECK CMD ...` (on ECS, set the task definition's `healthCheck` instead)";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let stages = &ctx.dockerfile.stages;
    for stage in stages {
        let built_on = stages.iter().any(|o| {
            o.index > stage.index
                && support::parent_stage(ctx, o).is_some_and(|p| p.index == stage.index)
        });
        if built_on {
            continue;
        }
        let mut current = Some(stage);
        let mut checked = false;
        let mut depth = 0;
        while let Some(s) = current {
            depth += 1;
            if depth > 64 {
                break;
            }
            if ctx
                .stage_instructions(s)
                .iter()
                .any(|i| i.is("HEALTHCHECK"))
            {
                checked = true;
                break;
            }
            current = support::parent_stage(ctx, s);
        }
        if checked {
            continue;
        }
        if let Some(from) = ctx.dockerfile.instructions.get(stage.from) {
            sink.report_msg(
                from.keyword_span.cover(stage.image_span),
                crate::msg!(MESSAGE),
            )
            .set_help_msg(crate::msg!(HELP));
        }
    }
}
