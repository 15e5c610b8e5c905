use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks the limits the ECS API reference states in words but the API model does not
    /// encode: at most 10 `placementConstraints`, at most 5 `placementStrategy` rules, at most
    /// 20 capacity providers in `capacityProviderStrategy`, a placement constraint
    /// `expression` of at most 2000 characters, and at most one client alias per Service
    /// Connect service.
    ///
    /// ## Why is this bad?
    /// `CreateService` and `UpdateService` refuse a service over these limits, so the
    /// deployment fails before a task starts.
    ///
    /// ## Example
    /// ```json
    /// { "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" },
    ///   { "type": "spread", "field": "instanceId" }, { "type": "binpack", "field": "memory" },
    ///   { "type": "binpack", "field": "cpu" }, { "type": "spread", "field": "host" },
    ///   { "type": "random" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" },
    ///   { "type": "binpack", "field": "memory" }] }
    /// ```
    ///
    /// ## References
    /// - [CreateService](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   placementConstraints "You can specify a maximum of 10 constraints for each task";
    ///   placementStrategy "You can specify a maximum of 5 strategy rules for each service";
    ///   capacityProviderStrategy "A capacity provider strategy can contain a maximum of 20
    ///   capacity providers".
    /// - [PlacementConstraint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html):
    ///   "The expression can have a maximum length of 2000 characters."
    /// - [ServiceConnectService clientAliases](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html):
    ///   "The maximum number of client aliases that you can have in this list is 1."
    ///   (All in the ECS API model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV017",
        name: "service-value-outside-documented-range",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "more placement rules, capacity providers or client aliases than ECS allows",
    }
}

/// The list limits, by member of the service: (key, most items, what an item is).
static LIST_LIMITS: &[(&str, usize, &crate::input::msg::Template)] = &[
    ("placementConstraints", 10, &TOO_MANY_CONSTRAINTS),
    ("placementStrategy", 5, &TOO_MANY_STRATEGY_RULES),
    ("capacityProviderStrategy", 20, &TOO_MANY_PROVIDERS),
];

/// The items of a list whose length we know (no placeholder stands among them).
fn known_len(list: &[Node]) -> Option<usize> {
    (!list.iter().any(Node::is_placeholder)).then_some(list.len())
}

crate::messages! {
    "SV017";
    TOO_MANY_CONSTRAINTS = "`{key}` lists {count} placement constraints; ECS accepts at most {max}";
    TOO_MANY_STRATEGY_RULES = "`{key}` lists {count} placement strategy rules; ECS accepts at most {max}";
    TOO_MANY_PROVIDERS = "`{key}` lists {count} capacity providers; ECS accepts at most {max}";
    HELP_AT_MOST = "keep at most {max}";
    LONG_EXPRESSION = "the placement constraint expression is {len} characters; ECS accepts at most 2000";
    HELP_SHORTEN = "shorten the expression (use attributes on the container instances to group them)";
    TOO_MANY_ALIASES = "Service Connect service `{port}` has {count} client aliases; ECS accepts one";
    HELP_ONE_ALIAS = "keep one client alias; other services can use its DNS name and port";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    for (key, max, message) in LIST_LIMITS {
        let Some(m) = ctx.service.member(key) else {
            continue;
        };
        let Some(n) = m.value.as_array().and_then(known_len) else {
            continue;
        };
        if n > *max {
            sink.report_msg(
                m.key_span,
                crate::msg!(**message, key = *key, count = n, max = *max),
            )
            .set_help_msg(crate::msg!(HELP_AT_MOST, max = *max));
        }
    }
    for c in ctx.service.get_array("placementConstraints") {
        let Some(expr) = c.get_set("expression") else {
            continue;
        };
        let Some(text) = expr.as_str().filter(|_| !expr.is_placeholder()) else {
            continue;
        };
        let len = text.chars().count();
        if len > 2000 {
            sink.report_msg(expr.span, crate::msg!(LONG_EXPRESSION, len = len))
                .set_help_msg(crate::msg!(HELP_SHORTEN));
        }
    }
    let services = ctx
        .service
        .get_set("serviceConnectConfiguration")
        .map(|s| s.get_array("services"))
        .unwrap_or_default();
    for s in services {
        let Some(m) = s.member("clientAliases") else {
            continue;
        };
        let Some(n) = m.value.as_array().and_then(known_len) else {
            continue;
        };
        if n > 1 {
            let port = s.get_str("portName").unwrap_or("?");
            sink.report_msg(
                m.key_span,
                crate::msg!(TOO_MANY_ALIASES, port = port, count = n),
            )
            .set_help_msg(crate::msg!(HELP_ONE_ALIAS));
        }
    }
}
