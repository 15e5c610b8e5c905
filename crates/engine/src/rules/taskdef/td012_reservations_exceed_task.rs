use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Adds up what the containers reserve (each container's `memoryReservation`, else its
    /// `memory`; and its `cpu`) and checks the sum against the task-level `memory` and `cpu`.
    ///
    /// ## Why is this bad?
    /// The containers share the task's memory and CPU; reservations that add up to more than
    /// the task has cannot all be met, and `RegisterTaskDefinition` rejects them. AWS's sizing
    /// advice is the other way round: make the task the sum of its containers, rounded up to the
    /// next valid size.
    ///
    /// ## Example
    /// ```json
    /// { "cpu": "512", "memory": "1024", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "memoryReservation": 768 },
    ///   { "name": "proxy", "image": "envoy:1.30", "memoryReservation": 512 } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "cpu": "512", "memory": "2048", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1.0", "memoryReservation": 768 },
    ///   { "name": "proxy", "image": "envoy:1.30", "memoryReservation": 512 } ] }
    /// ```
    ///
    /// ## References
    /// - [Fargate task size best practice](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html)
    /// - Observed errors: "The sum of all container 'memoryReservation' values cannot be greater than
    ///   the value of the task 'memory'."
    ///   ([cloudnativedaysjp/dreamkast-infra#4766](https://github.com/cloudnativedaysjp/dreamkast-infra/pull/4766))
    ///   and "The sum of all container 'cpu' values cannot be greater than the value of the task
    ///   'cpu'." ([aws/aws-cdk#24629](https://github.com/aws/aws-cdk/issues/24629))
    /// - Checklist: task definition 9 (Σ container reservations ≤ task size).
    pub static RULE = {
        code: "TD012",
        name: "reservations-exceed-task",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "the containers together reserve more memory or cpu than the task has",
        why: FargateSizes,
    }
}

crate::messages! {
    "TD012";
    MEMORY_OVER = "the containers reserve {sum_of} = {sum} MiB of memory, more than the task's {task}";
    CPU_OVER = "the containers reserve {sum_of} = {sum} CPU units of cpu, more than the task's {task}";
    HELP = "raise the task's {key} to at least {sum} (for Fargate, the next valid size), or lower the containers' reservations";
    RELATED_CONTAINER = "container `{name}`";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.containers.len() < 2 {
        return;
    }
    if let Some((task, node)) = util::task_memory(ctx) {
        let parts: Vec<i64> = ctx
            .containers
            .iter()
            .filter_map(|c| {
                util::int(c.get_set("memoryReservation")).or_else(|| util::int(c.get_set("memory")))
            })
            .collect();
        report(ctx, sink, "memory", &MEMORY_OVER, task, node, &parts);
    }
    if let Some((task, node)) = util::task_cpu(ctx) {
        let parts: Vec<i64> = ctx
            .containers
            .iter()
            .filter_map(|c| util::int(c.get_set("cpu")))
            .collect();
        report(ctx, sink, "cpu", &CPU_OVER, task, node, &parts);
    }
}

fn report(
    ctx: &TaskDefCtx<'_>,
    sink: &mut Sink<'_>,
    key: &str,
    message: &'static crate::input::msg::Template,
    task: u32,
    node: &crate::syntax::value::Node,
    parts: &[i64],
) {
    let task = i64::from(task);
    // A single container above the task is TD011's finding.
    if parts.len() < 2 || parts.iter().any(|p| *p > task) {
        return;
    }
    let sum: i64 = parts.iter().sum();
    if sum <= task {
        return;
    }
    let list = parts
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" + ");
    let d = sink.report_msg(
        node.span,
        crate::msg!(*message, sum_of = list, sum = sum, task = task),
    );
    d.set_help_msg(crate::msg!(HELP, key = key, sum = sum));
    for c in &ctx.containers {
        let k = if key == "memory" && c.get_set("memoryReservation").is_some() {
            "memoryReservation"
        } else {
            key
        };
        if let Some(v) = c.get_set(k) {
            d.add_related_msg(
                v.span,
                crate::msg!(RELATED_CONTAINER, name = ctx.container_name(c)),
            );
        }
    }
}
