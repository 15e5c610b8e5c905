use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

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
    pub static RULE = {
        code: "DL3037",
        name: "zypper-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "zypper install without versions",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["zypper"], &["install", "in"], support::ZYPPER_OPTIONS) {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, support::ZYPPER_OPTIONS)
            .into_iter()
            .filter(|p| {
                !p.text.contains(['=', '<', '>']) && !support::is_local_or_dynamic(p, &[".rpm"])
            })
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "zypper installs {} without a version",
                    support::list(&unpinned)
                ),
            )
            .set_help("pin versions with `package=version`");
        }
    }
}
