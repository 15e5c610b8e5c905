use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports an exec-form `ENTRYPOINT` or `CMD` that runs `sh -c` (or `bash -c`) with several
    /// commands,
    /// the last of which is not started with `exec`: `["sh", "-c", "migrate && node server.js"]`. The
    /// shell-form case (`CMD node server.js`) is `DL3025`; a lone command after `-c` is fine, as the
    /// shell replaces itself with it. Some shells also replace themselves with the last command of a
    /// list, but not all do and not in every case (a trap, a pipeline, `&&` in older dash): an explicit
    /// `exec` is the only form that works everywhere.
    ///
    /// ## Why is this bad?
    /// The shell stays PID 1 and the program runs as its child. When Amazon ECS stops the task it sends
    /// SIGTERM to PID 1, which does not forward it; after the container's `stopTimeout` (30 seconds by
    /// default) ECS sends SIGKILL. In-flight requests are cut and the program never cleans up.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// CMD ["sh", "-c", "npm run migrate && node server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// CMD ["sh", "-c", "npm run migrate && exec node server.js"]
    /// ```
    /// or set `initProcessEnabled` in the task definition's `linuxParameters` so an init process
    /// forwards signals.
    ///
    /// ## References
    /// - [Amazon ECS task definition
    ///   parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Amazon ECS container definition:
    ///   stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Dockerfile reference: ENTRYPOINT](https://docs.docker.com/reference/dockerfile/#entrypoint)
    pub static RULE = {
        code: "DF003",
        name: "shell-wrapper-swallows-sigterm",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "the ENTRYPOINT or CMD runs a shell script that does not exec the program",
    }
}

crate::messages! {
    "DF003";
    HELP = "start the last command with `exec` so it replaces the shell and receives ECS's SIGTERM";
    MESSAGE = "`{name} -c` runs several commands, so the shell can stay PID 1 and not pass SIGTERM to `{program}`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx
        .instructions()
        .filter(|i| i.is("CMD") || i.is("ENTRYPOINT"))
    {
        let crate::syntax::dockerfile::Args::Exec(words) = &ins.args else {
            continue;
        };
        let Some(shell) = words.first() else { continue };
        let name = shell.text.rsplit('/').next().unwrap_or("");
        if !matches!(name, "sh" | "bash" | "ash" | "dash") {
            continue;
        }
        let Some(pos) = words
            .iter()
            .position(|w| w.text.starts_with('-') && w.text.ends_with('c'))
        else {
            continue;
        };
        let Some(script) = words.get(pos + 1) else {
            continue;
        };
        let commands = crate::syntax::dockerfile::shell::split(&script.text);
        if commands.len() < 2 {
            continue;
        }
        let Some(last) = commands.last() else {
            continue;
        };
        if last.is("exec") || commands.iter().any(|c| c.is("exec")) || last.is("wait") {
            continue;
        }
        let program = last.words.first().map_or("", |w| w.text.as_str());
        sink.report_msg(
            script.span,
            crate::msg!(MESSAGE, name = name, program = program),
        )
        .set_help_msg(crate::msg!(HELP));
    }
}
