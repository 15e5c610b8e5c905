use super::pairing_docker;
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
            .and_then(|cmd| cmd.name().map(str::to_string))
            .unwrap_or_else(|| "the program".to_string());
        let shown: String = if text.chars().count() > 60 {
            format!("{}…", text.chars().take(60).collect::<String>())
        } else {
            text.to_string()
        };
        let what = if commands.len() > 1 {
            format!("the shell stays PID 1 and does not forward ECS's SIGTERM, so `{program}` is killed after the stop timeout")
        } else {
            format!("ECS's SIGTERM goes to the shell, and `{program}` gets it only if the image's `/bin/sh` replaces itself with a lone command (not every shell does)")
        };
        let span = TaskDefCtx::container_span(c);
        sink.report_in(
            pair.docker.file,
            ins.text_span,
            format!(
                "container `{}` runs this {} as `/bin/sh -c \"{shown}\"` with no init process: {what}",
                pair.name(),
                ins.keyword
            ),
        )
        .set_help(if commands.len() > 1 {
            format!("start the last command with `exec` (`… && exec {program} …`) so it replaces the shell, and set \"linuxParameters\": {{\"initProcessEnabled\": true}} in the task definition")
        } else {
            format!(
                "write the {} in exec form (a JSON array) so the program is PID 1, and set \"linuxParameters\": {{\"initProcessEnabled\": true}} in the task definition",
                ins.keyword
            )
        })
        .add_related_in(pair.task.file, span, "no initProcessEnabled, and no entryPoint or command override");
    }
}
