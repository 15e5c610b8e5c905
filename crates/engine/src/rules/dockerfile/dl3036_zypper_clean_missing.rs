use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `zypper install` when the same `RUN` does not run `zypper clean` (`cc`) nor mounts a
    /// cache on `/var/cache/zypp`.
    ///
    /// ## Why is this bad?
    /// zypper's package cache stays in the layer and grows the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y curl=8.6.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN zypper install -y curl=8.6.0 && zypper clean
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3036](https://github.com/hadolint/hadolint/wiki/DL3036)
    pub static RULE = {
        code: "DL3036",
        name: "zypper-clean-missing",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "zypper install without zypper clean",
    }
}

crate::messages! {
    "DL3036";
    MESSAGE = "{program} install leaves its cache in the image";
    HELP = "end the RUN with `&& {program} clean`, or mount a cache on /var/cache/zypp";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Zypper]) {
        let program = f.call.command.name().unwrap_or("zypper");
        if !f
            .call
            .sub_is(&["install", "source-install", "install-new-recommends"])
            || pkg::cleaned_after(f.run, f.call.manager, program, f.index)
        {
            continue;
        }
        sink.report_msg(f.call.command.span, crate::msg!(MESSAGE, program = program))
            .set_help_msg(crate::msg!(HELP, program = program));
    }
}
