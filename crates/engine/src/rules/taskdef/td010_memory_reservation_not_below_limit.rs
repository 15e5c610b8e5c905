use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container's soft limit `memoryReservation` is not above its hard limit
    /// `memory` when both are set.
    ///
    /// ## Why is this bad?
    /// The reservation is what the container is guaranteed and the limit is where it is killed;
    /// a reservation above the limit cannot be honoured. The API reference says "memory must be
    /// greater than memoryReservation". (Windows containers do not support `memoryReservation`
    /// at all.)
    ///
    /// ## Known problems
    /// A reservation *equal* to the limit is not reported, although that sentence says "greater":
    /// such task definitions register and run (dask-cloudprovider's `ECSCluster` sets both to
    /// the same value, and a proposed correction of the developer guide, awsdocs
    /// amazon-ecs-developer-guide#242, reads "greater than or equal to"). It only makes the
    /// reservation say nothing the limit does not.
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
    /// - [ContainerDefinition.memoryReservation (API reference)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "If you specify both, memory must be greater than memoryReservation."
    /// - [awsdocs/amazon-ecs-developer-guide#242](https://github.com/awsdocs/amazon-ecs-developer-guide/pull/242)
    ///   and [dask-cloudprovider's ECS workers](https://github.com/dask/dask/issues/9480) (equal values in use)
    /// - [memoryReservation (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#ContainerDefinition-memoryReservation)
    /// - Checklist: task definition 9 (hard and soft limits).
    pub static RULE = {
        code: "TD010",
        name: "memory-reservation-not-below-limit",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a container's memoryReservation is above its memory limit",
        why: MemoryLimits,
    }
}

crate::messages! {
    "TD010";
    ABOVE_LIMIT = "container `{name}` reserves {reservation} MiB, more than its memory limit of {limit} MiB";
    HELP = "memoryReservation (soft limit) must not be above memory (hard limit): lower the reservation or raise the limit";
    RELATED_LIMIT = "the container's hard limit";
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
        if reservation <= limit {
            continue;
        }
        let (Some(res_node), Some(lim_node)) = (c.get("memoryReservation"), c.get("memory")) else {
            continue;
        };
        let name = ctx.container_name(c);
        let d = sink.report_msg(
            res_node.span,
            crate::msg!(
                ABOVE_LIMIT,
                name = name,
                reservation = reservation,
                limit = limit
            ),
        );
        d.set_help_msg(crate::msg!(HELP))
            .add_related_msg(lim_node.span, crate::msg!(RELATED_LIMIT));
    }
}
