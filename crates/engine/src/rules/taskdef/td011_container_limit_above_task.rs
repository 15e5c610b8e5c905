use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that no container's `memory` (hard limit), `memoryReservation` or `cpu` is above the
    /// task-level value.
    ///
    /// ## Why is this bad?
    /// The task-level values are the ceiling for all its containers together; a single container
    /// asking for more than the whole task is rejected at registration.
    ///
    /// ## Example
    /// ```json
    /// { "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memory": 1024 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "cpu": "256", "memory": "1024",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memory": 1024 }] }
    /// ```
    ///
    /// ## References
    /// - [Task size](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size)
    /// - Observed errors: "The 'memory' setting for container 'blah' is greater than for the task."
    ///   ([pulumi/pulumi-awsx#188](https://github.com/pulumi/pulumi-awsx/issues/188)); for CPU, "The sum
    ///   of all container 'cpu' values cannot be greater than the value of the task 'cpu'."
    ///   ([aws/aws-cdk#24629](https://github.com/aws/aws-cdk/issues/24629))
    /// - Checklist: task definition 9 (task size).
    pub static RULE = {
        code: "TD011",
        name: "container-limit-above-task",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a container asks for more memory or cpu than the whole task has",
        why: MemoryLimits,
    }
}

crate::messages! {
    "TD011";
    ABOVE_TASK_MIB = "container `{name}` has {key} {value} MiB, above the task's {task_key} of {task_value} MiB";
    ABOVE_TASK_CPU = "container `{name}` has {key} {value} CPU units, above the task's {task_key} of {task_value} CPU units";
    HELP = "lower the container's {key}, or raise the task-level {task_key} to at least {value}";
    RELATED_TASK = "the task's {task_key}";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let memory = util::task_memory(ctx);
    let cpu = util::task_cpu(ctx);
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let checks = [
            ("memory", memory, &ABOVE_TASK_MIB),
            ("memoryReservation", memory, &ABOVE_TASK_MIB),
            ("cpu", cpu, &ABOVE_TASK_CPU),
        ];
        for (key, task, message) in checks {
            let Some((task_value, task_node)) = task else {
                continue;
            };
            let Some(value) = util::int(c.get_set(key)) else {
                continue;
            };
            if value <= i64::from(task_value) {
                continue;
            }
            let Some(node) = c.get(key) else { continue };
            let task_key = if key == "cpu" { "cpu" } else { "memory" };
            let d = sink.report_msg(
                node.span,
                crate::msg!(
                    *message,
                    name = &name,
                    key = key,
                    value = value,
                    task_key = task_key,
                    task_value = task_value
                ),
            );
            d.set_help_msg(crate::msg!(
                HELP,
                key = key,
                task_key = task_key,
                value = value
            ))
            .add_related_msg(
                task_node.span,
                crate::msg!(RELATED_TASK, task_key = task_key),
            );
        }
    }
}
