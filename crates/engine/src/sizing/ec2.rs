//! How many copies of a task fit on an EC2 container instance, by CPU units and by memory, and
//! which runs out first. Instance types come from `data/ec2-instance-types.json` (sources, date
//! and notes inside).
//!
//! ```text
//! let per_task = ec2::TaskReservation::from_task(&sizing);   // or TaskReservation { cpu_units, memory_mib }
//! let fit = ec2::fit(&Instance::from_type("m5.large"), RegisteredMemory::Assumed, &per_task);
//! fit.tasks; fit.binding; fit.sentence;
//! ```
//!
//! Placement (rules.md D3; AWS `task_definition_parameters`, `memory-management.md`):
//! - An instance offers vCPUs × 1024 CPU units.
//! - A task reserves its task-level `cpu` when set, else the sum of its containers' `cpu`; and its
//!   task-level `memory` when set, else, per container, `memoryReservation` if set, otherwise
//!   `memory`.
//! - Registered memory is below the instance's nominal memory: the agent registers what the
//!   operating system reports. AWS's example: an m4.large (8 GiB) on Amazon Linux 2 registers
//!   7985 MiB. The user can give the registered memory (DescribeContainerInstances shows it) or a
//!   percentage; by default ([`RegisteredMemory::Assumed`]) the calculator applies that example's
//!   ratio, 7985/8192 ≈ 97.5%, to every type: an assumption, stated in the output.
//! - `ECS_RESERVED_MEMORY` (agent config, default 0) lowers what the agent reports; give it as
//!   `reserved_mib`.
//! - Tasks already placed, daemons and other reservations are not modelled.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::task::{Amount, TaskSizing};
use super::text::{self, Render};
use crate::input::msg::{Arg, Msg};

/// CPU units per vCPU (AWS: 1 vCPU = 1024 CPU units).
pub const UNITS_PER_VCPU: u32 = 1024;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct InstanceType {
    pub name: String,
    pub vcpus: u32,
    pub memory_gib: f64,
    pub arch: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub struct RegisteredExample {
    pub nominal_mib: u32,
    pub registered_mib_linux: u32,
    pub registered_mib_windows: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct InstanceTable {
    pub sources: Vec<String>,
    pub retrieved: String,
    pub notes: Vec<String>,
    pub registered_memory_example: RegisteredExample,
    pub instances: Vec<InstanceType>,
}

const DATA: &str = include_str!("../../data/ec2-instance-types.json");

/// The instance table (checked by a test; an unreadable file would give an empty table).
pub fn instance_types() -> &'static InstanceTable {
    static TABLE: OnceLock<InstanceTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(DATA).unwrap_or(InstanceTable {
            sources: Vec::new(),
            retrieved: String::new(),
            notes: Vec::new(),
            registered_memory_example: RegisteredExample {
                nominal_mib: 8192,
                registered_mib_linux: 7985,
                registered_mib_windows: 8191,
            },
            instances: Vec::new(),
        })
    })
}

impl InstanceTable {
    pub fn find(&self, name: &str) -> Option<&InstanceType> {
        self.instances
            .iter()
            .find(|i| i.name.eq_ignore_ascii_case(name.trim()))
    }
}

/// An instance to fit tasks on: a type from the table or the user's own numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instance {
    pub name: String,
    pub vcpus: u32,
    pub memory_mib: u32,
}

impl Instance {
    /// A type from the table; `None` when unknown.
    pub fn from_type(name: &str) -> Option<Instance> {
        instance_types().find(name).map(|t| Instance {
            name: t.name.clone(),
            vcpus: t.vcpus,
            memory_mib: gib_to_mib(t.memory_gib),
        })
    }
}

fn gib_to_mib(gib: f64) -> u32 {
    let mib = (gib * 1024.0).round();
    if mib.is_finite() && mib >= 0.0 && mib <= f64::from(u32::MAX) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let m = mib as u32;
        m
    } else {
        0
    }
}

/// How much of the nominal memory the instance registers with ECS.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum RegisteredMemory {
    /// The ratio of AWS's m4.large example (7985 of 8192 MiB), applied to this type.
    Assumed,
    /// A percentage of the nominal memory the user gives.
    Percent(f64),
    /// The registered memory the user reads from ECS, MiB.
    Mib(u32),
}

/// What one task reserves on an instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskReservation {
    pub cpu_units: Option<u32>,
    pub memory_mib: Option<u32>,
    /// How each number was found, in words.
    pub basis: Vec<String>,
    /// `basis`, keyed.
    #[serde(skip)]
    pub basis_msg: Vec<Msg>,
}

impl TaskReservation {
    /// From an analysed task definition (see the module docs for the rules). Unknown values
    /// (placeholders) stay `None`.
    pub fn from_task(sizing: &TaskSizing) -> TaskReservation {
        let mut basis = Vec::new();
        let cpu_units = match sizing.cpu {
            Amount::Known(c) => {
                basis.push(Msg::new(&text::EC2_CPU_TASK).with("units", Arg::from(c)));
                Some(c)
            }
            Amount::Absent => {
                let sum = sizing.totals.cpu;
                if let Some(s) = sum {
                    basis.push(Msg::new(&text::EC2_CPU_SUM).with("units", Arg::from(s)));
                }
                sum
            }
            _ => None,
        };
        let memory_mib = match sizing.memory {
            Amount::Known(m) => {
                basis.push(Msg::new(&text::EC2_MEMORY_TASK).with("mib", Arg::from(m)));
                Some(m)
            }
            Amount::Absent => {
                let sum = sizing.totals.memory_reserved;
                if let Some(s) = sum {
                    basis.push(Msg::new(&text::EC2_MEMORY_SUM).with("mib", Arg::from(s)));
                }
                sum
            }
            _ => None,
        };
        TaskReservation {
            cpu_units,
            memory_mib,
            basis: basis.iter().map(Msg::en).collect(),
            basis_msg: basis,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    Cpu,
    Memory,
    /// Both run out at the same count.
    Both,
    /// The task reserves neither (or a value is unknown): no count.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    pub instance: Instance,
    pub cpu_units: u32,
    pub nominal_memory_mib: u32,
    pub registered_memory_mib: u32,
    pub registered_basis: String,
    pub task: TaskReservation,
    /// Tasks that fit by CPU (`None` when the task reserves no CPU: CPU does not limit).
    pub by_cpu: Option<u32>,
    /// Tasks that fit by memory.
    pub by_memory: Option<u32>,
    /// The smaller of the two.
    pub tasks: Option<u32>,
    pub binding: Binding,
    /// CPU units and MiB left once `tasks` are placed.
    pub cpu_left: Option<u32>,
    pub memory_left_mib: Option<u32>,
    pub sentence: String,
    pub notes: Vec<String>,
    /// `registered_basis`, `sentence` and `notes`, keyed ([`Fit::localize`]).
    #[serde(skip)]
    pub registered_basis_msg: Option<Msg>,
    #[serde(skip)]
    pub sentence_msg: Option<Msg>,
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl Fit {
    /// Writes its sentences again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if let Some(m) = &self.registered_basis_msg {
            self.registered_basis = render(m);
        }
        if let Some(m) = &self.sentence_msg {
            self.sentence = render(m);
        }
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
        if !self.task.basis_msg.is_empty() {
            self.task.basis = self.task.basis_msg.iter().map(render).collect();
        }
    }
}

/// Registered memory from the nominal memory.
pub fn registered_memory(nominal_mib: u32, how: RegisteredMemory) -> (u32, String) {
    let (m, basis) = registered_memory_msg(nominal_mib, how);
    (m, basis.en())
}

/// [`registered_memory`], its basis keyed.
pub fn registered_memory_msg(nominal_mib: u32, how: RegisteredMemory) -> (u32, Msg) {
    let ex = instance_types().registered_memory_example;
    match how {
        RegisteredMemory::Mib(m) => (
            m,
            Msg::new(&text::EC2_REGISTERED_GIVEN).with("mib", Arg::from(m)),
        ),
        RegisteredMemory::Percent(p) if p.is_finite() => {
            let p = p.clamp(0.0, 100.0);
            let m = scale(nominal_mib, p / 100.0);
            (
                m,
                Msg::new(&text::EC2_REGISTERED_PERCENT)
                    .with("percent", Arg::Code(p.to_string()))
                    .with("nominal", Arg::from(nominal_mib)),
            )
        }
        _ => {
            let ratio = if ex.nominal_mib > 0 {
                f64::from(ex.registered_mib_linux) / f64::from(ex.nominal_mib)
            } else {
                1.0
            };
            let m = scale(nominal_mib, ratio);
            (
                m,
                Msg::new(&text::EC2_REGISTERED_ASSUMED)
                    .with("mib", Arg::from(m))
                    .with("nominal", Arg::from(nominal_mib))
                    .with("example", Arg::from(ex.registered_mib_linux))
                    .with("example_nominal", Arg::from(ex.nominal_mib)),
            )
        }
    }
}

fn scale(value: u32, ratio: f64) -> u32 {
    let x = (f64::from(value) * ratio).floor();
    if x.is_finite() && x >= 0.0 && x <= f64::from(u32::MAX) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let x = x as u32;
        x
    } else {
        0
    }
}

/// Fits copies of the task on the instance. `reserved_mib` is `ECS_RESERVED_MEMORY` (0 by
/// default).
pub fn fit(
    instance: &Instance,
    registered: RegisteredMemory,
    reserved_mib: u32,
    task: &TaskReservation,
) -> Fit {
    let cpu_units = instance.vcpus.saturating_mul(UNITS_PER_VCPU);
    let (registered_mib, mut registered_basis_msg) =
        registered_memory_msg(instance.memory_mib, registered);
    let available_mib = registered_mib.saturating_sub(reserved_mib);
    if reserved_mib > 0 {
        registered_basis_msg = Msg::new(&text::EC2_REGISTERED_MINUS)
            .with("basis", Arg::from(registered_basis_msg))
            .with("reserved", Arg::from(reserved_mib))
            .with("available", Arg::from(available_mib));
    }
    let registered_basis = registered_basis_msg.en();
    let by_cpu = task.cpu_units.filter(|c| *c > 0).map(|c| cpu_units / c);
    let by_memory = task
        .memory_mib
        .filter(|m| *m > 0)
        .map(|m| available_mib / m);
    let cpu_unknown = task.cpu_units.is_none();
    let mem_unknown = task.memory_mib.is_none();
    let (tasks, binding) = match (by_cpu, by_memory) {
        _ if mem_unknown => (None, Binding::Unknown),
        (Some(c), Some(m)) if c < m => (Some(c), Binding::Cpu),
        (Some(c), Some(m)) if m < c => (Some(m), Binding::Memory),
        (Some(c), Some(_)) => (Some(c), Binding::Both),
        (None, Some(m)) if !cpu_unknown => (Some(m), Binding::Memory),
        _ => (None, Binding::Unknown),
    };
    let cpu_left =
        tasks.map(|n| cpu_units.saturating_sub(n.saturating_mul(task.cpu_units.unwrap_or(0))));
    let memory_left_mib =
        tasks.map(|n| available_mib.saturating_sub(n.saturating_mul(task.memory_mib.unwrap_or(0))));
    let sentence_msg = match (tasks, binding) {
        (Some(n), b) => {
            let cpu_part = match by_cpu {
                Some(c) => Msg::new(&text::EC2_BY_CPU)
                    .with("n", Arg::from(c))
                    .with("units", Arg::from(cpu_units))
                    .with("per_task", Arg::from(task.cpu_units.unwrap_or(0))),
                None => Msg::new(&text::EC2_CPU_NO_LIMIT),
            };
            let mem_part = Msg::new(&text::EC2_BY_MEMORY)
                .with("n", Arg::from(by_memory.unwrap_or(0)))
                .with("available", Arg::from(available_mib))
                .with("per_task", Arg::from(task.memory_mib.unwrap_or(0)));
            let which = Msg::new(match b {
                Binding::Cpu => &text::EC2_CPU_FIRST,
                Binding::Memory => &text::EC2_MEMORY_FIRST,
                _ => &text::EC2_BOTH,
            });
            Msg::new(if n == 1 {
                &text::EC2_FIT_ONE
            } else {
                &text::EC2_FIT_MANY
            })
            .with("n", Arg::from(n))
            .with("instance", Arg::Code(instance.name.clone()))
            .with("cpu", Arg::from(cpu_part))
            .with("memory", Arg::from(mem_part))
            .with("which", Arg::from(which))
        }
        (None, _) => Msg::new(&text::EC2_UNKNOWN),
    };
    let sentence = sentence_msg.en();
    let mut notes_msg = vec![Msg::new(&text::EC2_REGISTERED_BELOW)];
    if tasks == Some(0) {
        notes_msg.push(
            Msg::new(&text::EC2_DOES_NOT_FIT).with("instance", Arg::Code(instance.name.clone())),
        );
    }
    let notes = notes_msg.iter().map(Msg::en).collect();
    Fit {
        instance: instance.clone(),
        cpu_units,
        nominal_memory_mib: instance.memory_mib,
        registered_memory_mib: available_mib,
        registered_basis,
        task: task.clone(),
        by_cpu,
        by_memory,
        tasks,
        binding,
        cpu_left,
        memory_left_mib,
        sentence,
        notes,
        registered_basis_msg: Some(registered_basis_msg),
        sentence_msg: Some(sentence_msg),
        notes_msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads() {
        let t = instance_types();
        assert!(t
            .sources
            .iter()
            .any(|s| s.starts_with("https://aws.amazon.com/ec2/instance-types")));
        // AWS instance type pages: m5.large 2 vCPU 8 GiB; r6g.4xlarge 16 vCPU 128 GiB.
        let m5 = Instance::from_type("m5.large").unwrap();
        assert_eq!((m5.vcpus, m5.memory_mib), (2, 8192));
        let r = Instance::from_type("R6G.4XLARGE").unwrap();
        assert_eq!((r.vcpus, r.memory_mib), (16, 131_072));
        assert!(Instance::from_type("t3.4xlarge").is_none());
        assert_eq!(t.instances.len(), 6 + 16 + 12 + 8);
    }

    #[test]
    fn the_m4_large_example_gives_the_default_ratio() {
        // memory-management.md: an m4.large (8 GiB) registers 7985 MiB on Amazon Linux 2.
        let (m, _) = registered_memory(8192, RegisteredMemory::Assumed);
        assert_eq!(m, 7985);
        assert_eq!(
            registered_memory(8192, RegisteredMemory::Percent(50.0)).0,
            4096
        );
        assert_eq!(registered_memory(8192, RegisteredMemory::Mib(7000)).0, 7000);
    }

    #[test]
    fn memory_binds_before_cpu() {
        // re:Post ecs-cpu-allocation: an m5.large offers 2048 CPU units.
        let m5 = Instance::from_type("m5.large").unwrap();
        let task = TaskReservation {
            cpu_units: Some(256),
            memory_mib: Some(1024),
            basis: vec![],
            basis_msg: vec![],
        };
        let f = fit(&m5, RegisteredMemory::Assumed, 0, &task);
        assert_eq!(f.cpu_units, 2048);
        assert_eq!(f.by_cpu, Some(8));
        assert_eq!(f.by_memory, Some(7)); // 7985 / 1024
        assert_eq!((f.tasks, f.binding), (Some(7), Binding::Memory));
        assert_eq!(f.memory_left_mib, Some(7985 - 7 * 1024));
        let task = TaskReservation {
            cpu_units: Some(1024),
            memory_mib: Some(512),
            basis: vec![],
            basis_msg: vec![],
        };
        let f = fit(&m5, RegisteredMemory::Assumed, 0, &task);
        assert_eq!((f.tasks, f.binding), (Some(2), Binding::Cpu));
    }

    #[test]
    fn from_a_task_definition_without_task_level_values() {
        let s = super::super::task::analyze_text(
            r#"{"containerDefinitions":[{"name":"a","cpu":256,"memoryReservation":300,"memory":600},{"name":"b","cpu":128,"memory":200}]}"#,
        );
        let r = TaskReservation::from_task(&s);
        assert_eq!((r.cpu_units, r.memory_mib), (Some(384), Some(500)));
        let none = TaskReservation {
            cpu_units: None,
            memory_mib: None,
            basis: vec![],
            basis_msg: vec![],
        };
        let f = fit(
            &Instance {
                name: "x".into(),
                vcpus: 0,
                memory_mib: 0,
            },
            RegisteredMemory::Percent(f64::NAN),
            u32::MAX,
            &none,
        );
        assert_eq!(f.binding, Binding::Unknown);
    }
}
