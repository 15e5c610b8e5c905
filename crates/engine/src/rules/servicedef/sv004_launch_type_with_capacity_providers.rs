use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service that sets both `launchType` and a non-empty
    /// `capacityProviderStrategy`.
    ///
    /// ## Why is this bad?
    /// The two are alternatives: the API says that when a capacity provider strategy is
    /// given, `launchType` must be omitted, and rejects a request with both. An empty
    /// `"launchType": ""`, as
    /// `ecspresso init` writes it, is not sent and not reported. With a strategy, the capacity providers
    /// (`FARGATE`, `FARGATE_SPOT` or an Auto Scaling group provider) decide where tasks run.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE",
    ///   "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }] }
    /// ```
    /// The fix offered removes `launchType`.
    ///
    /// ## References
    /// - [CreateService: capacityProviderStrategy and launchType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    /// - Observed error: "InvalidParameterException: Specifying both a launch type and capacity
    ///   provider strategy is not supported. Remove one and try again."
    ///   ([pulumi/pulumi-awsx#599](https://github.com/pulumi/pulumi-awsx/issues/599))
    /// - Checklist 4.1 (capacity provider set on the cluster). ecspresso README: Fargate Spot
    ///   needs `capacityProviderStrategy` in the service definition.
    pub static RULE = {
        code: "SV004",
        name: "launch-type-with-capacity-providers",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "launchType and capacityProviderStrategy are both set",
    }
}

crate::messages! {
    "SV004";
    BOTH = "`launchType` {shown} is set together with `capacityProviderStrategy`; ECS accepts only one of them";
    HELP = "remove `launchType`: the capacity provider strategy already says where tasks run";
    RELATED_STRATEGY = "the capacity provider strategy";
    FIX_REMOVE = "remove `launchType`";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(object) = ctx.service.as_object() else {
        return;
    };
    let Some(strategy) = ctx.service.member("capacityProviderStrategy") else {
        return;
    };
    let non_empty =
        strategy.value.is_placeholder() || strategy.value.as_array().is_some_and(|a| !a.is_empty());
    if !non_empty {
        return;
    }
    let Some((index, launch)) = object.members.iter().enumerate().find(|(_, m)| {
        crate::syntax::value::keys_match(&m.key, "launchType")
            && !m.value.is_null()
            && m.value.as_str() != Some("")
    }) else {
        return;
    };
    let shown = launch.value.span.text(ctx.text);
    let diagnostic = sink.report_msg(launch.span(), crate::msg!(BOTH, shown = shown));
    diagnostic
        .set_help_msg(crate::msg!(HELP))
        .add_related_msg(strategy.key_span, crate::msg!(RELATED_STRATEGY));
    if crate::syntax::json_edit::is_json_text(ctx.text) {
        if let Some(edit) = crate::syntax::json_edit::remove_member(ctx.text, ctx.service, index) {
            diagnostic.set_fix_msg(crate::msg!(FIX_REMOVE), edit.span, edit.content);
        }
    }
}
