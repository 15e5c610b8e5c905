use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `zypper install` when the same `RUN` does not run `zypper clean` (`cc`) nor mounts a
    /// cache on `/var/cache/zypp`.
    ///
    /// ## Why is this bad?
    /// zypper's package cache stays in the layer and grows the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y curl=8.6.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN zypper install -y curl=8.6.0 && zypper clean
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3036](https://github.com/hadolint/hadolint/wiki/DL3036)
    pub static RULE = {
        code: "DL3036",
        name: "zypper-clean-missing",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "zypper install without zypper clean",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for run in ctx.runs() {
        let cleaned = run
            .commands
            .iter()
            .any(|c| support::runs(c, &["zypper"], &["clean", "cc"], support::ZYPPER_OPTIONS));
        if cleaned || run.has_cache_mount(&["/var/cache/zypp"]) {
            continue;
        }
        if let Some(c) = run
            .commands
            .iter()
            .find(|c| support::runs(c, &["zypper"], &["install", "in"], support::ZYPPER_OPTIONS))
        {
            sink.report(c.span, "zypper install leaves its cache in the image")
                .set_help(
                    "end the RUN with `&& zypper clean`, or mount a cache on /var/cache/zypp",
                );
        }
    }
}
