use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `deploymentConfiguration.deploymentCircuitBreaker` or `alarms` that is turned on
    /// in a service whose deployment controller is `CODE_DEPLOY` or `EXTERNAL`.
    ///
    /// ## Why is this bad?
    /// The circuit breaker and deployment alarms watch deployments ECS runs itself (the `ECS`
    /// controller). With CodeDeploy or an external controller ECS does not run the deployment,
    /// so the setting protects nothing: the rollback you expect never happens. Configure
    /// rollback in CodeDeploy (its own alarms and automatic rollback) instead.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" }, "deploymentConfiguration": {
    ///   "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentCircuitBreaker](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html):
    ///   "The deployment circuit breaker can only be used for services using the rolling update
    ///   (ECS) deployment type." (also in the ECS API model botocore ships)
    /// - [DeploymentAlarms](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentAlarms.html)
    ///   (rolling update deployments)
    pub static RULE = {
        code: "SV027",
        name: "breaker-without-ecs-controller",
        target: ServiceDef,
        severity: Warning,
        category: Reliability,
        summary: "a circuit breaker or deployment alarms on a CODE_DEPLOY or EXTERNAL service",
    }
}

crate::messages! {
    "SV027";
    UNUSED = "`{key}` is turned on, but the `{controller}` deployment controller does not use it";
    HELP_CODE_DEPLOY = "remove it and set up rollback in the CodeDeploy deployment group (alarms and automatic rollback)";
    HELP_EXTERNAL = "remove it; the external controller decides when a deployment fails";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(controller @ ("CODE_DEPLOY" | "EXTERNAL")) = ctx.deployment_controller() else {
        return;
    };
    let Some(config) = ctx.service.get_set("deploymentConfiguration") else {
        return;
    };
    for key in ["deploymentCircuitBreaker", "alarms"] {
        let Some(m) = config.member(key) else {
            continue;
        };
        if !crate::rules::taskdef::util::is_true(m.value.get("enable")) {
            continue;
        }
        sink.report_msg(
            m.key_span,
            crate::msg!(UNUSED, key = key, controller = controller),
        )
        .set_help_msg(if controller == "CODE_DEPLOY" {
            crate::msg!(HELP_CODE_DEPLOY)
        } else {
            crate::msg!(HELP_EXTERNAL)
        });
    }
}
