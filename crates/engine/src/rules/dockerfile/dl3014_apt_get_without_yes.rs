use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

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

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["apt-get"], &["install"], support::APT_OPTIONS) {
            continue;
        }
        let quiet2 = c
            .args()
            .iter()
            .any(|a| a.text.starts_with("-qq") || a.text == "-q=2" || a.text == "--quiet=2");
        if c.has_any_option(&["-y", "--yes", "--assume-yes"]) || quiet2 {
            continue;
        }
        let at = c
            .words
            .get(1)
            .map_or(c.span, |w| crate::span::Span::at(w.span.start as usize));
        sink.report(
            c.name_span(),
            "apt-get install without `-y` waits for a confirmation no one can give",
        )
        .set_help("add `-y`")
        .set_fix("add -y", at, "-y ");
    }
}
