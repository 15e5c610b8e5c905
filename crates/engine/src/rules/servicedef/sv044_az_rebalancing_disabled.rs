use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds `"availabilityZoneRebalancing": "DISABLED"` on a `REPLICA` service.
    ///
    /// ## Why is this bad?
    /// After an Availability Zone disruption, a service's tasks can end up crowded in the
    /// zones that stayed up. With rebalancing, ECS notices the imbalance and moves tasks back
    /// to an even spread, so the next zone failure does not take most of them at once. ECS
    /// turns it on by default for new services; an update (what `ecspresso deploy` runs) keeps
    /// the existing service's setting, which is DISABLED for services that never set it.
    ///
    /// ## Example
    /// ```json
    /// { "availabilityZoneRebalancing": "DISABLED" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "availabilityZoneRebalancing": "ENABLED" }
    /// ```
    ///
    /// ## Fix safety
    /// It lets ECS stop and start tasks to even them out across Availability Zones, which it did
    /// not do before.
    ///
    /// ## References
    /// - [Balancing an Amazon ECS service across Availability Zones](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html)
    /// - [CreateService / UpdateService: availabilityZoneRebalancing defaults](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
    /// - Checklist 3.3 (spread over several AZs).
    pub static RULE = {
        code: "SV044",
        name: "az-rebalancing-disabled",
        target: ServiceDef,
        severity: Info,
        category: Reliability,
        summary: "the service turns Availability Zone rebalancing off",
        fix: Unsafe,
    }
}

crate::messages! {
    "SV044";
    DISABLED = "Availability Zone rebalancing is DISABLED: after a zone disruption the tasks can stay crowded in the remaining zones";
    HELP = "set it to ENABLED so ECS moves tasks back to an even spread across zones";
    FIX = "enable Availability Zone rebalancing";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_daemon() {
        return;
    }
    let Some(node) = ctx.service.get("availabilityZoneRebalancing") else {
        return;
    };
    if node.as_str() != Some("DISABLED") {
        return;
    }
    sink.report_msg(node.span, crate::msg!(DISABLED))
        .set_help_msg(crate::msg!(HELP))
        .set_fix_msg(crate::msg!(FIX), node.span, "\"ENABLED\"");
}
