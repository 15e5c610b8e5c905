use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apt` commands in `RUN`.
    ///
    /// ## Why is this bad?
    /// `apt` is for people: its output and behaviour may change between releases, and it warns that it
    /// has no stable command-line interface. Scripts should use `apt-get` and `apt-cache`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt update && apt install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3027](https://github.com/hadolint/hadolint/wiki/DL3027)
    /// - Checkov CKV_DOCKER_9
    pub static RULE = {
        code: "DL3027",
        name: "apt-instead-of-apt-get",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a RUN uses apt instead of apt-get",
    }
}

crate::messages! {
    "DL3027";
    MESSAGE = "`apt` has no stable interface for scripts";
    HELP = "use `apt-get` (or `apt-cache`)";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if c.is("apt") {
            sink.report_msg(c.name_span(), crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
