use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container's `stopTimeout` on Fargate is at most 120 seconds.
    ///
    /// ## Why is this bad?
    /// On Fargate the time ECS waits between SIGTERM and SIGKILL is at most 120 seconds (default
    /// 30), and the API reference gives 2–120 as the valid values there: a larger value is refused. On EC2 the agent's `ECS_CONTAINER_STOP_TIMEOUT` applies instead.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "stopTimeout": 300 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "stopTimeout": 120 }] }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds"
    ///   and "The valid values for Fargate are 2-120 seconds" (also in the ECS API model botocore ships).
    /// - [stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_timeout)
    /// - Checklist: container image 3 (SIGTERM handling).
    pub static RULE = {
        code: "TD022",
        name: "stop-timeout-over-fargate-max",
        target: TaskDef,
        severity: Error,
        category: Reliability,
        summary: "a stopTimeout above Fargate's 120 seconds",
    }
}

crate::messages! {
    "TD022";
    OVER_MAX = "container `{name}` stopTimeout is {value}s; Fargate allows at most {max}s";
    HELP = "make the application shut down within {max} seconds of SIGTERM and set stopTimeout to {max} or less";
    FIX_SET = "set stopTimeout to {max}";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() {
        return;
    }
    for c in &ctx.containers {
        let Some(value) = util::int(c.get_set("stopTimeout")) else {
            continue;
        };
        let max = util::limits().fargate_max_stop_timeout;
        if value <= max {
            continue;
        }
        let Some(node) = c.get("stopTimeout") else {
            continue;
        };
        let d = sink.report_msg(
            node.span,
            crate::msg!(
                OVER_MAX,
                name = ctx.container_name(c),
                value = value,
                max = max
            ),
        );
        d.set_help_msg(crate::msg!(HELP, max = max));
        d.set_fix_msg(crate::msg!(FIX_SET, max = max), node.span, max.to_string());
    }
}
