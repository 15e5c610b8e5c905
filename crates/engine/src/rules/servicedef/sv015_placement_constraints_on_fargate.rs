use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service that runs on Fargate (`launchType` or a Fargate capacity provider) and
    /// sets `placementConstraints`.
    ///
    /// ## Why is this bad?
    /// Fargate chooses where tasks run; task placement constraints are for container instances
    /// you run. The API reference says placement constraints are not
    /// supported with Fargate, and ECS refuses them. Spread across Availability Zones by giving
    /// the service subnets in several zones.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "placementConstraints": [{ "type": "distinctInstance" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE" }
    /// ```
    ///
    /// ## References
    /// - [PlacementConstraint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html):
    ///   "If you're using the Fargate launch type, task placement constraints aren't supported."
    ///   (also in the ECS API model botocore ships)
    /// - [Task placement](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html)
    ///   (placement strategies and constraints apply to tasks on EC2 instances)
    pub static RULE = {
        code: "SV015",
        name: "placement-constraints-on-fargate",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "placement constraints on a Fargate service",
    }
}

crate::messages! {
    "SV015";
    ON_FARGATE = "`{key}` is set on a service that runs on Fargate, which places tasks itself";
    HELP = "remove it; to spread tasks across Availability Zones give the service subnets in several zones";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() {
        return;
    }
    for key in ["placementConstraints"] {
        let Some(m) = ctx.service.member(key) else {
            continue;
        };
        if m.value.as_array().is_none_or(<[_]>::is_empty) {
            continue;
        }
        sink.report_msg(m.key_span, crate::msg!(ON_FARGATE, key = key))
            .set_help_msg(crate::msg!(HELP));
    }
}
