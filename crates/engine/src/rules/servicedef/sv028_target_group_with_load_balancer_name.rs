use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `loadBalancers` entry that sets both `targetGroupArn` and `loadBalancerName`.
    ///
    /// ## Why is this bad?
    /// `targetGroupArn` is for an Application or Network Load Balancer, `loadBalancerName` for
    /// a Classic Load Balancer; an entry is one or the other. The API reference says the name
    /// should be omitted with an ALB or NLB, and ECS refuses an entry with both.
    ///
    /// ## Example
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123",
    ///   "loadBalancerName": "web-alb", "containerName": "app", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123",
    ///   "containerName": "app", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## References
    /// - [LoadBalancer](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html):
    ///   loadBalancerName "If you are using an Application Load Balancer or a Network Load
    ///   Balancer the load balancer name parameter should be omitted"; targetGroupArn "is only
    ///   specified when using an Application Load Balancer or Network Load Balancer".
    pub static RULE = {
        code: "SV028",
        name: "target-group-with-load-balancer-name",
        target: ServiceDef,
        severity: Warning,
        category: Schema,
        summary: "a load balancer entry with both targetGroupArn and loadBalancerName",
    }
}

crate::messages! {
    "SV028";
    BOTH = "this load balancer entry sets both `targetGroupArn` (ALB/NLB) and `loadBalancerName` (Classic Load Balancer)";
    HELP = "with an Application or Network Load Balancer keep targetGroupArn and remove loadBalancerName";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    for lb in ctx.service.get_array("loadBalancers") {
        let (Some(_), Some(name)) = (
            lb.get_set("targetGroupArn")
                .filter(|n| n.as_str().is_some_and(|s| !s.is_empty())),
            lb.member("loadBalancerName")
                .filter(|m| m.value.as_str().is_some_and(|s| !s.is_empty())),
        ) else {
            continue;
        };
        sink.report_msg(name.key_span, crate::msg!(BOTH))
            .set_help_msg(crate::msg!(HELP));
    }
}
