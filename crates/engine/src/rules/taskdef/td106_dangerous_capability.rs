use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Template;

/// Capabilities that give a container power over the host or its network, and what they allow.
static DANGEROUS: &[(&str, &Template)] = &[
    ("ALL", &ALLOWS_ALL),
    ("SYS_ADMIN", &ALLOWS_SYS_ADMIN),
    ("NET_ADMIN", &ALLOWS_NET_ADMIN),
    ("SYS_PTRACE", &ALLOWS_SYS_PTRACE),
    ("SYS_MODULE", &ALLOWS_SYS_MODULE),
    ("SYS_RAWIO", &ALLOWS_SYS_RAWIO),
    ("DAC_READ_SEARCH", &ALLOWS_DAC_READ_SEARCH),
];

/// The capabilities the ECS API reference lists as valid for `add` and `drop`.
const KNOWN: &[&str] = &[
    "ALL",
    "AUDIT_CONTROL",
    "AUDIT_WRITE",
    "BLOCK_SUSPEND",
    "CHOWN",
    "DAC_OVERRIDE",
    "DAC_READ_SEARCH",
    "FOWNER",
    "FSETID",
    "IPC_LOCK",
    "IPC_OWNER",
    "KILL",
    "LEASE",
    "LINUX_IMMUTABLE",
    "MAC_ADMIN",
    "MAC_OVERRIDE",
    "MKNOD",
    "NET_ADMIN",
    "NET_BIND_SERVICE",
    "NET_BROADCAST",
    "NET_RAW",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_ADMIN",
    "SYS_BOOT",
    "SYS_CHROOT",
    "SYS_MODULE",
    "SYS_NICE",
    "SYS_PACCT",
    "SYS_PTRACE",
    "SYS_RAWIO",
    "SYS_RESOURCE",
    "SYS_TIME",
    "SYS_TTY_CONFIG",
    "SYSLOG",
    "WAKE_ALARM",
];

/// The only capability a Fargate task may add.
const FARGATE_ADDABLE: &str = "SYS_PTRACE";

crate::declare_rule! {
    /// ## What it does
    /// Reports Linux capabilities added in `linuxParameters.capabilities.add`. On Fargate, any
    /// capability other than `SYS_PTRACE` is reported as an error. Elsewhere, and for
    /// `SYS_PTRACE` on Fargate, it reports (as a warning) the ones that give a container power
    /// over the host: `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `SYS_MODULE`, `SYS_RAWIO`,
    /// `DAC_READ_SEARCH`. A name in `add` or `drop` that is not among the capabilities the API
    /// reference lists (`BPF`, `PERFMON`, a typo) is reported as a warning too.
    ///
    /// ## Why is this bad?
    /// Fargate lets a task add only `SYS_PTRACE` (platform version 1.4.0 or later); a task
    /// definition that adds anything else is refused for Fargate. On EC2 these capabilities are
    /// most of what makes `privileged` dangerous: with `SYS_ADMIN` a process can mount
    /// filesystems and escape the container; with `SYS_PTRACE` it can read other processes'
    /// secrets. Add only the narrow capability the application needs (on EC2, for example
    /// `NET_BIND_SERVICE` to listen below port 1024), and drop the rest.
    ///
    /// ## Example
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["SYS_ADMIN"] } } }
    /// ```
    ///
    /// ## Use instead
    /// On EC2:
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["NET_BIND_SERVICE"], "drop": ["ALL"] } } }
    /// ```
    /// On Fargate, listen on a port above 1024 and add nothing:
    /// ```json
    /// { "linuxParameters": { "capabilities": { "drop": ["ALL"] } } }
    /// ```
    ///
    /// ## References
    /// - [KernelCapabilities add](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html):
    ///   "Tasks launched on Fargate only support adding the SYS_PTRACE kernel capability." (also
    ///   in the ECS API model botocore ships, with the list of valid values)
    /// - Security Hub ECS.4 (the privileged counterpart). No dedicated Checkov or cfn-lint check.
    pub static RULE = {
        code: "TD106",
        name: "dangerous-capability",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a container adds a Linux capability that gives power over the host, or one Fargate refuses",
    }
}

crate::messages! {
    "TD106";
    UNKNOWN_CAPABILITY = "container `{container}` names capability {cap}, which is not one the ECS API lists";
    HELP_DID_YOU_MEAN = "did you mean {suggestion}? ECS takes the names of its list (ALL, CHOWN, NET_BIND_SERVICE, SYS_PTRACE, ...)";
    HELP_UNKNOWN = "use a name from the list in the KernelCapabilities reference (ALL, CHOWN, NET_BIND_SERVICE, SYS_PTRACE, ...)";
    FARGATE_ADD = "container `{container}` adds capability {cap}, but Fargate lets a task add only SYS_PTRACE";
    HELP_FARGATE_BIND = "remove it and listen on a port above 1024 (map it in portMappings); Fargate refuses every added capability but SYS_PTRACE";
    HELP_FARGATE = "remove it; Fargate refuses every added capability but SYS_PTRACE. If the container needs it, run the task on EC2";
    DANGEROUS_ADD = "container `{container}` adds capability {cap}, which allows {what}";
    HELP_DANGEROUS_FARGATE = "remove it unless the container really needs it (a debugger or profiler), and drop the capabilities it does not need";
    HELP_DANGEROUS = "remove it unless the container really needs it; add only narrow capabilities (e.g. NET_BIND_SERVICE to listen below port 1024) and drop the rest";
    ALLOWS_ALL = "every capability";
    ALLOWS_SYS_ADMIN = "mounts, namespaces and most of what root can do";
    ALLOWS_NET_ADMIN = "changing the network configuration and firewall";
    ALLOWS_SYS_PTRACE = "tracing and reading the memory of other processes";
    ALLOWS_SYS_MODULE = "loading kernel modules";
    ALLOWS_SYS_RAWIO = "raw access to devices and memory";
    ALLOWS_DAC_READ_SEARCH = "reading any file regardless of permissions";
}

/// A capability name ECS does not list.
fn report_unknown(
    ctx: &TaskDefCtx<'_>,
    container: &crate::syntax::value::Node,
    item: &crate::syntax::value::Node,
    cap: &str,
    sink: &mut Sink<'_>,
) {
    let d = sink.report_msg(
        item.span,
        crate::msg!(
            UNKNOWN_CAPABILITY,
            container = ctx.container_name(container),
            cap = cap
        ),
    );
    match crate::input::text::suggest(cap.trim_start_matches("CAP_"), KNOWN.iter().copied()) {
        Some(s) => d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = s)),
        None => d.set_help_msg(crate::msg!(HELP_UNKNOWN)),
    };
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        // Names in `drop` are only checked against the list.
        for item in c
            .get_set("linuxParameters")
            .and_then(|l| l.get_set("capabilities"))
            .map_or(&[][..], |cap| cap.get_array("drop"))
        {
            if let Some(cap) = util::known_str(Some(item)) {
                let bare = cap.trim_start_matches("CAP_");
                if !KNOWN.iter().any(|k| k.eq_ignore_ascii_case(bare)) {
                    report_unknown(ctx, c, item, cap, sink);
                }
            }
        }
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
            if ctx.is_fargate() && !bare.eq_ignore_ascii_case(FARGATE_ADDABLE) {
                let d = sink.report_msg(
                    item.span,
                    crate::msg!(FARGATE_ADD, container = ctx.container_name(c), cap = cap),
                );
                d.severity = crate::input::diagnostic::Severity::Error;
                d.set_help_msg(if bare.eq_ignore_ascii_case("NET_BIND_SERVICE") {
                    crate::msg!(HELP_FARGATE_BIND)
                } else {
                    crate::msg!(HELP_FARGATE)
                });
                continue;
            }
            if !KNOWN.iter().any(|k| k.eq_ignore_ascii_case(bare)) {
                report_unknown(ctx, c, item, cap, sink);
                continue;
            }
            let Some((_, what)) = DANGEROUS.iter().find(|(n, _)| n.eq_ignore_ascii_case(bare))
            else {
                continue;
            };
            sink.report_msg(
                item.span,
                crate::msg!(
                    DANGEROUS_ADD,
                    container = ctx.container_name(c),
                    cap = cap,
                    what = crate::msg!(**what)
                ),
            )
            .set_help_msg(if ctx.is_fargate() {
                crate::msg!(HELP_DANGEROUS_FARGATE)
            } else {
                crate::msg!(HELP_DANGEROUS)
            });
        }
    }
}
