use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `sudo` in a `RUN` command.
    ///
    /// ## Why is this bad?
    /// `sudo` is rarely installed in images and behaves unpredictably without a TTY; the build fails,
    /// or
    /// the image carries a setuid tool that lets any process become root.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER app
    /// RUN sudo apt-get update
    /// ```
    ///
    /// ## Use instead
    /// Run the step as root and switch users afterwards:
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// USER app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3004](https://github.com/hadolint/hadolint/wiki/DL3004)
    /// - Checkov CKV2_DOCKER_1
    ///
    /// hadolint rates this an error; the build fails only when sudo is missing, so ecsplain warns.
    pub static RULE = {
        code: "DL3004",
        name: "sudo-in-run",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "a RUN uses sudo",
    }
}

crate::messages! {
    "DL3004";
    MESSAGE = "`sudo` in RUN";
    HELP = "use `USER root` for the steps that need root, then `USER` a non-root user";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if c.is("sudo") {
            sink.report_msg(c.name_span(), crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
