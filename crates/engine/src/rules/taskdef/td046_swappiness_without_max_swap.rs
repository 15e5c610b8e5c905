use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a container whose `linuxParameters` set `swappiness` but no `maxSwap`.
    ///
    /// ## Why is this bad?
    /// ECS uses `swappiness` only together with `maxSwap`: without it the container gets no
    /// swap settings at all, and the tuning the author wrote does nothing.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "linuxParameters": { "swappiness": 10 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "linuxParameters": { "maxSwap": 512, "swappiness": 10 } }
    /// ```
    /// (On an instance with swap enabled; Fargate supports neither, see TD008.)
    ///
    /// ## References
    /// - [LinuxParameters maxSwap](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html):
    ///   "A maxSwap value must be set for the swappiness parameter to be used." (In the ECS API
    ///   model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD046",
        name: "swappiness-without-max-swap",
        target: TaskDef,
        severity: Info,
        category: Reliability,
        summary: "swappiness without maxSwap, which ECS ignores",
    }
}

crate::messages! {
    "TD046";
    NO_MAX_SWAP = "container `{container}` sets swappiness without maxSwap, so ECS ignores it";
    HELP_SET_MAX_SWAP = "set maxSwap (MiB of swap the container may use) too, or remove swappiness";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // On Fargate both are refused (TD008); one finding is enough.
    if ctx.is_fargate() {
        return;
    }
    for c in &ctx.containers {
        let Some(lp) = c.get_set("linuxParameters").filter(|l| !l.is_opaque()) else {
            continue;
        };
        let Some(m) = lp.member("swappiness").filter(|m| !m.value.is_null()) else {
            continue;
        };
        if lp.get_set("maxSwap").is_some() {
            continue;
        }
        sink.report_msg(
            m.key_span,
            crate::msg!(NO_MAX_SWAP, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_SET_MAX_SWAP));
    }
}
