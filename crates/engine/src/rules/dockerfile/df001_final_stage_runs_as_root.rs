use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a final stage that never sets `USER` (nor inherits one from an earlier stage it is built
    /// on), so the container runs as root unless the task definition sets `user`. Base images whose tag
    /// says they run as non-root (`gcr.io/distroless/...:nonroot`, `...-nonroot`) and Windows images
    /// are
    /// skipped. An explicit
    /// `USER root` at the end is `DL3002`.
    ///
    /// ## Why is this bad?
    /// Most base images run as root. A root process in a container has every capability Docker grants,
    /// and a container escape or a writable mounted volume turns into root on the host. hadolint does
    /// not
    /// report a Dockerfile with no `USER` at all, which is the most common case.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY . /app
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY --chown=10001:10001 . /app
    /// USER 10001
    /// CMD ["node", "/app/server.js"]
    /// ```
    /// A numeric UID works even when the user does not exist in `/etc/passwd` and lets Kubernetes-style
    /// checks and the ECS `user` field be verified (`DL3066`). Alternatively set `user` in the task
    /// definition's container definition.
    ///
    /// ## References
    /// - [Amazon ECS task definition
    ///   parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    /// - Security Hub ECS.20 checks the task definition's `user` instead: a missing `user` fails it
    ///   whatever the image sets. Checkov CKV_DOCKER_3; hadolint DL3002 reports only an explicit `USER
    ///   root`.
    pub static RULE = {
        code: "DF001",
        name: "final-stage-runs-as-root",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "the final stage has no USER, so the container runs as root",
    }
}

crate::messages! {
    "DF001";
    HELP = "add `USER 10001` (a numeric, non-root UID) after the steps that need root, or set `user` in the task definition";
    MESSAGE = "the final stage (`FROM {image}`) never sets USER, so the container runs as root";
}

/// Whether the stage (or a stage it is built on) sets a USER.
fn sets_user(
    ctx: &DockerfileCtx<'_>,
    stage: &crate::syntax::dockerfile::Stage,
    depth: usize,
) -> bool {
    if depth > 64 {
        return true;
    }
    if ctx.stage_instructions(stage).iter().any(|i| i.is("USER")) {
        return true;
    }
    let parent = support::parent_stage(ctx, stage);
    parent.is_some_and(|p| sets_user(ctx, p, depth + 1))
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let Some(stage) = ctx.final_stage() else {
        return;
    };
    let image = stage.image.to_ascii_lowercase();
    if crate::syntax::dockerfile::is_windows_image(&image) {
        return; // Windows containers have no root user.
    }
    if image.contains("nonroot") || image.contains("non-root") || image.contains("rootless") {
        return;
    }
    if sets_user(ctx, stage, 0) {
        return;
    }
    let from = ctx
        .dockerfile
        .instructions
        .get(stage.from)
        .map_or(stage.image_span, |i| i.span);
    sink.report_msg(from, crate::msg!(MESSAGE, image = &stage.image))
        .set_help_msg(crate::msg!(HELP));
}
