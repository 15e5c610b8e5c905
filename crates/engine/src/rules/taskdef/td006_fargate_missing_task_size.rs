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

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() || ctx.task.is_opaque() {
        return;
    }
    let missing: Vec<&str> = ["cpu", "memory"]
        .into_iter()
        .filter(|k| ctx.task.get_set(k).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let Some(req) = ctx.task.member("requiresCompatibilities") else {
        return;
    };
    let what = missing.join(" and ");
    let d = sink.report(
        req.key_span,
        format!("the task requires Fargate but sets no task-level {what}"),
    );
    d.set_help(format!(
        "add task-level {what} as strings, e.g. \"cpu\": \"256\", \"memory\": \"512\"; Fargate sizes the task from them"
    ));
}
