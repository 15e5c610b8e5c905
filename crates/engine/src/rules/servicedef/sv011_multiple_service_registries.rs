use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service whose `serviceRegistries` lists more than one registry.
    ///
    /// ## Why is this bad?
    /// A service can be registered in one Cloud Map service only; `CreateService` refuses
    /// more.
    ///
    /// ## Example
    /// ```json
    /// { "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-a" },
    ///   { "registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-b" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-a" }] }
    /// ```
    /// To be reachable under several names, use Service Connect client aliases.
    ///
    /// ## References
    /// - [CreateService serviceRegistries](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    ///   and [ServiceRegistry](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html):
    ///   "Multiple service registries for each service isn't supported." (also in the ECS API
    ///   model botocore ships)
    pub static RULE = {
        code: "SV011",
        name: "multiple-service-registries",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "more than one entry in serviceRegistries",
    }
}

crate::messages! {
    "SV011";
    MANY = "`serviceRegistries` lists {count} registries; a service can have only one";
    HELP = "keep one registry; for more names use Service Connect client aliases";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(m) = ctx.service.member("serviceRegistries") else {
        return;
    };
    let Some(list) = m.value.as_array() else {
        return;
    };
    let objects = list.iter().filter(|n| n.as_object().is_some()).count();
    if objects < 2 {
        return;
    }
    sink.report_msg(m.key_span, crate::msg!(MANY, count = objects))
        .set_help_msg(crate::msg!(HELP));
}
