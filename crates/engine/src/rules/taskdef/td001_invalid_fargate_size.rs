use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::sizing::fargate;
use crate::sizing::units::{describe_cpu, describe_memory, parse_cpu_units, parse_memory_mib};

crate::declare_rule! {
    /// ## What it does
    /// Checks that a Fargate task's `cpu` and `memory` form a size Fargate offers. It names the
    /// memory sizes allowed with this CPU, the CPU sizes allowed with this memory, and the next
    /// valid size up.
    ///
    /// ## Why is this bad?
    /// Fargate offers fixed sizes: for a Fargate task the API reference says memory "is required
    /// and you must use one of the following values" for the CPU given. `RegisterTaskDefinition`
    /// refuses any other pair ("Invalid 'cpu' setting for task." from the API and the CLI, "No
    /// Fargate configuration exists for given values" through Terraform, as AWS's troubleshooting
    /// page quotes them), naming only the pair it got, and the table is easy to misremember: 256 CPU units allow at most 2 GB;
    /// 8 and 16 vCPU step memory by 4 and 8 GB and need Linux platform version 1.4.0 or later.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "4096" }
    /// ```
    /// The fix offered is the smallest valid size with at least the CPU and memory written.
    ///
    /// ## Fix safety
    /// It changes the task's size, and so what it costs and how much CPU and memory the application
    /// gets. The suggested size is the nearest valid one; make sure it fits the application's
    /// peaks.
    ///
    /// ## References
    /// - [RegisterTaskDefinition memory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-memory)
    ///   (the same table is in the ECS API model botocore ships)
    /// - [Fargate task CPU and memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
    /// - [Troubleshooting invalid CPU or memory errors](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html)
    /// - Checklist: task definition 9 (task size). cfn-lint E3047. KICS "ECS Task Definition Invalid CPU or Memory".
    pub static RULE = {
        code: "TD001",
        name: "invalid-fargate-size",
        target: TaskDef,
        severity: Error,
        category: Sizing,
        summary: "the task's cpu and memory are not a size Fargate offers",
        fix: Unsafe,
        why: FargateSizes,
    }
}

crate::messages! {
    "TD001";
    NO_SIZE = "Fargate has no task size of cpu {cpu} with memory {memory}";
    HELP_MEMORY_FOR_CPU = "with cpu {cpu}, memory can be {memories} MiB";
    HELP_CPU_VALUES = "Fargate cpu is one of {cpus}";
    HELP_CPU_FOR_MEMORY = "with memory {memory}, cpu can be {cpus}";
    HELP_NEXT = "the next valid size up is cpu {cpu} with memory {memory}";
    HELP_TWO = "{first}; {second}";
    HELP_THREE = "{first}; {second}; {third}";
    RELATED_CPU = "the task's cpu";
    FIX_SET = "set cpu {cpu} and memory {memory}";
    LIST_STEPS = "{first} to {last} in steps of {step}";
    LIST_OR = "{values} or {last}";
    LIST_NONE = "none";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() {
        return;
    }
    let (Some(cpu_node), Some(memory_node)) = (ctx.task.get_set("cpu"), ctx.task.get_set("memory"))
    else {
        return;
    };
    if cpu_node.is_placeholder() || memory_node.is_placeholder() {
        return;
    }
    let text_of = |n: &crate::syntax::value::Node| {
        n.as_str()
            .map(str::to_string)
            .or_else(|| n.as_i64_lenient().map(|i| i.to_string()))
    };
    let (Some(cpu_text), Some(memory_text)) = (text_of(cpu_node), text_of(memory_node)) else {
        return;
    };
    let (Some(cpu), Some(memory)) = (parse_cpu_units(&cpu_text), parse_memory_mib(&memory_text))
    else {
        return;
    };
    let table = fargate::table();
    if table.is_valid(cpu, memory) {
        return;
    }
    let list = |values: &[u32]| super::util::size_list(values, &LIST_STEPS, &LIST_OR, &LIST_NONE);
    let mut help = Vec::new();
    match table.cpu(cpu) {
        Some(size) => help.push(crate::msg!(
            HELP_MEMORY_FOR_CPU,
            cpu = cpu,
            memories = list(&size.memory)
        )),
        None => help.push(crate::msg!(
            HELP_CPU_VALUES,
            cpus = list(&table.sizes.iter().map(|s| s.cpu).collect::<Vec<_>>())
        )),
    }
    let cpus = table.cpus_for_memory(memory);
    if !cpus.is_empty() {
        help.push(crate::msg!(
            HELP_CPU_FOR_MEMORY,
            memory = memory,
            cpus = list(&cpus)
        ));
    }
    let next = table.next_valid(cpu, memory);
    if let Some((c, m)) = next {
        help.push(crate::msg!(HELP_NEXT, cpu = c, memory = m));
    }
    let message = crate::msg!(
        NO_SIZE,
        cpu = describe_cpu(cpu),
        memory = describe_memory(memory)
    );
    let mut parts = help.into_iter();
    let help = match (parts.next(), parts.next(), parts.next()) {
        (Some(first), None, _) => first,
        (Some(first), Some(second), None) => crate::msg!(HELP_TWO, first = first, second = second),
        (Some(first), Some(second), Some(third)) => {
            crate::msg!(HELP_THREE, first = first, second = second, third = third)
        }
        (None, ..) => return,
    };
    let diagnostic = sink.report_msg(memory_node.span, message);
    diagnostic
        .set_help_msg(help)
        .add_related_msg(cpu_node.span, crate::msg!(RELATED_CPU));
    if let Some((c, m)) = next {
        // Rewrite both values, keeping each one's JSON type (string or number).
        let render = |n: &crate::syntax::value::Node, v: u32| {
            if n.as_str().is_some() {
                format!("\"{v}\"")
            } else {
                v.to_string()
            }
        };
        let mut edits = vec![crate::input::diagnostic::Edit {
            span: memory_node.span,
            content: render(memory_node, m),
        }];
        if c != cpu {
            edits.push(crate::input::diagnostic::Edit {
                span: cpu_node.span,
                content: render(cpu_node, c),
            });
        }
        let title = crate::msg!(FIX_SET, cpu = c, memory = m);
        diagnostic.fix = Some(crate::input::diagnostic::Fix {
            title: title.en(),
            edits,
        });
        diagnostic.keyed.fix_title = Some(title);
    }
}
