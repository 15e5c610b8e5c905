use crate::check::Sink;
use crate::servicedef::ServiceDefCtx;

crate::declare_rule! {
    /// ## What it does
    /// Checks `deploymentConfiguration.minimumHealthyPercent` and `maximumPercent`: both are
    /// percentages of `desiredCount`, the minimum at most 100, neither negative. It also finds
    /// a custom `maximumPercent` on a `CODE_DEPLOY` or `EXTERNAL` service that uses the EC2
    /// launch type, which ECS does not allow.
    ///
    /// ## Why is this bad?
    /// A minimum healthy percent above 100 asks ECS to keep more tasks healthy than the
    /// service wants; ECS rejects such values, and a negative percentage means nothing. For
    /// blue/green and external deployments on EC2, ECS sets `maximumPercent` itself and
    /// refuses a custom value.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "minimumHealthyPercent": 150, "maximumPercent": 200 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 200 } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
    ///   (minimum rounded up, maximum rounded down; no custom maximum for CODE_DEPLOY/EXTERNAL
    ///   on EC2).
    /// - KICS "ECS Service Without Running Tasks" looks at the same settings.
    pub static RULE = {
        code: "SV007",
        name: "deployment-percent-out-of-range",
        target: ServiceDef,
        severity: Error,
        category: Reliability,
        summary: "minimumHealthyPercent or maximumPercent outside what ECS accepts",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(config) = ctx.service.get_set("deploymentConfiguration") else {
        return;
    };
    let number = |key: &str| {
        config
            .get_set(key)
            .filter(|n| !n.is_placeholder())
            .and_then(|n| n.as_i64_lenient().map(|v| (n, v)))
    };
    if let Some((node, min)) = number("minimumHealthyPercent") {
        if !(0..=100).contains(&min) {
            sink.report(
                node.span,
                format!("`minimumHealthyPercent` is {min}, but it must be between 0 and 100"),
            )
            .set_help(
                "it is the share of `desiredCount` that must stay running during a deployment; 100 keeps every task, 50 lets half be replaced at once",
            );
        }
    }
    if let Some((node, max)) = number("maximumPercent") {
        if max < 0 {
            sink.report(
                node.span,
                format!("`maximumPercent` is {max}, but it cannot be negative"),
            )
            .set_help("it is the most tasks, as a share of `desiredCount`, that may run during a deployment; the default is 200");
        } else if matches!(ctx.deployment_controller(), Some("CODE_DEPLOY" | "EXTERNAL"))
            && ctx.launch_type() == Some("EC2")
            && max != 200
        {
            let controller = ctx.deployment_controller().unwrap_or_default();
            sink.report(
                node.span,
                format!("`maximumPercent` {max} cannot be customised for a `{controller}` service on the EC2 launch type"),
            )
            .set_help("remove `maximumPercent`: ECS uses its default (200) for such services");
        }
    }
}
