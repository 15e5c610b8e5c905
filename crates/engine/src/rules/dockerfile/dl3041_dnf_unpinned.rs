use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `dnf install` (or `microdnf install`) without a version (`httpd` instead of
    /// `httpd-2.4.62`). Local `.rpm` files, paths, `@group` names and variables are skipped.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3041](https://github.com/hadolint/hadolint/wiki/DL3041)
    pub static RULE = {
        code: "DL3041",
        name: "dnf-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "dnf install without versions",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(
            c,
            &["dnf", "dnf5", "microdnf"],
            &["install"],
            support::DNF_OPTIONS,
        ) {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, support::DNF_OPTIONS)
            .into_iter()
            .filter(|p| {
                let versioned = p
                    .text
                    .split('-')
                    .skip(1)
                    .any(|part| part.starts_with(|ch: char| ch.is_ascii_digit()));
                !versioned
                    && !p.text.starts_with('@')
                    && !support::is_local_or_dynamic(p, &[".rpm"])
            })
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "{} installs {} without a version",
                    c.name().unwrap_or("dnf"),
                    support::list(&unpinned)
                ),
            )
            .set_help("pin versions with `package-version`");
        }
    }
}
