use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

/// The options the awslogs driver takes on ECS: those the API reference lists, those every
/// driver takes (`mode`, `max-buffer-size`), and the Docker awslogs driver's own.
const KNOWN: &[&str] = &[
    "awslogs-create-group",
    "awslogs-create-stream",
    "awslogs-stream",
    "awslogs-region",
    "awslogs-group",
    "awslogs-stream-prefix",
    "awslogs-datetime-format",
    "awslogs-multiline-pattern",
    "mode",
    "max-buffer-size",
    "awslogs-endpoint",
    "awslogs-credentials-endpoint",
    "awslogs-force-flush-interval-seconds",
    "awslogs-max-buffered-events",
    "awslogs-format",
    "tag",
];

crate::declare_rule! {
    /// ## What it does
    /// Checks the `options` of a container's `awslogs` log configuration: every key should be
    /// an option the awslogs driver knows (a misspelt one gets a suggestion), and
    /// `awslogs-datetime-format` and `awslogs-multiline-pattern` are not both set.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` checks the awslogs options against the ones the driver takes
    /// and refuses the task definition for any other ("Log driver awslogs disallows options:
    /// log_key"); a misspelt option (`awslogs-stream-prefx`) is the usual cause. The API
    /// reference also says the two multiline options cannot be configured together.
    ///
    /// ## Example
    /// ```json
    /// { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web",
    ///   "awslogs-region": "eu-west-1", "awslogs-stream-prefx": "web" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web",
    ///   "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" } }
    /// ```
    ///
    /// ## References
    /// - [LogConfiguration options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
    ///   (the awslogs options, `mode` and `max-buffer-size`; "You cannot configure both the
    ///   awslogs-datetime-format and awslogs-multiline-pattern options")
    /// - The refusal at registration: `ClientException ... RegisterTaskDefinition operation: Log
    ///   driver awslogs disallows options: log_key`
    ///   ([aws-samples/amazon-ecs-firelens-examples#83](https://github.com/aws-samples/amazon-ecs-firelens-examples/issues/83)).
    /// - [Docker awslogs logging driver](https://docs.docker.com/engine/logging/drivers/awslogs/)
    ///   (its own options, such as `awslogs-endpoint`)
    pub static RULE = {
        code: "TD024",
        name: "unknown-awslogs-option",
        target: TaskDef,
        severity: Error,
        category: Observability,
        summary: "an awslogs option the driver does not know, or both multiline options",
    }
}

crate::messages! {
    "TD024";
    UNKNOWN_OPTION = "container `{name}` sets awslogs option `{key}`, which the awslogs driver does not know";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    FIX_RENAME = "rename to `{suggestion}`";
    HELP_REMOVE = "remove it; the awslogs options are awslogs-group, awslogs-region, awslogs-stream-prefix, awslogs-create-group, awslogs-datetime-format, awslogs-multiline-pattern, mode and max-buffer-size";
    DATETIME_AND_MULTILINE = "container `{name}` sets both awslogs-datetime-format and awslogs-multiline-pattern, which cannot be configured together";
    HELP_DATETIME_AND_MULTILINE = "keep one: the multiline pattern is ignored when a datetime format is set";
    RELATED_DATETIME = "the datetime format";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        if util::log_driver(c) != Some("awslogs") {
            continue;
        }
        let Some(options) = c
            .get_set("logConfiguration")
            .and_then(|l| l.get_set("options"))
        else {
            continue;
        };
        let Some(object) = options.as_object() else {
            continue;
        };
        let name = ctx.container_name(c);
        for member in &object.members {
            let key = member.key.as_str();
            if KNOWN.contains(&key) || crate::syntax::value::is_placeholder_text(key) {
                continue;
            }
            let d = sink.report_msg(
                member.key_span,
                crate::msg!(UNKNOWN_OPTION, name = &name, key = key),
            );
            match crate::input::text::suggest(key, KNOWN.iter().copied()) {
                Some(s) => {
                    d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = s));
                    d.set_fix_msg(
                        crate::msg!(FIX_RENAME, suggestion = s),
                        member.key_span,
                        format!("\"{s}\""),
                    );
                }
                None => {
                    d.set_help_msg(crate::msg!(HELP_REMOVE));
                }
            }
        }
        if let (Some(a), Some(b)) = (
            object
                .members
                .iter()
                .find(|m| m.key == "awslogs-datetime-format"),
            object
                .members
                .iter()
                .find(|m| m.key == "awslogs-multiline-pattern"),
        ) {
            sink.report_msg(
                b.key_span,
                crate::msg!(DATETIME_AND_MULTILINE, name = &name),
            )
            .set_help_msg(crate::msg!(HELP_DATETIME_AND_MULTILINE))
            .add_related_msg(a.key_span, crate::msg!(RELATED_DATETIME));
        }
    }
}
