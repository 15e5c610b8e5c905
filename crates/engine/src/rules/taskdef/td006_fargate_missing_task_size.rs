use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a task that requires Fargate sets the task-level `cpu` and `memory`.
    ///
    /// ## Why is this bad?
    /// Fargate sizes the task from these two values and `RegisterTaskDefinition` rejects a
    /// Fargate task without them. Container-level values do not replace them.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memory": 512 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memory": 512 }] }
    /// ```
    ///
    /// ## References
    /// - [Task size for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
    /// - Checklist: task definition 9 (task size). cfn-lint E3048. AWS Control Tower CT.ECS.PR.7.
    pub static RULE = {
        code: "TD006",
        name: "fargate-missing-task-size",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a Fargate task without task-level cpu or memory",
        why: FargateSizes,
    }
}

crate::messages! {
    "TD006";
    NO_SIZE = "the task requires Fargate but sets no task-level {what}";
    HELP_ADD = "add task-level {what} as strings, e.g. \"cpu\": \"256\", \"memory\": \"512\"; Fargate sizes the task from them";
    CPU_AND_MEMORY = "cpu and memory";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() || ctx.task.is_opaque() {
        return;
    }
    let missing: Vec<&str> = ["cpu", "memory"]
        .into_iter()
        .filter(|k| ctx.task.get_set(k).is_none())
        .collect();
    let what = match missing.as_slice() {
        [] => return,
        [one] => crate::input::msg::Arg::from(*one),
        _ => crate::input::msg::Arg::from(crate::msg!(CPU_AND_MEMORY)),
    };
    let Some(req) = ctx.task.member("requiresCompatibilities") else {
        return;
    };
    let d = sink.report_msg(req.key_span, crate::msg!(NO_SIZE, what = what.clone()));
    d.set_help_msg(crate::msg!(HELP_ADD, what = what));
}
