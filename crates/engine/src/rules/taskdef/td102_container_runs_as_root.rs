use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that each container of a Linux task sets a `user` that is not `root` or `0`.
    /// A container with no `user` runs as the image's user, which is root unless the Dockerfile
    /// says otherwise, so Security Hub counts a missing `user` as a failure too.
    ///
    /// A FireLens log router (a container with `firelensConfiguration`) is not checked: it must
    /// run as root, because it creates the Unix socket the application containers log through in
    /// a directory on the host that only root can write to. Running it as non-root is an open
    /// feature request ([aws/containers-roadmap#2122](https://github.com/aws/containers-roadmap/issues/2122)),
    /// and the `aws-for-fluent-bit` image keeps root because FireLens needs it
    /// ([aws/aws-for-fluent-bit#713](https://github.com/aws/aws-for-fluent-bit/pull/713), 2023).
    /// Keep the router's image, privileges and resources small instead.
    ///
    /// ## Why is this bad?
    /// Root in a container is root on the host's kernel: with a kernel or runtime flaw, or a
    /// mounted host path, it is one step from the host. A non-root user limits what an attacker
    /// in the application can do. If the image already sets a non-root `USER`, writing it in the
    /// task definition too makes the guarantee visible and checked.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "user": "root" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "user": "1000:1000" }
    /// ```
    ///
    /// ## References
    /// - [user](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#ContainerDefinition-user)
    /// - Security Hub [ECS.20](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-20)
    ///   (non-root users in Linux containers; ECS.21 is the Windows counterpart). The retired ECS.1
    ///   (a root user in host network mode) was replaced by ECS.17 (no host network mode), ECS.4
    ///   (no privileged containers) and ECS.20/ECS.21. AWS Control Tower CT.ECS.PR.3. Trivy DS-0002 and hadolint DL3002 for the Dockerfile side.
    pub static RULE = {
        code: "TD102",
        name: "container-runs-as-root",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a Linux container that runs as root or sets no user",
    }
}

crate::messages! {
    "TD102";
    ROOT_USER = "container `{container}` runs as root (user \"{user}\")";
    HELP_ROOT_USER = "run as an unprivileged user, e.g. \"user\": \"1000:1000\", and give it only the files it needs";
    NO_USER = "container `{container}` sets no user, so it runs as the image's user (root unless the image changes it)";
    HELP_NO_USER = "set \"user\" to a non-root user or UID, e.g. \"1000:1000\" (the image's USER if it has one)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_windows() {
        return;
    }
    for c in &ctx.containers {
        // A FireLens log router needs root (see the doc comment).
        if c.get_set("firelensConfiguration").is_some() {
            continue;
        }
        let name = ctx.container_name(c);
        match c.get_set("user") {
            Some(node) => {
                let Some(user) = util::known_str(Some(node)) else {
                    continue;
                };
                let who = user.split(':').next().unwrap_or(user).trim();
                if who == "root" || who == "0" {
                    sink.report_msg(
                        node.span,
                        crate::msg!(ROOT_USER, container = &name, user = user),
                    )
                    .set_help_msg(crate::msg!(HELP_ROOT_USER));
                }
            }
            None => {
                if c.is_opaque() {
                    continue;
                }
                sink.report_msg(
                    TaskDefCtx::container_span(c),
                    crate::msg!(NO_USER, container = &name),
                )
                .set_help_msg(crate::msg!(HELP_NO_USER));
            }
        }
    }
}
