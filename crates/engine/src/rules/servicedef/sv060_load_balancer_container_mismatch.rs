use super::pairing;
use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, checks that
    /// each `loadBalancers[]` entry names a container of the task (`containerName`) and a
    /// port that container maps (`containerPort` among its `portMappings`).
    ///
    /// ## Why is this bad?
    /// ECS registers the named container and port in the target group, and the port "must
    /// correspond to a containerPort in the task definition the tasks in the service are using".
    /// A port the container does not map makes `CreateService` fail
    /// (`InvalidParameterException: The container app did not have a container port 80
    /// defined.`). The container name is what ECS registers: one the task does not have
    /// leaves nothing to register.
    ///
    /// ## Example
    /// Service: `"loadBalancers": [{ "containerName": "app", "containerPort": 80 }]`;
    /// task: one container `web` mapping port 8080.
    ///
    /// ## Use instead
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "...", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## References
    /// - [Use load balancing to distribute Amazon ECS service traffic](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html)
    /// - `LoadBalancer.containerPort` in the API reference; the refusal as reported in
    ///   [pulumi/pulumi-awsx#1172](https://github.com/pulumi/pulumi-awsx/issues/1172).
    /// - `ecspresso verify` checks the same match; cfn-lint E3049 checks the target group side.
    /// - Checklist 5.1 (ingress through a load balancer).
    pub static RULE = {
        code: "SV060",
        name: "load-balancer-container-mismatch",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a service's load balancer names a container or port the task definition lacks",
    }
}

crate::messages! {
    "SV060";
    NO_CONTAINER = "the load balancer sends traffic to container `{name}`, but the task definition has no such container";
    HELP_CONTAINERS = "use one of the task's containers: {names}";
    RELATED_CONTAINERS = "the task's containers";
    NO_PORT = "the load balancer sends traffic to port {port} of container `{name}`, which maps no port";
    PORT_NOT_MAPPED = "the load balancer sends traffic to port {port} of container `{name}`, which maps only {ports}";
    HELP_PORT = "add a port mapping for {port} to `{name}`, or point the load balancer at a mapped port";
    RELATED_MAPPINGS = "the port mappings of `{name}`";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let service = &pair.service;
        let task = &pair.task;
        if task.containers.is_empty() {
            continue;
        }
        for lb in service.service.get_array("loadBalancers") {
            let Some(name_node) = lb.get("containerName") else {
                continue;
            };
            let Some(name) = name_node.as_str().filter(|_| !name_node.is_placeholder()) else {
                continue;
            };
            let container = task
                .containers
                .iter()
                .find(|c| c.get_str("name") == Some(name));
            let Some(container) = container else {
                if task.containers.iter().any(|c| {
                    c.get("name")
                        .is_none_or(crate::syntax::value::Node::is_placeholder)
                }) {
                    continue;
                }
                let names: Vec<Arg> = task
                    .containers
                    .iter()
                    .filter_map(|c| c.get_str("name"))
                    .map(|n| Arg::Code(format!("`{n}`")))
                    .collect();
                let span = task
                    .task
                    .member("containerDefinitions")
                    .map_or_else(|| task.task_head_span(), |m| m.key_span);
                sink.report_msg_in(
                    service.file,
                    name_node.span,
                    crate::msg!(NO_CONTAINER, name = name),
                )
                .set_help_msg(crate::msg!(HELP_CONTAINERS, names = Arg::List(names)))
                .add_related_in_msg(
                    task.file,
                    span,
                    crate::msg!(RELATED_CONTAINERS),
                );
                continue;
            };
            let Some(port_node) = lb.get("containerPort") else {
                continue;
            };
            let Some(port) = port_node
                .as_i64_lenient()
                .filter(|_| !port_node.is_placeholder())
            else {
                continue;
            };
            let mappings = container.get_array("portMappings");
            if mappings
                .iter()
                .any(|m| m.get("containerPort").is_none_or(|p| p.is_placeholder()))
            {
                continue;
            }
            let ports: Vec<i64> = mappings
                .iter()
                .filter_map(|m| {
                    m.get("containerPort")
                        .and_then(crate::syntax::value::Node::as_i64_lenient)
                })
                .collect();
            if ports.contains(&port) {
                continue;
            }
            let message = if ports.is_empty() {
                crate::msg!(NO_PORT, port = port, name = name)
            } else {
                let listed = ports.iter().map(|p| Arg::Int(*p)).collect();
                crate::msg!(
                    PORT_NOT_MAPPED,
                    port = port,
                    name = name,
                    ports = Arg::List(listed)
                )
            };
            let related = container
                .member("portMappings")
                .map_or_else(|| TaskDefCtx::container_span(container), |m| m.key_span);
            sink.report_msg_in(service.file, port_node.span, message)
                .set_help_msg(crate::msg!(HELP_PORT, port = port, name = name))
                .add_related_in_msg(
                    task.file,
                    related,
                    crate::msg!(RELATED_MAPPINGS, name = name),
                );
        }
    }
}
