use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that each container's `mountPoints[].sourceVolume` names a volume in the task's
    /// `volumes`.
    ///
    /// ## Why is this bad?
    /// A mount point mounts one of the task's volumes; a name that is not among them (a typo,
    /// or a volume removed from `volumes`) is refused by `RegisterTaskDefinition`.
    ///
    /// ## Example
    /// ```json
    /// { "volumes": [{ "name": "data" }], "containerDefinitions": [{ "name": "app",
    ///   "image": "app:1.0", "mountPoints": [{ "sourceVolume": "date", "containerPath": "/data" }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "volumes": [{ "name": "data" }], "containerDefinitions": [{ "name": "app",
    ///   "image": "app:1.0", "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }] }] }
    /// ```
    ///
    /// ## References
    /// - [MountPoint sourceVolume](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html):
    ///   "Must be a volume name referenced in the name parameter of task definition volume."
    ///   (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "TD031",
        name: "mount-point-unknown-volume",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a mount point whose sourceVolume is not a volume of the task",
    }
}

crate::messages! {
    "TD031";
    UNKNOWN_VOLUME = "container `{container}` mounts volume `{source}`, which is not in the task's volumes";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    FIX_MOUNT = "mount `{suggestion}`";
    HELP_ADD_VOLUME = "add {\"name\": \"{source}\"} (with its configuration) to the task's volumes";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.shape == crate::models::taskdef::Shape::ContainerArray || ctx.task.is_opaque() {
        return;
    }
    let volumes_node = ctx.task.get_set("volumes");
    if volumes_node.is_some_and(|v| {
        v.is_placeholder()
            || v.as_array()
                .is_some_and(|a| a.iter().any(|x| x.is_placeholder() || x.is_opaque()))
    }) {
        return;
    }
    let mut names: Vec<&str> = Vec::new();
    for v in ctx.task.get_array("volumes") {
        if let Some(n) = v.get_set("name") {
            // A volume whose name we cannot read could be any of them.
            let Some(name) = util::known_str(Some(n)) else {
                return;
            };
            names.push(name);
        }
    }
    for c in &ctx.containers {
        for mp in c.get_array("mountPoints") {
            let Some(node) = mp.get_set("sourceVolume") else {
                continue;
            };
            let Some(source) = util::known_str(Some(node)) else {
                continue;
            };
            if names.contains(&source) {
                continue;
            }
            let d = sink.report_msg(
                node.span,
                crate::msg!(
                    UNKNOWN_VOLUME,
                    container = ctx.container_name(c),
                    source = source
                ),
            );
            match crate::input::text::suggest(source, names.iter().copied()) {
                Some(s) => {
                    d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = s));
                    d.set_fix_msg(
                        crate::msg!(FIX_MOUNT, suggestion = s),
                        node.span,
                        format!("\"{s}\""),
                    );
                }
                None => {
                    d.set_help_msg(crate::msg!(HELP_ADD_VOLUME, source = source));
                }
            }
        }
    }
}
