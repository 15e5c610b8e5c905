use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a FireLens log router container (one with `firelensConfiguration`) that sets
    /// neither `memory` nor `memoryReservation`.
    ///
    /// ## Why is this bad?
    /// The router buffers logs in memory. When its destination is slow its buffer grows, and
    /// without a stated size it competes with the application for the task's memory, which can
    /// end in the application being killed for memory the router took. A reservation (the
    /// FireLens examples use 50 MiB or more) and a buffer limit in its configuration keep it
    /// bounded.
    ///
    /// ## Example
    /// ```json
    /// { "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///   "firelensConfiguration": { "type": "fluentbit" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///   "firelensConfiguration": { "type": "fluentbit" }, "memoryReservation": 50 }
    /// ```
    ///
    /// ## References
    /// - [Custom log routing (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
    /// - Checklist: observability 2, task definition 9.
    pub static RULE = {
        code: "TD306",
        name: "firelens-without-memory-limit",
        target: TaskDef,
        severity: Info,
        category: Observability,
        summary: "a FireLens log router without a memory reservation or limit",
    }
}

crate::messages! {
    "TD306";
    NO_MEMORY = "log router `{container}` sets no memory or memoryReservation for its buffers";
    HELP_RESERVE = "give the log router a memoryReservation (50 MiB or more) and bound its buffers in its configuration";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(m) = c.member("firelensConfiguration") else {
            continue;
        };
        if m.value.is_null() || c.is_opaque() {
            continue;
        }
        if c.get_set("memory").is_some() || c.get_set("memoryReservation").is_some() {
            continue;
        }
        sink.report_msg(
            m.key_span,
            crate::msg!(NO_MEMORY, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_RESERVE));
    }
}
