use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `zypper install` without a version (`curl` instead of `curl=8.6.0` or
    /// `curl>=8`). Local `.rpm` files and variables are skipped.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y curl && zypper clean
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN zypper install -y curl=8.6.0 && zypper clean
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3037](https://github.com/hadolint/hadolint/wiki/DL3037)
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3037",
        name: "zypper-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "zypper install without versions",
    }
}

crate::messages! {
    "DL3037";
    ONE = "zypper installs {package} without a version";
    MANY = "zypper installs {packages} and {last} without a version";
    HELP = "pin versions with `package=version`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Zypper]) {
        if f.call.sub_is(&["install"]) {
            let unpinned = pkg::unpinned(ctx, &f, |t| t.contains(['=', '<', '>']));
            super::pkg_report::unpinned(
                sink,
                &unpinned,
                super::pkg_report::packages(&unpinned, &ONE, &MANY, vec![]),
                crate::msg!(HELP),
            );
        }
    }
}
