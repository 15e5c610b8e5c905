use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `wget` without `--progress`, `-q`/`--quiet` or `-nv`/`--no-verbose`.
    ///
    /// ## Why is this bad?
    /// wget's progress bar writes a line per step in a non-interactive build: megabytes of log for one
    /// download.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget https://example.com/a.tar.gz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN wget --progress=dot:giga https://example.com/a.tar.gz
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3047](https://github.com/hadolint/hadolint/wiki/DL3047)
    pub static RULE = {
        code: "DL3047",
        name: "wget-progress",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "wget without --progress fills the build log",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if c.is("wget")
            && !c.has_any_option(&[
                "--progress",
                "-q",
                "--quiet",
                "--no-verbose",
                // The log goes to a file, not the build output.
                "-o",
                "--output-file",
                "-a",
                "--append-output",
            ])
            && !c.has_arg("-nv")
        {
            sink.report(
                c.name_span(),
                "wget without `--progress` floods the build log",
            )
            .set_help("add `--progress=dot:giga`, or `-q`");
        }
    }
}
