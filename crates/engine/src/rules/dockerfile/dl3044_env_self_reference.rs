use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ENV A=1 B=$A`: a value that refers to a variable set earlier in the same `ENV`.
    ///
    /// ## Why is this bad?
    /// Docker expands every value of one `ENV` with the variables as they were *before* the
    /// instruction:
    /// `B` gets the old value of `A` (often empty), not `1`. The container starts with a wrong setting.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENV APP_HOME=/app
    /// ENV PATH=$APP_HOME/bin:$PATH
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3044](https://github.com/hadolint/hadolint/wiki/DL3044)
    /// - [Dockerfile reference: environment
    ///   replacement](https://docs.docker.com/reference/dockerfile/#environment-replacement)
    ///
    /// hadolint rates this an error; Docker builds it (with the old value), so ecsplain warns.
    pub static RULE = {
        code: "DL3044",
        name: "env-self-reference",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "an ENV uses a variable it defines in the same instruction",
    }
}

crate::messages! {
    "DL3044";
    RELATED = "set in the same ENV";
    MESSAGE = "`{key}` uses `${var}`, which this ENV sets, so it gets the value from before this ENV";
    HELP = "set `{var}` in its own ENV before this one";
}

fn refers_to(value: &str, name: &str) -> bool {
    let plain = format!("${name}");
    let braced = format!("${{{name}}}");
    let braced_op = format!("${{{name}:");
    value.contains(&braced)
        || value.contains(&braced_op)
        || value.match_indices(&plain).any(|(i, m)| {
            !value[i + m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        })
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ENV")) {
        for (i, pair) in ins.pairs.iter().enumerate() {
            let Some(earlier) = ins.pairs.get(..i) else {
                continue;
            };
            if let Some(def) = earlier.iter().find(|e| refers_to(&pair.raw_value, &e.key)) {
                sink.report_msg(
                    pair.value_span,
                    crate::msg!(MESSAGE, key = &pair.key, var = &def.key),
                )
                .add_related_msg(def.key_span, crate::msg!(RELATED))
                .set_help_msg(crate::msg!(HELP, var = &def.key));
            }
        }
    }
}
