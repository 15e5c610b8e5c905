use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds service `tags` whose key starts with `aws:` (in any case).
    ///
    /// ## Why is this bad?
    /// The `aws:` prefix is reserved for AWS's own tags: users cannot create, edit or delete
    /// tags with it, so ECS refuses the request. `TD029` is the same check for task
    /// definitions.
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
        code: "SV013",
        name: "reserved-service-tag-prefix",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a service tag key that starts with the reserved aws: prefix",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    crate::rules::taskdef::td029_reserved_tag_prefix::report_reserved(ctx.service, sink);
}
