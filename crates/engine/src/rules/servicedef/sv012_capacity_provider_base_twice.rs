use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `capacityProviderStrategy` in which more than one capacity provider sets a
    /// `base` above 0.
    ///
    /// ## Why is this bad?
    /// The base is the number of tasks placed on one provider before the weights apply, and
    /// only one provider of a strategy may have it; `CreateService` refuses the strategy.
    ///
    /// ## Example
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1, "weight": 1 },
    ///   { "capacityProvider": "FARGATE_SPOT", "base": 1, "weight": 3 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 2, "weight": 1 },
    ///   { "capacityProvider": "FARGATE_SPOT", "weight": 3 }] }
    /// ```
    ///
    /// ## References
    /// - [CapacityProviderStrategyItem base](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html):
    ///   "Only one capacity provider in a capacity provider strategy can have a base defined."
    ///   (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "SV012",
        name: "capacity-provider-base-twice",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "more than one capacity provider with a base",
    }
}

crate::messages! {
    "SV012";
    SECOND_BASE = "a second capacity provider sets a base; only one provider of a strategy may have one";
    HELP = "keep the base on one provider (usually on-demand FARGATE) and give the others weights only";
    RELATED_FIRST = "the first base";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let with_base: Vec<&crate::syntax::value::Node> = ctx
        .capacity_providers()
        .filter_map(|item| item.get_set("base"))
        .filter(|b| !b.is_placeholder() && b.as_i64_lenient().is_some_and(|v| v > 0))
        .collect();
    let Some((first, rest)) = with_base.split_first() else {
        return;
    };
    for b in rest {
        sink.report_msg(b.span, crate::msg!(SECOND_BASE))
            .set_help_msg(crate::msg!(HELP))
            .add_related_msg(first.span, crate::msg!(RELATED_FIRST));
    }
}
