use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::{Node, NodeKind};

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// On a Windows task definition (`runtimePlatform.operatingSystemFamily` `WINDOWS_*`, or
    /// Windows images when there is no `runtimePlatform`), reports the parameters the ECS API
    /// reference says Windows containers do not support: the task's `pidMode` and `ipcMode`;
    /// a container's `links`, `linuxParameters`, `user`, `disableNetworking`, `privileged`,
    /// `readonlyRootFilesystem`, `dnsServers`, `dnsSearchDomains`, `extraHosts`, `ulimits` and
    /// `systemControls`; and a Docker volume whose driver is not `local`. Values that set
    /// nothing (`false`, `""`, `[]`, `null`) are not reported.
    ///
    /// ## Why is this bad?
    /// These are Linux kernel and Docker-on-Linux features. On Windows they are refused or
    /// silently have no effect, and a setting that looks like protection
    /// (`readonlyRootFilesystem`, `user`) protects nothing.
    ///
    /// ## Example
    /// ```json
    /// { "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis",
    ///     "readonlyRootFilesystem": true, "user": "1000" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" }] }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
    ///   (links, linuxParameters, user, disableNetworking, readonlyRootFilesystem, dnsServers,
    ///   dnsSearchDomains, ulimits): "This parameter is not supported for Windows containers";
    ///   privileged: "This parameter is not supported for Windows containers or tasks run on
    ///   Fargate"; extraHosts: "This parameter isn't supported for Windows containers or tasks
    ///   that use the awsvpc network mode".
    /// - [RegisterTaskDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    ///   pidMode: "This parameter is not supported for Windows containers"; ipcMode: "This
    ///   parameter is not supported for Windows containers or tasks run on Fargate";
    ///   [SystemControl](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html):
    ///   "This parameter is not supported for Windows containers";
    ///   [DockerVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DockerVolumeConfiguration.html):
    ///   "Windows containers only support the use of the local driver". (All in the ECS API
    ///   model botocore ships; catalogued in `data/ecs-constraints.json`.)
    /// - A warning: on EC2 the task definition does not say its operating system, so
    ///   registration cannot refuse these; the API reference does not say which are refused
    ///   and which ignored.
    pub static RULE = {
        code: "TD035",
        name: "windows-unsupported-parameter",
        target: TaskDef,
        severity: Warning,
        category: Schema,
        summary: "a parameter Windows containers do not support, on a Windows task",
    }
}

/// The container parameters the API reference says Windows containers do not support.
const CONTAINER_KEYS: &[&str] = &[
    "links",
    "linuxParameters",
    "user",
    "disableNetworking",
    "privileged",
    "readonlyRootFilesystem",
    "dnsServers",
    "dnsSearchDomains",
    "extraHosts",
    "ulimits",
    "systemControls",
];

/// Does the value set something (not `false`, `""`, `[]`, `{}` or `null`)?
fn sets_something(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Null | NodeKind::Bool(false) | NodeKind::Invalid => false,
        NodeKind::String(s) => !s.is_empty(),
        NodeKind::Array(a) => !a.is_empty(),
        NodeKind::Object(o) => !o.members.is_empty() || o.opaque,
        _ => true,
    }
}

crate::messages! {
    "TD035";
    TASK_KEY = "{key} is not supported for Windows containers";
    CONTAINER_KEY = "container `{container}` sets {key}, which Windows containers do not support";
    VOLUME_DRIVER = "volume `{volume}` uses the {driver} driver; Windows containers support only \"local\"";
    HELP_REMOVE = "remove it: Windows containers do not support it";
    RELATED_WINDOWS = "the task runs Windows";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_windows() {
        return;
    }
    let platform = ctx
        .task
        .get_set("runtimePlatform")
        .and_then(|p| p.get("operatingSystemFamily"))
        .map(|n| n.span);
    let report = |sink: &mut Sink<'_>, span, message: crate::input::msg::Msg| {
        let d = sink.report_msg(span, message);
        d.set_help_msg(crate::msg!(HELP_REMOVE));
        if let Some(p) = platform {
            d.add_related_msg(p, crate::msg!(RELATED_WINDOWS));
        }
    };
    for key in ["pidMode", "ipcMode"] {
        if let Some(m) = ctx.task.member(key).filter(|m| sets_something(&m.value)) {
            report(sink, m.key_span, crate::msg!(TASK_KEY, key = key));
        }
    }
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for key in CONTAINER_KEYS {
            if let Some(m) = c.member(key).filter(|m| sets_something(&m.value)) {
                report(
                    sink,
                    m.key_span,
                    crate::msg!(CONTAINER_KEY, container = &name, key = *key),
                );
            }
        }
    }
    for v in ctx.task.get_array("volumes") {
        let Some(driver) = v
            .get_set("dockerVolumeConfiguration")
            .and_then(|d| d.get_set("driver"))
        else {
            continue;
        };
        if let Some(text) = util::known_str(Some(driver)).filter(|d| *d != "local") {
            let vname = v.get_str("name").unwrap_or("?");
            report(
                sink,
                driver.span,
                crate::msg!(VOLUME_DRIVER, volume = vname, driver = format!("{text:?}")),
            );
        }
    }
}
