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
    let d = sink.report(
        node.span,
        format!(
            "Fargate offers cpu {} to Linux tasks only, and this task runs Windows",
            describe_cpu(cpu)
        ),
    );
    let mut help = format!(
        "Windows tasks on Fargate use cpu {}",
        fargate::describe_list(&windows)
    );
    if let Some(p) = &size.min_platform {
        help.push_str(&format!(
            "; on Linux this size also fails when run on a platform version older than {p}"
        ));
    }
    d.set_help(help);
    if let Some(os) = ctx
        .task
        .get_set("runtimePlatform")
        .and_then(|p| p.get("operatingSystemFamily"))
    {
        d.add_related(os.span, "the task's operating system");
    }
}
