use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container's soft limit `memoryReservation` is below its hard limit
    /// `memory` when both are set.
    ///
    /// ## Why is this bad?
    /// The reservation is what the container is guaranteed and the limit is where it is killed;
    /// a reservation at or above the limit makes no sense and `RegisterTaskDefinition` rejects
    /// it. (Windows containers do not support `memoryReservation` at all.)
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "memory": 256, "memoryReservation": 512 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "memory": 512, "memoryReservation": 256 }
    /// ```
    ///
    /// ## References
    /// - [memoryReservation (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#ContainerDefinition-memoryReservation)
    /// - Checklist: task definition 9 (hard and soft limits).
    pub static RULE = {
        code: "TD010",
        name: "memory-reservation-not-below-limit",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a container's memoryReservation is not below its memory limit",
        why: MemoryLimits,
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // Windows has no memoryReservation: the comparison means nothing there.
    if ctx.is_windows() {
        return;
    }
    for c in &ctx.containers {
        let (Some(limit), Some(reservation)) = (
            util::int(c.get_set("memory")),
            util::int(c.get_set("memoryReservation")),
        ) else {
            continue;
        };
        if reservation < limit {
            continue;
        }
        let (Some(res_node), Some(lim_node)) = (c.get("memoryReservation"), c.get("memory")) else {
            continue;
        };
        let name = ctx.container_name(c);
        let d = sink.report(
            res_node.span,
            format!("container `{name}` reserves {reservation} MiB, not less than its memory limit of {limit} MiB"),
        );
        d.set_help("memoryReservation (soft limit) must be lower than memory (hard limit): lower the reservation or raise the limit")
            .add_related(lim_node.span, "the container's hard limit");
    }
}
