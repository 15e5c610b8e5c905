use crate::input::diagnostic::Fix;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Checks that each container of a Linux task sets `"readonlyRootFilesystem": true`.
    /// Windows does not support the setting and is skipped.
    ///
    /// A FireLens log router (a container with `firelensConfiguration`) is not checked either:
    /// the router needs a writable root filesystem to start. The `aws-for-fluent-bit` images
    /// write files into their own filesystem at start (the `init` image writes its scripts and
    /// the configuration it fetched under `/init`, and a volume there hides the image's own
    /// files), and with `readonlyRootFilesystem: true` the router exits at start: the task stops
    /// if the router is essential, and the application's logs are lost if it is not (see
    /// References).
    ///
    /// ## Why is this bad?
    /// A writable root filesystem lets an attacker drop tools or change binaries in the running
    /// container, and lets the application write state that disappears with the task. Mount a
    /// volume (or a `tmpfs` on EC2) for the paths that must be writable, such as `/tmp`.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "readonlyRootFilesystem": true,
    ///   "mountPoints": [{ "sourceVolume": "tmp", "containerPath": "/tmp" }] }
    /// ```
    /// The fix sets or adds `"readonlyRootFilesystem": true`; check which paths the application
    /// writes first. ECS Exec needs writable SSM agent paths, so a task using it needs volumes for
    /// them.
    ///
    /// ## Fix safety
    /// A read-only root filesystem breaks an application that writes outside its mounted volumes
    /// (temporary files, caches, PID files). Check which paths it writes, and mount volumes for
    /// them, before applying it.
    ///
    /// ## References
    /// - [readonlyRootFilesystem](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security)
    /// - Security Hub ECS.5. Checkov CKV_AWS_336. Prowler ecs_task_definitions_containers_readonly_access. AWS Control Tower CT.ECS.PR.6.
    /// - FireLens router with a read-only root filesystem fails to start: [aws/aws-for-fluent-bit#928](https://github.com/aws/aws-for-fluent-bit/issues/928) (2025, `init` image), [aws/aws-for-fluent-bit#824](https://github.com/aws/aws-for-fluent-bit/issues/824) (2024), [fluent/fluent-bit#7308](https://github.com/fluent/fluent-bit/issues/7308) (2023, `stable` image on Fargate).
    pub static RULE = {
        code: "TD103",
        name: "writable-root-filesystem",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a Linux container whose root filesystem is writable",
        fix: Unsafe,
    }
}

crate::messages! {
    "TD103";
    WRITABLE = "container `{container}` has a writable root filesystem";
    HELP_SET_TRUE = "set it to true and mount volumes for the paths the application writes";
    FIX_SET_TRUE = "set readonlyRootFilesystem to true";
    NOT_SET = "container `{container}` does not set readonlyRootFilesystem, so its root filesystem is writable";
    HELP_ADD = "add \"readonlyRootFilesystem\": true and mount volumes for the paths the application writes";
    FIX_ADD = "add \"readonlyRootFilesystem\": true";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_windows() {
        return;
    }
    for c in &ctx.containers {
        // A FireLens log router needs a writable root filesystem (see the doc comment).
        if c.get_set("firelensConfiguration").is_some() {
            continue;
        }
        let name = ctx.container_name(c);
        match c.get_set("readonlyRootFilesystem") {
            Some(node) => {
                if matches!(node.kind, NodeKind::Bool(false)) {
                    let d = sink.report_msg(node.span, crate::msg!(WRITABLE, container = &name));
                    d.set_help_msg(crate::msg!(HELP_SET_TRUE));
                    d.set_fix_msg(crate::msg!(FIX_SET_TRUE), node.span, "true");
                }
            }
            None => {
                if c.is_opaque() {
                    continue;
                }
                let d = sink.report_msg(
                    TaskDefCtx::container_span(c),
                    crate::msg!(NOT_SET, container = &name),
                );
                d.set_help_msg(crate::msg!(HELP_ADD));
                // A `null` member is replaced; otherwise the key is added as the first member.
                if let Some(m) = c.member("readonlyRootFilesystem") {
                    d.set_fix_msg(crate::msg!(FIX_SET_TRUE), m.value.span, "true");
                } else if let Some(edit) = crate::syntax::json_edit::insert_member(
                    ctx.text,
                    c,
                    "\"readonlyRootFilesystem\": true",
                ) {
                    let title = crate::msg!(FIX_ADD);
                    d.fix = Some(Fix {
                        title: title.en(),
                        edits: vec![edit],
                    });
                    d.keyed.fix_title = Some(title);
                }
            }
        }
    }
}
