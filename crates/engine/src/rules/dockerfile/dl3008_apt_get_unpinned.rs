use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `apt-get install` without a version (`curl` instead of
    /// `curl=7.88.1-10+deb12u5`).
    /// Local `.deb` files, paths and packages held in variables are not reported.
    ///
    /// ## Why is this bad?
    /// Without pins, two builds of the same Dockerfile install different versions, and a rebuilt image
    /// can break a deployment with no change in the repository.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
    /// ```
    /// Pinning every package is a trade-off (pins expire from the archive); pinning the base image
    /// digest is the other half.
    ///
    /// ## References
    /// - hadolint [DL3008](https://github.com/hadolint/hadolint/wiki/DL3008)
    ///
    /// Deliberate differences: `./pkg.deb` and `$PACKAGES` are not reported (hadolint reports them).
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3008",
        name: "apt-get-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "apt-get install without versions",
    }
}

crate::messages! {
    "DL3008";
    ONE = "apt-get installs {package} without a version";
    MANY = "apt-get installs {packages} and {last} without a version";
    HELP = "pin versions with `package=version`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::AptGet]) {
        if f.call.installs() {
            let unpinned = pkg::unpinned(ctx, &f, |t| t.contains('='));
            super::pkg_report::unpinned(
                sink,
                &unpinned,
                super::pkg_report::packages(&unpinned, &ONE, &MANY, vec![]),
                crate::msg!(HELP),
            );
        }
    }
}
