use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD node server.js`) instead of the JSON
    /// (exec) form (`CMD ["node", "server.js"]`).
    ///
    /// ## Why is this bad?
    /// In shell form Docker runs `/bin/sh -c "node server.js"`: the shell is PID 1 and does not pass
    /// SIGTERM on. When Amazon ECS stops a task (a deployment, a scale-in, a Spot interruption) it
    /// sends
    /// SIGTERM, waits the container's `stopTimeout`, then sends SIGKILL: the application never gets the
    /// chance to finish its requests and close its connections. A shell-form `ENTRYPOINT` also ignores
    /// the `CMD` and the task definition's `command`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD node server.js
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["node", "server.js"]
    /// ```
    /// If you need the shell (variables, `&&`), end with `exec`: `CMD ["sh", "-c", "exec node
    /// server.js"]`;
    /// `DF003` checks that form.
    ///
    /// ## Fix safety
    /// The exec form runs the program without a shell: `$VARIABLES` in the command are no longer
    /// expanded and shell operators (`&&`, pipes, redirections) stop working. The fix is right for
    /// a plain command; check commands that rely on the shell.
    ///
    /// ## References
    /// - hadolint [DL3025](https://github.com/hadolint/hadolint/wiki/DL3025)
    ///
    /// Deliberate difference: hadolint also reports a shell-form `HEALTHCHECK CMD`; ecsplain does not,
    /// since signals do not matter for a check that Docker runs and waits for (and ECS ignores it, see
    /// `DF004`).
    /// - [Dockerfile reference: ENTRYPOINT, exec form and shell
    ///   form](https://docs.docker.com/reference/dockerfile/#entrypoint)
    /// - [Amazon ECS container definition:
    ///   stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    pub static RULE = {
        code: "DL3025",
        name: "json-form-cmd",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "the CMD or ENTRYPOINT is written in shell form",
        fix: Unsafe,
    }
}

crate::messages! {
    "DL3025";
    HELP = "write it as a JSON array, so ECS's SIGTERM reaches the program and it can stop gracefully within the stopTimeout";
    MESSAGE = "{keyword} is in shell form, so `/bin/sh -c` is PID 1 and SIGTERM does not reach the program";
    FIX = "write {keyword} in exec form";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions() {
        if !(ins.is("CMD") || ins.is("ENTRYPOINT"))
            || ins.is_exec_form()
            || ins.text.trim().is_empty()
            || ins.text.starts_with('[')
        {
            continue;
        }
        let words: Vec<String> = ins.words.iter().map(|w| format!("{:?}", w.text)).collect();
        let simple = !ins
            .text
            .contains(['$', '&', '|', ';', '>', '<', '`', '*', '\'', '"', '\\']);
        let d = sink.report_msg(ins.text_span, crate::msg!(MESSAGE, keyword = &ins.keyword));
        d.set_help_msg(crate::msg!(HELP));
        if simple && !words.is_empty() {
            let json = format!("[{}]", words.join(", "));
            d.set_fix_msg(
                crate::msg!(FIX, keyword = &ins.keyword),
                ins.text_span,
                json,
            );
        }
    }
}
