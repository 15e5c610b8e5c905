use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `zypper install`, `in`, `remove`, `rm`, `patch`, `update`, `up` without `-y`,
    /// `--no-confirm` or `--non-interactive`.
    ///
    /// ## Why is this bad?
    /// There is no terminal during a build: zypper waits for a confirmation and the build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install curl=8.6.0 && zypper clean
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN zypper install -y curl=8.6.0 && zypper clean
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3034](https://github.com/hadolint/hadolint/wiki/DL3034)
    pub static RULE = {
        code: "DL3034",
        name: "zypper-without-yes",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "zypper install without -y",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        let interactive = support::runs(
            c,
            &["zypper"],
            &[
                "install",
                "in",
                "remove",
                "rm",
                "source-install",
                "si",
                "patch",
                "update",
                "up",
            ],
            support::ZYPPER_OPTIONS,
        );
        if interactive && !c.has_any_option(&["-y", "--no-confirm", "-n", "--non-interactive"]) {
            sink.report(
                c.name_span(),
                "zypper without `-y` waits for a confirmation no one can give",
            )
            .set_help("add `-y` (or `--non-interactive` before the subcommand)");
        }
    }
}
