use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks `serviceName`: up to 255 letters, digits, underscores and hyphens. A name with
    /// template placeholders is not checked.
    ///
    /// ## Why is this bad?
    /// `CreateService` refuses any other character; a dot or a space (`api.v2`) fails the
    /// deployment.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "shop.api" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "serviceName": "shop-api" }
    /// ```
    ///
    /// ## References
    /// - [CreateService serviceName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are
    ///   allowed." (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "SV010",
        name: "invalid-service-name",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a service name with characters other than letters, digits, _ and -",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.service.get_set("serviceName") else {
        return;
    };
    let Some(name) = node.as_str().filter(|s| {
        !s.is_empty() && !node.is_placeholder() && !crate::syntax::value::is_placeholder_text(s)
    }) else {
        return;
    };
    let Some(problem) = crate::rules::taskdef::td028_invalid_name::name_problem(name) else {
        return;
    };
    sink.report(
        node.span,
        format!("service name `{name}` {problem}; ECS allows only letters, digits, `_` and `-`, up to 255"),
    )
    .set_help("rename the service (a new name creates a new service)");
}
