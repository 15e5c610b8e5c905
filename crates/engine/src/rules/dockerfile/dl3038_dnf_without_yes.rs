use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `dnf install` (also `groupinstall`, `localinstall`) without `-y` or `--assumeyes`.
    /// `microdnf` does not ask, so it is not reported.
    ///
    /// ## Why is this bad?
    /// There is no terminal during a build: dnf waits for a confirmation and the build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3038](https://github.com/hadolint/hadolint/wiki/DL3038)
    pub static RULE = {
        code: "DL3038",
        name: "dnf-without-yes",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "dnf install without -y",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if support::runs(
            c,
            &["dnf", "dnf5"],
            &["install", "groupinstall", "localinstall"],
            support::DNF_OPTIONS,
        ) && !c.has_any_option(&["-y", "--assumeyes"])
        {
            sink.report(
                c.name_span(),
                "dnf install without `-y` waits for a confirmation no one can give",
            )
            .set_help("add `-y`");
        }
    }
}
