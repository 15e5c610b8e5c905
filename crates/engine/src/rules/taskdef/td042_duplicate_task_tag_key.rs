use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

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

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    util::report_duplicate_tags(ctx.task.get_array("tags"), sink);
}
