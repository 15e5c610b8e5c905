use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `yum install` (also `groupinstall`, `localinstall`) without `-y` or `--assumeyes`.
    ///
    /// ## Why is this bad?
    /// There is no terminal during a build: yum waits for a confirmation and the build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM amazonlinux:2
    /// RUN yum install httpd-2.4.62 && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN yum install -y httpd-2.4.62 && yum clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3030](https://github.com/hadolint/hadolint/wiki/DL3030)
    pub static RULE = {
        code: "DL3030",
        name: "yum-without-yes",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "yum install without -y",
    }
}

crate::messages! {
    "DL3030";
    MESSAGE = "yum install without `-y` waits for a confirmation no one can give";
    HELP = "add `{option}`";
    FIX = "add {option}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Yum]) {
        if f.call
            .sub_is(&["install", "groupinstall", "module install", "reinstall"])
            && !f.call.assumes_yes()
        {
            super::pkg_report::interactive(sink, &f.call, crate::msg!(MESSAGE), &HELP, &FIX);
        }
    }
}
