use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `capacityProviderStrategy` of several capacity providers whose weights are all
    /// 0 (a missing `weight` is 0).
    ///
    /// ## Why is this bad?
    /// A provider with weight 0 places no task beyond its base. With every weight at 0,
    /// `CreateService` (and `RunTask`) with that strategy fails.
    ///
    /// ## Example
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1 },
    ///   { "capacityProvider": "FARGATE_SPOT" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1, "weight": 1 },
    ///   { "capacityProvider": "FARGATE_SPOT", "weight": 3 }] }
    /// ```
    ///
    /// ## References
    /// - [CapacityProviderStrategyItem weight](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html):
    ///   "If you specify multiple capacity providers in a strategy that all have a weight of 0,
    ///   any RunTask or CreateService actions using the capacity provider strategy will fail."
    ///   (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "SV014",
        name: "capacity-provider-weights-zero",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "several capacity providers, all with weight 0",
    }
}

crate::messages! {
    "SV014";
    ALL_ZERO = "all {count} capacity providers have weight 0, so ECS cannot place tasks with this strategy";
    HELP = "give at least one provider a weight above 0 (a missing weight is 0)";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let items: Vec<&crate::syntax::value::Node> = ctx.capacity_providers().collect();
    if items.len() < 2 || items.iter().any(|i| i.is_opaque()) {
        return;
    }
    let mut all_zero = true;
    for item in &items {
        match item.get_set("weight") {
            None => {}
            Some(w) if w.is_placeholder() => return,
            Some(w) => match w.as_i64_lenient() {
                Some(0) => {}
                Some(_) => all_zero = false,
                None => return,
            },
        }
    }
    if !all_zero {
        return;
    }
    let span = ctx
        .service
        .member("capacityProviderStrategy")
        .map_or_else(|| ctx.service_head_span(), |m| m.key_span);
    sink.report_msg(span, crate::msg!(ALL_ZERO, count = items.len()))
        .set_help_msg(crate::msg!(HELP));
}
