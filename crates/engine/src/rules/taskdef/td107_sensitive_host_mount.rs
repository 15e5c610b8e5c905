use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

/// Host paths whose mount gives a container control of, or secrets from, the host.
const SENSITIVE: &[(&str, &str)] = &[
    (
        "/var/run/docker.sock",
        "the Docker socket, which controls every container on the host",
    ),
    (
        "/run/docker.sock",
        "the Docker socket, which controls every container on the host",
    ),
    (
        "/var/run/containerd/containerd.sock",
        "the containerd socket",
    ),
    ("/", "the host's whole filesystem"),
    ("/etc", "the host's configuration"),
    ("/root", "root's home directory"),
    ("/proc", "the host's processes"),
    ("/sys", "the host's kernel settings"),
    ("/dev", "the host's devices"),
    ("/boot", "the host's kernel and boot files"),
    ("/var/run", "the host's runtime sockets"),
    ("/run", "the host's runtime sockets"),
    (
        "/var/lib/docker",
        "Docker's storage, with every container's files",
    ),
    ("/home", "the users' home directories"),
];

crate::declare_rule! {
    /// ## What it does
    /// Reports host volumes whose `sourcePath` is a sensitive path of the instance: the Docker
    /// socket, `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/root`, `/var/run`, `/var/lib/docker`...
    ///
    /// ## Why is this bad?
    /// A container with the Docker socket can start a privileged container and own the host;
    /// one with `/etc` or `/` can change the host's configuration or read its secrets. Monitoring
    /// agents sometimes need read-only access to `/proc` or `/sys`: mount those `readOnly`, and
    /// keep this finding as a reminder of the trust it needs.
    ///
    /// ## Example
    /// ```json
    /// { "volumes": [{ "name": "docker", "host": { "sourcePath": "/var/run/docker.sock" } }] }
    /// ```
    ///
    /// ## Use instead
    /// Use the ECS and CloudWatch APIs, or a volume the task owns:
    /// ```json
    /// { "volumes": [{ "name": "scratch" }] }
    /// ```
    ///
    /// ## References
    /// - [Bind mounts](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html)
    /// - No dedicated Security Hub control, checklist item or Checkov check; it guards the same
    ///   host access as Security Hub ECS.4 (privileged) and ECS.3 (host PID).
    pub static RULE = {
        code: "TD107",
        name: "sensitive-host-mount",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a host volume that exposes a sensitive path of the instance",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_fargate() {
        return;
    }
    for v in ctx.task.get_array("volumes") {
        let Some(node) = v.get_set("host").and_then(|h| h.get_set("sourcePath")) else {
            continue;
        };
        let Some(path) = util::known_str(Some(node)) else {
            continue;
        };
        let trimmed = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        let Some((_, what)) = SENSITIVE.iter().find(|(p, _)| *p == trimmed) else {
            continue;
        };
        let vname = v.get_str("name").unwrap_or("?");
        let d = sink.report(
            node.span,
            format!("volume `{vname}` mounts {trimmed} from the host: {what}"),
        );
        d.set_help("avoid mounting it; if an agent really needs it, mount it readOnly and keep the container's image and permissions tight");
        for c in &ctx.containers {
            for mp in c.get_array("mountPoints") {
                if mp.get_str("sourceVolume") == Some(vname) {
                    if let Some(s) = mp.get("sourceVolume") {
                        d.add_related(
                            s.span,
                            format!("mounted by container `{}`", ctx.container_name(c)),
                        );
                    }
                }
            }
        }
    }
}
