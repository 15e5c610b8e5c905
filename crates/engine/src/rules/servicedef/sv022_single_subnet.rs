use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds an `awsvpcConfiguration` that lists exactly one subnet, for a `REPLICA` service.
    ///
    /// ## Why is this bad?
    /// A subnet lives in one Availability Zone, so every task of the service runs in that one
    /// zone: a zone outage stops all of them, and ECS cannot spread or rebalance tasks across
    /// zones. With subnets in two zones an outage stops half the tasks; with three, a third.
    /// (Subnet IDs do not say their zone, so two subnets in the same zone are not caught.)
    ///
    /// ## Example
    /// ```json
    /// { "awsvpcConfiguration": { "subnets": ["subnet-0aaa"] } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "awsvpcConfiguration": { "subnets": ["subnet-0aaa", "subnet-0bbb", "subnet-0ccc"] } }
    /// ```
    ///
    /// ## References
    /// - [Balancing an Amazon ECS service across Availability Zones](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html)
    /// - Checklist 3.3 (the service spreads tasks over several AZs). No Security Hub, Checkov
    ///   or cfn-lint check covers it.
    pub static RULE = {
        code: "SV022",
        name: "single-subnet",
        target: ServiceDef,
        severity: Warning,
        category: Reliability,
        summary: "the service's tasks can only run in one subnet, so in one Availability Zone",
    }
}

crate::messages! {
    "SV022";
    ONE_SUBNET = "only one subnet ({shown}): every task runs in one Availability Zone, and an outage of that zone stops the whole service";
    HELP = "list subnets in two or more Availability Zones (three is better: an outage then stops a third of the tasks)";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_daemon() {
        return;
    }
    let Some(subnets) = ctx.awsvpc().and_then(|a| a.get_set("subnets")) else {
        return;
    };
    let Some([only]) = subnets.as_array() else {
        return;
    };
    // A single placeholder may render to a list (`{{ tfstate ... | json }}`) only when it is the
    // whole value, which `as_array` already excludes; one element is one subnet.
    let shown = only.span.text(ctx.text);
    sink.report_msg(subnets.span, crate::msg!(ONE_SUBNET, shown = shown))
        .set_help_msg(crate::msg!(HELP));
}
