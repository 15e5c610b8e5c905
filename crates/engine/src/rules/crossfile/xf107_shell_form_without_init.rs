use super::pairing_docker;
use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// reports the image's shell-form `ENTRYPOINT` or `CMD` (`CMD npm start`) when that is what
    /// the container really runs (the task overrides neither with `entryPoint` or `command`)
    /// and the container does not set `linuxParameters.initProcessEnabled`. One finding
    /// replaces the pair `DL3025` (Dockerfile) and `TD303` (task) would each give alone.
    ///
    /// ## Why is this bad?
    /// A shell-form instruction runs as `/bin/sh -c "npm start"`: the shell is PID 1 and the
    /// program its child. When ECS stops the task it sends SIGTERM to PID 1, then SIGKILL after
    /// the container's `stopTimeout` (30 seconds by default). A shell does not forward the
    /// signal, so the program never starts a graceful shutdown: in-flight requests are cut and
    /// every deployment waits out the timeout. Some shells replace themselves with the program
    /// when the string is one simple command (then the signal does arrive), but not every
    /// image's `/bin/sh` does, and none does for a list (`migrate && serve`); the message says
    /// which case it is. Unlike `DF003`, a lone command is still reported, because the image's
    /// shell is not known, but at info level and worded as a dependency.
    ///
    /// ## Example
    /// `Dockerfile`: `CMD npm start`; task definition: `{ "name": "app", "image": "..." }`.
    ///
    /// ## Use instead
    /// ```dockerfile
    /// CMD ["npm", "start"]
    /// ```
    /// (better, `CMD ["node", "server.js"]`, as npm itself may not forward signals), and in the
    /// task definition `"linuxParameters": { "initProcessEnabled": true }`, so an init process
    /// runs as PID 1 and reaps zombie processes.
    ///
    /// ## References
    /// - [Graceful shutdowns with ECS](https://aws.amazon.com/blogs/containers/graceful-shutdowns-with-ecs/)
    /// - [Amazon ECS task definition parameters: stopTimeout, linuxParameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Dockerfile reference: shell and exec form](https://docs.docker.com/reference/dockerfile/#shell-and-exec-form)
    /// - Checklist: container image 3 (SIGTERM handling); hadolint DL3025.
    pub static RULE = {
        code: "XF107",
        name: "shell-form-without-init",
        target: CrossFile,
        severity: Info,
        category: Reliability,
        summary: "the container runs the image's shell-form ENTRYPOINT or CMD with no init process",
    }
}

crate::messages! {
    "XF107";
    SHELL_STAYS_PID1 = "container `{name}` runs this {keyword} as `/bin/sh -c \"{shown}\"` with no init process: the shell stays PID 1 and does not forward ECS's SIGTERM, so `{program}` is killed after the stop timeout";
    SHELL_MAY_REPLACE = "container `{name}` runs this {keyword} as `/bin/sh -c \"{shown}\"` with no init process: ECS's SIGTERM goes to the shell, and `{program}` gets it only if the image's `/bin/sh` replaces itself with a lone command (not every shell does)";
    THE_PROGRAM = "the program";
    HELP_EXEC_LAST = "start the last command with `exec` (`… && exec {program} …`) so it replaces the shell, and set \"linuxParameters\": {\"initProcessEnabled\": true} in the task definition";
    HELP_EXEC_FORM = "write the {keyword} in exec form (a JSON array) so the program is PID 1, and set \"linuxParameters\": {\"initProcessEnabled\": true} in the task definition";
    RELATED_NO_INIT = "no initProcessEnabled, and no entryPoint or command override";
}

fn is_shell_form(ins: &crate::syntax::dockerfile::Instruction) -> bool {
    let text = ins.text.trim();
    !ins.is_exec_form() && !text.is_empty() && !text.starts_with('[') && !text.starts_with("exec ")
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        let c = pair.container;
        if c.is_opaque() || c.get_set("entryPoint").is_some() {
            continue;
        }
        if c.get_set("linuxParameters")
            .and_then(|l| l.get_set("initProcessEnabled"))
            .is_some_and(|n| n.as_bool() != Some(false))
        {
            continue;
        }
        if pair
            .base_image()
            .is_some_and(|b| crate::syntax::dockerfile::is_windows_image(&b))
        {
            continue;
        }
        let shell_form = match pair.last("ENTRYPOINT") {
            Some(entry) => is_shell_form(entry).then_some(entry),
            None if c.get_set("command").is_some() => None,
            None => pair.last("CMD").filter(|cmd| is_shell_form(cmd)),
        };
        let Some(ins) = shell_form else { continue };
        let text = ins.text.trim();
        let commands = crate::syntax::dockerfile::shell::split(text);
        let program = commands
            .last()
            .and_then(|cmd| cmd.name().map(Arg::from))
            .unwrap_or_else(|| Arg::from(crate::msg!(THE_PROGRAM)));
        let shown: String = if text.chars().count() > 60 {
            format!("{}…", text.chars().take(60).collect::<String>())
        } else {
            text.to_string()
        };
        let span = TaskDefCtx::container_span(c);
        let name = pair.name();
        let keyword = ins.keyword.as_str();
        let (message, help) = if commands.len() > 1 {
            (
                crate::msg!(
                    SHELL_STAYS_PID1,
                    name = &name,
                    keyword = keyword,
                    shown = &shown,
                    program = program.clone()
                ),
                crate::msg!(HELP_EXEC_LAST, program = program),
            )
        } else {
            (
                crate::msg!(
                    SHELL_MAY_REPLACE,
                    name = &name,
                    keyword = keyword,
                    shown = &shown,
                    program = program
                ),
                crate::msg!(HELP_EXEC_FORM, keyword = keyword),
            )
        };
        sink.report_msg_in(pair.docker.file, ins.text_span, message)
            .set_help_msg(help)
            .add_related_in_msg(pair.task.file, span, crate::msg!(RELATED_NO_INIT));
    }
}
