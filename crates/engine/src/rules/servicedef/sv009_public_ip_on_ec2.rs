use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service with the `EC2` launch type whose
    /// `networkConfiguration.awsvpcConfiguration.assignPublicIp` is `ENABLED`.
    ///
    /// ## Why is this bad?
    /// A task's network interface gets a public IP address only on Fargate. On EC2 the
    /// interface is attached to an instance, and ECS refuses the service ("Assign public IP is
    /// not supported for this launch type"). Reach the internet through a NAT gateway, or give
    /// the instances public addresses.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": {
    ///   "subnets": ["subnet-0aaa"], "assignPublicIp": "ENABLED" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": {
    ///   "subnets": ["subnet-0aaa"], "assignPublicIp": "DISABLED" } } }
    /// ```
    ///
    /// ## References
    /// - [AwsVpcConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html)
    /// - [Allocate a network interface for an Amazon ECS task (EC2)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html):
    ///   tasks on EC2 instances with awsvpc are not given public IP addresses.
    /// - The refusal, `InvalidParameterException: Assign public IP is not supported for this
    ///   launch type`, as reported in [hashicorp/waypoint#643](https://github.com/hashicorp/waypoint/issues/643)
    ///   and [aws/aws-cdk#13348](https://github.com/aws/aws-cdk/issues/13348); the feature
    ///   request is [aws/containers-roadmap#450](https://github.com/aws/containers-roadmap/issues/450).
    pub static RULE = {
        code: "SV009",
        name: "public-ip-on-ec2",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "assignPublicIp ENABLED on a service with the EC2 launch type",
    }
}

crate::messages! {
    "SV009";
    PUBLIC_IP_ON_EC2 = "`assignPublicIp` is ENABLED, but tasks on the EC2 launch type cannot get a public IP address";
    HELP = "set it to DISABLED (or leave it out) and reach the internet through a NAT gateway";
    FIX_DISABLE = "set assignPublicIp to DISABLED";
    RELATED_LAUNCH_TYPE = "the launch type";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.launch_type() != Some("EC2") {
        return;
    }
    let Some(node) = ctx.awsvpc().and_then(|a| a.get_set("assignPublicIp")) else {
        return;
    };
    if node.as_str() != Some("ENABLED") {
        return;
    }
    let d = sink.report_msg(node.span, crate::msg!(PUBLIC_IP_ON_EC2));
    d.set_help_msg(crate::msg!(HELP));
    d.set_fix_msg(crate::msg!(FIX_DISABLE), node.span, "\"DISABLED\"");
    if let Some(lt) = ctx.service.get("launchType") {
        d.add_related_msg(lt.span, crate::msg!(RELATED_LAUNCH_TYPE));
    }
}
