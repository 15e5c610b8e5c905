use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks a container health check: `interval` 5–300 seconds, `timeout` 2–60 seconds,
    /// `retries` 1–10, `startPeriod` 0–300 seconds (kept in `data/taskdef-limits.json`), and a `command` present.
    ///
    /// ## Why is this bad?
    /// Values outside these ranges are rejected by `RegisterTaskDefinition`. A health check with no command cannot run.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
    ///   "interval": 1, "retries": 20 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
    ///   "interval": 10, "retries": 3, "startPeriod": 30 } }
    /// ```
    ///
    /// ## References
    /// - [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html):
    ///   interval "You may specify between 5 and 300 seconds", timeout "between 2 and 60 seconds",
    ///   retries "between 1 and 10 retries", startPeriod "between 0 and 300 seconds" (the same text
    ///   is in the ECS API model botocore ships, `HealthCheck` members).
    /// - No Security Hub control or checklist item. KICS "ECS Task Definition HealthCheck Missing" checks only that one exists (TD202 here).
    pub static RULE = {
        code: "TD021",
        name: "health-check-out-of-range",
        target: TaskDef,
        severity: Error,
        category: Reliability,
        summary: "a health check value outside the range ECS accepts",
    }
}

crate::messages! {
    "TD021";
    OUT_OF_RANGE = "container `{name}` health check {key} is {value}, outside {min}–{max}";
    HELP_RANGE = "ECS accepts {key} from {min} to {max} (default {default})";
    HELP_RANGE_SECONDS = "ECS accepts {key} from {min} to {max} seconds (default {default})";
    HELP_RANGE_UNIT = "ECS accepts {key} from {min} to {max} {unit} (default {default})";
    FIX_SET = "set {key} to {value}";
    NO_COMMAND = "container `{name}` has a health check with no command";
    HELP_COMMAND = "give the health check a command, e.g. [\"CMD-SHELL\", \"curl -f http://localhost/health || exit 1\"]";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(hc) = c.get_set("healthCheck") else {
            continue;
        };
        if hc.as_object().is_none() || hc.is_opaque() {
            continue;
        }
        let name = ctx.container_name(c);
        for (key, min, max, default, unit) in &util::limits().health_check {
            let Some(value) = util::int(hc.get_set(key)) else {
                continue;
            };
            if (*min..=*max).contains(&value) {
                continue;
            }
            let Some(node) = hc.get(key) else { continue };
            let clamped = value.clamp(*min, *max);
            let d = sink.report_msg(
                node.span,
                crate::msg!(
                    OUT_OF_RANGE,
                    name = &name,
                    key = key,
                    value = value,
                    min = *min,
                    max = *max
                ),
            );
            d.set_help_msg(match unit.as_str() {
                "" => crate::msg!(
                    HELP_RANGE,
                    key = key,
                    min = *min,
                    max = *max,
                    default = default
                ),
                "seconds" => crate::msg!(
                    HELP_RANGE_SECONDS,
                    key = key,
                    min = *min,
                    max = *max,
                    default = default
                ),
                unit => crate::msg!(
                    HELP_RANGE_UNIT,
                    key = key,
                    min = *min,
                    max = *max,
                    unit = unit,
                    default = default
                ),
            });
            d.set_fix_msg(
                crate::msg!(FIX_SET, key = key, value = clamped),
                node.span,
                clamped.to_string(),
            );
        }
        let has_command = hc
            .get_set("command")
            .and_then(|n| n.as_array())
            .is_some_and(|a| !a.is_empty())
            || hc.get_set("command").is_some_and(|n| n.is_placeholder());
        if !has_command {
            let span = hc
                .member("command")
                .map_or(util::member_or_name(c, "healthCheck"), |m| m.span());
            sink.report_msg(span, crate::msg!(NO_COMMAND, name = &name))
                .set_help_msg(crate::msg!(HELP_COMMAND));
        }
    }
}
