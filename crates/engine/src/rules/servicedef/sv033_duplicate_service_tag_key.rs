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

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    util::report_duplicate_tags(ctx.service.get_array("tags"), sink);
}
