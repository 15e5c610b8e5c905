use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Under the `awsvpc` network mode (always so on Fargate) and the `host` network mode,
    /// checks that each port mapping's `hostPort` is unset or equal to its `containerPort`.
    ///
    /// ## Why is this bad?
    /// With `awsvpc` the task has its own network interface and there is no port translation:
    /// the container listens on the interface directly. With `host` the container listens on
    /// the instance's own ports. `RegisterTaskDefinition` rejects a different `hostPort` in
    /// both.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "portMappings": [{ "containerPort": 8080, "hostPort": 80 }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "portMappings": [{ "containerPort": 8080 }] }] }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition portMappings](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "If the network mode of a task definition is set to host, then host ports must either be
    ///   undefined or they must match the container port in the port mapping", and for awsvpc
    ///   "The hostPort can be left blank or it must be the same value as the containerPort"
    ///   (also in the ECS API model botocore ships).
    /// - [portMappings](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings)
    /// - cfn-lint E3053.
    pub static RULE = {
        code: "TD016",
        name: "host-port-mismatch",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a hostPort different from its containerPort under the awsvpc or host network mode",
    }
}

crate::messages! {
    "TD016";
    MISMATCH = "hostPort {host} differs from containerPort {container}, which the {mode} network mode does not allow";
    HELP_AWSVPC = "under awsvpc there is no port mapping: remove hostPort, or set it equal to containerPort";
    HELP_HOST = "the host network mode maps no ports: the container listens on the host's port directly; remove hostPort, or set it equal to containerPort";
    RELATED_CONTAINER_PORT = "the container port";
    FIX_SET = "set hostPort to {port}";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(mode @ ("awsvpc" | "host")) = ctx.network_mode() else {
        return;
    };
    for c in &ctx.containers {
        for pm in c.get_array("portMappings") {
            let (Some(container), Some(host)) = (
                util::int(pm.get_set("containerPort")),
                util::int(pm.get_set("hostPort")),
            ) else {
                continue;
            };
            if container == host {
                continue;
            }
            let (Some(host_node), Some(cont_node)) = (pm.get("hostPort"), pm.get("containerPort"))
            else {
                continue;
            };
            let d = sink.report_msg(
                host_node.span,
                crate::msg!(MISMATCH, host = host, container = container, mode = mode),
            );
            d.set_help_msg(if mode == "awsvpc" {
                crate::msg!(HELP_AWSVPC)
            } else {
                crate::msg!(HELP_HOST)
            })
            .add_related_msg(cont_node.span, crate::msg!(RELATED_CONTAINER_PORT));
            d.set_fix_msg(
                crate::msg!(FIX_SET, port = container),
                host_node.span,
                container.to_string(),
            );
        }
    }
}
