use crate::input::msg::Arg;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks each `loadBalancers` entry for the members ECS needs together: a
    /// `targetGroupArn` (Application or Network Load Balancer) or a `loadBalancerName`
    /// (Classic Load Balancer), the `containerName` and the `containerPort` to send traffic to.
    /// Also reports a service `role` without any load balancer.
    ///
    /// ## Why is this bad?
    /// ECS registers the task's container and port with the load balancer; with one of them
    /// missing it cannot, and `CreateService` refuses the entry. The service `role` only lets
    /// ECS call the load balancer, so the API refuses it on a service without one.
    ///
    /// ## Example
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
    ///   "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
    ///   "containerName": "app", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## References
    /// - [CreateService loadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   "For Application Load Balancers and Network Load Balancers, this object must contain the
    ///   load balancer target group ARN, the container name, and the container port to access
    ///   from the load balancer"; "For Classic Load Balancers, this object must contain the load
    ///   balancer name, the container name, and the container port"; role: "If you specify the
    ///   role parameter, you must also specify a load balancer object with the loadBalancers
    ///   parameter." (All in the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV019",
        name: "load-balancer-entry-incomplete",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a load balancer entry without its target group, container name or port, or a role without a load balancer",
    }
}

/// A member that is set: not absent, null, `""` or an empty list.
fn set<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.get_set(key)
        .filter(|n| n.as_str().is_none_or(|s| !s.is_empty()))
}

crate::messages! {
    "SV019";
    NO_ONE = "this load balancer entry has no {a}";
    NO_TWO = "this load balancer entry has no {a}, no {b}";
    NO_THREE = "this load balancer entry has no {a}, no {b}, no {c}";
    TARGET_GROUP = "targetGroupArn (or loadBalancerName for a Classic Load Balancer)";
    HELP = "a load balancer entry names the target group, the container and the container port that receives the traffic";
    ROLE_WITHOUT_LB = "`role` is set, but the service has no load balancer";
    HELP_ROLE = "remove role (ECS uses its service-linked role), or add the load balancer it is for";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let entries: Vec<&Node> = ctx
        .service
        .get_array("loadBalancers")
        .iter()
        .filter(|n| n.as_object().is_some() && !n.is_opaque())
        .collect();
    for lb in &entries {
        let head =
            crate::input::span::Span::new(lb.span.start as usize, lb.span.start as usize + 1);
        let mut missing: Vec<Arg> = Vec::new();
        if set(lb, "targetGroupArn").is_none() && set(lb, "loadBalancerName").is_none() {
            missing.push(crate::msg!(TARGET_GROUP).into());
        }
        if set(lb, "containerName").is_none() {
            missing.push("containerName".into());
        }
        if set(lb, "containerPort").is_none() {
            missing.push("containerPort".into());
        }
        let message = match missing.as_slice() {
            [a] => crate::msg!(NO_ONE, a = a.clone()),
            [a, b] => crate::msg!(NO_TWO, a = a.clone(), b = b.clone()),
            [a, b, c] => crate::msg!(NO_THREE, a = a.clone(), b = b.clone(), c = c.clone()),
            _ => continue,
        };
        sink.report_msg(head, message)
            .set_help_msg(crate::msg!(HELP));
    }
    let has_lb = ctx
        .service
        .get_set("loadBalancers")
        .is_some_and(|l| l.is_placeholder() || l.as_array().is_some_and(|a| !a.is_empty()));
    if let Some(m) = ctx.service.member("role") {
        let given = m.value.as_str().is_some_and(|s| !s.is_empty());
        if given && !has_lb {
            sink.report_msg(m.key_span, crate::msg!(ROLE_WITHOUT_LB))
                .set_help_msg(crate::msg!(HELP_ROLE));
        }
    }
}
