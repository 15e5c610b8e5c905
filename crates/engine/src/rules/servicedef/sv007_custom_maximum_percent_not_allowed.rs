use crate::check::Sink;
use crate::servicedef::ServiceDefCtx;

crate::declare_rule! {
    /// ## What it does
    /// Finds a custom `deploymentConfiguration.maximumPercent` on a service that uses the
    /// `CODE_DEPLOY` (blue/green) or `EXTERNAL` deployment controller with the EC2 launch type.
    ///
    /// ## Why is this bad?
    /// For those services ECS sets `maximumPercent` to its default itself and uses it only to
    /// bound the tasks kept running while container instances drain; the API documentation
    /// says a custom value cannot be specified. (On Fargate the value is not used at all.)
    /// Percentages that make a rolling deployment stall are a separate warning, SV023.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "EC2", "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "deploymentConfiguration": { "maximumPercent": 150 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "EC2", "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentConfiguration: maximumPercent](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
    ///   ("You can't specify a custom maximumPercent value for a service that uses either the
    ///   blue/green (CODE_DEPLOY) or EXTERNAL deployment types and has tasks that use the EC2
    ///   launch type").
    pub static RULE = {
        code: "SV007",
        name: "custom-maximum-percent-not-allowed",
        target: ServiceDef,
        severity: Error,
        category: Cicd,
        summary: "a custom maximumPercent on a CODE_DEPLOY or EXTERNAL service on EC2",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(controller @ ("CODE_DEPLOY" | "EXTERNAL")) = ctx.deployment_controller() else {
        return;
    };
    if ctx.launch_type() != Some("EC2") {
        return;
    }
    let Some(node) = ctx
        .service
        .get_set("deploymentConfiguration")
        .and_then(|c| c.get_set("maximumPercent"))
        .filter(|n| !n.is_placeholder())
    else {
        return;
    };
    let Some(max) = node.as_i64_lenient() else {
        return;
    };
    if max == 200 {
        return;
    }
    sink.report(
        node.span,
        format!("`maximumPercent` {max} cannot be customised for a `{controller}` service on the EC2 launch type"),
    )
    .set_help("remove `maximumPercent`: ECS uses its default (200) for such services");
}
