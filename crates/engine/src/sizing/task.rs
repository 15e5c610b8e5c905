//! What a task definition asks for: task-level and container-level CPU and memory, their sums,
//! the headroom left, and (for Fargate) whether the size is valid and which sizes are near it.
//!
//! ```text
//! let parsed = crate::syntax::json::parse(text);
//! let ctx = TaskDefCtx::new(text, 0, &root);
//! let sizing = task::analyze(&ctx);          // or task::analyze_text(text)
//! ```
//!
//! Every value is an [`Amount`]: a number, absent, a template placeholder, or unreadable. A
//! placeholder makes every sum that needs it unknown (`None`): the analysis never shows a
//! wrong number for a value that is only known at render time.
//!
//! Semantics (rules.md D3, D4; AWS `task_definition_parameters`, `fargate-task-size-best-practice`):
//! - task `cpu`/`memory` are the hard ceiling for the whole task (required on Fargate, optional on
//!   EC2); container `cpu` is a relative weight, `memoryReservation` a soft limit (and what
//!   placement counts), `memory` a hard limit.
//! - On Fargate the sum of container reservations must fit the task, and any container `memory`
//!   must be at most the task memory.
//! - AWS's advice: task size = sum of container reservations rounded up to the next valid Fargate
//!   size ([`TaskSizing::recommended`]).

use serde::Serialize;

use super::fargate;
use super::text::{self, Render};
use super::units::{parse_cpu_units, parse_memory_mib};
use crate::input::msg::{Arg, Msg, Template};
use crate::models::taskdef::TaskDefCtx;
use crate::syntax::value::{Node, NodeKind};

/// A CPU or memory value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
pub enum Amount {
    /// Not written (or `null`).
    Absent,
    /// A number (CPU units or MiB).
    Known(u32),
    /// A template placeholder: known only when rendered.
    Placeholder,
    /// Written but not a number we can read (`"lots"`, `-5`).
    Unreadable,
}

impl Amount {
    pub fn known(self) -> Option<u32> {
        match self {
            Amount::Known(v) => Some(v),
            _ => None,
        }
    }

    /// `Some(0)` when absent (contributes nothing to a sum), `None` when unknown.
    fn summand(self) -> Option<u32> {
        match self {
            Amount::Known(v) => Some(v),
            Amount::Absent => Some(0),
            Amount::Placeholder | Amount::Unreadable => None,
        }
    }
}

/// A Fargate task size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Size {
    /// CPU units (1024 = 1 vCPU).
    pub cpu: u32,
    /// MiB.
    pub memory: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContainerSizing {
    pub name: String,
    /// Container `cpu`: CPU units, a relative weight (cpu shares) on Linux.
    pub cpu: Amount,
    /// Container `memory`: the hard limit, MiB.
    pub memory: Amount,
    /// Container `memoryReservation`: the soft limit, MiB.
    pub memory_reservation: Amount,
    /// `essential` (default `true`).
    pub essential: bool,
    /// What placement and Fargate sizing count for this container: the reservation if set, else
    /// the hard limit. `Some(0)` when neither is set, `None` when unknown.
    pub counted_memory: Option<u32>,
}

/// Sums over the containers. `None` when a value they need is a placeholder or unreadable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Sum of container `cpu`.
    pub cpu: Option<u32>,
    /// Sum of what each container reserves (reservation, else hard limit).
    pub memory_reserved: Option<u32>,
    /// Sum of hard limits, when every container has one.
    pub memory_limits: Option<u32>,
    /// Containers that set neither `memory` nor `memoryReservation`.
    pub without_memory: Vec<String>,
    /// Containers with no hard limit (they can grow to the task's or instance's memory).
    pub without_limit: Vec<String>,
}

/// Task value minus the containers' sum (negative: the containers ask for more than the task).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headroom {
    pub cpu: Option<i64>,
    pub memory: Option<i64>,
    /// Headroom as a percentage of the task value.
    pub cpu_percent: Option<f64>,
    pub memory_percent: Option<f64>,
}

/// The task's size against the Fargate table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FargateFit {
    pub valid: bool,
    /// Memory sizes Fargate allows with this CPU (empty when the CPU is not a Fargate size).
    pub memory_for_cpu: Vec<u32>,
    /// CPU sizes Fargate allows with this memory.
    pub cpus_for_memory: Vec<u32>,
    /// The smallest valid size with at least this CPU and memory (the same size when valid).
    pub next_up: Option<Size>,
    /// Valid sizes one step smaller that still hold the containers' sums: one step down in
    /// memory with the same CPU, and one step down in CPU. The cost module prices the saving.
    pub smaller: Vec<Size>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskSizing {
    pub fargate: bool,
    pub windows: bool,
    /// `runtimePlatform.cpuArchitecture` as written.
    pub arch: Option<String>,
    /// Task-level `cpu`, CPU units.
    pub cpu: Amount,
    /// Task-level `memory`, MiB.
    pub memory: Amount,
    /// `ephemeralStorage.sizeInGiB` when set.
    pub ephemeral_storage_gib: Amount,
    pub containers: Vec<ContainerSizing>,
    pub totals: Totals,
    pub headroom: Headroom,
    /// Present when the task declares FARGATE and its cpu and memory are known.
    pub fargate_fit: Option<FargateFit>,
    /// AWS's advice: the sum of container reservations (CPU and memory) rounded up to the next
    /// valid Fargate size. `None` when a sum is unknown or nothing is reserved.
    pub recommended: Option<Size>,
    /// Problems and remarks, one plain sentence each.
    pub notes: Vec<String>,
    /// `notes`, keyed ([`TaskSizing::localize`]).
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl TaskSizing {
    /// Writes `notes` again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
    }
}

/// Analyses a JSON task definition given as text (register input, describe output or a bare
/// container array). Never fails: an unreadable text gives an analysis with no containers.
pub fn analyze_text(text: &str) -> TaskSizing {
    let parsed = crate::syntax::json::parse(text);
    let empty = Node::new(NodeKind::Null, crate::input::span::Span::new(0, 0));
    let root = parsed.root.as_ref().unwrap_or(&empty);
    analyze(&TaskDefCtx::new(text, 0, root))
}

/// Analyses an already parsed document (JSON or YAML tree).
pub fn analyze_node(document: &Node) -> TaskSizing {
    analyze(&TaskDefCtx::new("", 0, document))
}

fn amount(node: Option<&Node>, parse: fn(&str) -> Option<u32>) -> Amount {
    let Some(node) = node else {
        return Amount::Absent;
    };
    if node.is_placeholder() {
        return Amount::Placeholder;
    }
    let text = match &node.kind {
        NodeKind::String(s) => s.clone(),
        NodeKind::Number(_, written) => written.clone(),
        _ => return Amount::Unreadable,
    };
    parse(&text).map_or(Amount::Unreadable, Amount::Known)
}

fn plain_number(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok()
}

pub fn analyze(ctx: &TaskDefCtx<'_>) -> TaskSizing {
    let task = ctx.task;
    let has_task_keys = task.as_object().is_some();
    let cpu = if has_task_keys {
        amount(task.get_set("cpu"), parse_cpu_units)
    } else {
        Amount::Absent
    };
    let memory = if has_task_keys {
        amount(task.get_set("memory"), parse_memory_mib)
    } else {
        Amount::Absent
    };
    let ephemeral_storage_gib = amount(
        task.get_set("ephemeralStorage")
            .and_then(|e| e.get_set("sizeInGiB")),
        plain_number,
    );
    let containers: Vec<ContainerSizing> = ctx
        .containers
        .iter()
        .map(|c| {
            let memory = amount(c.get_set("memory"), plain_number);
            let memory_reservation = amount(c.get_set("memoryReservation"), plain_number);
            let counted_memory = match (memory_reservation, memory) {
                (Amount::Known(r), _) => Some(r),
                (Amount::Placeholder | Amount::Unreadable, _) => None,
                (Amount::Absent, m) => m.summand(),
            };
            ContainerSizing {
                name: ctx.container_name(c),
                cpu: amount(c.get_set("cpu"), plain_number),
                memory,
                memory_reservation,
                essential: c.get_bool("essential").unwrap_or(true),
                counted_memory,
            }
        })
        .collect();
    let totals = totals(&containers);
    let headroom = headroom(cpu, memory, &totals);
    let table = fargate::table();
    let mut notes = Vec::new();
    let fargate_fit = match (ctx.is_fargate(), cpu, memory) {
        (true, Amount::Known(c), Amount::Known(m)) => {
            Some(fargate_fit(table, c, m, &totals, ctx.is_windows()))
        }
        _ => None,
    };
    let recommended = match (totals.cpu, totals.memory_reserved) {
        (Some(c), Some(m)) if c > 0 || m > 0 => next_valid(table, c, m, ctx.is_windows()),
        _ => None,
    };
    write_notes(
        ctx,
        cpu,
        memory,
        &containers,
        &totals,
        &headroom,
        &mut notes,
    );
    TaskSizing {
        fargate: ctx.is_fargate(),
        windows: ctx.is_windows(),
        arch: ctx.arch.map(str::to_string),
        cpu,
        memory,
        ephemeral_storage_gib,
        containers,
        totals,
        headroom,
        fargate_fit,
        recommended,
        notes: notes.iter().map(Msg::en).collect(),
        notes_msg: notes,
    }
}

/// The same containers under a task size the user types (the page's calculator): `cpu` and
/// `memory` replace the task-level values when given, `fargate` says whether to check the size
/// against the Fargate table. Headroom and the Fargate fit are derived again; the containers,
/// their sums, the recommended size and the notes stay as analysed.
pub fn with_size(
    mut sizing: TaskSizing,
    cpu: Option<u32>,
    memory: Option<u32>,
    fargate: bool,
) -> TaskSizing {
    if let Some(cpu) = cpu {
        sizing.cpu = Amount::Known(cpu);
    }
    if let Some(memory) = memory {
        sizing.memory = Amount::Known(memory);
    }
    sizing.fargate = fargate;
    sizing.headroom = headroom(sizing.cpu, sizing.memory, &sizing.totals);
    sizing.fargate_fit = match (fargate, sizing.cpu, sizing.memory) {
        (true, Amount::Known(c), Amount::Known(m)) => Some(fargate_fit(
            fargate::table(),
            c,
            m,
            &sizing.totals,
            sizing.windows,
        )),
        _ => None,
    };
    sizing
}

fn totals(containers: &[ContainerSizing]) -> Totals {
    let sum = |f: &dyn Fn(&ContainerSizing) -> Option<u32>| -> Option<u32> {
        containers
            .iter()
            .try_fold(0u32, |acc, c| acc.checked_add(f(c)?))
    };
    let cpu = sum(&|c| c.cpu.summand());
    let memory_reserved = sum(&|c| c.counted_memory);
    let memory_limits = if containers.iter().all(|c| c.memory != Amount::Absent) {
        sum(&|c| c.memory.known())
    } else {
        None
    };
    Totals {
        cpu,
        memory_reserved,
        memory_limits,
        without_memory: containers
            .iter()
            .filter(|c| c.memory == Amount::Absent && c.memory_reservation == Amount::Absent)
            .map(|c| c.name.clone())
            .collect(),
        without_limit: containers
            .iter()
            .filter(|c| c.memory == Amount::Absent)
            .map(|c| c.name.clone())
            .collect(),
    }
}

fn headroom(cpu: Amount, memory: Amount, totals: &Totals) -> Headroom {
    let diff = |task: Amount, sum: Option<u32>| match (task.known(), sum) {
        (Some(t), Some(s)) => Some(i64::from(t) - i64::from(s)),
        _ => None,
    };
    let percent = |d: Option<i64>, task: Amount| match (d, task.known()) {
        (Some(d), Some(t)) if t > 0 => {
            #[allow(clippy::cast_precision_loss)]
            let p = d as f64 * 100.0 / f64::from(t);
            Some((p * 10.0).round() / 10.0)
        }
        _ => None,
    };
    let cpu_d = diff(cpu, totals.cpu);
    let mem_d = diff(memory, totals.memory_reserved);
    Headroom {
        cpu: cpu_d,
        memory: mem_d,
        cpu_percent: percent(cpu_d, cpu),
        memory_percent: percent(mem_d, memory),
    }
}

/// The smallest Fargate size with at least this CPU and memory that the operating system can
/// use (Windows on Fargate needs at least 1 vCPU and has no 8 or 16 vCPU sizes).
pub fn next_valid(
    table: &fargate::FargateSizes,
    cpu: u32,
    memory: u32,
    windows: bool,
) -> Option<Size> {
    table
        .sizes
        .iter()
        .filter(|s| s.cpu >= cpu && (!windows || s.windows))
        .find_map(|s| {
            s.memory
                .iter()
                .copied()
                .find(|&m| m >= memory)
                .map(|m| Size {
                    cpu: s.cpu,
                    memory: m,
                })
        })
}

/// The task size against the Fargate table; `smaller` keeps only sizes that still hold the
/// containers' known sums (and that the operating system can use).
pub fn fargate_fit(
    table: &fargate::FargateSizes,
    cpu: u32,
    memory: u32,
    totals: &Totals,
    windows: bool,
) -> FargateFit {
    let valid = table
        .cpu(cpu)
        .is_some_and(|s| s.memory.contains(&memory) && (!windows || s.windows));
    let need_cpu = totals.cpu.unwrap_or(0);
    let need_mem = totals.memory_reserved.unwrap_or(0);
    let mut smaller = Vec::new();
    if valid {
        // One step down in memory, same CPU.
        if let Some(size) = table.cpu(cpu) {
            if let Some(&m) = size
                .memory
                .iter()
                .rev()
                .find(|&&m| m < memory && m >= need_mem)
            {
                smaller.push(Size { cpu, memory: m });
            }
        }
        // One step down in CPU, the largest memory it allows up to the current one.
        if let Some(lower) = table
            .sizes
            .iter()
            .rev()
            .find(|s| s.cpu < cpu && (!windows || s.windows))
        {
            if lower.cpu >= need_cpu {
                if let Some(&m) = lower
                    .memory
                    .iter()
                    .rev()
                    .find(|&&m| m <= memory && m >= need_mem)
                {
                    smaller.push(Size {
                        cpu: lower.cpu,
                        memory: m,
                    });
                }
            }
        }
    }
    FargateFit {
        valid,
        memory_for_cpu: table.cpu(cpu).map(|s| s.memory.clone()).unwrap_or_default(),
        cpus_for_memory: table.cpus_for_memory(memory),
        next_up: next_valid(table, cpu, memory, windows),
        smaller,
    }
}

fn write_notes(
    ctx: &TaskDefCtx<'_>,
    cpu: Amount,
    memory: Amount,
    containers: &[ContainerSizing],
    totals: &Totals,
    headroom: &Headroom,
    notes: &mut Vec<Msg>,
) {
    if matches!(cpu, Amount::Placeholder) || matches!(memory, Amount::Placeholder) {
        notes.push(Msg::new(&text::TASK_PLACEHOLDER));
    }
    if containers.iter().any(|c| {
        [c.cpu, c.memory, c.memory_reservation]
            .iter()
            .any(|a| matches!(a, Amount::Placeholder | Amount::Unreadable))
    }) {
        notes.push(Msg::new(&text::TASK_CONTAINER_UNKNOWN));
    }
    if let Some(h) = headroom.cpu.filter(|h| *h < 0) {
        notes.push(
            Msg::new(&text::TASK_CPU_OVER)
                .with("total", Arg::from(totals.cpu.unwrap_or(0)))
                .with("over", Arg::from(-h))
                .with("task", Arg::from(cpu.known().unwrap_or(0))),
        );
    }
    if let Some(h) = headroom.memory.filter(|h| *h < 0) {
        notes.push(
            Msg::new(&text::TASK_MEMORY_OVER)
                .with("total", Arg::from(totals.memory_reserved.unwrap_or(0)))
                .with("over", Arg::from(-h))
                .with("task", Arg::from(memory.known().unwrap_or(0))),
        );
    }
    if let Some(task_mem) = memory.known() {
        for c in containers {
            if let Some(m) = c.memory.known().filter(|m| *m > task_mem) {
                notes.push(
                    Msg::new(&text::TASK_LIMIT_ABOVE_TASK)
                        .with("name", Arg::Code(c.name.clone()))
                        .with("limit", Arg::from(m))
                        .with("task", Arg::from(task_mem)),
                );
            }
        }
    }
    for c in containers {
        if let (Some(r), Some(m)) = (c.memory_reservation.known(), c.memory.known()) {
            if m <= r {
                notes.push(
                    Msg::new(&text::TASK_LIMIT_BELOW_RESERVATION)
                        .with("name", Arg::Code(c.name.clone()))
                        .with("limit", Arg::from(m))
                        .with("reservation", Arg::from(r)),
                );
            }
        }
    }
    // Docker ≥ 20.10 reserves at least 6 MiB per container (rules.md D3).
    for c in containers {
        for (what, a) in [
            ("memory", c.memory),
            ("memoryReservation", c.memory_reservation),
        ] {
            if let Some(v) = a.known().filter(|v| *v < 6) {
                notes.push(
                    Msg::new(&text::TASK_BELOW_DOCKER_MIN)
                        .with("name", Arg::Code(c.name.clone()))
                        .with("what", Arg::from(what))
                        .with("mib", Arg::from(v)),
                );
            }
        }
    }
    if !totals.without_memory.is_empty() {
        if memory == Amount::Absent && !ctx.is_fargate() {
            notes.push(
                Msg::new(&text::TASK_MEMORY_MISSING).with(
                    "names",
                    Arg::List(
                        totals
                            .without_memory
                            .iter()
                            .map(|n| Arg::Code(n.clone()))
                            .collect(),
                    ),
                ),
            );
        } else if totals.without_memory.len() == containers.len() {
            notes.push(Msg::new(&text::TASK_NO_CONTAINER_MEMORY));
        } else {
            notes.push(subject(
                &totals.without_memory,
                &text::TASK_SOME_WITHOUT_MEMORY_ONE,
                &text::TASK_SOME_WITHOUT_MEMORY_MANY,
            ));
        }
    }
    if ctx.is_fargate() && !totals.without_limit.is_empty() && memory.known().is_some() {
        notes.push(subject(
            &totals.without_limit,
            &text::TASK_WITHOUT_LIMIT_ONE,
            &text::TASK_WITHOUT_LIMIT_MANY,
        ));
    }
}

/// "app has …" / "app and sidecar have …": `one` takes `{name}`, `many` `{rest}` and `{last}`.
fn subject(names: &[String], one: &'static Template, many: &'static Template) -> Msg {
    text::rest_and_last(Msg::new(many), names)
        .unwrap_or_else(|| Msg::new(one).with("name", Arg::Code(names.concat())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fargate_task_with_two_containers() {
        let text = r#"{
          "family": "web", "requiresCompatibilities": ["FARGATE"], "cpu": "1 vCPU", "memory": "3GB",
          "containerDefinitions": [
            {"name": "app", "cpu": 256, "memoryReservation": 1024, "memory": 2048},
            {"name": "log_router", "cpu": 128, "memoryReservation": 128, "essential": false}
          ]}"#;
        let s = analyze_text(text);
        assert_eq!(s.cpu, Amount::Known(1024));
        assert_eq!(s.memory, Amount::Known(3072));
        assert_eq!(s.totals.cpu, Some(384));
        assert_eq!(s.totals.memory_reserved, Some(1152));
        assert_eq!(s.totals.memory_limits, None);
        assert_eq!(s.totals.without_limit, vec!["log_router".to_string()]);
        assert_eq!(s.headroom.cpu, Some(640));
        assert_eq!(s.headroom.memory, Some(1920));
        assert!(!s.containers[1].essential && s.containers[0].essential);
        let fit = s.fargate_fit.unwrap();
        assert!(fit.valid);
        assert_eq!(
            fit.next_up,
            Some(Size {
                cpu: 1024,
                memory: 3072
            })
        );
        assert_eq!(
            fit.smaller,
            vec![
                Size {
                    cpu: 1024,
                    memory: 2048
                },
                Size {
                    cpu: 512,
                    memory: 3072
                }
            ]
        );
        // fargate-task-size-best-practice: sum of reservations rounded up to a valid size.
        assert_eq!(
            s.recommended,
            Some(Size {
                cpu: 512,
                memory: 2048
            })
        );
    }

    #[test]
    fn an_invalid_pair_names_both_directions() {
        // task-cpu-memory-error.html: 256 CPU allows 512, 1024, 2048 MiB only.
        let s =
            analyze_text(r#"{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096"}"#);
        let fit = s.fargate_fit.unwrap();
        assert!(!fit.valid);
        assert_eq!(fit.memory_for_cpu, vec![512, 1024, 2048]);
        assert_eq!(fit.cpus_for_memory, vec![512, 1024, 2048]);
        assert_eq!(
            fit.next_up,
            Some(Size {
                cpu: 512,
                memory: 4096
            })
        );
        assert!(fit.smaller.is_empty());
    }

    #[test]
    fn windows_sizes_start_at_one_vcpu() {
        // fargate-tasks-services.html: Windows on Fargate needs at least 1 vCPU, no 8/16 vCPU.
        let s = analyze_text(
            r#"{"requiresCompatibilities":["FARGATE"],"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_CORE"},
               "cpu":"1024","memory":"2048","containerDefinitions":[{"name":"w","cpu":512,"memory":768}]}"#,
        );
        assert_eq!(
            s.recommended,
            Some(Size {
                cpu: 1024,
                memory: 2048
            })
        );
        let fit = s.fargate_fit.unwrap();
        assert!(fit.valid && fit.smaller.is_empty());
        let table = fargate::table();
        assert_eq!(next_valid(table, 4096, 40960, true), None);
        assert_eq!(
            next_valid(table, 256, 512, true),
            Some(Size {
                cpu: 1024,
                memory: 2048
            })
        );
    }

    #[test]
    fn placeholders_are_unknown_never_wrong() {
        let text = r#"{"requiresCompatibilities":["FARGATE"],"cpu":"{{ must_env `CPU` }}","memory":"2048",
          "containerDefinitions":[{"name":"a","memoryReservation":"${RES}"},{"name":"b","memoryReservation":256}]}"#;
        let s = analyze_text(text);
        assert_eq!(s.cpu, Amount::Placeholder);
        assert_eq!(s.totals.memory_reserved, None);
        assert_eq!(s.headroom.memory, None);
        assert!(s.fargate_fit.is_none() && s.recommended.is_none());
        assert!(!s.notes.is_empty());
    }

    #[test]
    fn describe_output_and_bare_container_arrays() {
        let s = analyze_text(
            r#"{"taskDefinition":{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512",
               "containerDefinitions":[{"name":"a","memory":300}]}}"#,
        );
        assert_eq!((s.cpu, s.memory), (Amount::Known(256), Amount::Known(512)));
        assert_eq!(s.totals.memory_limits, Some(300));
        let s = analyze_text(
            r#"[{"name":"a","cpu":128,"memoryReservation":100},{"name":"b","memory":64}]"#,
        );
        assert_eq!(s.cpu, Amount::Absent);
        assert_eq!(
            (s.totals.cpu, s.totals.memory_reserved),
            (Some(128), Some(164))
        );
    }

    #[test]
    fn any_input_is_safe() {
        for text in [
            "",
            "[]",
            "null",
            "{",
            r#"{"cpu": -5, "memory": 1e99}"#,
            r#"[{"memory": 4294967295}, {"memory": 4294967295}]"#,
        ] {
            let s = analyze_text(text);
            assert!(s.recommended.is_none() || s.totals.memory_reserved.is_some());
        }
    }

    #[test]
    fn a_typed_size_is_checked_again() {
        let sizing = analyze_text(
            r#"{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096","containerDefinitions":[{"name":"app","memoryReservation":512}]}"#,
        );
        assert!(sizing.fargate_fit.as_ref().is_some_and(|f| !f.valid));
        let typed = with_size(sizing, Some(1024), Some(4096), true);
        assert!(typed.fargate_fit.as_ref().is_some_and(|f| f.valid));
        assert_eq!(typed.headroom.memory, Some(3584));
    }
}
