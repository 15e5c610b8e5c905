use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `RUN` commands for interactive or system administration tools: `ssh`, `vim`, `shutdown`,
    /// `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`.
    ///
    /// ## Why is this bad?
    /// A build has no running services, no terminal and no network interfaces to manage: these commands
    /// do nothing useful, or hide a step that belongs in the container's entrypoint.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN service nginx start
    /// ```
    ///
    /// ## Use instead
    /// Start processes from `ENTRYPOINT`/`CMD`; manage the running task with ECS Exec when you must.
    ///
    /// ## References
    /// - hadolint [DL3001](https://github.com/hadolint/hadolint/wiki/DL3001)
    pub static RULE = {
        code: "DL3001",
        name: "pointless-command",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a RUN runs a command that makes no sense in an image build",
    }
}

crate::messages! {
    "DL3001";
    MESSAGE = "`{name}` makes no sense during an image build";
    HELP = "remove it; start processes from ENTRYPOINT or CMD";
}

const POINTLESS: &[&str] = &[
    "ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig",
];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if let Some(name) = c.name().filter(|n| POINTLESS.contains(n)) {
            sink.report_msg(c.name_span(), crate::msg!(MESSAGE, name = name))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
