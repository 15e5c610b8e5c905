use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Reports essential Linux containers that set neither `stopTimeout` nor
    /// `linuxParameters.initProcessEnabled`.
    ///
    /// ## Why is this bad?
    /// When a task stops, ECS sends SIGTERM and, after `stopTimeout` (30 seconds by default),
    /// SIGKILL. An application started through a shell script often never sees SIGTERM: the
    /// shell is PID 1 and does not forward it, so in-flight requests are cut off at the
    /// SIGKILL. `initProcessEnabled` runs a tiny init that forwards signals and reaps zombies;
    /// `stopTimeout` states how long shutdown may take.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "stopTimeout": 60,
    ///   "linuxParameters": { "initProcessEnabled": true } }
    /// ```
    ///
    /// ## References
    /// - [Graceful shutdowns with ECS](https://aws.amazon.com/blogs/containers/graceful-shutdowns-with-ecs/)
    /// - Checklist: container image 3 (SIGTERM handling). hadolint DL3025 (exec-form CMD) for the Dockerfile side.
    pub static RULE = {
        code: "TD303",
        name: "no-graceful-shutdown",
        target: TaskDef,
        severity: Info,
        category: Reliability,
        summary: "an essential container with neither stopTimeout nor initProcessEnabled",
    }
}

crate::messages! {
    "TD303";
    NO_SHUTDOWN_SETTING = "container `{container}` sets neither stopTimeout nor initProcessEnabled";
    HELP_SHUTDOWN = "set \"linuxParameters\": {\"initProcessEnabled\": true} so SIGTERM reaches the application, and a stopTimeout that covers its shutdown";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_windows() {
        return;
    }
    for c in &ctx.containers {
        if c.is_opaque()
            || matches!(
                c.get("essential").map(|n| &n.kind),
                Some(NodeKind::Bool(false))
            )
        {
            continue;
        }
        if c.get_set("stopTimeout").is_some()
            || c.get_set("linuxParameters")
                .and_then(|l| l.get_set("initProcessEnabled"))
                .is_some()
        {
            continue;
        }
        sink.report_msg(
            TaskDefCtx::container_span(c),
            crate::msg!(NO_SHUTDOWN_SETTING, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_SHUTDOWN));
    }
}
