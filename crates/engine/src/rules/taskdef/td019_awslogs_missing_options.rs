use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container logging with the `awslogs` driver sets the options
    /// `awslogs-group` and `awslogs-region`.
    ///
    /// ## Why is this bad?
    /// The driver needs to know which log group, in which region, to write to. Without them the
    /// container fails to start and the task stops with a log driver error.
    ///
    /// ## Example
    /// ```json
    /// { "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-stream-prefix": "app" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "logConfiguration": { "logDriver": "awslogs", "options": {
    ///   "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } } }
    /// ```
    ///
    /// ## References
    /// - [Using the awslogs log driver](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
    /// - cfn-lint E3046.
    pub static RULE = {
        code: "TD019",
        name: "awslogs-missing-options",
        target: TaskDef,
        severity: Error,
        category: Observability,
        summary: "the awslogs log driver without awslogs-group or awslogs-region",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        if util::log_driver(c) != Some("awslogs") {
            continue;
        }
        let Some(log) = c.get_set("logConfiguration") else {
            continue;
        };
        let options = log.get_set("options");
        if options.is_some_and(crate::value::Node::is_opaque) || log.is_opaque() {
            continue;
        }
        let missing: Vec<&str> = ["awslogs-group", "awslogs-region"]
            .into_iter()
            .filter(|k| options.and_then(|o| o.get_set(k)).is_none())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let span = log.get("logDriver").map_or(log.span, |n| n.span);
        let list = missing
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let d = sink.report(
            span,
            format!(
                "container `{}` logs with awslogs but sets no {list}",
                ctx.container_name(c)
            ),
        );
        d.set_help("add the log group and its region to logConfiguration.options, e.g. \"awslogs-group\": \"/ecs/<family>\", \"awslogs-region\": \"<region>\"");
        if let Some(o) = log.member("options") {
            d.add_related(o.key_span, "the driver's options");
        }
    }
}
