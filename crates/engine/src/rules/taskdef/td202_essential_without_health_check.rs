use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Reports essential containers that have no `healthCheck`.
    ///
    /// ## Why is this bad?
    /// Without a health check ECS knows only whether the process runs: a container that is up
    /// but hung, deadlocked or out of connections keeps its task alive, and other containers
    /// cannot wait for it with `dependsOn` `HEALTHY`. A load balancer health check covers only
    /// the containers behind it.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "essential": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "essential": true,
    ///   "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
    ///   "interval": 10, "retries": 3, "startPeriod": 30 } }
    /// ```
    ///
    /// ## References
    /// - [Container health checks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html)
    /// - KICS "ECS Task Definition HealthCheck Missing". Checkov CKV_DOCKER_2 and Trivy DS-0026 (Dockerfile HEALTHCHECK).
    pub static RULE = {
        code: "TD202",
        name: "essential-without-health-check",
        target: TaskDef,
        severity: Warning,
        category: Reliability,
        summary: "an essential container without a health check",
    }
}

crate::messages! {
    "TD202";
    NO_HEALTH_CHECK = "essential container `{container}` has no healthCheck, so a hung process keeps the task running";
    HELP_ADD_HEALTH_CHECK = "add a healthCheck whose command checks that the application answers";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        if matches!(
            c.get("essential").map(|n| &n.kind),
            Some(NodeKind::Bool(false))
        ) || c.is_opaque()
        {
            continue;
        }
        if c.get_set("healthCheck").is_some() {
            continue;
        }
        sink.report_msg(
            TaskDefCtx::container_span(c),
            crate::msg!(NO_HEALTH_CHECK, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_ADD_HEALTH_CHECK));
    }
}
