use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `REPLICA` service with `"desiredCount": 1`.
    ///
    /// ## Why is this bad?
    /// One task is one point of failure: when it stops (a crash, a host or Availability Zone
    /// failure, a Fargate Spot interruption, a deployment with `minimumHealthyPercent` below
    /// 100) the service is down until a replacement starts. Two or more tasks in different
    /// zones keep serving.
    ///
    /// ## Example
    /// ```json
    /// { "desiredCount": 1 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2 }
    /// ```
    /// For a development or batch-like service, one task may be a deliberate choice.
    ///
    /// ## References
    /// - [Amazon ECS best practices: availability](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-best-practices.html)
    /// - Checklist 3.3 (spread over several AZs needs several tasks).
    pub static RULE = {
        code: "SV024",
        name: "single-task",
        target: ServiceDef,
        severity: Warning,
        category: Reliability,
        summary: "the service runs a single task",
    }
}

crate::messages! {
    "SV024";
    ONE_TASK = "`desiredCount` is 1: when this one task stops, the service is down until a replacement starts";
    HELP = "run at least two tasks, in subnets of different Availability Zones, for anything users depend on";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_daemon() || ctx.desired_count() != Some(1) {
        return;
    }
    let Some(node) = ctx.service.get("desiredCount") else {
        return;
    };
    sink.report_msg(node.span, crate::msg!(ONE_TASK))
        .set_help_msg(crate::msg!(HELP));
}
