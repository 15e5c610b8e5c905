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
const LIST_LIMITS: &[(&str, usize, &str)] = &[
    ("placementConstraints", 10, "placement constraints"),
    ("placementStrategy", 5, "placement strategy rules"),
    ("capacityProviderStrategy", 20, "capacity providers"),
];

/// The items of a list whose length we know (no placeholder stands among them).
fn known_len(list: &[Node]) -> Option<usize> {
    (!list.iter().any(Node::is_placeholder)).then_some(list.len())
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    for (key, max, what) in LIST_LIMITS {
        let Some(m) = ctx.service.member(key) else {
            continue;
        };
        let Some(n) = m.value.as_array().and_then(known_len) else {
            continue;
        };
        if n > *max {
            sink.report(
                m.key_span,
                format!("`{key}` lists {n} {what}; ECS accepts at most {max}"),
            )
            .set_help(format!("keep at most {max}"));
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
            sink.report(
                expr.span,
                format!("the placement constraint expression is {len} characters; ECS accepts at most 2000"),
            )
            .set_help("shorten the expression (use attributes on the container instances to group them)");
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
            sink.report(
                m.key_span,
                format!("Service Connect service `{port}` has {n} client aliases; ECS accepts one"),
            )
            .set_help("keep one client alias; other services can use its DNS name and port");
        }
    }
}
