use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `EXPOSE` port (or range) outside 0–65535 or that is not a number.
    ///
    /// ## Why is this bad?
    /// Docker rejects the build with "Invalid containerPort"; Amazon ECS also accepts only valid
    /// ports in `portMappings`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80800
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 8080/tcp
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3011](https://github.com/hadolint/hadolint/wiki/DL3011)
    /// - [Dockerfile reference: EXPOSE](https://docs.docker.com/reference/dockerfile/#expose)
    pub static RULE = {
        code: "DL3011",
        name: "invalid-exposed-port",
        target: Dockerfile,
        severity: Error,
        category: Schema,
        summary: "an EXPOSE port is outside 0-65535",
    }
}

crate::messages! {
    "DL3011";
    HELP = "write a port number, optionally with `/tcp` or `/udp`, like `EXPOSE 8080/tcp`";
    MESSAGE = "`{port}` is not a port between 0 and 65535";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("EXPOSE")) {
        for word in &ins.words {
            if word.is_dynamic() {
                continue;
            }
            let port = word.text.split('/').next().unwrap_or("");
            let ok = port
                .split('-')
                .all(|p| p.parse::<u32>().is_ok_and(|n| n <= 65535));
            if !ok {
                sink.report_msg(word.span, crate::msg!(MESSAGE, port = &word.text))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
