use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` without `-y`, `--yes`, `--assume-yes` or `-qq`.
    ///
    /// ## Why is this bad?
    /// There is no terminal during a build: apt-get asks for confirmation, reads end of input, and the
    /// build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3014](https://github.com/hadolint/hadolint/wiki/DL3014)
    pub static RULE = {
        code: "DL3014",
        name: "apt-get-without-yes",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "apt-get install without -y",
    }
}

crate::messages! {
    "DL3014";
    MESSAGE = "apt-get install without `-y` waits for a confirmation no one can give";
    HELP = "add `{option}`";
    FIX = "add {option}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::AptGet]) {
        if f.call.installs() && !f.call.assumes_yes() {
            super::pkg_report::interactive(sink, &f.call, crate::msg!(MESSAGE), &HELP, &FIX);
        }
    }
}
