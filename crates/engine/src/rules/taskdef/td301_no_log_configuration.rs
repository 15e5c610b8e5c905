use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports containers with no `logConfiguration` (or one with no `logDriver`).
    ///
    /// ## Why is this bad?
    /// Without a log driver the container's stdout and stderr are not collected: Fargate keeps
    /// nothing, and on EC2 they stay in Docker's local files on the instance. When the task
    /// stops, the reason it stopped is hard or impossible to find.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awslogs",
    ///   "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } } }
    /// ```
    ///
    /// ## References
    /// - [LogConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
    /// - Security Hub ECS.9. Checklist: container image 4 (logs to stdout), observability 2. Prowler ecs_task_definitions_logging_enabled. AWS Control Tower CT.ECS.PR.5.
    pub static RULE = {
        code: "TD301",
        name: "no-log-configuration",
        target: TaskDef,
        severity: Warning,
        category: Observability,
        summary: "a container without a log configuration",
    }
}

crate::messages! {
    "TD301";
    NO_LOG_FARGATE = "container `{container}` has no log driver: Fargate keeps nothing of its output";
    NO_LOG_INSTANCE = "container `{container}` has no log driver: its output stays in Docker's files on the instance and is lost with it";
    HELP_ADD_LOG = "add a logConfiguration, e.g. the awslogs driver with awslogs-group, awslogs-region and awslogs-stream-prefix";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        if c.is_opaque() {
            continue;
        }
        let log = c.get_set("logConfiguration");
        if log.is_some_and(|l| {
            l.is_placeholder() || l.is_opaque() || l.get_set("logDriver").is_some()
        }) {
            continue;
        }
        let span = c
            .member("logConfiguration")
            .map_or_else(|| TaskDefCtx::container_span(c), |m| m.key_span);
        let message = if ctx.is_fargate() {
            &NO_LOG_FARGATE
        } else {
            &NO_LOG_INSTANCE
        };
        sink.report_msg(
            span,
            crate::msg!(*message, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_ADD_LOG));
    }
}
