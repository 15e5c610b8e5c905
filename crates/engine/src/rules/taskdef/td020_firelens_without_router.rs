use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a task whose containers log with the `awsfirelens` driver has a container
    /// with `firelensConfiguration` (the Fluent Bit or Fluentd log router).
    ///
    /// ## Why is this bad?
    /// The `awsfirelens` driver sends logs to the task's log router container; without one,
    /// `RegisterTaskDefinition` rejects the task definition.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens" } }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens" } },
    ///  { "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///    "firelensConfiguration": { "type": "fluentbit" }, "memoryReservation": 50 }]
    /// ```
    ///
    /// ## References
    /// - [Custom log routing (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
    /// - Observed error: "When awsfirelens log driver is specified in log configuration, a firelens
    ///   configuration object must be configured in one of the containers."
    ///   ([fabfuel/ecs-deploy#164](https://github.com/fabfuel/ecs-deploy/issues/164),
    ///   [turnerlabs/fargate#60](https://github.com/turnerlabs/fargate/issues/60))
    /// - Checklist: observability 2.
    pub static RULE = {
        code: "TD020",
        name: "firelens-without-router",
        target: TaskDef,
        severity: Error,
        category: Observability,
        summary: "the awsfirelens log driver with no FireLens log router container",
    }
}

crate::messages! {
    "TD020";
    NO_ROUTER = "container `{name}` logs through FireLens, but no container has a firelensConfiguration";
    HELP = "add a log router container (aws-for-fluent-bit) with \"firelensConfiguration\": {\"type\": \"fluentbit\"}";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if util::containers_opaque(ctx)
        || ctx
            .containers
            .iter()
            .any(|c| c.get_set("firelensConfiguration").is_some() || c.is_opaque())
    {
        return;
    }
    for c in &ctx.containers {
        if util::log_driver(c) != Some("awsfirelens") {
            continue;
        }
        let Some(span) = c
            .get_set("logConfiguration")
            .and_then(|l| l.get("logDriver"))
            .map(|n| n.span)
        else {
            continue;
        };
        sink.report_msg(span, crate::msg!(NO_ROUTER, name = ctx.container_name(c)))
            .set_help_msg(crate::msg!(HELP));
    }
}
