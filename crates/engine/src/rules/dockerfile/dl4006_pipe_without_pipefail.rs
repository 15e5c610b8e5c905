use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `RUN` with a pipe (`curl ... | sh`) when neither a `SHELL` with `-o pipefail` nor
    /// `set -o pipefail` in the same `RUN` makes the pipe fail when its first command fails.
    ///
    /// ## Why is this bad?
    /// A shell pipeline fails only when its last command fails: in
    /// `curl -fsSL https://example.com/install.sh | sh` a failed download leaves `sh` an empty
    /// script, which it runs successfully, so the build goes on without the tool installed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL https://example.com/install.sh | bash
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN curl -fsSL https://example.com/install.sh | bash
    /// ```
    /// (`set -o pipefail &&` at the start of the RUN works too.) Stages whose SHELL is not a POSIX
    /// shell (PowerShell, cmd) are skipped.
    ///
    /// ## References
    /// - hadolint [DL4006](https://github.com/hadolint/hadolint/wiki/DL4006)
    /// - [POSIX Shell Command Language, Pipelines](https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_09_02)
    ///   (the exit status of a pipeline is that of its last command)
    ///
    /// Known difference from hadolint (docs/hadolint-parity.md): after `SHELL ["/bin/sh", "-o",
    /// "pipefail", "-c"]` ecsplain takes pipefail as set; hadolint still reports, because some `sh`
    /// builds reject `-o pipefail`; there the build fails loudly at that RUN, which is not the silent
    /// failure this rule is about.
    pub static RULE = {
        code: "DL4006",
        name: "pipe-without-pipefail",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a RUN pipes without pipefail",
    }
}

crate::messages! {
    "DL4006";
    MESSAGE = "this pipe fails only if its last command fails";
    HELP = "add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN, or start the RUN with `set -o pipefail &&`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for stage in &ctx.dockerfile.stages {
        let mut pipefail = false;
        let mut posix = true;
        for ins in ctx.stage_instructions(stage) {
            if ins.is("SHELL") {
                if let crate::syntax::dockerfile::Args::Exec(words) = &ins.args {
                    pipefail = words.iter().any(|w| w.text.contains("pipefail"));
                    posix = words.first().is_some_and(|w| {
                        let n = w.text.rsplit(['/', '\\']).next().unwrap_or("");
                        matches!(n, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh")
                    });
                }
            }
            if !ins.is("RUN") || ins.is_exec_form() || pipefail || !posix {
                continue;
            }
            let set_here = ins
                .commands
                .iter()
                .any(|c| c.is("set") && c.args().iter().any(|a| a.text.contains("pipefail")));
            if set_here {
                continue;
            }
            if let Some(c) = ins.commands.iter().find(|c| c.piped) {
                sink.report_msg(c.span, crate::msg!(MESSAGE))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
