use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `wget` without `--progress`, `-q`/`--quiet` or `-nv`/`--no-verbose`.
    ///
    /// ## Why is this bad?
    /// When its output is not a terminal (as in a build), wget falls back to its "dot" display:
    /// a line of 50 dots for every 50 KiB, so one large download fills the build log with
    /// thousands of lines.
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
    /// - [GNU Wget manual: --progress](https://www.gnu.org/software/wget/manual/wget.html#Download-Options)
    pub static RULE = {
        code: "DL3047",
        name: "wget-progress",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "wget without --progress fills the build log",
    }
}

crate::messages! {
    "DL3047";
    MESSAGE = "wget without `--progress` floods the build log";
    HELP = "add `--progress=dot:giga`, or `-q`";
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
            sink.report_msg(c.name_span(), crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
