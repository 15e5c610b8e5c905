use super::pairing_docker::{self, exposed, exposes};
use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition, its task definition and the Dockerfile of the task's
    /// application container are linted together, reports a `loadBalancers[].containerPort`
    /// for that container that the image does not `EXPOSE`. It says nothing when the Dockerfile
    /// has no `EXPOSE` or the port is a variable or template. A port the task does not map at
    /// all is `SV060`'s.
    ///
    /// ## Why is this bad?
    /// The load balancer sends requests and health checks to this port. `EXPOSE` is only
    /// documentation, but it is where the image says its program listens: a load balancer port
    /// that differs usually means targets that never pass their health check, and a deployment
    /// that never becomes stable.
    ///
    /// ## Example
    /// `Dockerfile`: `EXPOSE 3000`; service definition:
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "...", "containerName": "app", "containerPort": 80 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "...", "containerName": "app", "containerPort": 3000 }] }
    /// ```
    /// with a port mapping for 3000 in the task definition.
    ///
    /// ## References
    /// - [Use load balancing to distribute Amazon ECS service traffic](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html)
    /// - [Dockerfile reference: EXPOSE](https://docs.docker.com/reference/dockerfile/#expose)
    pub static RULE = {
        code: "XF106",
        name: "load-balancer-port-not-exposed",
        target: CrossFile,
        severity: Info,
        category: Reliability,
        summary: "the service's load balancer targets a container port the image does not EXPOSE",
    }
}

crate::messages! {
    "XF106";
    NOT_EXPOSED = "the load balancer sends traffic to port {port} of `{name}`, but the image EXPOSEs only {exposed}";
    HELP_POINT = "point the load balancer (and the port mapping) at the port the program listens on, or correct EXPOSE if it is out of date";
    RELATED_DECLARED_PORTS = "the ports the image declares";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    let docker_pairs = pairing_docker::pairs(project);
    if docker_pairs.is_empty() {
        return;
    }
    for pair in pairing::pairs(project) {
        let Some(docker) = docker_pairs.iter().find(|d| d.task.file == pair.task.file) else {
            continue;
        };
        let Some(list) = exposed(docker) else {
            continue;
        };
        if list.is_empty() {
            continue;
        }
        let name = docker.name();
        let mapped: Vec<i64> = docker
            .container
            .get_array("portMappings")
            .iter()
            .filter_map(|m| util::int(m.get("containerPort")))
            .collect();
        for lb in pair.service.service.get_array("loadBalancers") {
            if lb.get_str("containerName") != Some(name.as_str()) {
                continue;
            }
            let Some(node) = lb.get("containerPort") else {
                continue;
            };
            let Some(port) = util::int(Some(node)) else {
                continue;
            };
            if !mapped.contains(&port) {
                continue; // SV060 reports a port the task does not map.
            }
            let Ok(port_u32) = u32::try_from(port) else {
                continue;
            };
            if exposes(&list, port_u32, false) {
                continue;
            }
            let declared: Vec<Arg> = list.iter().map(|e| Arg::from(&e.text)).collect();
            sink.report_msg_in(
                pair.service.file,
                node.span,
                crate::msg!(
                    NOT_EXPOSED,
                    port = port,
                    name = &name,
                    exposed = Arg::List(declared)
                ),
            )
            .set_help_msg(crate::msg!(HELP_POINT))
            .add_related_in_msg(
                docker.docker.file,
                list.first().map(|e| e.span).unwrap_or_default(),
                crate::msg!(RELATED_DECLARED_PORTS),
            );
        }
    }
}
