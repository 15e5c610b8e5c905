use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `dnf install` (or `microdnf install`) when the same `RUN` does not run `dnf clean all`
    /// (`microdnf clean all`), remove `/var/cache/dnf`, or mount a cache there.
    ///
    /// ## Why is this bad?
    /// dnf's metadata and package cache (under `/var/cache/dnf`) stay in the layer and grow the
    /// image.
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
    ///
    /// Known differences from hadolint: `rm -rf /var/cache/dnf` (or /var/cache/yum,
    /// /var/cache/libdnf5) after the install counts as cleaning; a cache or tmpfs mount on any of the
    /// three counts. As in hadolint, a clean must come after the install and use the same program
    /// (`microdnf clean all` does not clean `dnf`'s cache).
    pub static RULE = {
        code: "DL3040",
        name: "dnf-clean-missing",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "dnf install without dnf clean all",
    }
}

crate::messages! {
    "DL3040";
    MESSAGE = "{program} install leaves its cache in the image";
    HELP = "end the RUN with `&& {program} clean all`, or mount a cache on /var/cache/libdnf5 (dnf5) or /var/cache/dnf";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Dnf, Pm::Microdnf]) {
        let program = f.call.command.name().unwrap_or("dnf");
        // The model's install subcommands for dnf and microdnf (`pkg::DNF_INSTALLS`).
        if !f.call.installs() || pkg::cleaned_after(f.run, f.call.manager, program, f.index) {
            continue;
        }
        sink.report_msg(f.call.command.span, crate::msg!(MESSAGE, program = program))
            .set_help_msg(crate::msg!(HELP, program = program));
    }
}
