use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a custom `deploymentConfiguration.maximumPercent` or `minimumHealthyPercent` on a
    /// service that uses the `CODE_DEPLOY` (blue/green) or `EXTERNAL` deployment controller with
    /// the EC2 launch type.
    ///
    /// ## Why is this bad?
    /// For those services ECS sets both percentages to their defaults itself and uses them only
    /// to bound the tasks kept running while container instances drain; the API documentation
    /// says a custom value of either cannot be specified. (On Fargate the values are not used at
    /// all.) Percentages that make a rolling deployment stall are a separate warning, SV023.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "EC2", "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "deploymentConfiguration": { "maximumPercent": 150, "minimumHealthyPercent": 50 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "EC2", "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html):
    ///   maximumPercent "You can't specify a custom maximumPercent value for a service that uses
    ///   either the blue/green (CODE_DEPLOY) or EXTERNAL deployment types and has tasks that use
    ///   the EC2 launch type", and the same sentence for minimumHealthyPercent (also in the ECS
    ///   API model botocore ships).
    pub static RULE = {
        code: "SV007",
        name: "custom-maximum-percent-not-allowed",
        target: ServiceDef,
        severity: Error,
        category: Cicd,
        summary: "a custom maximumPercent or minimumHealthyPercent on a CODE_DEPLOY or EXTERNAL service on EC2",
    }
}

crate::messages! {
    "SV007";
    CUSTOM = "`{key}` {value} cannot be customised for a `{controller}` service on the EC2 launch type";
    HELP = "remove `{key}`: ECS uses its default ({default}) for such services";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(controller @ ("CODE_DEPLOY" | "EXTERNAL")) = ctx.deployment_controller() else {
        return;
    };
    if ctx.launch_type() != Some("EC2") {
        return;
    }
    let Some(config) = ctx.service.get_set("deploymentConfiguration") else {
        return;
    };
    // The defaults ECS applies: a replica service 200 and 100, a daemon service 100 and 0.
    let (max_default, min_default) = if ctx.is_daemon() {
        (100, 0)
    } else {
        (200, 100)
    };
    for (key, default) in [
        ("maximumPercent", max_default),
        ("minimumHealthyPercent", min_default),
    ] {
        let Some(node) = config.get_set(key).filter(|n| !n.is_placeholder()) else {
            continue;
        };
        let Some(value) = node.as_i64_lenient() else {
            continue;
        };
        if value == default {
            continue;
        }
        sink.report_msg(
            node.span,
            crate::msg!(CUSTOM, key = key, value = value, controller = controller),
        )
        .set_help_msg(crate::msg!(HELP, key = key, default = default));
    }
}
