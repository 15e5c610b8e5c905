use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `zypper dist-upgrade` (`dup`).
    ///
    /// ## Why is this bad?
    /// A distribution upgrade inside an image build changes the base image's release behind its tag:
    /// pick a newer base image instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.5
    /// RUN zypper dist-upgrade -y
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3035](https://github.com/hadolint/hadolint/wiki/DL3035)
    pub static RULE = {
        code: "DL3035",
        name: "zypper-dist-upgrade",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a RUN runs zypper dist-upgrade",
    }
}

crate::messages! {
    "DL3035";
    MESSAGE = "`zypper dist-upgrade` upgrades the whole distribution during the build";
    HELP = "use a newer base image instead";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Zypper]) {
        if f.call.sub_is(&["dist-upgrade"]) {
            sink.report_msg(f.call.command.span, crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
