use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Classic Load Balancer (`loadBalancers[].loadBalancerName`) on a service whose
    /// tasks use the `awsvpc` network mode (the service has an `awsvpcConfiguration`, or runs
    /// on Fargate).
    ///
    /// ## Why is this bad?
    /// A Classic Load Balancer registers instances, not the network interfaces `awsvpc` tasks
    /// get. ECS supports only Application and Network Load Balancers for these services and
    /// refuses the service.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234def567890"] } },
    ///   "loadBalancers": [{ "loadBalancerName": "legacy-elb", "containerName": "app", "containerPort": 80 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0abc1234def567890"] } },
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
    ///     "containerName": "app", "containerPort": 80 }] }
    /// ```
    /// With an `ip` target type target group.
    ///
    /// ## References
    /// - [CreateService loadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   "Services with tasks that use the awsvpc network mode (for example, those with the
    ///   Fargate launch type) only support Application Load Balancers and Network Load
    ///   Balancers. Classic Load Balancers aren't supported." (In the ECS API model botocore
    ///   ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV034",
        name: "classic-load-balancer-with-awsvpc",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a Classic Load Balancer on a service whose tasks use awsvpc",
    }
}

crate::messages! {
    "SV034";
    CLASSIC_AWSVPC = "a Classic Load Balancer cannot serve a service whose tasks use the awsvpc network mode";
    HELP = "use an Application or Network Load Balancer with a target group of target type ip (targetGroupArn)";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let awsvpc = ctx.awsvpc().is_some() || ctx.is_fargate();
    if !awsvpc {
        return;
    }
    for lb in ctx.service.get_array("loadBalancers") {
        let Some(m) = lb
            .member("loadBalancerName")
            .filter(|m| m.value.as_str().is_some_and(|s| !s.is_empty()))
        else {
            continue;
        };
        // An entry with a target group too is SV028's.
        if lb
            .get_set("targetGroupArn")
            .is_some_and(|n| n.as_str().is_some_and(|s| !s.is_empty()))
        {
            continue;
        }
        sink.report_msg(m.key_span, crate::msg!(CLASSIC_AWSVPC))
            .set_help_msg(crate::msg!(HELP));
    }
}
