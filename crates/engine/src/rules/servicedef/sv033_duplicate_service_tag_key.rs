use crate::input::span::Span;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports a service tag whose `key` an earlier tag already has. Keys are case-sensitive:
    /// `Env` and `env` are two keys.
    ///
    /// ## Why is this bad?
    /// A resource's tag keys are unique, each with one value. Which value was meant is
    /// unclear, and the API refuses the duplicate.
    ///
    /// ## Example
    /// ```json
    /// { "tags": [{ "key": "team", "value": "payments" }, { "key": "team", "value": "checkout" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "tags": [{ "key": "team", "value": "payments" }] }
    /// ```
    ///
    /// ## References
    /// - [CreateService tags](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   "For each resource, each tag key must be unique, and each tag key can have only one
    ///   value." (In the ECS API model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV033",
        name: "duplicate-service-tag-key",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "two service tags with the same key",
    }
}

crate::messages! {
    "SV033";
    TWICE = "the tag key `{key}` is given twice; each tag key may have only one value";
    HELP = "keep one of the two tags";
    RELATED_FIRST = "first given here";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    // TD042's test (`util::report_duplicate_tags`: tag keys are case-sensitive) on the
    // service's tags, in SV033's own keyed sentences.
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for tag in ctx.service.get_array("tags") {
        let Some(node) = tag.get_set("key") else {
            continue;
        };
        let Some(key) = util::known_str(Some(node)) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            sink.report_msg(node.span, crate::msg!(TWICE, key = key))
                .set_help_msg(crate::msg!(HELP))
                .add_related_msg(*first, crate::msg!(RELATED_FIRST));
        } else {
            seen.push((key, node.span));
        }
    }
}
