use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

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

/// Reports each tag of `owner` whose key starts with `aws:`.
pub fn report_reserved(owner: &Node, sink: &mut Sink<'_>) {
    for tag in owner.get_array("tags") {
        let Some(key_node) = tag.get_set("key") else {
            continue;
        };
        let Some(key) = key_node.as_str() else {
            continue;
        };
        if !key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            continue;
        }
        sink.report(
            key_node.span,
            format!("tag key `{key}` starts with `aws:`, a prefix reserved for AWS"),
        )
        .set_help("drop the `aws:` prefix (use your own, e.g. `team:`)");
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.shape == crate::models::taskdef::Shape::ContainerArray {
        return;
    }
    report_reserved(ctx.task, sink);
}
