use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `yum install` when the same `RUN` does not run `yum clean` nor mounts a cache on
    /// `/var/cache/yum`. Deliberate difference: `rm -rf /var/cache/yum` also counts as cleaning
    /// (hadolint
    /// asks for `yum clean all`, though removing the folder frees the same space).
    ///
    /// ## Why is this bad?
    /// yum's metadata and package cache (under `/var/cache/yum`) stay in the layer and grow the
    /// image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM amazonlinux:2
    /// RUN yum install -y httpd-2.4.62
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN yum install -y httpd-2.4.62 && yum clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3032](https://github.com/hadolint/hadolint/wiki/DL3032)
    pub static RULE = {
        code: "DL3032",
        name: "yum-clean-missing",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "yum install without yum clean all",
    }
}

crate::messages! {
    "DL3032";
    MESSAGE = "{program} install leaves its cache in the image";
    HELP = "end the RUN with `&& {program} clean all`, or mount a cache on /var/cache/yum";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Yum]) {
        let program = f.call.command.name().unwrap_or("yum");
        if !f.call.sub_is(&[
            "install",
            "groupinstall",
            "module install",
            "reinstall",
            "upgrade",
        ]) || pkg::cleaned_after(f.run, f.call.manager, program, f.index)
        {
            continue;
        }
        sink.report_msg(f.call.command.span, crate::msg!(MESSAGE, program = program))
            .set_help_msg(crate::msg!(HELP, program = program));
    }
}
