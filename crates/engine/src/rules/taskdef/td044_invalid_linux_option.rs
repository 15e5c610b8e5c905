use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks the free-form option strings the API reference lists the valid values of: each
    /// `dockerSecurityOptions` entry is `no-new-privileges`, `apparmor:<profile>`,
    /// `label:<value>` or `credentialspec:<file>`, and each
    /// `linuxParameters.tmpfs[].mountOptions` entry is one of the tmpfs mount options listed
    /// (`mode`, `uid`, `gid`, `nr_inodes`, `nr_blocks` and `mpol` also with `=value`).
    ///
    /// ## Why is this bad?
    /// The API model types these as plain strings, so only the API reference says which values
    /// ECS takes; anything else (`seccomp=unconfined`, `size=64m`, a typo) is refused or
    /// breaks the container's start.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "dockerSecurityOptions": ["seccomp=unconfined"],
    ///   "linuxParameters": { "tmpfs": [{ "containerPath": "/tmp", "size": 64, "mountOptions": ["size=64m", "noexec"] }] } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "dockerSecurityOptions": ["no-new-privileges"],
    ///   "linuxParameters": { "tmpfs": [{ "containerPath": "/tmp", "size": 64, "mountOptions": ["noexec", "nosuid"] }] } }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition dockerSecurityOptions](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   the valid values are `"no-new-privileges" | "apparmor:PROFILE" | "label:value" |
    ///   "credentialspec:CredentialSpecFilePath"`.
    /// - [Tmpfs mountOptions](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tmpfs.html):
    ///   the valid values are `"defaults" | "ro" | "rw" | ... | "mode" | "uid" | "gid" |
    ///   "nr_inodes" | "nr_blocks" | "mpol"`. (Both in the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD044",
        name: "invalid-linux-option",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a docker security option or tmpfs mount option outside the values ECS lists",
    }
}

/// The tmpfs mount options the API reference lists.
const TMPFS_OPTIONS: &[&str] = &[
    "defaults",
    "ro",
    "rw",
    "suid",
    "nosuid",
    "dev",
    "nodev",
    "exec",
    "noexec",
    "sync",
    "async",
    "dirsync",
    "remount",
    "mand",
    "nomand",
    "atime",
    "noatime",
    "diratime",
    "nodiratime",
    "bind",
    "rbind",
    "unbindable",
    "runbindable",
    "private",
    "rprivate",
    "shared",
    "rshared",
    "slave",
    "rslave",
    "relatime",
    "norelatime",
    "strictatime",
    "nostrictatime",
    "mode",
    "uid",
    "gid",
    "nr_inodes",
    "nr_blocks",
    "mpol",
];

/// The listed options that take a value (`mode=1777`).
const TMPFS_WITH_VALUE: &[&str] = &["mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol"];

fn security_option_ok(option: &str) -> bool {
    option == "no-new-privileges"
        || ["apparmor:", "label:", "credentialspec:"]
            .iter()
            .any(|p| option.strip_prefix(p).is_some_and(|rest| !rest.is_empty()))
}

fn tmpfs_option_ok(option: &str) -> bool {
    match option.split_once('=') {
        Some((name, value)) => TMPFS_WITH_VALUE.contains(&name) && !value.is_empty(),
        None => TMPFS_OPTIONS.contains(&option),
    }
}

crate::messages! {
    "TD044";
    SECURITY_OPTION = "container `{container}` has the docker security option {option}, which ECS does not take";
    HELP_SECURITY_OPTION = "use no-new-privileges, apparmor:<profile>, label:<value> or credentialspec:<file>";
    TMPFS_OPTION = "container `{container}` has the tmpfs mount option {option}, which ECS does not take";
    HELP_TMPFS_SIZE = "set the size with the tmpfs entry's size (MiB), not a mount option";
    HELP_TMPFS_OPTION = "use one of the tmpfs mount options ECS lists (noexec, nosuid, nodev, ro, mode=1777...)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for opt in c.get_array("dockerSecurityOptions") {
            let Some(text) = util::known_str(Some(opt)) else {
                continue;
            };
            if security_option_ok(text) {
                continue;
            }
            sink.report_msg(
                opt.span,
                crate::msg!(
                    SECURITY_OPTION,
                    container = &name,
                    option = format!("{text:?}")
                ),
            )
            .set_help_msg(crate::msg!(HELP_SECURITY_OPTION));
        }
        let tmpfs = c
            .get_set("linuxParameters")
            .map(|l| l.get_array("tmpfs"))
            .unwrap_or_default();
        for t in tmpfs {
            for opt in t.get_array("mountOptions") {
                let Some(text) = util::known_str(Some(opt)) else {
                    continue;
                };
                if tmpfs_option_ok(text) {
                    continue;
                }
                let help = if text.starts_with("size") {
                    crate::msg!(HELP_TMPFS_SIZE)
                } else {
                    crate::msg!(HELP_TMPFS_OPTION)
                };
                sink.report_msg(
                    opt.span,
                    crate::msg!(
                        TMPFS_OPTION,
                        container = &name,
                        option = format!("{text:?}")
                    ),
                )
                .set_help_msg(help);
            }
        }
    }
}
