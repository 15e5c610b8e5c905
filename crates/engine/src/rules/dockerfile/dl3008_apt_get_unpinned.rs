use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

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
    pub static RULE = {
        code: "DL3008",
        name: "apt-get-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "apt-get install without versions",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["apt-get"], &["install"], support::APT_OPTIONS) {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, support::APT_OPTIONS)
            .into_iter()
            .filter(|p| !p.text.contains('=') && !support::is_local_or_dynamic(p, &[".deb"]))
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "apt-get installs {} without a version",
                    support::list(&unpinned)
                ),
            )
            .set_help("pin versions with `package=version`");
        }
    }
}
