use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds `"assignPublicIp": "ENABLED"` in `networkConfiguration.awsvpcConfiguration`.
    ///
    /// ## Why is this bad?
    /// Every task then gets a public IP address: it is reachable from the internet as far as
    /// its security groups allow, and one rule too broad exposes it. Tasks usually belong in
    /// private subnets behind a load balancer, reaching the internet (and ECR) through a NAT
    /// gateway or VPC endpoints. A public IP is often added only so that a task in a public
    /// subnet can pull its image; VPC endpoints or a NAT gateway solve that without exposure.
    ///
    /// ## Example
    /// ```json
    /// { "awsvpcConfiguration": { "subnets": ["subnet-0aaa"], "assignPublicIp": "ENABLED" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "awsvpcConfiguration": { "subnets": ["subnet-0private"], "assignPublicIp": "DISABLED" } }
    /// ```
    /// No fix is offered: without a public IP, a task in a public subnet without a NAT gateway
    /// or endpoints can no longer pull its image.
    ///
    /// ## References
    /// - Security Hub [ECS.2](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2)
    ///   (services should not have public IP addresses assigned automatically).
    /// - Checkov CKV_AWS_333; Prowler `ecs_service_no_assign_public_ip`.
    /// - Checklist 5.1 (ingress through a load balancer).
    pub static RULE = {
        code: "SV021",
        name: "public-ip-assigned",
        target: ServiceDef,
        severity: Warning,
        category: Security,
        summary: "tasks get a public IP address (assignPublicIp ENABLED)",
    }
}

crate::messages! {
    "SV021";
    ENABLED = "`assignPublicIp` is ENABLED: every task gets a public IP address reachable from the internet";
    HELP = "run tasks in private subnets with `\"assignPublicIp\": \"DISABLED\"`; reach ECR and the internet through VPC endpoints or a NAT gateway, and take traffic in through a load balancer";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.awsvpc().and_then(|a| a.get("assignPublicIp")) else {
        return;
    };
    if node.as_str() != Some("ENABLED") {
        return;
    }
    sink.report_msg(node.span, crate::msg!(ENABLED))
        .set_help_msg(crate::msg!(HELP));
}
