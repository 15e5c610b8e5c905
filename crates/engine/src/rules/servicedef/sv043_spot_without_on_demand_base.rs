use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a `capacityProviderStrategy` that uses `FARGATE_SPOT` with no `FARGATE` provider
    /// whose `base` is at least 1.
    ///
    /// ## Why is this bad?
    /// Fargate Spot tasks can be stopped at any time with a two-minute warning, and Spot
    /// capacity can be unavailable. When every task is on Spot, one interruption wave or a
    /// capacity shortage takes the whole service down. A `base` of on-demand `FARGATE` tasks
    /// keeps a floor running while the rest stays on Spot.
    ///
    /// ## Example
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [
    ///     { "capacityProvider": "FARGATE", "base": 1, "weight": 1 },
    ///     { "capacityProvider": "FARGATE_SPOT", "weight": 3 } ] }
    /// ```
    ///
    /// ## References
    /// - [AWS Fargate capacity providers](https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-capacity-providers.html)
    ///   (two-minute interruption warning).
    /// - Checklist 4.2 (Spot where the requirements allow it).
    pub static RULE = {
        code: "SV043",
        name: "spot-without-on-demand-base",
        target: ServiceDef,
        severity: Info,
        category: Reliability,
        summary: "no on-demand FARGATE base under Fargate Spot",
    }
}

crate::messages! {
    "SV043";
    ALL_SPOT = "every task may run on Fargate Spot: no FARGATE provider has a `base` of 1 or more, so a Spot interruption can stop the whole service";
    HELP = "add `{\"capacityProvider\": \"FARGATE\", \"base\": 1, \"weight\": 1}` (or a larger base) to keep some tasks on on-demand capacity";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let providers: Vec<_> = ctx.capacity_providers().collect();
    let Some(spot) = providers
        .iter()
        .find(|p| p.get_str("capacityProvider") == Some("FARGATE_SPOT"))
    else {
        return;
    };
    let undecidable = providers.iter().any(|p| {
        p.get("capacityProvider")
            .is_some_and(crate::syntax::value::Node::is_placeholder)
            || p.get("base")
                .is_some_and(crate::syntax::value::Node::is_placeholder)
    });
    if undecidable
        || ctx
            .service
            .get("capacityProviderStrategy")
            .is_some_and(|s| s.is_placeholder())
    {
        return;
    }
    let based = providers.iter().any(|p| {
        p.get_str("capacityProvider") == Some("FARGATE")
            && p.get("base")
                .and_then(crate::syntax::value::Node::as_i64_lenient)
                .unwrap_or(0)
                >= 1
    });
    if based {
        return;
    }
    let span = spot.get("capacityProvider").map_or(spot.span, |n| n.span);
    sink.report_msg(span, crate::msg!(ALL_SPOT))
        .set_help_msg(crate::msg!(HELP));
}
