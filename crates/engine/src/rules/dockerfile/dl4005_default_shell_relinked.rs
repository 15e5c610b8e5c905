use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ln` commands that replace `/bin/sh`.
    ///
    /// ## Why is this bad?
    /// Replacing `/bin/sh` changes the shell of every script in the image, and of the base image's own
    /// tools; `SHELL` changes only the Dockerfile's.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ln -sf /bin/bash /bin/sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// ```
    ///
    /// ## References
    /// - hadolint [DL4005](https://github.com/hadolint/hadolint/wiki/DL4005)
    pub static RULE = {
        code: "DL4005",
        name: "default-shell-relinked",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a RUN relinks /bin/sh instead of using SHELL",
    }
}

crate::messages! {
    "DL4005";
    MESSAGE = "this replaces /bin/sh for the whole image";
    HELP = "use `SHELL [\"/bin/bash\", \"-c\"]` to change the Dockerfile's shell";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if c.is("ln") && c.args().last().is_some_and(|a| a.text == "/bin/sh") {
            sink.report_msg(c.span, crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
