use super::pairing_docker::{self, is_root_user};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// reports a container whose `user` in the task definition is root (`0`, `root`, `0:0`)
    /// while the image's final `USER` is a non-root user.
    ///
    /// ## Why is this bad?
    /// The container definition's `user` replaces the image's `USER` (it is Docker's
    /// `--user`). The Dockerfile's author dropped root on purpose, and one line of JSON
    /// brings it back: the process runs as root in production though the image was built not
    /// to. A root image with no `user` in the task is already reported on each side (`DF001`,
    /// `TD102`), so it is not repeated here.
    ///
    /// ## Example
    /// `Dockerfile`: `USER 10001`; task definition:
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4", "user": "0" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4", "user": "10001" }
    /// ```
    /// or leave `user` out so the image's `USER` applies (writing it keeps Security Hub ECS.20
    /// satisfied).
    ///
    /// ## References
    /// - [Amazon ECS task definition parameters:
    ///   user](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#ContainerDefinition-user)
    /// - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    /// - Security Hub ECS.20 (the task side); hadolint DL3002 and `DF001` (the Dockerfile side).
    pub static RULE = {
        code: "XF101",
        name: "task-user-overrides-image-user",
        target: CrossFile,
        severity: Warning,
        category: Security,
        summary: "the task definition runs as root a container whose image sets a non-root USER",
    }
}

crate::messages! {
    "XF101";
    RUNS_AS_ROOT = "container `{name}` runs as root: its user \"{task_user}\" overrides the image's `USER {image_user}`";
    HELP_SET_USER = "set \"user\" to \"{image_user}\" (the image's user), or remove it so the image's USER applies";
    RELATED_DROPS_ROOT = "the image drops root here";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        let Some(node) = pair.container.get_set("user") else {
            continue;
        };
        let Some(task_user) = util::known_str(Some(node)) else {
            continue;
        };
        if !is_root_user(task_user) {
            continue;
        }
        let Some(user) = pair.last("USER") else {
            continue;
        };
        let image_user = user.text.trim();
        if image_user.is_empty() || image_user.contains('$') || is_root_user(image_user) {
            continue;
        }
        sink.report_msg_in(
            pair.task.file,
            node.span,
            crate::msg!(
                RUNS_AS_ROOT,
                name = pair.name(),
                task_user = task_user,
                image_user = image_user
            ),
        )
        .set_help_msg(crate::msg!(HELP_SET_USER, image_user = image_user))
        .add_related_in_msg(pair.docker.file, user.span, crate::msg!(RELATED_DROPS_ROOT));
    }
}
