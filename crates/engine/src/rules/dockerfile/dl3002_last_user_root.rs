use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a final stage whose last `USER` is root (`USER root`, `USER 0`, `USER root:root`),
    /// also when that `USER` comes from the stage the final stage is built on.
    /// `DF001` covers a final stage with no `USER` at all.
    ///
    /// ## Why is this bad?
    /// A process that runs as root in the container is root on the host's kernel too: a container
    /// escape or a mounted volume gives away much more. Amazon ECS runs the image's user unless the
    /// task definition sets `user`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER app
    /// RUN make
    /// USER root
    /// ```
    ///
    /// ## Use instead
    /// Switch back to an unprivileged user after the steps that need root:
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// USER 10001
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3002](https://github.com/hadolint/hadolint/wiki/DL3002)
    /// - Checkov CKV_DOCKER_8
    /// - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    ///
    /// Deliberate difference: hadolint reports the last `USER root` of every stage; ecsplain reports
    /// only the user the final image runs as, since build stages may run as root.
    pub static RULE = {
        code: "DL3002",
        name: "last-user-root",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "the final stage switches to the root user",
    }
}

crate::messages! {
    "DL3002";
    HELP = "end the final stage with `USER` and a non-root numeric UID, like `USER 10001`";
    MESSAGE = "the final stage runs as `{user}`";
}

pub fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user);
    name == "root" || name == "0"
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    // The USER the image runs as: the last one of the final stage, or of the stage it is built on.
    let last_user = support::image_stages(ctx).into_iter().find_map(|index| {
        let stage = ctx.dockerfile.stages.get(index)?;
        ctx.stage_instructions(stage)
            .iter()
            .rev()
            .find(|i| i.is("USER"))
    });
    if let Some(user) = last_user {
        if let Some(word) = user.words.first() {
            if is_root(&word.text) {
                sink.report_msg(word.span, crate::msg!(MESSAGE, user = &word.text))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
