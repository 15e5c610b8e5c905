use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Finds a task with a FireLens log router (a container with `firelensConfiguration`) in
    /// which no container logs with the `awsfirelens` driver. A router other containers reach
    /// by name (`links`, or an environment value naming it, as when an application sends to
    /// Fluent Bit's forward or TCP input) is not reported.
    ///
    /// ## Why is this bad?
    /// The router only receives the logs of containers whose `logDriver` is `awsfirelens`.
    /// Without one it runs, costs CPU and memory, and routes nothing: usually a container was
    /// meant to switch to `awsfirelens` and still logs with `awslogs` (or not at all).
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///    "firelensConfiguration": { "type": "fluentbit" } },
    ///  { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awslogs" } }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///    "firelensConfiguration": { "type": "fluentbit" } },
    ///  { "name": "app", "image": "app:1.0", "logConfiguration": { "logDriver": "awsfirelens",
    ///    "options": { "Name": "cloudwatch_logs", "region": "eu-west-1", "log_group_name": "/ecs/app" } } }]
    /// ```
    ///
    /// ## References
    /// - [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
    /// - `TD020` is the other direction: `awsfirelens` with no router.
    pub static RULE = {
        code: "TD025",
        name: "firelens-router-unused",
        target: TaskDef,
        severity: Info,
        category: Observability,
        summary: "a FireLens log router that no container sends its logs to",
    }
}

crate::messages! {
    "TD025";
    UNUSED = "container `{name}` is a FireLens log router, but no container logs with the awsfirelens driver";
    HELP = "set \"logDriver\": \"awsfirelens\" (with the output's options) on the containers whose logs it should route, or remove the router if nothing sends to it";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if util::containers_opaque(ctx) || ctx.containers.iter().any(|c| c.is_opaque()) {
        return;
    }
    let Some(router) = ctx
        .containers
        .iter()
        .find(|c| c.get_set("firelensConfiguration").is_some())
    else {
        return;
    };
    // A driver we cannot read (a placeholder) may be awsfirelens.
    let unknown_driver = ctx.containers.iter().any(|c| {
        c.get_set("logConfiguration")
            .and_then(|l| l.get_set("logDriver"))
            .is_some_and(|d| util::known_str(Some(d)).is_none())
    });
    if unknown_driver
        || ctx
            .containers
            .iter()
            .any(|c| util::log_driver(c) == Some("awsfirelens"))
    {
        return;
    }
    // Containers that send to the router over the network name it.
    if let Some(router_name) = router.get_str("name") {
        let names_router = |c: &&&crate::syntax::value::Node| {
            c.get_array("links")
                .iter()
                .filter_map(|l| l.as_str())
                .any(|l| l.split(':').next() == Some(router_name))
                || c.get_array("environment")
                    .iter()
                    .filter_map(|e| e.get_str("value"))
                    .any(|v| v == router_name)
        };
        if ctx
            .containers
            .iter()
            .filter(|c| !std::ptr::eq(**c, *router))
            .any(|c| names_router(&c))
        {
            return;
        }
    }
    let span = router
        .member("firelensConfiguration")
        .map_or_else(|| TaskDefCtx::container_span(router), |m| m.key_span);
    sink.report_msg(span, crate::msg!(UNUSED, name = ctx.container_name(router)))
        .set_help_msg(crate::msg!(HELP));
}
