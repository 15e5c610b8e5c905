use crate::models::taskdef::{Shape, TaskDefCtx};
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// On EC2 and External, when the task sets no task-level `memory`, checks that every
    /// container sets `memory` (hard limit) or `memoryReservation` (soft limit).
    ///
    /// ## Why is this bad?
    /// ECS places the task by the memory it reserves. Without a task-level value it needs a value
    /// for every container, and `RegisterTaskDefinition` rejects a container with neither.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["EC2"],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["EC2"],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memoryReservation": 256 }] }
    /// ```
    ///
    /// ## References
    /// - [Container memory (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory)
    /// - Observed error: "Invalid setting for container 'my-container'. At least one of 'memory' or
    ///   'memoryReservation' must be specified." ([sil-org/ecs-deploy#59](https://github.com/sil-org/ecs-deploy/issues/59))
    /// - Checklist: task definition 9 (task size). AWS Config ecs-task-definition-memory-hard-limit, AWS Control Tower CT.ECS.PR.7.
    pub static RULE = {
        code: "TD009",
        name: "container-memory-missing",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a container with no memory or memoryReservation in a task without task memory",
        why: MemoryLimits,
    }
}

crate::messages! {
    "TD009";
    NO_MEMORY = "container `{name}` sets neither memory nor memoryReservation, and the task sets no memory";
    HELP = "set memoryReservation (what it needs, used for placement) and, if you want a hard limit, memory; or set the task-level memory";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_fargate() || ctx.shape == Shape::ContainerArray || ctx.task.is_opaque() {
        return;
    }
    if ctx.task.get_set("memory").is_some() {
        return;
    }
    for c in &ctx.containers {
        if c.is_opaque()
            || c.get_set("memory").is_some()
            || c.get_set("memoryReservation").is_some()
        {
            continue;
        }
        let name = ctx.container_name(c);
        let d = sink.report_msg(
            TaskDefCtx::container_span(c),
            crate::msg!(NO_MEMORY, name = name),
        );
        d.set_help_msg(crate::msg!(HELP));
    }
}
