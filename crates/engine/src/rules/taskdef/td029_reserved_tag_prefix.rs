use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds task definition `tags` whose key starts with `aws:` (in any case).
    ///
    /// ## Why is this bad?
    /// The `aws:` prefix is reserved for AWS's own tags: users cannot create, edit or delete
    /// tags with it, so `RegisterTaskDefinition` refuses the request. `SV013` is the same check
    /// for services.
    ///
    /// ## Example
    /// ```json
    /// { "tags": [{ "key": "aws:team", "value": "payments" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "tags": [{ "key": "team", "value": "payments" }] }
    /// ```
    ///
    /// ## References
    /// - [Tag](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html):
    ///   "Do not use aws:, AWS:, or any upper or lowercase combination of such as a prefix for
    ///   either keys or values as it is reserved for Amazon Web Services use. You cannot edit or
    ///   delete tag keys or values with this prefix." (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "TD029",
        name: "reserved-task-tag-prefix",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a task definition tag key that starts with the reserved aws: prefix",
    }
}

crate::messages! {
    "TD029";
    RESERVED = "tag key `{key}` starts with `aws:`, a prefix reserved for AWS";
    HELP = "drop the `aws:` prefix (use your own, e.g. `team:`)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.shape == crate::models::taskdef::Shape::ContainerArray {
        return;
    }
    for key_node in super::util::reserved_tag_keys(ctx.task) {
        let key = key_node.as_str().unwrap_or_default();
        sink.report_msg(key_node.span, crate::msg!(RESERVED, key = key))
            .set_help_msg(crate::msg!(HELP));
    }
}
