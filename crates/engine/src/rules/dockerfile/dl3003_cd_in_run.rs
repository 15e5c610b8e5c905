use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `cd` in a `RUN` command.
    ///
    /// ## Why is this bad?
    /// `cd` only lasts until the end of its `RUN`; the next instruction starts in the `WORKDIR` again.
    /// Files written by later steps end up in a surprising place, and the Dockerfile is harder to read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN cd /app && make
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /app
    /// RUN make
    /// ```
    /// A subshell (`(cd dir && make)`) is reported as well, as hadolint does.
    ///
    /// ## References
    /// - hadolint [DL3003](https://github.com/hadolint/hadolint/wiki/DL3003)
    /// - [Dockerfile reference: WORKDIR](https://docs.docker.com/reference/dockerfile/#workdir)
    pub static RULE = {
        code: "DL3003",
        name: "cd-in-run",
        target: Dockerfile,
        severity: Warning,
        category: Style,
        summary: "a RUN changes directory with cd",
    }
}

crate::messages! {
    "DL3003";
    MESSAGE = "`cd` in RUN lasts only until the end of this RUN";
    HELP = "set the directory with `WORKDIR /path` before the RUN";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if c.is("cd") {
            sink.report_msg(c.span, crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
