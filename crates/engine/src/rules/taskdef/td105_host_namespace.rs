use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Template;

crate::declare_rule! {
    /// ## What it does
    /// Reports a task that shares the host's namespaces: `"networkMode": "host"`,
    /// `"pidMode": "host"` or `"ipcMode": "host"`. (On Fargate `pidMode` and `ipcMode` are
    /// errors, reported by TD008.)
    ///
    /// ## Why is this bad?
    /// With the host network the containers bind the instance's ports and bypass the task's
    /// security groups; with the host PID namespace they see and can signal every process on the
    /// instance; with host IPC they share its shared memory. Each removes a layer between a
    /// compromised container and the host.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "host", "pidMode": "host" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc" }
    /// ```
    ///
    /// ## References
    /// - [Network mode](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode)
    /// - Security Hub [ECS.3](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3)
    ///   (pidMode host) and [ECS.17](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-17)
    ///   (host network mode). The retired ECS.1 (host network mode with a root user) was replaced
    ///   by ECS.17, ECS.4 (privileged containers) and ECS.20/ECS.21 (non-root users, `TD102`). Checklist: security 5 (awsvpc). Checkov CKV_AWS_335. KICS "ECS Task Definition Network Mode Not Recommended". AWS Control Tower CT.ECS.PR.8 and PR.10.
    pub static RULE = {
        code: "TD105",
        name: "host-namespace",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "the task shares the host's network, process or IPC namespace",
    }
}

crate::messages! {
    "TD105";
    NETWORK_HOST = "networkMode \"host\" shares the host's network: its containers bind the instance's ports and no task security group applies";
    PID_HOST = "pidMode \"host\" shares the host's process namespace: its containers see and can signal every process on the instance";
    IPC_HOST = "ipcMode \"host\" shares the host's IPC namespace";
    HELP_NETWORK = "use \"awsvpc\" so the task gets its own network interface and security groups";
    HELP_PID = "remove pidMode, or use \"task\" to share processes only between the task's containers";
    HELP_IPC = "remove ipcMode, or use \"task\"";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let keys: &[(&str, &Template, &Template)] = &[
        ("networkMode", &NETWORK_HOST, &HELP_NETWORK),
        ("pidMode", &PID_HOST, &HELP_PID),
        ("ipcMode", &IPC_HOST, &HELP_IPC),
    ];
    for (key, message, help) in keys {
        if ctx.is_fargate() && *key != "networkMode" {
            continue;
        }
        let Some(node) = ctx.task.get_set(key) else {
            continue;
        };
        if util::known_str(Some(node)) != Some("host") {
            continue;
        }
        sink.report_msg(node.span, crate::msg!(**message))
            .set_help_msg(crate::msg!(**help));
    }
}
