use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` without `--no-install-recommends` (or `-o
    /// APT::Install-Recommends=false`).
    ///
    /// ## Why is this bad?
    /// Recommended packages are not needed to run the program, and they can add many packages
    /// (and megabytes) to the layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3015](https://github.com/hadolint/hadolint/wiki/DL3015)
    pub static RULE = {
        code: "DL3015",
        name: "apt-get-recommends",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "apt-get install without --no-install-recommends",
    }
}

crate::messages! {
    "DL3015";
    MESSAGE = "apt-get install also installs recommended packages";
    HELP = "add `--no-install-recommends`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::AptGet]) {
        let c = &f.call.command;
        if !f.call.installs() {
            continue;
        }
        let off = c.args().iter().any(|a| {
            a.text.contains("Install-Recommends=false") || a.text.contains("Install-Recommends=0")
        });
        if c.has_option("--no-install-recommends") || off {
            continue;
        }
        sink.report_msg(c.name_span(), crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
    }
}
