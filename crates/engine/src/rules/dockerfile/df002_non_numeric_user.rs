#[allow(unused_imports)]
use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a final-stage `USER` given by name (`USER app`) rather than by numeric UID (`USER 10001`).
    ///
    /// ## Why is this bad?
    /// A name is resolved through the image's `/etc/passwd` when the container starts: if the user is
    /// missing there, the task fails to start. A platform also cannot tell from a name whether the user is
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
    /// - [Amazon ECS task definition parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    /// - Close to hadolint DL3066 (not enabled by default there).
    pub static RULE = {
        code: "DF002",
        name: "non-numeric-user",
        target: Dockerfile,
        severity: Info,
        category: Security,
        summary: "the final USER is a name, not a numeric UID",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let Some(stage) = ctx.final_stage() else {
        return;
    };
    let Some(user) = ctx
        .stage_instructions(stage)
        .iter()
        .rev()
        .find(|i| i.is("USER"))
    else {
        return;
    };
    let Some(word) = user.words.first() else {
        return;
    };
    let name = word.text.split(':').next().unwrap_or("");
    if name.is_empty()
        || name.contains('$')
        || name.chars().all(|c| c.is_ascii_digit())
        || name == "root"
    {
        return;
    }
    sink.report(word.span, format!("`USER {}` is a name; a numeric UID is checked more easily and needs no /etc/passwd entry", word.text))
        .set_help("use the user's numeric UID, like `USER 10001`");
}
