use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service with the `CODE_DEPLOY` deployment controller and no `loadBalancers`.
    ///
    /// ## Why is this bad?
    /// A CodeDeploy blue/green deployment moves traffic between two target groups of an
    /// Application or Network Load Balancer; the load balancer is mandatory for blue/green
    /// deployments. Without one, the deployment group cannot be set up and the service cannot
    /// be deployed.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" }, "desiredCount": 2 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" }, "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:...:targetgroup/blue/...",
    ///                       "containerName": "web", "containerPort": 8080 }] }
    /// ```
    /// or use the default `ECS` controller (rolling updates, or ECS-native blue/green).
    ///
    /// ## References
    /// - [CodeDeploy blue/green deployments for Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html)
    /// - [Integrating CodeDeploy with Elastic Load Balancing](https://docs.aws.amazon.com/codedeploy/latest/userguide/integrations-aws-elastic-load-balancing.html)
    ///   ("mandatory in blue/green deployments").
    /// - Checklist 7.3 (rollback procedure).
    pub static RULE = {
        code: "SV006",
        name: "code-deploy-without-load-balancer",
        target: ServiceDef,
        severity: Error,
        category: Cicd,
        summary: "a CODE_DEPLOY service without a load balancer",
    }
}

crate::messages! {
    "SV006";
    NO_LOAD_BALANCER = "the `CODE_DEPLOY` deployment controller needs a load balancer, but `loadBalancers` is empty or absent";
    HELP = "add the production target group under `loadBalancers`, or use the `ECS` deployment controller";
    RELATED_EMPTY = "no load balancer here";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.deployment_controller() != Some("CODE_DEPLOY") || ctx.service.is_opaque() {
        return;
    }
    let balancers = ctx.service.get_set("loadBalancers");
    if balancers.is_some_and(|b| b.is_placeholder() || b.as_array().is_none_or(|a| !a.is_empty())) {
        return;
    }
    let Some(type_node) = ctx
        .service
        .get("deploymentController")
        .and_then(|c| c.get("type"))
    else {
        return;
    };
    let diagnostic = sink.report_msg(type_node.span, crate::msg!(NO_LOAD_BALANCER));
    diagnostic.set_help_msg(crate::msg!(HELP));
    if let Some(m) = ctx.service.member("loadBalancers") {
        diagnostic.add_related_msg(m.span(), crate::msg!(RELATED_EMPTY));
    }
}
