use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service without `"enableECSManagedTags": true` or without `propagateTags`
    /// (`SERVICE` or `TASK_DEFINITION`).
    ///
    /// ## Why is this bad?
    /// Tags are how cost reports, IAM conditions and inventories find a service's tasks.
    /// Managed tags add the cluster and service name to each task; `propagateTags` copies
    /// the service's (or task definition's) own tags, such as the application version or
    /// environment, onto each task. Without them, tasks carry no tags at all.
    ///
    /// ## Example
    /// ```json
    /// { "desiredCount": 2 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2, "enableECSManagedTags": true, "propagateTags": "SERVICE" }
    /// ```
    /// The fix offered adds whichever of the two is missing.
    ///
    /// ## Fix safety
    /// It changes the tags the service's tasks carry from then on, which cost reports and tag-based
    /// IAM conditions can read.
    ///
    /// ## References
    /// - [Tagging Amazon ECS resources](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html)
    /// - Checklist 2.5 (managed tags and tag propagation), 2.6 and 2.7 (version and attribute
    ///   tags). Security Hub ECS.13 checks that the service itself has tags.
    pub static RULE = {
        code: "SV040",
        name: "no-tag-propagation",
        target: ServiceDef,
        severity: Info,
        category: Observability,
        summary: "ECS managed tags or tag propagation are not turned on",
        fix: Unsafe,
    }
}

crate::messages! {
    "SV040";
    NEITHER = "`enableECSManagedTags` is not true and `propagateTags` is not SERVICE or TASK_DEFINITION, so the service's tasks carry no tags for cost reports and inventories";
    NOT_MANAGED = "`enableECSManagedTags` is not true, so the service's tasks carry no tags for cost reports and inventories";
    NOT_PROPAGATED = "`propagateTags` is not SERVICE or TASK_DEFINITION, so the service's tasks carry no tags for cost reports and inventories";
    HELP = "set `\"enableECSManagedTags\": true` and `\"propagateTags\": \"SERVICE\"` (or TASK_DEFINITION)";
    FIX = "turn on managed tags and tag propagation";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() || ctx.service.is_opaque() {
        return;
    }
    let managed = ctx.service.member("enableECSManagedTags");
    let propagate = ctx.service.member("propagateTags");
    let managed_ok = managed.is_some_and(|m| m.value.as_bool() != Some(false));
    let propagate_ok =
        propagate.is_some_and(|m| m.value.as_str() != Some("NONE") && !m.value.is_null());
    if managed_ok && propagate_ok {
        return;
    }
    let mut inserts = Vec::new();
    if !managed_ok && managed.is_none() {
        inserts.push("\"enableECSManagedTags\": true");
    }
    if !propagate_ok && propagate.is_none() {
        inserts.push("\"propagateTags\": \"SERVICE\"");
    }
    let span = match (managed, propagate) {
        (Some(m), _) if !managed_ok => m.span(),
        (_, Some(p)) if !propagate_ok => p.span(),
        _ => ctx.service_head_span(),
    };
    let message = match (managed_ok, propagate_ok) {
        (false, false) => crate::msg!(NEITHER),
        (false, true) => crate::msg!(NOT_MANAGED),
        _ => crate::msg!(NOT_PROPAGATED),
    };
    let diagnostic = sink.report_msg(span, message);
    diagnostic.set_help_msg(crate::msg!(HELP));
    let existing_false =
        (!managed_ok && managed.is_some()) || (!propagate_ok && propagate.is_some());
    if !inserts.is_empty() && !existing_false {
        if let Some(edit) =
            crate::syntax::json_edit::insert_members(ctx.text, ctx.service, &inserts)
        {
            diagnostic.set_fix_msg(crate::msg!(FIX), edit.span, edit.content);
        }
    }
}
