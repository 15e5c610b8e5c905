use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks that container `links` are used only with the `bridge` network mode.
    ///
    /// ## Why is this bad?
    /// `links` is a Docker legacy feature of the bridge network. Under `awsvpc` (and so on
    /// Fargate) and `host`, it is not supported and `RegisterTaskDefinition` rejects it; the
    /// containers of an `awsvpc` task reach each other on `localhost` instead.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "links": ["redis"] }, { "name": "redis", "image": "redis:7" } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "environment": [{ "name": "REDIS_HOST", "value": "localhost" }] },
    ///   { "name": "redis", "image": "redis:7" } ] }
    /// ```
    ///
    /// ## References
    /// - [links](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_network)
    ///   and the API reference's `ContainerDefinition.links`: "only supported if the network mode of
    ///   a task definition is bridge" (also in the ECS API model botocore ships)
    /// - Observed error: "Links are not supported when networkMode=awsvpc."
    ///   ([aws-observability/aws-otel-collector#1359](https://github.com/aws-observability/aws-otel-collector/issues/1359))
    /// - No Security Hub control, checklist item, Checkov or cfn-lint check maps to it.
    pub static RULE = {
        code: "TD017",
        name: "links-need-bridge",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "container links outside the bridge network mode",
    }
}

crate::messages! {
    "TD017";
    LINKS = "container `{name}` uses links, which the \"{mode}\" network mode does not support";
    HELP_AWSVPC = "remove links: containers of an awsvpc task reach each other on localhost";
    HELP_OTHER = "remove links, or use the bridge network mode";
    RELATED_MODE = "the network mode";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(mode) = ctx.network_mode() else {
        return;
    };
    if mode == "bridge" {
        return;
    }
    for c in &ctx.containers {
        let Some(links) = c.member("links") else {
            continue;
        };
        if links.value.as_array().is_none_or(<[_]>::is_empty) {
            continue;
        }
        let name = ctx.container_name(c);
        let d = sink.report_msg(links.key_span, crate::msg!(LINKS, name = name, mode = mode));
        d.set_help_msg(if mode == "awsvpc" {
            crate::msg!(HELP_AWSVPC)
        } else {
            crate::msg!(HELP_OTHER)
        });
        if let Some(m) = ctx.task.get("networkMode") {
            d.add_related_msg(m.span, crate::msg!(RELATED_MODE));
        }
    }
}
