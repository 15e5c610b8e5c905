use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

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

crate::messages! {
    "DL3034";
    MESSAGE = "zypper without `-n` waits for a confirmation no one can give";
    HELP = "add `{option}`";
    FIX = "add {option}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Zypper]) {
        let asks = f.call.sub_is(&[
            "install",
            "remove",
            "source-install",
            "patch",
            "update",
            "install-new-recommends",
        ]);
        if asks && !f.call.assumes_yes() {
            super::pkg_report::interactive(sink, &f.call, crate::msg!(MESSAGE), &HELP, &FIX);
        }
    }
}
