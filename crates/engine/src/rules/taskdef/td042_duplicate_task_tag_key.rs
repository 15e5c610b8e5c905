use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::span::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports a task definition tag whose `key` an earlier tag already has. Keys are
    /// case-sensitive: `Env` and `env` are two keys.
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
    /// - [RegisterTaskDefinition tags](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    ///   and [Tag](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html): "For
    ///   each resource, each tag key must be unique, and each tag key can have only one value."
    ///   (In the ECS API model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD042",
        name: "duplicate-task-tag-key",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "two task definition tags with the same key",
    }
}

crate::messages! {
    "TD042";
    TWICE = "the tag key `{key}` is given twice; each tag key may have only one value";
    HELP_KEEP_ONE = "keep one of the two tags";
    RELATED_FIRST = "first given here";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // `util::report_duplicate_tags` (tag keys are case-sensitive) in TD042's own keyed
    // sentences (as SV033 words them under its code).
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for tag in ctx.task.get_array("tags") {
        let Some(node) = tag.get_set("key") else {
            continue;
        };
        let Some(key) = util::known_str(Some(node)) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            sink.report_msg(node.span, crate::msg!(TWICE, key = key))
                .set_help_msg(crate::msg!(HELP_KEEP_ONE))
                .add_related_msg(*first, crate::msg!(RELATED_FIRST));
        } else {
            seen.push((key, node.span));
        }
    }
}
