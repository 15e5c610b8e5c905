use super::pairing_docker::{self, exposed, exposes, mapped_ports};
use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// compares the image's `EXPOSE` ports with the container's `portMappings`: a port the task
    /// maps that the image does not expose, or a port the image exposes that the task does not
    /// map (only when every mapped port is exposed, so one mismatch gives one finding). It
    /// says nothing when either side is unknown: no `EXPOSE` in the Dockerfile, no
    /// `portMappings` in the task, or a variable or template in either. A port a service's
    /// load balancer targets is `XF106`'s, on the service.
    ///
    /// ## Why is this bad?
    /// `EXPOSE` is documentation: Docker and ECS do not open, close or check ports because of
    /// it. But it is the image author's statement of where the program listens, and a task that
    /// maps 80 for an image that says 8080 usually means requests reach a port nothing listens
    /// on: target health checks fail and the service never becomes healthy. The other way
    /// round, an exposed port the task does not map is unreachable through the mappings (for a
    /// load balancer or Service Connect); that may be intended (a debug or admin port).
    ///
    /// ## Example
    /// `Dockerfile`: `EXPOSE 8080`; task definition:
    /// ```json
    /// { "name": "app", "portMappings": [{ "containerPort": 80 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "portMappings": [{ "containerPort": 8080 }] }
    /// ```
    /// or fix the `EXPOSE` line if the program really listens on 80.
    ///
    /// ## References
    /// - [Dockerfile reference: EXPOSE](https://docs.docker.com/reference/dockerfile/#expose)
    /// - [Amazon ECS task definition parameters: portMappings](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - No other tool compares the two files.
    pub static RULE = {
        code: "XF102",
        name: "exposed-port-not-mapped",
        target: CrossFile,
        severity: Info,
        category: Reliability,
        summary: "the image's EXPOSE ports and the task's port mappings disagree",
    }
}

crate::messages! {
    "XF102";
    MAPS_UNEXPOSED = "container `{name}` maps port {port}, but the image EXPOSEs only {exposed}";
    HELP_MAP_LISTENED = "map the port the program listens on, or correct EXPOSE in the Dockerfile if it is out of date (EXPOSE is documentation; nothing checks it)";
    RELATED_DECLARED_PORTS = "the ports the image declares";
    EXPOSES_UNMAPPED = "the image EXPOSEs {exposed}, but container `{name}` in the task definition maps only {mapped}";
    HELP_ADD_MAPPING = "add a port mapping for {exposed} if clients must reach it, or drop it from EXPOSE if the program does not listen there";
    RELATED_MAPPINGS = "the port mappings of `{name}`";
    AND_LIST = "{items} and {last}";
}

/// Ports a service's load balancer targets on the container (`XF106` reports those).
fn balanced_ports(project: &ProjectCtx<'_>, task_file: usize, name: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for pair in pairing::pairs(project) {
        if pair.task.file != task_file {
            continue;
        }
        for lb in pair.service.service.get_array("loadBalancers") {
            if lb.get_str("containerName") != Some(name) {
                continue;
            }
            if let Some(port) =
                util::int(lb.get("containerPort")).and_then(|p| u32::try_from(p).ok())
            {
                out.push(port);
            }
        }
    }
    out
}

/// "80, 443 and 8080": the ports as one argument.
fn list(ports: &[String]) -> Arg {
    match ports {
        [] => Arg::Code(String::new()),
        [one] => Arg::from(one),
        [rest @ .., last] => Arg::from(crate::msg!(
            AND_LIST,
            items = Arg::List(rest.iter().map(Arg::from).collect()),
            last = last
        )),
    }
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        let Some(exposed) = exposed(&pair) else {
            continue;
        };
        if exposed.is_empty() {
            continue;
        }
        let Some(mapped) = mapped_ports(pair.container) else {
            continue;
        };
        if mapped.is_empty() {
            continue;
        }
        let name = pair.name();
        let balanced = balanced_ports(project, pair.task.file, &name);
        let exposed_list: Vec<String> = exposed.iter().map(|e| e.text.clone()).collect();
        let first_expose = exposed.first().map(|e| e.span).unwrap_or_default();
        let mut reported = false;
        for (port, udp, node) in &mapped {
            if exposes(&exposed, *port, *udp) {
                continue;
            }
            // A mismatch on a balanced port is XF106's; the image side is not repeated.
            reported = true;
            if balanced.contains(port) {
                continue;
            }
            let proto = if *udp { "/udp" } else { "" };
            sink.report_msg_in(
                pair.task.file,
                node.span,
                crate::msg!(
                    MAPS_UNEXPOSED,
                    name = &name,
                    port = format!("{port}{proto}"),
                    exposed = list(&exposed_list)
                ),
            )
            .set_help_msg(crate::msg!(HELP_MAP_LISTENED))
            .add_related_in_msg(
                pair.docker.file,
                first_expose,
                crate::msg!(RELATED_DECLARED_PORTS),
            );
        }
        if reported {
            continue; // One mismatch, one finding: the image's ports are named in it.
        }
        let mapped_list: Vec<String> = mapped
            .iter()
            .map(|(p, udp, _)| {
                if *udp {
                    format!("{p}/udp")
                } else {
                    p.to_string()
                }
            })
            .collect();
        let mapping_span = pair
            .container
            .member("portMappings")
            .map_or_else(|| pair.task.task_head_span(), |m| m.key_span);
        for e in &exposed {
            let covered = mapped
                .iter()
                .any(|(p, udp, _)| *udp == e.udp && (e.from..=e.to).contains(p));
            if covered {
                continue;
            }
            sink.report_msg_in(
                pair.docker.file,
                e.span,
                crate::msg!(
                    EXPOSES_UNMAPPED,
                    exposed = &e.text,
                    name = &name,
                    mapped = list(&mapped_list)
                ),
            )
            .set_help_msg(crate::msg!(HELP_ADD_MAPPING, exposed = &e.text))
            .add_related_in_msg(
                pair.task.file,
                mapping_span,
                crate::msg!(RELATED_MAPPINGS, name = &name),
            );
        }
    }
}
