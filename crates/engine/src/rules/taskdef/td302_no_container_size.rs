use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports containers that set no `cpu`, or neither `memory` nor `memoryReservation`, in a
    /// task with more than one container. (A single container gets the whole task.)
    ///
    /// ## Why is this bad?
    /// Container-level values say how the task's CPU and memory are shared. Without them every
    /// container competes for the task's share, a sidecar can starve the application, and
    /// Container Insights has no per-container reservation to compare use against, which is
    /// what right-sizing needs.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1.0" }, { "name": "envoy", "image": "envoy:1.30" }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "cpu": 384, "memoryReservation": 768 },
    ///  { "name": "envoy", "image": "envoy:1.30", "cpu": 128, "memoryReservation": 256 }]
    /// ```
    ///
    /// ## References
    /// - [How Amazon ECS manages CPU and memory resources](https://aws.amazon.com/blogs/containers/how-amazon-ecs-manages-cpu-and-memory-resources/)
    /// - Checklist: task definition 9 (hard and soft limits), observability 2.
    pub static RULE = {
        code: "TD302",
        name: "no-container-size",
        target: TaskDef,
        severity: Info,
        category: Sizing,
        summary: "a container of a multi-container task without its own cpu or memory",
        why: TaskDiagram,
    }
}

crate::messages! {
    "TD302";
    NO_CPU = "container `{container}` sets no cpu, so it shares the task's resources without a stated need";
    NO_MEMORY = "container `{container}` sets no memory or memoryReservation, so it shares the task's resources without a stated need";
    NO_CPU_NO_MEMORY = "container `{container}` sets no cpu and no memory or memoryReservation, so it shares the task's resources without a stated need";
    HELP_SIZE = "give each container the cpu and memoryReservation it needs; Container Insights then shows use against them";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.containers.len() < 2 {
        return;
    }
    for c in &ctx.containers {
        // A log router's memory is TD306's finding.
        if c.is_opaque() || c.get_set("firelensConfiguration").is_some() {
            continue;
        }
        let no_cpu = c.get_set("cpu").is_none();
        let no_memory = c.get_set("memory").is_none() && c.get_set("memoryReservation").is_none();
        let message = match (no_cpu, no_memory) {
            (true, true) => &NO_CPU_NO_MEMORY,
            (true, false) => &NO_CPU,
            (false, true) => &NO_MEMORY,
            (false, false) => continue,
        };
        sink.report_msg(
            TaskDefCtx::container_span(c),
            crate::msg!(*message, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_SIZE));
    }
}
