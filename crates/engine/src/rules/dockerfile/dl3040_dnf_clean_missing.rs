use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `dnf install` (or `microdnf install`) when the same `RUN` does not run `dnf clean all`
    /// (`microdnf clean all`), remove `/var/cache/dnf`, or mount a cache there.
    ///
    /// ## Why is this bad?
    /// dnf's metadata and package cache stay in the layer and grow the image by tens of megabytes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd-2.4.62
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3040](https://github.com/hadolint/hadolint/wiki/DL3040)
    ///
    /// Deliberate difference: `rm -rf /var/cache/dnf` also counts as cleaning.
    pub static RULE = {
        code: "DL3040",
        name: "dnf-clean-missing",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "dnf install without dnf clean all",
    }
}

const PROGRAMS: &[&str] = &["dnf", "dnf5", "microdnf"];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for run in ctx.runs() {
        let cleaned = run
            .commands
            .iter()
            .any(|c| c.name().is_some_and(|n| PROGRAMS.contains(&n)) && c.has_arg("clean"))
            || run.commands.iter().any(|c| {
                c.is("rm")
                    && c.args().iter().any(|a| {
                        a.text.starts_with("/var/cache/dnf") || a.text.starts_with("/var/cache/yum")
                    })
            });
        if cleaned || run.has_cache_mount(&["/var/cache/dnf", "/var/cache/yum"]) {
            continue;
        }
        if let Some(c) = run.commands.iter().find(|c| {
            support::runs(
                c,
                PROGRAMS,
                &["install", "groupinstall", "localinstall"],
                support::DNF_OPTIONS,
            )
        }) {
            sink.report(
                c.span,
                format!(
                    "{} install leaves its cache in the image",
                    c.name().unwrap_or("dnf")
                ),
            )
            .set_help("end the RUN with `&& dnf clean all`, or mount a cache on /var/cache/dnf");
        }
    }
}
