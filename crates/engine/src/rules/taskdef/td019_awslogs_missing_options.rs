use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container logging with the `awslogs` driver sets the options
    /// `awslogs-group` and `awslogs-region`, and on Fargate also `awslogs-stream-prefix`.
    ///
    /// ## Why is this bad?
    /// The driver needs to know which log group, in which region, to write to. Without them the
    /// container fails to start and the task stops with a log driver error. On Fargate the
    /// stream prefix is required as well (on EC2 it is optional: streams are then named after
    /// the Docker container ID, which is hard to trace back to a task).
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
    /// - [LogConfiguration options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html):
    ///   `awslogs-region` "Required: Yes", `awslogs-group` "Required: Yes", `awslogs-stream-prefix`
    ///   "Required: Yes, when using Fargate. Optional when using EC2." (also in the ECS API model
    ///   botocore ships)
    /// - The refusal on Fargate: `Fargate requires log configuration options to include
    ///   awslogs-stream-prefix to support log driver awslogs. (... Error Code: ClientException)`
    ///   ([aws/aws-cdk#1422](https://github.com/aws/aws-cdk/issues/1422)).
    /// - [Using the awslogs log driver](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
    /// - cfn-lint E3046.
    pub static RULE = {
        code: "TD019",
        name: "awslogs-missing-options",
        target: TaskDef,
        severity: Error,
        category: Observability,
        summary: "the awslogs log driver without awslogs-group, awslogs-region, or on Fargate awslogs-stream-prefix",
    }
}

crate::messages! {
    "TD019";
    NO_PREFIX = "container `{name}` logs with awslogs on Fargate but sets no `awslogs-stream-prefix`, which Fargate requires";
    MISSING_ONE = "container `{name}` logs with awslogs but sets no `{first}`";
    MISSING_TWO = "container `{name}` logs with awslogs but sets no `{first}` or `{second}`";
    MISSING_THREE = "container `{name}` logs with awslogs but sets no `{first}` or `{second}` or `{third}`";
    HELP_PREFIX = "add \"awslogs-stream-prefix\" to logConfiguration.options, e.g. the service or family name: streams are then named <prefix>/<container>/<task id>";
    HELP_GROUP = "add the log group and its region to logConfiguration.options, e.g. \"awslogs-group\": \"/ecs/<family>\", \"awslogs-region\": \"<region>\"";
    RELATED_OPTIONS = "the driver's options";
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
        if options.is_some_and(crate::syntax::value::Node::is_opaque) || log.is_opaque() {
            continue;
        }
        let required: &[&str] = if ctx.is_fargate() {
            &["awslogs-group", "awslogs-region", "awslogs-stream-prefix"]
        } else {
            &["awslogs-group", "awslogs-region"]
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|k| options.and_then(|o| o.get_set(k)).is_none())
            .collect();
        let span = log.get("logDriver").map_or(log.span, |n| n.span);
        let name = ctx.container_name(c);
        let only_prefix = missing == ["awslogs-stream-prefix"];
        let message = match missing.as_slice() {
            [] => continue,
            _ if only_prefix => crate::msg!(NO_PREFIX, name = name),
            [first] => crate::msg!(MISSING_ONE, name = name, first = *first),
            [first, second] => {
                crate::msg!(MISSING_TWO, name = name, first = *first, second = *second)
            }
            [first, second, third, ..] => crate::msg!(
                MISSING_THREE,
                name = name,
                first = *first,
                second = *second,
                third = *third
            ),
        };
        let d = sink.report_msg(span, message);
        if only_prefix {
            d.set_help_msg(crate::msg!(HELP_PREFIX));
        } else {
            d.set_help_msg(crate::msg!(HELP_GROUP));
        }
        if let Some(o) = log.member("options") {
            d.add_related_msg(o.key_span, crate::msg!(RELATED_OPTIONS));
        }
    }
}
