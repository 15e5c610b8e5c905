use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports the first instruction before the first `FROM` that is not `ARG` (comments and parser
    /// directives may come first).
    ///
    /// ## Why is this bad?
    /// Docker's builder refuses the file: a Dockerfile must begin with `FROM`, optionally after `ARG`
    /// instructions and comments.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL team=payments
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL team=payments
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3061](https://github.com/hadolint/hadolint/wiki/DL3061)
    /// - Dockerfile reference, [Format](https://docs.docker.com/reference/dockerfile/#format): "A
    ///   Dockerfile must begin with a `FROM` instruction. This may be after parser directives,
    ///   comments, and globally scoped ARGs."
    pub static RULE = {
        code: "DL3061",
        name: "instruction-before-from",
        target: Dockerfile,
        severity: Error,
        category: Syntax,
        summary: "an instruction other than ARG before the first FROM",
    }
}

crate::messages! {
    "DL3061";
    HELP = "start the file with `FROM` (only `ARG` may come before it)";
    MESSAGE = "`{keyword}` comes before the first FROM";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let first = ctx
        .instructions()
        .take_while(|i| !i.is("FROM"))
        .find(|i| !i.is("ARG"));
    if let Some(ins) = first {
        sink.report_msg(
            ins.keyword_span,
            crate::msg!(MESSAGE, keyword = ins.keyword.to_ascii_uppercase()),
        )
        .set_help_msg(crate::msg!(HELP));
    }
}
