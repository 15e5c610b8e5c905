use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks that container names are unique within the task definition.
    ///
    /// ## Why is this bad?
    /// Containers are addressed by name (`dependsOn`, `links`, `volumesFrom`, load balancers,
    /// FireLens). `RegisterTaskDefinition` rejects two containers with the same name.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1.0" }, { "name": "app", "image": "envoy:1.30" }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "app", "image": "app:1.0" }, { "name": "envoy", "image": "envoy:1.30" }]
    /// ```
    ///
    /// ## References
    /// - [Container name](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_name)
    /// - Observed error: "ClientException: Container names must be unique within a Task Definition."
    ///   ([Shippable/support#2946](https://github.com/Shippable/support/issues/2946),
    ///   [metaps/genova#291](https://github.com/metaps/genova/issues/291))
    /// - No Security Hub control, checklist item, Checkov or cfn-lint check maps to it.
    pub static RULE = {
        code: "TD015",
        name: "duplicate-container-name",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "two containers with the same name",
    }
}

crate::messages! {
    "TD015";
    TWICE = "container name `{name}` is used twice";
    HELP = "give each container a unique name";
    RELATED_FIRST = "first used here";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // Each name's first use: one pass, so thousands of containers stay linear.
    let mut first_use: std::collections::HashMap<&str, crate::input::span::Span> =
        std::collections::HashMap::new();
    for c in &ctx.containers {
        let Some(node) = c.get("name") else { continue };
        let Some(name) = node.as_str() else { continue };
        if crate::syntax::value::is_placeholder_text(name) {
            continue;
        }
        match first_use.get(name) {
            Some(&first) => {
                sink.report_msg(node.span, crate::msg!(TWICE, name = name))
                    .set_help_msg(crate::msg!(HELP))
                    .add_related_msg(first, crate::msg!(RELATED_FIRST));
            }
            None => {
                first_use.insert(name, node.span);
            }
        }
    }
}
