use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

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
    ///
    /// Known difference from hadolint (docs/hadolint-parity.md): `microdnf install` is not reported.
    /// microdnf never asks for confirmation; its `-y` is documented as "Does nothing, we always
    /// assume yes" (rpm-software-management/microdnf, dnf-main.c).
    pub static RULE = {
        code: "DL3038",
        name: "dnf-without-yes",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "dnf install without -y",
    }
}

crate::messages! {
    "DL3038";
    MESSAGE = "{name} install without `-y` waits for a confirmation no one can give";
    HELP = "add `{option}`";
    FIX = "add {option}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Dnf, Pm::Microdnf]) {
        if f.call
            .sub_is(&["install", "groupinstall", "module install", "reinstall"])
            && !f.call.assumes_yes()
        {
            let name = f.call.command.name().unwrap_or("dnf");
            super::pkg_report::interactive(
                sink,
                &f.call,
                crate::msg!(MESSAGE, name = name),
                &HELP,
                &FIX,
            );
        }
    }
}
