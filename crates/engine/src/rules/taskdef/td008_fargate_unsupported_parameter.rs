use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports task definition parameters that Fargate does not support, on a task that requires
    /// Fargate: `pidMode: host`, `ipcMode`, `privileged: true`, `linuxParameters.devices` and
    /// host volumes with a `sourcePath`. (`links` are reported by TD017.)
    ///
    /// ## Why is this bad?
    /// Fargate tasks do not share the host's process or IPC namespaces, cannot run privileged
    /// containers, map host devices or bind-mount paths of a host they do not control.
    /// `RegisterTaskDefinition` rejects these for a Fargate task (on Fargate `pidMode` may only
    /// be `task`).
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "pidMode": "host",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "privileged": true }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    /// Or run the task on EC2 if it really needs the host.
    ///
    /// ## References
    /// - [Task definition differences for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
    /// - [pidMode (only `task` on Fargate)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    /// - Security Hub ECS.3 and ECS.4 (as risks). Checkov CKV_AWS_334, CKV_AWS_335. cfn-lint E3048.
    pub static RULE = {
        code: "TD008",
        name: "fargate-unsupported-parameter",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a parameter Fargate does not support on a Fargate task",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() {
        return;
    }
    let req = ctx
        .task
        .member("requiresCompatibilities")
        .map(|m| m.value.span);
    let report = |sink: &mut Sink<'_>, span, message: String, help: &str| {
        let d = sink.report(span, message);
        d.set_help(help.to_string());
        if let Some(r) = req {
            d.add_related(r, "the task requires Fargate here");
        }
    };
    if let Some(node) = ctx.task.get_set("pidMode") {
        if util::known_str(Some(node)) == Some("host") {
            report(
                sink,
                node.span,
                "pidMode \"host\" is not supported on Fargate, which allows only \"task\"".into(),
                "remove pidMode, or use \"task\" to share the process namespace between the task's containers",
            );
        }
    }
    if let Some(node) = ctx.task.get_set("ipcMode") {
        // `""` is how ecspresso and SDK exports write "not set".
        if util::known_str(Some(node)).is_some_and(|s| !s.is_empty()) {
            report(
                sink,
                node.span,
                "ipcMode is not supported on Fargate".into(),
                "remove ipcMode, or run the task on EC2",
            );
        }
    }
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        if util::is_true(c.get("privileged")) {
            if let Some(m) = c.member("privileged") {
                report(
                    sink,
                    m.value.span,
                    format!("container `{name}` is privileged, which Fargate does not support"),
                    "remove \"privileged\"; add only the Linux capabilities the container needs, or run on EC2",
                );
            }
        }
        if let Some(devices) = c
            .get_set("linuxParameters")
            .and_then(|l| l.member("devices"))
        {
            if devices.value.as_array().is_some_and(|a| !a.is_empty()) {
                report(
                    sink,
                    devices.key_span,
                    format!("container `{name}` maps host devices, which Fargate does not support"),
                    "remove linuxParameters.devices, or run the task on EC2",
                );
            }
        }
    }
    for v in ctx.task.get_array("volumes") {
        if let Some(path) = v.get_set("host").and_then(|h| h.get_set("sourcePath")) {
            let vname = v.get_str("name").unwrap_or("?");
            report(
                sink,
                path.span,
                format!("volume `{vname}` bind-mounts a host path, which Fargate does not support"),
                "remove host.sourcePath (an empty \"host\" gives a task-scoped scratch volume), or use EFS",
            );
        }
    }
}
