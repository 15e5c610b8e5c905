use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports each `# hadolint ignore=CODE` comment. The rule is off unless `select` names `DL1001`
    /// (hadolint leaves it off by default too).
    ///
    /// ## Why is this bad?
    /// Some teams want every exception in one reviewed place (the configuration's `ignore` and
    /// `per-path-ignores`) rather than scattered through Dockerfiles.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// # hadolint ignore=DL3018
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl=8.9.1-r1
    /// ```
    ///
    /// ## Options
    /// Runs only when `select` in `.ecsplain.yaml` lists `DL1001`.
    ///
    /// ## References
    /// - hadolint [DL1001](https://github.com/hadolint/hadolint/wiki/DL1001)
    pub static RULE = {
        code: "DL1001",
        name: "inline-ignore-pragma",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a `# hadolint ignore=` comment in the file",
    }
}

crate::messages! {
    "DL1001";
    MESSAGE = "an inline `hadolint ignore` comment";
    HELP = "fix the finding, or ignore it in `.ecsplain.yaml` (`ignore` or `per-path-ignores`)";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let mut offset = 0;
    for line in ctx.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let Some(comment) = trimmed.strip_prefix('#') else {
            continue;
        };
        let Some(rest) = comment.trim_start().strip_prefix("hadolint") else {
            continue;
        };
        let rest = rest.trim_start();
        if rest.starts_with("ignore") && rest["ignore".len()..].trim_start().starts_with('=') {
            let at = start + (line.len() - trimmed.len());
            let end = start + line.trim_end().len();
            sink.report_msg(crate::input::span::Span::new(at, end), crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
