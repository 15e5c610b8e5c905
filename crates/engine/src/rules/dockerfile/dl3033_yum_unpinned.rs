use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `yum install` without a version (`httpd` instead of `httpd-2.4.62`). Local
    /// `.rpm` files, paths and variables are not reported.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM amazonlinux:2
    /// RUN yum install -y httpd && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN yum install -y httpd-2.4.62 && yum clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3033](https://github.com/hadolint/hadolint/wiki/DL3033)
    pub static RULE = {
        code: "DL3033",
        name: "yum-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "yum install without versions",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["yum"], &["install"], support::YUM_OPTIONS) {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, support::YUM_OPTIONS)
            .into_iter()
            .filter(|p| {
                let versioned = p
                    .text
                    .split('-')
                    .skip(1)
                    .any(|part| part.starts_with(|ch: char| ch.is_ascii_digit()));
                !versioned && !support::is_local_or_dynamic(p, &[".rpm"])
            })
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "yum installs {} without a version",
                    support::list(&unpinned)
                ),
            )
            .set_help("pin versions with `package-version`");
        }
    }
}
