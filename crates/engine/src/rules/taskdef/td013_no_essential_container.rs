use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Checks that at least one container is essential. `essential` defaults to `true`, so this
    /// fires only when every container says `"essential": false`.
    ///
    /// ## Why is this bad?
    /// A task needs at least one essential container: its stop is what stops the task.
    /// `RegisterTaskDefinition` rejects a task whose containers are all non-essential.
    ///
    /// ## Example
    /// ```json
    /// { "containerDefinitions": [{ "name": "app", "image": "app:1.0", "essential": false }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "containerDefinitions": [{ "name": "app", "image": "app:1.0", "essential": true }] }
    /// ```
    /// The fix makes the first container essential.
    ///
    /// ## References
    /// - [essential (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment)
    /// - Observed error: "Task definition doesn't have any essential container."
    ///   ([eagletmt/hako#68](https://github.com/eagletmt/hako/pull/68); checked against the API on
    ///   2026-06-03 in [aws-cloudformation/cfn-lint#4536](https://github.com/aws-cloudformation/cfn-lint/pull/4536),
    ///   which also shows that an omitted `essential` counts as true)
    /// - cfn-lint E3042.
    pub static RULE = {
        code: "TD013",
        name: "no-essential-container",
        target: TaskDef,
        severity: Error,
        category: Reliability,
        summary: "no container of the task is essential",
    }
}

crate::messages! {
    "TD013";
    NONE_ESSENTIAL = "every container is \"essential\": false; a task needs at least one essential container";
    HELP = "mark the main container \"essential\": true; the task stops when it stops";
    RELATED_CONTAINER = "container `{name}`";
    FIX_ESSENTIAL = "make `{name}` essential";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.containers.is_empty() || super::util::containers_opaque(ctx) {
        return;
    }
    let all_false = ctx.containers.iter().all(|c| {
        matches!(
            c.get("essential").map(|n| &n.kind),
            Some(NodeKind::Bool(false))
        )
    });
    if !all_false {
        return;
    }
    let Some(first) = ctx.containers.first().and_then(|c| c.get("essential")) else {
        return;
    };
    let d = sink.report_msg(first.span, crate::msg!(NONE_ESSENTIAL));
    d.set_help_msg(crate::msg!(HELP));
    for c in ctx.containers.iter().skip(1) {
        if let Some(e) = c.get("essential") {
            d.add_related_msg(
                e.span,
                crate::msg!(RELATED_CONTAINER, name = ctx.container_name(c)),
            );
        }
    }
    d.set_fix_msg(
        crate::msg!(FIX_ESSENTIAL, name = ctx.container_name(ctx.containers[0])),
        first.span,
        "true",
    );
}
