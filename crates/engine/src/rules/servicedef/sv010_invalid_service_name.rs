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

crate::messages! {
    "SV010";
    HOLDS = "service name `{name}` holds {bad}; ECS allows only letters, digits, `_` and `-`, up to 255";
    TOO_LONG = "service name `{name}` is {count} characters long; ECS allows only letters, digits, `_` and `-`, up to 255";
    HELP = "rename the service (a new name creates a new service)";
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
    // The problems of `td028_invalid_name::name_issue`, each a sentence of its own.
    let message = if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        crate::msg!(HOLDS, name = name, bad = format!("{bad:?}"))
    } else if name.chars().count() > 255 {
        crate::msg!(TOO_LONG, name = name, count = name.chars().count())
    } else {
        return;
    };
    sink.report_msg(node.span, message)
        .set_help_msg(crate::msg!(HELP));
}
