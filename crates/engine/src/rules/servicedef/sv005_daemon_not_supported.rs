use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds `"schedulingStrategy": "DAEMON"` on a service that runs on Fargate (`launchType`
    /// `FARGATE`, or a `FARGATE`/`FARGATE_SPOT` capacity provider), or that uses the
    /// `CODE_DEPLOY` or `EXTERNAL` deployment controller.
    ///
    /// ## Why is this bad?
    /// A daemon service places one task on every container instance; Fargate has no container
    /// instances, so ECS only accepts `REPLICA` there. Blue/green (`CODE_DEPLOY`) and
    /// `EXTERNAL` deployments also support only `REPLICA`. ECS rejects the service.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "schedulingStrategy": "DAEMON" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE", "schedulingStrategy": "REPLICA", "desiredCount": 2 }
    /// ```
    /// or keep `DAEMON` and run the service on EC2 instances.
    ///
    /// ## References
    /// - [Service scheduler concepts: daemon strategy](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html)
    /// - `CreateService.schedulingStrategy` in the API reference: "Tasks using the Fargate launch
    ///   type or the CODE_DEPLOY or EXTERNAL deployment controller types don't support the DAEMON
    ///   scheduling strategy."
    /// - cfn-lint E3044 (Fargate, CODE_DEPLOY or EXTERNAL services may only use REPLICA).
    pub static RULE = {
        code: "SV005",
        name: "daemon-not-supported",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "daemon scheduling on Fargate or with a CODE_DEPLOY/EXTERNAL controller",
    }
}

crate::messages! {
    "SV005";
    ON_FARGATE = "`DAEMON` scheduling is not available on Fargate, which has no container instances to put one task on each";
    HELP_FARGATE = "use `REPLICA` with a `desiredCount` on Fargate, or run the daemon service on EC2";
    RELATED_LAUNCH_TYPE = "the launch type";
    RELATED_FARGATE_PROVIDER = "the Fargate capacity provider";
    WITH_CONTROLLER = "`DAEMON` scheduling is not available with the `{controller}` deployment controller";
    HELP_CONTROLLER = "use `REPLICA`, or the `ECS` (rolling update) deployment controller";
    RELATED_CONTROLLER = "the deployment controller";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_daemon() {
        return;
    }
    let Some(strategy) = ctx.service.get("schedulingStrategy") else {
        return;
    };
    if ctx.is_fargate() {
        let (why_span, why) = match ctx.service.member("launchType") {
            Some(m) if ctx.launch_type() == Some("FARGATE") => {
                (m.span(), crate::msg!(RELATED_LAUNCH_TYPE))
            }
            _ => (
                ctx.key_span_or_service("capacityProviderStrategy"),
                crate::msg!(RELATED_FARGATE_PROVIDER),
            ),
        };
        sink.report_msg(strategy.span, crate::msg!(ON_FARGATE))
            .set_help_msg(crate::msg!(HELP_FARGATE))
            .add_related_msg(why_span, why);
        return;
    }
    if let Some(controller @ ("CODE_DEPLOY" | "EXTERNAL")) = ctx.deployment_controller() {
        let span = ctx
            .service
            .get("deploymentController")
            .and_then(|c| c.get("type"))
            .map_or_else(|| ctx.service_head_span(), |n| n.span);
        sink.report_msg(
            strategy.span,
            crate::msg!(WITH_CONTROLLER, controller = controller),
        )
        .set_help_msg(crate::msg!(HELP_CONTROLLER))
        .add_related_msg(span, crate::msg!(RELATED_CONTROLLER));
    }
}
