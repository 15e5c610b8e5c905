use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks the service's placement rules: a `distinctInstance` placement constraint takes
    /// no `expression`, a `binpack` placement strategy packs by `cpu` or `memory`, nothing
    /// else, and a `spread` strategy spreads by `instanceId` (or `host`) or an attribute
    /// (`attribute:ecs.availability-zone`).
    ///
    /// ## Why is this bad?
    /// `CreateService` refuses both: `distinctInstance` places each task on its own instance
    /// and has nothing to evaluate, and `binpack` can only fill instances by one of the two
    /// resources it tracks (to spread by an attribute, use `spread`).
    ///
    /// ## Example
    /// ```json
    /// { "placementConstraints": [{ "type": "distinctInstance", "expression": "attribute:ecs.instance-type =~ t3.*" }],
    ///   "placementStrategy": [{ "type": "binpack", "field": "attribute:ecs.availability-zone" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "placementConstraints": [{ "type": "distinctInstance" },
    ///   { "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" }],
    ///   "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" },
    ///   { "type": "binpack", "field": "memory" }] }
    /// ```
    ///
    /// ## References
    /// - [PlacementConstraint expression](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html):
    ///   "You can't specify an expression if the constraint type is distinctInstance."
    /// - [PlacementStrategy field](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html):
    ///   "For the spread placement strategy, valid values are instanceId (or host, which has
    ///   the same effect), or any platform or custom attribute that's applied to a container
    ///   instance, such as attribute:ecs.availability-zone"; "For the binpack placement
    ///   strategy, valid values are cpu and memory." (Both in the
    ///   ECS API model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV029",
        name: "placement-rule-invalid",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a distinctInstance constraint with an expression, binpack by other than cpu or memory, or spread by other than an instance or attribute",
    }
}

crate::messages! {
    "SV029";
    DISTINCT_EXPRESSION = "a distinctInstance placement constraint takes no expression";
    HELP_DISTINCT = "remove the expression, or make it a separate memberOf constraint";
    SPREAD_FIELD = "spread places tasks by instanceId, host or an attribute (attribute:...), not {field}";
    HELP_SPREAD = "use \"attribute:ecs.availability-zone\" to spread over Availability Zones, or \"instanceId\"";
    BINPACK_FIELD = "binpack packs by cpu or memory, not {field}";
    HELP_BINPACK = "use \"memory\" or \"cpu\"; to place by an attribute use the spread strategy";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in ctx.service.get_array("placementConstraints") {
        if c.get_str("type") != Some("distinctInstance") {
            continue;
        }
        let Some(m) = c
            .member("expression")
            .filter(|m| m.value.as_str().is_some_and(|s| !s.is_empty()))
        else {
            continue;
        };
        sink.report_msg(m.key_span, crate::msg!(DISTINCT_EXPRESSION))
            .set_help_msg(crate::msg!(HELP_DISTINCT));
    }
    for s in ctx.service.get_array("placementStrategy") {
        let kind = s.get_str("type");
        let Some(field) = s.get_set("field") else {
            continue;
        };
        let Some(text) = field.as_str().filter(|_| !field.is_placeholder()) else {
            continue;
        };
        if kind == Some("spread") {
            let ok = text.eq_ignore_ascii_case("instanceId")
                || text.eq_ignore_ascii_case("host")
                || text.starts_with("attribute:");
            if !ok {
                sink.report_msg(
                    field.span,
                    crate::msg!(SPREAD_FIELD, field = format!("{text:?}")),
                )
                .set_help_msg(crate::msg!(HELP_SPREAD));
            }
            continue;
        }
        if kind != Some("binpack") {
            continue;
        }
        if text.eq_ignore_ascii_case("cpu") || text.eq_ignore_ascii_case("memory") {
            continue;
        }
        sink.report_msg(
            field.span,
            crate::msg!(BINPACK_FIELD, field = format!("{text:?}")),
        )
        .set_help_msg(crate::msg!(HELP_BINPACK));
    }
}
