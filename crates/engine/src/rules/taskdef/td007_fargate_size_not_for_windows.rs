use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::sizing::fargate;
use crate::sizing::units::describe_cpu;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks a Windows task on Fargate against the CPU sizes Windows offers: at least 1 vCPU,
    /// and not 8 or 16 vCPU, which are Linux only.
    ///
    /// ## Why is this bad?
    /// Fargate's Windows sizes run from 1 to 4 vCPU. The 8 and 16 vCPU sizes exist only for Linux
    /// tasks, and only on platform version 1.4.0 or later; a Windows task asking for them, or for
    /// less than 1 vCPU, cannot run.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "8192", "memory": "16384",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "4096", "memory": "16384",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" } }
    /// ```
    ///
    /// ## References
    /// - [Fargate task CPU and memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
    /// - Checklist: task definition 9 (task size). cfn-lint E3047 (sizes, without the OS).
    pub static RULE = {
        code: "TD007",
        name: "fargate-size-not-for-windows",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "a Windows Fargate task with a CPU size only Linux offers",
        why: FargateSizes,
    }
}

crate::messages! {
    "TD007";
    LINUX_ONLY = "Fargate offers cpu {cpu} to Linux tasks only, and this task runs Windows";
    HELP_WINDOWS = "Windows tasks on Fargate use cpu {cpus}";
    HELP_WINDOWS_PLATFORM = "Windows tasks on Fargate use cpu {cpus}; on Linux this size also fails when run on a platform version older than {platform}";
    RELATED_OS = "the task's operating system";
    LIST_STEPS = "{first} to {last} in steps of {step}";
    LIST_OR = "{values} or {last}";
    LIST_NONE = "none";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() || !ctx.is_windows() {
        return;
    }
    let Some((cpu, node)) = util::task_cpu(ctx) else {
        return;
    };
    let Some(size) = fargate::table().cpu(cpu) else {
        return;
    };
    if size.windows {
        return;
    }
    let windows: Vec<u32> = fargate::table()
        .sizes
        .iter()
        .filter(|s| s.windows)
        .map(|s| s.cpu)
        .collect();
    let d = sink.report_msg(node.span, crate::msg!(LINUX_ONLY, cpu = describe_cpu(cpu)));
    let cpus = util::size_list(&windows, &LIST_STEPS, &LIST_OR, &LIST_NONE);
    d.set_help_msg(match &size.min_platform {
        Some(p) => crate::msg!(HELP_WINDOWS_PLATFORM, cpus = cpus, platform = p),
        None => crate::msg!(HELP_WINDOWS, cpus = cpus),
    });
    if let Some(os) = ctx
        .task
        .get_set("runtimePlatform")
        .and_then(|p| p.get("operatingSystemFamily"))
    {
        d.add_related_msg(os.span, crate::msg!(RELATED_OS));
    }
}
