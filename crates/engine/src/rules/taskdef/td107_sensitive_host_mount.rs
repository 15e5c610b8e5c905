use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Template;

/// Host paths whose mount gives a container control of, or secrets from, the host.
static SENSITIVE: &[(&str, &Template)] = &[
    ("/var/run/docker.sock", &WHAT_DOCKER_SOCKET),
    ("/run/docker.sock", &WHAT_DOCKER_SOCKET),
    (
        "/var/run/containerd/containerd.sock",
        &WHAT_CONTAINERD_SOCKET,
    ),
    ("/", &WHAT_HOST_ROOT),
    ("/etc", &WHAT_ETC),
    ("/root", &WHAT_ROOT_HOME),
    ("/proc", &WHAT_PROC),
    ("/sys", &WHAT_SYS),
    ("/dev", &WHAT_DEV),
    ("/boot", &WHAT_BOOT),
    ("/var/run", &WHAT_RUN),
    ("/run", &WHAT_RUN),
    ("/var/lib/docker", &WHAT_DOCKER_STORAGE),
    ("/home", &WHAT_HOME),
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

crate::messages! {
    "TD107";
    SENSITIVE_MOUNT = "volume `{volume}` mounts {path} from the host: {what}";
    HELP_AVOID = "avoid mounting it; if an agent really needs it, mount it readOnly and keep the container's image and permissions tight";
    RELATED_MOUNTED_BY = "mounted by container `{container}`";
    WHAT_DOCKER_SOCKET = "the Docker socket, which controls every container on the host";
    WHAT_CONTAINERD_SOCKET = "the containerd socket";
    WHAT_HOST_ROOT = "the host's whole filesystem";
    WHAT_ETC = "the host's configuration";
    WHAT_ROOT_HOME = "root's home directory";
    WHAT_PROC = "the host's processes";
    WHAT_SYS = "the host's kernel settings";
    WHAT_DEV = "the host's devices";
    WHAT_BOOT = "the host's kernel and boot files";
    WHAT_RUN = "the host's runtime sockets";
    WHAT_DOCKER_STORAGE = "Docker's storage, with every container's files";
    WHAT_HOME = "the users' home directories";
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
        let d = sink.report_msg(
            node.span,
            crate::msg!(
                SENSITIVE_MOUNT,
                volume = vname,
                path = trimmed,
                what = crate::msg!(**what)
            ),
        );
        d.set_help_msg(crate::msg!(HELP_AVOID));
        for c in &ctx.containers {
            for mp in c.get_array("mountPoints") {
                if mp.get_str("sourceVolume") == Some(vname) {
                    if let Some(s) = mp.get("sourceVolume") {
                        d.add_related_msg(
                            s.span,
                            crate::msg!(RELATED_MOUNTED_BY, container = ctx.container_name(c)),
                        );
                    }
                }
            }
        }
    }
}
