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
    let mut missing = Vec::new();
    let mut inserts = Vec::new();
    if !managed_ok {
        missing.push("`enableECSManagedTags` is not true");
        if managed.is_none() {
            inserts.push("\"enableECSManagedTags\": true");
        }
    }
    if !propagate_ok {
        missing.push("`propagateTags` is not SERVICE or TASK_DEFINITION");
        if propagate.is_none() {
            inserts.push("\"propagateTags\": \"SERVICE\"");
        }
    }
    let span = match (managed, propagate) {
        (Some(m), _) if !managed_ok => m.span(),
        (_, Some(p)) if !propagate_ok => p.span(),
        _ => ctx.service_head_span(),
    };
    let diagnostic = sink.report(
        span,
        format!(
            "{}, so the service's tasks carry no tags for cost reports and inventories",
            missing.join(" and ")
        ),
    );
    diagnostic.set_help("set `\"enableECSManagedTags\": true` and `\"propagateTags\": \"SERVICE\"` (or TASK_DEFINITION)");
    let existing_false =
        (!managed_ok && managed.is_some()) || (!propagate_ok && propagate.is_some());
    if !inserts.is_empty() && !existing_false {
        if let Some(edit) =
            crate::syntax::json_edit::insert_members(ctx.text, ctx.service, &inserts)
        {
            diagnostic.set_fix(
                "turn on managed tags and tag propagation",
                edit.span,
                edit.content,
            );
        }
    }
}
