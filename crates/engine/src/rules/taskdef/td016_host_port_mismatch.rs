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
            let d = sink.report(
                host_node.span,
                format!("hostPort {host} differs from containerPort {container}, which the {mode} network mode does not allow"),
            );
            d.set_help(if mode == "awsvpc" {
                "under awsvpc there is no port mapping: remove hostPort, or set it equal to containerPort"
            } else {
                "the host network mode maps no ports: the container listens on the host's port directly; remove hostPort, or set it equal to containerPort"
            })
                .add_related(cont_node.span, "the container port");
            d.set_fix(
                format!("set hostPort to {container}"),
                host_node.span,
                container.to_string(),
            );
        }
    }
}
