use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `USER` given by name (`USER app`) rather than by numeric UID (`USER 10001`), in the
    /// final stage or a stage it is built on. `USER root` is left to `DL3002` (hadolint reports it here
    /// too). Windows images are skipped: their users (`ContainerUser`) have no numeric id.
    ///
    /// ## Why is this bad?
    /// A name is resolved through the image's `/etc/passwd` when the container starts: if the user is
    /// missing there, the task fails to start. A platform also cannot tell from a name whether the user
    /// is
    /// root; a numeric UID can be checked before anything runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN useradd -r app
    /// USER app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN useradd -r -u 10001 app
    /// USER 10001
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3066](https://github.com/hadolint/hadolint/wiki/DL3066)
    /// - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    ///
    /// Deliberate differences: hadolint reports every stage and `USER $VARIABLE`; ecsplain only the
    /// stages that make the image, and not variables (their value may well be numeric).
    pub static RULE = {
        code: "DL3066",
        name: "non-numeric-user",
        target: Dockerfile,
        severity: Info,
        category: Security,
        summary: "a USER is a name, not a numeric UID",
    }
}

crate::messages! {
    "DL3066";
    HELP = "use the user's numeric UID, like `USER 10001`";
    MESSAGE = "`USER {user}` is a name; a numeric UID needs no /etc/passwd entry and can be checked before the task starts";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let stages = support::image_stages(ctx);
    if ctx
        .final_stage()
        .is_some_and(|s| crate::syntax::dockerfile::is_windows_image(&s.image))
    {
        return; // Windows users (`ContainerUser`) have no numeric id.
    }
    for ins in ctx.instructions().filter(|i| i.is("USER")) {
        if !ins.stage.is_none_or(|s| stages.contains(&s)) {
            continue;
        }
        let Some(word) = ins.words.first() else {
            continue;
        };
        let name = word.text.split(':').next().unwrap_or("");
        if name.is_empty()
            || name.contains('$')
            || name.chars().all(|c| c.is_ascii_digit())
            || name == "root"
        {
            continue;
        }
        sink.report_msg(word.span, crate::msg!(MESSAGE, user = &word.text))
            .set_help_msg(crate::msg!(HELP));
    }
}
