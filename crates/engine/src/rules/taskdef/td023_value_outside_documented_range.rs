use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks values whose limits the ECS API reference states in words but the API model does
    /// not encode as a range: `ephemeralStorage.sizeInGiB` 21–200, a container's
    /// `restartPolicy.restartAttemptPeriod` 60–1800 seconds, at most 50
    /// `restartPolicy.ignoredExitCodes`, `linuxParameters.swappiness` 0–100, and at most 10
    /// task `placementConstraints`.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` refuses values outside these limits. Ephemeral storage below 21
    /// GiB is not an expansion of the 20 GiB Fargate gives every task; a restart policy that
    /// restarts more often than once a minute is not allowed.
    ///
    /// ## Example
    /// ```json
    /// { "ephemeralStorage": { "sizeInGiB": 20 }, "containerDefinitions": [{ "name": "app",
    ///   "image": "app:1.0", "restartPolicy": { "enabled": true, "restartAttemptPeriod": 30 } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "ephemeralStorage": { "sizeInGiB": 30 }, "containerDefinitions": [{ "name": "app",
    ///   "image": "app:1.0", "restartPolicy": { "enabled": true, "restartAttemptPeriod": 60 } }] }
    /// ```
    ///
    /// ## References
    /// - [EphemeralStorage](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html):
    ///   "The minimum supported value is 21 GiB and the maximum supported value is 200 GiB."
    /// - [ContainerRestartPolicy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html):
    ///   "You can specify a maximum of 50 container exit codes", "You can set a minimum
    ///   restartAttemptPeriod of 60 seconds and a maximum restartAttemptPeriod of 1800 seconds."
    /// - [LinuxParameters swappiness](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html):
    ///   "Accepted values are whole numbers between 0 and 100."
    /// - [RegisterTaskDefinition placementConstraints](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html):
    ///   "You can specify a maximum of 10 constraints for each task."
    ///   (All also in the ECS API model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD023",
        name: "value-outside-documented-range",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "ephemeral storage, a restart policy, swappiness or placement constraints outside the limits ECS states",
    }
}

crate::messages! {
    "TD023";
    PLACEMENT_MANY = "placementConstraints lists {count} constraints; ECS accepts at most 10";
    HELP_PLACEMENT = "keep at most 10 placement constraints";
    EPHEMERAL_SIZE = "ephemeralStorage.sizeInGiB is {size}; ECS accepts 21 to 200 GiB";
    HELP_EPHEMERAL_SMALL = "every Fargate task already has 20 GiB: remove ephemeralStorage, or ask for 21 GiB or more";
    HELP_EPHEMERAL_LARGE = "ask for at most 200 GiB; mount EFS or an EBS volume for more";
    FIX_SIZE = "set sizeInGiB to {size}";
    SWAPPINESS = "container `{name}` swappiness is {value}; ECS accepts 0 to 100";
    HELP_SWAPPINESS = "0 avoids swapping unless needed, 100 swaps aggressively; the default is 60";
    FIX_SWAPPINESS = "set swappiness to {value}";
    RESTART_PERIOD = "container `{name}` restartAttemptPeriod is {period}s; ECS accepts 60 to 1800 seconds";
    HELP_RESTART_PERIOD = "a container can be restarted at most once a minute; the default is 300 seconds";
    FIX_RESTART_PERIOD = "set restartAttemptPeriod to {period}";
    EXIT_CODES = "container `{name}` ignores {count} exit codes; ECS accepts at most 50";
    HELP_EXIT_CODES = "keep the exit codes that mean a deliberate stop (for example 0) and let the others restart the container";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if let Some(m) = ctx.task.member("placementConstraints") {
        if let Some(list) = m.value.as_array() {
            if list.len() > 10 && !list.iter().any(crate::syntax::value::Node::is_placeholder) {
                sink.report_msg(m.key_span, crate::msg!(PLACEMENT_MANY, count = list.len()))
                    .set_help_msg(crate::msg!(HELP_PLACEMENT));
            }
        }
    }
    if let Some(node) = ctx
        .task
        .get_set("ephemeralStorage")
        .and_then(|e| e.get_set("sizeInGiB"))
    {
        if let Some(size) = util::int(Some(node)) {
            if !(21..=200).contains(&size) {
                let fix = size.clamp(21, 200);
                sink.report_msg(node.span, crate::msg!(EPHEMERAL_SIZE, size = size))
                    .set_help_msg(if size <= 20 {
                        crate::msg!(HELP_EPHEMERAL_SMALL)
                    } else {
                        crate::msg!(HELP_EPHEMERAL_LARGE)
                    })
                    .set_fix_msg(
                        crate::msg!(FIX_SIZE, size = fix),
                        node.span,
                        fix.to_string(),
                    );
            }
        }
    }
    for c in &ctx.containers {
        if let Some(node) = c
            .get_set("linuxParameters")
            .and_then(|l| l.get_set("swappiness"))
        {
            if let Some(value) = util::int(Some(node)).filter(|v| !(0..=100).contains(v)) {
                let fix = value.clamp(0, 100);
                sink.report_msg(
                    node.span,
                    crate::msg!(SWAPPINESS, name = ctx.container_name(c), value = value),
                )
                .set_help_msg(crate::msg!(HELP_SWAPPINESS))
                .set_fix_msg(
                    crate::msg!(FIX_SWAPPINESS, value = fix),
                    node.span,
                    fix.to_string(),
                );
            }
        }
        let Some(policy) = c.get_set("restartPolicy") else {
            continue;
        };
        let name = ctx.container_name(c);
        if let Some(node) = policy.get_set("restartAttemptPeriod") {
            if let Some(period) = util::int(Some(node)) {
                if !(60..=1800).contains(&period) {
                    let fix = period.clamp(60, 1800);
                    sink.report_msg(
                        node.span,
                        crate::msg!(RESTART_PERIOD, name = &name, period = period),
                    )
                    .set_help_msg(crate::msg!(HELP_RESTART_PERIOD))
                    .set_fix_msg(
                        crate::msg!(FIX_RESTART_PERIOD, period = fix),
                        node.span,
                        fix.to_string(),
                    );
                }
            }
        }
        if let Some(m) = policy.member("ignoredExitCodes") {
            if let Some(codes) = m.value.as_array() {
                if codes.len() > 50 && !codes.iter().any(crate::syntax::value::Node::is_placeholder)
                {
                    sink.report_msg(
                        m.key_span,
                        crate::msg!(EXIT_CODES, name = &name, count = codes.len()),
                    )
                    .set_help_msg(crate::msg!(HELP_EXIT_CODES));
                }
            }
        }
    }
}
