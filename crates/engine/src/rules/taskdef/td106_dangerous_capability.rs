use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

/// Capabilities that give a container power over the host or its network, and what they allow.
const DANGEROUS: &[(&str, &str)] = &[
    ("ALL", "every capability"),
    (
        "SYS_ADMIN",
        "mounts, namespaces and most of what root can do",
    ),
    (
        "NET_ADMIN",
        "changing the network configuration and firewall",
    ),
    (
        "SYS_PTRACE",
        "tracing and reading the memory of other processes",
    ),
    ("SYS_MODULE", "loading kernel modules"),
    ("SYS_RAWIO", "raw access to devices and memory"),
    (
        "DAC_READ_SEARCH",
        "reading any file regardless of permissions",
    ),
    ("BPF", "loading BPF programs into the kernel"),
];

crate::declare_rule! {
    /// ## What it does
    /// Reports Linux capabilities added in `linuxParameters.capabilities.add` that give a
    /// container power over the host: `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`,
    /// `SYS_MODULE`, `SYS_RAWIO`, `DAC_READ_SEARCH`, `BPF`.
    ///
    /// ## Why is this bad?
    /// These capabilities are most of what makes `privileged` dangerous: with `SYS_ADMIN` a
    /// process can mount filesystems and escape the container; with `SYS_PTRACE` it can read
    /// other processes' secrets. Add only the narrow capability the application needs (for
    /// example `NET_BIND_SERVICE`), and drop the rest.
    ///
    /// ## Example
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["SYS_ADMIN"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["NET_BIND_SERVICE"], "drop": ["ALL"] } } }
    /// ```
    ///
    /// ## References
    /// - [KernelCapabilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html)
    /// - Security Hub ECS.4 (the privileged counterpart). No dedicated Checkov or cfn-lint check.
    pub static RULE = {
        code: "TD106",
        name: "dangerous-capability",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a container adds a Linux capability that gives power over the host",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(add) = c
            .get_set("linuxParameters")
            .and_then(|l| l.get_set("capabilities"))
            .map(|cap| cap.get_array("add"))
        else {
            continue;
        };
        for item in add {
            let Some(cap) = util::known_str(Some(item)) else {
                continue;
            };
            let bare = cap.trim_start_matches("CAP_");
            let Some((_, what)) = DANGEROUS.iter().find(|(n, _)| n.eq_ignore_ascii_case(bare))
            else {
                continue;
            };
            sink.report(
                item.span,
                format!("container `{}` adds capability {cap}, which allows {what}", ctx.container_name(c)),
            )
            .set_help("remove it unless the container really needs it; add only narrow capabilities and drop the rest");
        }
    }
}
