use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Arg;

crate::declare_rule! {
    /// ## What it does
    /// Checks that each container `links` entry (`name` or `name:alias`) and each
    /// `volumesFrom[].sourceContainer` names another container of the same task definition,
    /// and that a link has at most one `:`. (A `dependsOn` entry naming a missing container is
    /// TD014's.)
    ///
    /// ## Why is this bad?
    /// Links and `volumesFrom` are resolved when the task starts: the ECS container agent
    /// looks the name up among the task's containers and, when it is not there, cannot create
    /// the container (`Link target not available: <name>`, `Volume target not available:
    /// <name>`, `Invalid link format`), so the task stops. A typo or a renamed sidecar breaks
    /// every deployment.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "bridge", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "links": ["redis"], "volumesFrom": [{ "sourceContainer": "config" }] },
    ///   { "name": "cache", "image": "redis:7" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "bridge", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "links": ["cache:redis"] },
    ///   { "name": "cache", "image": "redis:7" } ] }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition links](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "The links parameter allows containers to communicate with each other without the need
    ///   for port mappings"; `VolumeFrom.sourceContainer`: "The name of another container within
    ///   the same task definition to mount volumes from."
    /// - The refusal at task start: the ECS container agent, `agent/api/task/task.go`
    ///   (`dockerLinks`: `errors.New("Link target not available: " + linkName)` and
    ///   `"Invalid link format"`; `dockerVolumesFrom`: `"Volume target not available: "`)
    ///   in [aws/amazon-ecs-agent](https://github.com/aws/amazon-ecs-agent).
    pub static RULE = {
        code: "TD034",
        name: "unknown-container-reference",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a link or volumesFrom naming a container the task does not have",
    }
}

crate::messages! {
    "TD034";
    BAD_LINK = "container `{container}` has the link {link}, which is not `name` or `name:alias`";
    HELP_LINK_FORM = "write a link as the other container's name, optionally followed by `:` and an alias";
    UNKNOWN_LINK = "container `{container}` links to `{target}`, which is not a container of this task";
    HELP_LINK_TARGET = "link to one of the task's containers ({containers}); the task stops at start with \"Link target not available\"";
    UNKNOWN_VOLUMES_FROM = "container `{container}` mounts the volumes of `{target}`, which is not a container of this task";
    HELP_VOLUMES_FROM_TARGET = "name one of the task's containers ({containers}); the task stops at start with \"Volume target not available\"";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // Containers we cannot see (a placeholder among them) may hold the name.
    if util::containers_opaque(ctx) {
        return;
    }
    let names: Vec<&str> = ctx
        .containers
        .iter()
        .filter_map(|c| c.get_str("name"))
        .collect();
    let placeholder_names = ctx.containers.iter().any(|c| {
        c.get("name")
            .is_none_or(crate::syntax::value::Node::is_placeholder)
    });
    let known = |target: &str| placeholder_names || names.contains(&target);
    let list = || Arg::List(names.iter().map(|n| Arg::from(*n)).collect());
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for link in c.get_array("links") {
            let Some(text) = util::known_str(Some(link)) else {
                continue;
            };
            if text.matches(':').count() > 1 {
                sink.report_msg(
                    link.span,
                    crate::msg!(BAD_LINK, container = &name, link = format!("{text:?}")),
                )
                .set_help_msg(crate::msg!(HELP_LINK_FORM));
                continue;
            }
            let target = text.split(':').next().unwrap_or_default();
            if known(target) {
                continue;
            }
            sink.report_msg(
                link.span,
                crate::msg!(UNKNOWN_LINK, container = &name, target = target),
            )
            .set_help_msg(crate::msg!(HELP_LINK_TARGET, containers = list()));
        }
        for from in c.get_array("volumesFrom") {
            let Some(node) = from.get_set("sourceContainer") else {
                continue;
            };
            let Some(target) = util::known_str(Some(node)) else {
                continue;
            };
            if known(target) {
                continue;
            }
            sink.report_msg(
                node.span,
                crate::msg!(UNKNOWN_VOLUMES_FROM, container = &name, target = target),
            )
            .set_help_msg(crate::msg!(HELP_VOLUMES_FROM_TARGET, containers = list()));
        }
    }
}
