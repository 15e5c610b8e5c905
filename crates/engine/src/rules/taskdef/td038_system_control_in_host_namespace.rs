use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports `systemControls` that set a kernel parameter of a namespace the task shares
    /// with the host: network parameters (`net.*`) under the `host` network mode, and IPC
    /// parameters (`kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`,
    /// `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`,
    /// `fs.mqueue.*`) with `ipcMode: host`.
    ///
    /// ## Why is this bad?
    /// A namespaced sysctl changes the namespace it is set in. With the host's namespace that
    /// would change the container instance itself and every other task on it, so ECS does
    /// not support it and Docker refuses to start such a container.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "host", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "systemControls": [{ "namespace": "net.core.somaxconn", "value": "4096" }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "systemControls": [{ "namespace": "net.core.somaxconn", "value": "4096" }] }] }
    /// ```
    ///
    /// ## References
    /// - [SystemControl](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html):
    ///   "For tasks that use the host network mode, the network namespace systemControls aren't
    ///   supported"; "For tasks that use the host IPC mode, IPC namespace systemControls aren't
    ///   supported." [RegisterTaskDefinition ipcMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html):
    ///   "For tasks that use the host IPC mode, IPC namespace related systemControls are not
    ///   supported." (In the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    /// - [Docker run --sysctl](https://docs.docker.com/reference/cli/docker/container/run/#sysctl):
    ///   network and IPC sysctls are not allowed with `--network=host` / `--ipc=host`.
    pub static RULE = {
        code: "TD038",
        name: "system-control-in-host-namespace",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a network or IPC sysctl in systemControls while the task shares that namespace with the host",
    }
}

/// The IPC namespace's sysctls (Docker's list).
fn is_ipc_sysctl(name: &str) -> bool {
    matches!(
        name,
        "kernel.msgmax"
            | "kernel.msgmnb"
            | "kernel.msgmni"
            | "kernel.sem"
            | "kernel.shmall"
            | "kernel.shmmax"
            | "kernel.shmmni"
            | "kernel.shm_rmid_forced"
    ) || name.starts_with("fs.mqueue.")
}

crate::messages! {
    "TD038";
    SYSCTL_NET = "container `{container}` sets {sysctl}, but the task shares the host's network namespace";
    SYSCTL_IPC = "container `{container}` sets {sysctl}, but the task shares the host's IPC namespace";
    HELP_NET = "remove the network sysctl, or stop sharing the host's network namespace (networkMode)";
    HELP_IPC = "remove the IPC sysctl, or stop sharing the host's IPC namespace (ipcMode)";
    RELATED_SHARED_HERE = "the task shares the host's namespace here";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let host_net = ctx.network_mode() == Some("host");
    let host_ipc = util::known_str(ctx.task.get_set("ipcMode")) == Some("host");
    if !host_net && !host_ipc {
        return;
    }
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for sc in c.get_array("systemControls") {
            let Some(ns_node) = sc.get_set("namespace") else {
                continue;
            };
            let Some(ns) = util::known_str(Some(ns_node)) else {
                continue;
            };
            let (message, help, key) = if host_net && ns.starts_with("net.") {
                (&SYSCTL_NET, &HELP_NET, "networkMode")
            } else if host_ipc && is_ipc_sysctl(ns) {
                (&SYSCTL_IPC, &HELP_IPC, "ipcMode")
            } else {
                continue;
            };
            let d = sink.report_msg(
                ns_node.span,
                crate::msg!(*message, container = &name, sysctl = ns),
            );
            d.set_help_msg(crate::msg!(*help));
            if let Some(m) = ctx.task.member(key) {
                d.add_related_msg(m.value.span, crate::msg!(RELATED_SHARED_HERE));
            }
        }
    }
}
