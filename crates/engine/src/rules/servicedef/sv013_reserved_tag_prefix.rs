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

crate::messages! {
    "SV013";
    RESERVED = "tag key `{key}` starts with `aws:`, a prefix reserved for AWS";
    HELP = "drop the `aws:` prefix (use your own, e.g. `team:`)";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    // TD029's test (`taskdef::util::reserved_tag_keys`) on the service's tags, in
    // SV013's own keyed sentences.
    for tag in ctx.service.get_array("tags") {
        let Some(key_node) = tag.get_set("key") else {
            continue;
        };
        let Some(key) = key_node.as_str() else {
            continue;
        };
        if !key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            continue;
        }
        sink.report_msg(key_node.span, crate::msg!(RESERVED, key = key))
            .set_help_msg(crate::msg!(HELP));
    }
}
