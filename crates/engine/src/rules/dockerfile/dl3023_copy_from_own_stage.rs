use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY --from=name` inside the stage called `name`.
    ///
    /// ## Why is this bad?
    /// A stage cannot copy from itself: BuildKit fails with a circular dependency.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 AS app
    /// COPY --from=app /a /b
    /// ```
    ///
    /// ## Use instead
    /// Copy from an earlier stage, or use a plain `COPY` or `RUN cp` inside the stage.
    ///
    /// ## References
    /// - hadolint [DL3023](https://github.com/hadolint/hadolint/wiki/DL3023)
    pub static RULE = {
        code: "DL3023",
        name: "copy-from-own-stage",
        target: Dockerfile,
        severity: Error,
        category: Reliability,
        summary: "a COPY --from names its own stage",
    }
}

crate::messages! {
    "DL3023";
    MESSAGE = "`--from={value}` is the stage this COPY is in";
    HELP = "copy from an earlier stage";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("COPY")) {
        let (Some(flag), Some(current)) = (ins.flag("from"), ins.stage) else {
            continue;
        };
        let Some(value) = flag.value.as_deref() else {
            continue;
        };
        let own = ctx.dockerfile.stages.get(current);
        let by_name = own
            .and_then(|s| s.alias.as_ref())
            .is_some_and(|(a, _)| a.eq_ignore_ascii_case(value));
        let by_index = value.parse::<usize>().is_ok_and(|n| n == current);
        if by_name || by_index {
            sink.report_msg(flag.value_span, crate::msg!(MESSAGE, value = value))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
