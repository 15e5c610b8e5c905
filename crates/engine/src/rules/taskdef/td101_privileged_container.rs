use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports containers with `"privileged": true` on EC2 and External. (On Fargate, where it
    /// is not supported at all, TD008 reports it as an error.)
    ///
    /// ## Why is this bad?
    /// A privileged container has every Linux capability and access to the host's devices: a
    /// compromise of the container is a compromise of the instance and of every task on it.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "privileged": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0",
    ///   "linuxParameters": { "capabilities": { "add": ["NET_BIND_SERVICE"] } } }
    /// ```
    ///
    /// ## References
    /// - [privileged](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security)
    /// - Security Hub ECS.4. Checkov CKV_AWS_334. Prowler ecs_task_definitions_no_privileged_containers. AWS Control Tower CT.ECS.PR.11.
    pub static RULE = {
        code: "TD101",
        name: "privileged-container",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a privileged container",
    }
}

crate::messages! {
    "TD101";
    PRIVILEGED = "container `{container}` runs privileged, with every capability and the host's devices";
    HELP_REMOVE_PRIVILEGED = "remove \"privileged\" and add only the capabilities the container needs in linuxParameters.capabilities.add";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_fargate() {
        return;
    }
    for c in &ctx.containers {
        if !util::is_true(c.get("privileged")) {
            continue;
        }
        let Some(node) = c.get("privileged") else {
            continue;
        };
        sink.report_msg(
            node.span,
            crate::msg!(PRIVILEGED, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_REMOVE_PRIVILEGED));
    }
}
