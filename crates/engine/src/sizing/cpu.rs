//! CPU under contention: how the containers of a task (or of a host) split the CPU by their
//! `cpu` shares when they are busy.
//!
//! ```text
//! let split = cpu::simulate(&[
//!     CpuContainer::new("app", Some(512), 1.0),      // cpu 512, wants 1 vCPU
//!     CpuContainer::new("sidecar", None, 1.0),        // no cpu: 2 shares
//! ], Capacity { task_cpu_units: None, host_vcpus: 1.0 });
//! split.containers[0].allocated_vcpu; split.sentence;
//! ```
//!
//! The model (rules.md D3/D4; AWS `ContainerDefinition.cpu` docs and the blog "How Amazon ECS
//! manages CPU and memory resources"):
//! - Container `cpu` becomes Docker `--cpu-shares` on Linux: a relative weight, not a cap. With
//!   agent ≥ 1.2.0, null, 0 and 1 are passed as 2 shares (the kernel minimum); with agent ≥ 1.84.0
//!   values above 262144 (256 vCPU) are passed as 262144.
//! - Capacity is the task-level `cpu` (a hard cap on the task's cgroup) when set, bounded by the
//!   host's vCPUs; else the host's vCPUs (1 vCPU = 1024 CPU units).
//! - Water-filling: each busy container gets capacity × its shares / the shares of all busy
//!   containers, capped at what it wants; what it does not use flows to the others in proportion
//!   to their shares, until everyone is satisfied or the capacity is used. Idle containers
//!   (demand 0) hold nothing, so their share flows to the busy ones: a 512-unit container alone
//!   on a 1-vCPU host uses the whole vCPU.
//! - The kernel divides by a weight that depends on the platform ([`Kernel`]):
//!   - cgroup v1 (Fargate, whose Linux platform 1.4.0 runs Amazon Linux 2; EC2 on Amazon Linux 2):
//!     the weight is `cpu.shares` itself.
//!   - cgroup v2 (EC2 on Amazon Linux 2023): the runtime writes `cpu.weight` (1..=10000), which
//!     the kernel uses in proportion. runc before 1.3.2 (and crun before 1.23) convert with the
//!     linear [`weight_linear`] (runc's `ConvertCPUSharesToCgroupV2Value` since runc PR #2213,
//!     2020: 1024 shares → weight 39); runc 1.3.2 (2025-10-02, "The conversion from cgroup v1 CPU
//!     shares to cgroup v2 CPU weight is improved", runc PR #4906 / #4785, through
//!     opencontainers/cgroups PR #20 in cgroups v0.0.4), runc 1.4.0 and crun 1.23 (crun PR
//!     #1767) use the quadratic [`weight_runc`] (1024 shares → weight 100). So 512 : 256 : 2
//!     shares become 20 : 10 : 1 with the old runc and 59 : 35 : 1 with the new, not 256 : 128 : 1.
//!
//! Sources of the two conversions: runc issue #4896 ("[v1.3.2/v1.4.0-rc.1 intentional change]
//! `cpu.weight` value changed"), opencontainers/cgroups PR #20, cgroups-rs `src/manager/conv.rs`
//! (https://docs.rs/crate/cgroups-rs/latest/source/src/manager/conv.rs) and
//! https://github.com/google/cadvisor/issues/3737.
//!
//! Windows is different (container `cpu` is an absolute quota there); this model is Linux only.

use serde::Serialize;

use super::text::{self, Render};
use crate::input::msg::{Arg, Msg, Template};

/// CPU units per vCPU (AWS: "1 vCPU = 1024 CPU units").
pub const UNITS_PER_VCPU: f64 = 1024.0;
/// The kernel's minimum `cpu.shares`; ECS agent ≥ 1.2.0 passes null/0/1 as this.
pub const MIN_SHARES: u32 = 2;
/// The largest shares the agent passes (agent ≥ 1.84.0: 256 vCPU).
pub const MAX_SHARES: u32 = 262_144;

/// What the kernel divides CPU time by, for the platform the task runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kernel {
    /// Fargate: the Linux platform 1.4.0 runs Amazon Linux 2, a cgroup v1 kernel: `cpu.shares`.
    Fargate,
    /// EC2 on a cgroup v1 host (Amazon Linux 2): `cpu.shares`.
    Ec2CgroupV1,
    /// EC2 on a cgroup v2 host (Amazon Linux 2023) whose runc is 1.3.2 or later (crun 1.23 or
    /// later): `cpu.weight` by [`weight_runc`].
    Ec2CgroupV2Quadratic,
    /// EC2 on a cgroup v2 host with runc before 1.3.2 (crun before 1.23): `cpu.weight` by
    /// [`weight_linear`].
    Ec2CgroupV2Linear,
}

impl Kernel {
    pub const ALL: [Kernel; 4] = [
        Kernel::Fargate,
        Kernel::Ec2CgroupV1,
        Kernel::Ec2CgroupV2Quadratic,
        Kernel::Ec2CgroupV2Linear,
    ];

    /// The platform a task definition most likely runs on: Fargate when it asks for it, else EC2
    /// on the current ECS-optimized AMI (Amazon Linux 2023, cgroup v2) with a current runc.
    pub fn default_for(fargate: bool) -> Kernel {
        if fargate {
            Kernel::Fargate
        } else {
            Kernel::Ec2CgroupV2Quadratic
        }
    }

    /// A stable name for forms and share links.
    pub fn id(self) -> &'static str {
        match self {
            Kernel::Fargate => "fargate",
            Kernel::Ec2CgroupV1 => "ec2-v1",
            Kernel::Ec2CgroupV2Quadratic => "ec2-v2",
            Kernel::Ec2CgroupV2Linear => "ec2-v2-linear",
        }
    }

    pub fn from_id(id: &str) -> Option<Kernel> {
        Kernel::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The platform in a few words, for a menu.
    pub fn label(self) -> &'static str {
        self.label_template().en
    }

    /// [`Kernel::label`], keyed (render it with `learn::sizing_in`).
    pub fn label_msg(self) -> Msg {
        Msg::new(self.label_template())
    }

    fn label_template(self) -> &'static Template {
        match self {
            Kernel::Fargate => &text::CPU_LABEL_FARGATE,
            Kernel::Ec2CgroupV1 => &text::CPU_LABEL_EC2_V1,
            Kernel::Ec2CgroupV2Quadratic => &text::CPU_LABEL_EC2_V2,
            Kernel::Ec2CgroupV2Linear => &text::CPU_LABEL_EC2_V2_LINEAR,
        }
    }

    /// The cgroup file the kernel reads the weight from.
    pub fn file(self) -> &'static str {
        match self {
            Kernel::Fargate | Kernel::Ec2CgroupV1 => "cpu.shares",
            Kernel::Ec2CgroupV2Quadratic | Kernel::Ec2CgroupV2Linear => "cpu.weight",
        }
    }

    /// The weight the kernel divides by for a container's `cpu.shares`.
    pub fn weight(self, shares: u32) -> u32 {
        match self {
            Kernel::Fargate | Kernel::Ec2CgroupV1 => shares.clamp(MIN_SHARES, MAX_SHARES),
            Kernel::Ec2CgroupV2Quadratic => weight_runc(shares),
            Kernel::Ec2CgroupV2Linear => weight_linear(shares),
        }
    }

    /// Which split is shown and why, in one sentence.
    pub fn basis(self) -> &'static str {
        self.basis_template().en
    }

    /// [`Kernel::basis`], keyed.
    pub fn basis_msg(self) -> Msg {
        Msg::new(self.basis_template())
    }

    fn basis_template(self) -> &'static Template {
        match self {
            Kernel::Fargate => &text::CPU_BASIS_FARGATE,
            Kernel::Ec2CgroupV1 => &text::CPU_BASIS_EC2_V1,
            Kernel::Ec2CgroupV2Quadratic => &text::CPU_BASIS_EC2_V2,
            Kernel::Ec2CgroupV2Linear => &text::CPU_BASIS_EC2_V2_LINEAR,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CpuContainer {
    pub name: String,
    /// Container `cpu` as written (`None` when absent).
    pub cpu: Option<u32>,
    /// How much CPU the container would use if it could, in vCPU (0 = idle).
    pub demand_vcpu: f64,
}

impl CpuContainer {
    pub fn new(name: &str, cpu: Option<u32>, demand_vcpu: f64) -> CpuContainer {
        CpuContainer {
            name: name.to_string(),
            cpu,
            demand_vcpu,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Capacity {
    /// The task-level `cpu` (hard cap), when set.
    pub task_cpu_units: Option<u32>,
    /// The host's vCPUs (on Fargate, the task size is the host).
    pub host_vcpus: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Wants nothing.
    Idle,
    /// Gets all it wants.
    Demand,
    /// Wants more than its share: held back by the others.
    Contention,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CpuShare {
    pub name: String,
    pub cpu: Option<u32>,
    /// The `cpu.shares` the kernel sees.
    pub shares: u32,
    /// cgroup v2 `cpu.weight` by the linear conversion.
    pub weight_linear: u32,
    /// cgroup v2 `cpu.weight` by runc ≥ 1.3.2's conversion.
    pub weight_runc: u32,
    /// The weight the kernel divides by on the platform of the split ([`Kernel::weight`]).
    pub weight: u32,
    pub demand_vcpu: f64,
    /// Share of the capacity when every container is busy (weight / all weights).
    pub all_busy_fraction: f64,
    pub allocated_vcpu: f64,
    pub allocated_units: f64,
    /// Allocated / capacity.
    pub fraction_of_capacity: f64,
    pub limited_by: Limit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapacitySource {
    TaskCpu,
    Host,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CpuSplit {
    /// The platform whose kernel the split follows.
    pub kernel: Kernel,
    pub capacity_vcpu: f64,
    pub capacity_source: CapacitySource,
    pub containers: Vec<CpuShare>,
    pub used_vcpu: f64,
    pub idle_vcpu: f64,
    /// What is happening, in plain words with the numbers.
    pub sentence: String,
    pub notes: Vec<String>,
    /// `sentence` and `notes`, keyed ([`CpuSplit::localize`]).
    #[serde(skip)]
    pub sentence_msg: Option<Msg>,
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl CpuSplit {
    /// Writes `sentence` and `notes` again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if let Some(m) = &self.sentence_msg {
            self.sentence = render(m);
        }
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
    }
}

/// The containers of an analysed task definition, each wanting `demand_vcpu`, and the capacity:
/// the task-level `cpu` when known (on Fargate it is always set), on a host of `host_vcpus`.
/// Placeholder or unreadable container `cpu` values count as unset (2 shares); the page should
/// say so (`TaskSizing::notes` does).
pub fn from_task(
    sizing: &super::task::TaskSizing,
    demand_vcpu: f64,
    host_vcpus: f64,
) -> (Vec<CpuContainer>, Capacity) {
    let containers = sizing
        .containers
        .iter()
        .map(|c| CpuContainer::new(&c.name, c.cpu.known(), demand_vcpu))
        .collect();
    let task_cpu = sizing.cpu.known();
    let host = match (sizing.fargate, task_cpu) {
        (true, Some(units)) => f64::from(units) / UNITS_PER_VCPU,
        _ => host_vcpus,
    };
    (
        containers,
        Capacity {
            task_cpu_units: task_cpu,
            host_vcpus: host,
        },
    )
}

/// The `cpu.shares` a container `cpu` value becomes (agent ≥ 1.2.0; ≥ 1.84.0 for the top clamp).
pub fn shares(cpu: Option<u32>) -> u32 {
    cpu.unwrap_or(0).clamp(MIN_SHARES, MAX_SHARES)
}

/// cgroup v2 `cpu.weight` by the linear conversion `1 + ((shares - 2) × 9999) / 262142`
/// (integer arithmetic), in [1, 10000].
pub fn weight_linear(shares: u32) -> u32 {
    let s = u64::from(shares.clamp(MIN_SHARES, MAX_SHARES));
    let w = 1 + ((s - 2) * 9999) / 262_142;
    u32::try_from(w).unwrap_or(10_000)
}

/// cgroup v2 `cpu.weight` by runc ≥ 1.3.2's conversion:
/// `ceil(10^((l² + 125 l) / 612 − 7/34))` with `l = log2(shares)`, clamped to [1, 10000]. It maps
/// 2 → 1, 1024 → 100 (the default of both systems) and 262144 → 10000.
pub fn weight_runc(shares: u32) -> u32 {
    let s = shares.clamp(MIN_SHARES, MAX_SHARES);
    let l = f64::from(s).log2();
    let exponent = (l * l + 125.0 * l) / 612.0 - 7.0 / 34.0;
    // Ignore floating-point noise below 1e-9 so exact powers (1024 → 100) stay exact.
    let w = (10f64.powf(exponent) - 1e-9).ceil();
    if w.is_finite() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let w = w.clamp(1.0, 10_000.0) as u32;
        w
    } else {
        1
    }
}

fn clean(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Splits the capacity among the containers by water-filling on a cgroup v1 kernel
/// (`cpu.shares`); [`simulate_on`] chooses the platform.
pub fn simulate(containers: &[CpuContainer], capacity: Capacity) -> CpuSplit {
    simulate_on(containers, capacity, Kernel::Ec2CgroupV1)
}

/// Splits the capacity among the containers by water-filling with the weights the kernel of
/// `kernel` uses (see the module docs).
pub fn simulate_on(containers: &[CpuContainer], capacity: Capacity, kernel: Kernel) -> CpuSplit {
    let host = clean(capacity.host_vcpus);
    let (capacity_vcpu, capacity_source) = match capacity.task_cpu_units {
        Some(units) if units > 0 && f64::from(units) / UNITS_PER_VCPU <= host => {
            (f64::from(units) / UNITS_PER_VCPU, CapacitySource::TaskCpu)
        }
        Some(units) if units > 0 && host == 0.0 => {
            (f64::from(units) / UNITS_PER_VCPU, CapacitySource::TaskCpu)
        }
        _ => (host, CapacitySource::Host),
    };
    let shares_of: Vec<u32> = containers.iter().map(|c| shares(c.cpu)).collect();
    let weight_of: Vec<u32> = shares_of.iter().map(|&s| kernel.weight(s)).collect();
    // An unbounded demand ("as much as it can get") is the whole capacity.
    let demand: Vec<f64> = containers
        .iter()
        .map(|c| {
            if c.demand_vcpu == f64::INFINITY {
                capacity_vcpu
            } else {
                clean(c.demand_vcpu)
            }
        })
        .collect();
    let all_weights: f64 = weight_of.iter().map(|&w| f64::from(w)).sum();
    let mut allocated = vec![0.0f64; containers.len()];
    let mut satisfied = vec![false; containers.len()];
    for (i, d) in demand.iter().enumerate() {
        if *d == 0.0 {
            satisfied[i] = true;
        }
    }
    let mut remaining = capacity_vcpu;
    // Each round satisfies at least one container or ends, so at most n + 1 rounds.
    for _ in 0..=containers.len() {
        let active: Vec<usize> = (0..containers.len()).filter(|&i| !satisfied[i]).collect();
        if active.is_empty() || remaining <= 1e-12 {
            break;
        }
        let total: f64 = active.iter().map(|&i| f64::from(weight_of[i])).sum();
        let capped: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| demand[i] <= remaining * f64::from(weight_of[i]) / total + 1e-12)
            .collect();
        if capped.is_empty() {
            for &i in &active {
                allocated[i] = remaining * f64::from(weight_of[i]) / total;
            }
            break;
        }
        for &i in &capped {
            allocated[i] = demand[i];
            remaining -= demand[i];
            satisfied[i] = true;
        }
    }
    let used: f64 = allocated.iter().sum();
    let out: Vec<CpuShare> = containers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let limited_by = if demand[i] == 0.0 {
                Limit::Idle
            } else if allocated[i] + 1e-9 >= demand[i] {
                Limit::Demand
            } else {
                Limit::Contention
            };
            CpuShare {
                name: c.name.clone(),
                cpu: c.cpu,
                shares: shares_of[i],
                weight_linear: weight_linear(shares_of[i]),
                weight_runc: weight_runc(shares_of[i]),
                weight: weight_of[i],
                demand_vcpu: demand[i],
                all_busy_fraction: if all_weights > 0.0 {
                    f64::from(weight_of[i]) / all_weights
                } else {
                    0.0
                },
                allocated_vcpu: allocated[i],
                allocated_units: allocated[i] * UNITS_PER_VCPU,
                fraction_of_capacity: if capacity_vcpu > 0.0 {
                    allocated[i] / capacity_vcpu
                } else {
                    0.0
                },
                limited_by,
            }
        })
        .collect();
    let mut notes_msg = Vec::new();
    if let Some(note) = unset_note(&out, kernel) {
        notes_msg.push(note);
    }
    if capacity_source == CapacitySource::TaskCpu {
        notes_msg.push(
            Msg::new(&text::CPU_TASK_CEILING)
                .with("units", Arg::from(capacity.task_cpu_units.unwrap_or(0))),
        );
    } else {
        notes_msg.push(Msg::new(&text::CPU_WEIGHT_NOT_CAP));
    }
    let notes = notes_msg.iter().map(Msg::en).collect();
    let sentence_msg = sentence(&out, capacity_vcpu, capacity_source, used, kernel);
    let sentence = sentence_msg.en();
    CpuSplit {
        kernel,
        capacity_vcpu,
        capacity_source,
        containers: out,
        used_vcpu: used,
        idle_vcpu: (capacity_vcpu - used).max(0.0),
        sentence,
        notes,
        sentence_msg: Some(sentence_msg),
        notes_msg,
    }
}

fn num(x: f64) -> String {
    super::units::trim_float(x)
}

/// A vCPU figure for a sentence or a chart label: two decimals are all a reader can use.
pub fn vcpu(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A percentage for a sentence: one decimal, with its leading zero ("0.1%", not ".098%").
pub fn pct(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// "app gets 0.59 vCPU (59%)": the one way a sentence states what a container gets, with the
/// numbers rounded as the chart's labels are.
pub fn gets(c: &CpuShare) -> String {
    gets_msg(c).en()
}

fn gets_msg(c: &CpuShare) -> Msg {
    Msg::new(&text::CPU_GETS)
        .with("name", Arg::Code(c.name.clone()))
        .with("vcpu", Arg::Code(vcpu(c.allocated_vcpu)))
        .with("pct", Arg::Code(pct(c.fraction_of_capacity * 100.0)))
}

fn gets_list(items: &[&CpuShare]) -> Arg {
    Arg::List(
        items
            .iter()
            .map(|c| Arg::Phrase(Box::new(gets_msg(c))))
            .collect(),
    )
}

fn names(items: &[&CpuShare]) -> Arg {
    let v: Vec<&str> = items.iter().map(|c| c.name.as_str()).collect();
    text::names_with(&text::CPU_NAMES_AND, &v)
}

/// What the containers that set no `cpu` get, from the split itself: "almost nothing" only when
/// it is under 5% of the capacity, "an equal part" when every competitor has the same weight.
fn unset_note(out: &[CpuShare], kernel: Kernel) -> Option<Msg> {
    let contended: Vec<&CpuShare> = out
        .iter()
        .filter(|c| c.limited_by == Limit::Contention)
        .collect();
    let unset: Vec<&CpuShare> = contended
        .iter()
        .copied()
        .filter(|c| c.cpu.unwrap_or(0) <= 1)
        .collect();
    let first = unset.first()?;
    let weight = if kernel.file() == "cpu.shares" {
        Msg::new(&text::CPU_WEIGHT_SHARES).with("shares", Arg::from(first.shares))
    } else {
        Msg::new(&text::CPU_WEIGHT_SHARES_AND_WEIGHT)
            .with("shares", Arg::from(first.shares))
            .with("weight", Arg::from(first.weight))
    };
    let one = unset.len() == 1;
    let who = Msg::new(if one {
        &text::CPU_UNSET_WHO_ONE
    } else {
        &text::CPU_UNSET_WHO_MANY
    })
    .with("names", names(&unset))
    .with("weight", Arg::from(weight));
    let all_equal = contended.iter().all(|c| c.weight == first.weight);
    let list = gets_list(&unset);
    if all_equal {
        return Some(
            Msg::new(&text::CPU_UNSET_EVEN)
                .with("who", Arg::from(who))
                .with("list", list),
        );
    }
    let tiny = unset.iter().all(|c| c.fraction_of_capacity < 0.05);
    Some(
        Msg::new(if tiny {
            &text::CPU_UNSET_BUSY_TINY
        } else {
            &text::CPU_UNSET_BUSY
        })
        .with("who", Arg::from(who))
        .with("list", list),
    )
}

fn sentence(
    out: &[CpuShare],
    capacity: f64,
    source: CapacitySource,
    used: f64,
    kernel: Kernel,
) -> Msg {
    let cap = Msg::new(match source {
        CapacitySource::TaskCpu => &text::CPU_CAP_TASK,
        CapacitySource::Host => &text::CPU_CAP_HOST,
    })
    .with("vcpu", Arg::Code(num(capacity)));
    let busy: Vec<&CpuShare> = out.iter().filter(|c| c.limited_by != Limit::Idle).collect();
    let contended: Vec<&CpuShare> = busy
        .iter()
        .copied()
        .filter(|c| c.limited_by == Limit::Contention)
        .collect();
    if busy.is_empty() {
        return Msg::new(&text::CPU_IDLE).with("cap", Arg::from(cap));
    }
    if contended.is_empty() {
        let idle_names: Vec<&str> = out
            .iter()
            .filter(|c| c.limited_by == Limit::Idle)
            .map(|c| c.name.as_str())
            .collect();
        if let [only] = busy.as_slice() {
            if only.all_busy_fraction < 1.0
                && only.allocated_vcpu > capacity * only.all_busy_fraction + 1e-9
            {
                let idle = if idle_names.len() == 1 {
                    Msg::new(&text::CPU_IDLE_ONE).with("name", Arg::Code(idle_names.concat()))
                } else {
                    Msg::new(&text::CPU_IDLE_OTHERS)
                };
                return Msg::new(&text::CPU_ALONE)
                    .with("name", Arg::Code(only.name.clone()))
                    .with("vcpu", Arg::Code(vcpu(only.allocated_vcpu)))
                    .with("weight", Arg::from(only.weight))
                    .with("file", Arg::Code(kernel.file().to_string()))
                    .with("pct", Arg::Code(pct(only.all_busy_fraction * 100.0)))
                    .with("idle", Arg::from(idle));
            }
        }
        return Msg::new(&text::CPU_ENOUGH)
            .with("used", Arg::Code(vcpu(used)))
            .with("cap", Arg::from(cap))
            .with("list", gets_list(&busy));
    }
    let satisfied: Vec<&CpuShare> = busy
        .iter()
        .copied()
        .filter(|c| c.limited_by == Limit::Demand)
        .collect();
    let ratio = contended
        .iter()
        .map(|c| c.weight.to_string())
        .collect::<Vec<_>>()
        .join(" : ");
    let file = kernel.file();
    let left: f64 = contended.iter().map(|c| c.allocated_vcpu).sum();
    if satisfied.is_empty() {
        Msg::new(&text::CPU_CONTENDED)
            .with("cap", Arg::from(cap))
            .with("file", Arg::Code(file.to_string()))
            .with("ratio", Arg::Code(ratio))
            .with("list", gets_list(&contended))
    } else {
        Msg::new(if satisfied.len() == 1 {
            &text::CPU_CONTENDED_SOME_ONE
        } else {
            &text::CPU_CONTENDED_SOME_MANY
        })
        .with("cap", Arg::from(cap))
        .with("names", names(&satisfied))
        .with(
            "vcpu",
            Arg::Code(vcpu(satisfied.iter().map(|c| c.allocated_vcpu).sum())),
        )
        .with("others", names(&contended))
        .with("left", Arg::Code(vcpu(left)))
        .with("file", Arg::Code(file.to_string()))
        .with("ratio", Arg::Code(ratio))
        .with("list", gets_list(&contended))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_512_unit_container_uses_the_whole_idle_vcpu() {
        // AWS ContainerDefinition.cpu docs / blog "How Amazon ECS manages CPU and memory
        // resources": a 512-unit container alone on a 1-vCPU host can use all 1024 units.
        let split = simulate(
            &[
                CpuContainer::new("a", Some(512), 1.0),
                CpuContainer::new("b", Some(512), 0.0),
            ],
            Capacity {
                task_cpu_units: None,
                host_vcpus: 1.0,
            },
        );
        assert!(close(split.containers[0].allocated_units, 1024.0));
        assert_eq!(split.containers[0].limited_by, Limit::Demand);
        assert_eq!(split.containers[1].limited_by, Limit::Idle);
        assert!(
            split.sentence.contains("weights only matter"),
            "{}",
            split.sentence
        );
        // Both busy: 512 each, the documented split.
        let split = simulate(
            &[
                CpuContainer::new("a", Some(512), 1.0),
                CpuContainer::new("b", Some(512), 1.0),
            ],
            Capacity {
                task_cpu_units: None,
                host_vcpus: 1.0,
            },
        );
        assert!(close(split.containers[0].allocated_units, 512.0));
    }

    #[test]
    fn three_busy_containers_split_by_shares() {
        // rules.md D4: share_i / Σ busy shares × available CPU. 1024:512:512 on 2 vCPU.
        let split = simulate(
            &[
                CpuContainer::new("app", Some(1024), 2.0),
                CpuContainer::new("worker", Some(512), 2.0),
                CpuContainer::new("proxy", Some(512), 2.0),
            ],
            Capacity {
                task_cpu_units: Some(2048),
                host_vcpus: 4.0,
            },
        );
        assert_eq!(split.capacity_source, CapacitySource::TaskCpu);
        assert!(close(split.containers[0].allocated_vcpu, 1.0));
        assert!(close(split.containers[1].allocated_vcpu, 0.5));
        assert!(close(split.containers[2].allocated_vcpu, 0.5));
        assert!(split
            .containers
            .iter()
            .all(|c| c.limited_by == Limit::Contention));
        // The proxy wants only 0.2: the rest flows to the others by their shares.
        let split = simulate(
            &[
                CpuContainer::new("app", Some(1024), 2.0),
                CpuContainer::new("worker", Some(512), 2.0),
                CpuContainer::new("proxy", Some(512), 0.2),
            ],
            Capacity {
                task_cpu_units: Some(2048),
                host_vcpus: 4.0,
            },
        );
        assert!(close(split.containers[2].allocated_vcpu, 0.2));
        assert!(close(split.containers[0].allocated_vcpu, 1.8 * 2.0 / 3.0));
        assert!(close(split.containers[1].allocated_vcpu, 1.8 / 3.0));
    }

    #[test]
    fn no_cpu_means_two_shares_and_starvation() {
        let split = simulate(
            &[
                CpuContainer::new("app", Some(1022), 1.0),
                CpuContainer::new("sidecar", None, 1.0),
            ],
            Capacity {
                task_cpu_units: None,
                host_vcpus: 1.0,
            },
        );
        assert_eq!(split.containers[1].shares, 2);
        assert!(close(split.containers[1].allocated_units, 2.0));
        assert!(!split.notes.is_empty());
        assert_eq!(shares(Some(1)), 2);
        assert_eq!(shares(Some(0)), 2);
        assert_eq!(shares(Some(10_000_000)), MAX_SHARES);
    }

    #[test]
    fn cgroup_v2_weights() {
        assert_eq!(weight_runc(1024), 100);
        assert_eq!(weight_runc(2), 1);
        assert_eq!(weight_runc(262_144), 10_000);
        assert_eq!(weight_linear(2), 1);
        assert_eq!(weight_linear(1024), 39);
        assert_eq!(weight_linear(262_144), 10_000);
        for s in [2, 3, 100, 512, 1024, 4096, 262_144] {
            assert!((1..=10_000).contains(&weight_runc(s)));
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let split = simulate(
            &[
                CpuContainer::new("x", Some(0), f64::NAN),
                CpuContainer::new("y", None, f64::INFINITY),
            ],
            Capacity {
                task_cpu_units: Some(0),
                host_vcpus: -1.0,
            },
        );
        assert!(split.used_vcpu.is_finite());
        let empty = simulate(
            &[],
            Capacity {
                task_cpu_units: None,
                host_vcpus: 2.0,
            },
        );
        assert!(empty.sentence.contains("idle"));
    }

    /// Every "NAME gets X vCPU (Y%)" in the sentence and notes, parsed back.
    fn stated(text: &str) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for (at, _) in text.match_indices(" gets ") {
            let before = &text[..at];
            let name_start = before.rfind([' ', '(', ',']).map_or(0, |i| i + 1);
            let name = before[name_start..].to_string();
            let rest = &text[at + 6..];
            let Some((x, rest)) = rest.split_once(" vCPU (") else {
                continue;
            };
            if x.parse::<f64>().is_err() {
                continue;
            }
            let Some((y, _)) = rest.split_once("%)") else {
                continue;
            };
            out.push((name, x.to_string(), y.to_string()));
        }
        out
    }

    /// The weights in "(a : b : c)" after "by their cpu.shares" / "cpu.weight".
    fn stated_ratio(text: &str) -> Option<Vec<u32>> {
        let (_, rest) = text.split_once(" by their cpu.")?;
        let (_, rest) = rest.split_once('(')?;
        let (inside, _) = rest.split_once(')')?;
        inside.split(" : ").map(|n| n.trim().parse().ok()).collect()
    }

    #[test]
    fn every_sentence_states_the_computed_split() {
        let scenarios: Vec<(Vec<CpuContainer>, Capacity)> = vec![
            (
                vec![
                    CpuContainer::new("app", Some(512), 1.0),
                    CpuContainer::new("worker", Some(256), 1.0),
                    CpuContainer::new("log_router", None, 1.0),
                ],
                Capacity {
                    task_cpu_units: Some(1024),
                    host_vcpus: 2.0,
                },
            ),
            (
                vec![
                    CpuContainer::new("web", None, 1.0),
                    CpuContainer::new("sidecar", None, 1.0),
                ],
                Capacity {
                    task_cpu_units: None,
                    host_vcpus: 1.0,
                },
            ),
            (
                vec![
                    CpuContainer::new("app", Some(1024), 2.0),
                    CpuContainer::new("worker", Some(512), 2.0),
                    CpuContainer::new("proxy", Some(128), 0.1),
                ],
                Capacity {
                    task_cpu_units: Some(2048),
                    host_vcpus: 4.0,
                },
            ),
            (
                vec![
                    CpuContainer::new("a", Some(512), 1.0),
                    CpuContainer::new("b", Some(512), 0.0),
                ],
                Capacity {
                    task_cpu_units: None,
                    host_vcpus: 1.0,
                },
            ),
            (
                vec![
                    CpuContainer::new("a", Some(3000), 0.5),
                    CpuContainer::new("b", None, 0.25),
                ],
                Capacity {
                    task_cpu_units: None,
                    host_vcpus: 4.0,
                },
            ),
        ];
        let mut checked = 0;
        for (containers, capacity) in &scenarios {
            for kernel in Kernel::ALL {
                let split = simulate_on(containers, *capacity, kernel);
                let text = std::iter::once(split.sentence.as_str())
                    .chain(split.notes.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" ");
                for (name, x, y) in stated(&text) {
                    let c = split
                        .containers
                        .iter()
                        .find(|c| c.name == name)
                        .unwrap_or_else(|| panic!("{name} not in the split: {text}"));
                    assert_eq!(x, vcpu(c.allocated_vcpu), "{kernel:?}: {text}");
                    assert_eq!(y, pct(c.fraction_of_capacity * 100.0), "{kernel:?}: {text}");
                    checked += 1;
                }
                if let Some(ratio) = stated_ratio(&split.sentence) {
                    let contended: Vec<u32> = split
                        .containers
                        .iter()
                        .filter(|c| c.limited_by == Limit::Contention)
                        .map(|c| c.weight)
                        .collect();
                    assert_eq!(ratio, contended, "{kernel:?}: {}", split.sentence);
                    assert!(split.sentence.contains(kernel.file()));
                }
                // "almost nothing" only for a part under 5%; "evenly" only for equal weights.
                if text.contains("almost nothing") {
                    assert!(split
                        .containers
                        .iter()
                        .filter(|c| c.cpu.is_none() && c.limited_by == Limit::Contention)
                        .all(|c| c.fraction_of_capacity < 0.05));
                }
                if text.contains("evenly") {
                    let busy: Vec<u32> = split
                        .containers
                        .iter()
                        .filter(|c| c.limited_by == Limit::Contention)
                        .map(|c| c.weight)
                        .collect();
                    assert!(busy.windows(2).all(|w| w[0] == w[1]), "{text}");
                }
                // The chart's bars are the split's numbers: they add up to what is used.
                let sum: f64 = split.containers.iter().map(|c| c.allocated_vcpu).sum();
                assert!(close(sum, split.used_vcpu));
            }
        }
        assert!(checked > 20, "only {checked} numbers checked");
    }

    #[test]
    fn the_kernel_divides_by_the_platform_weights() {
        // Issue 23: 512 : 256 : 2 shares are 59 : 35 : 1 with runc >= 1.3.2, 20 : 10 : 1 with the
        // linear conversion, and the shares themselves on cgroup v1.
        let containers = [
            CpuContainer::new("app", Some(512), 1.0),
            CpuContainer::new("worker", Some(256), 1.0),
            CpuContainer::new("log_router", None, 1.0),
        ];
        let capacity = Capacity {
            task_cpu_units: Some(1024),
            host_vcpus: 2.0,
        };
        let weights = |k: Kernel| -> Vec<u32> {
            simulate_on(&containers, capacity, k)
                .containers
                .iter()
                .map(|c| c.weight)
                .collect()
        };
        assert_eq!(weights(Kernel::Ec2CgroupV2Quadratic), vec![59, 35, 1]);
        assert_eq!(weights(Kernel::Ec2CgroupV2Linear), vec![20, 10, 1]);
        assert_eq!(weights(Kernel::Ec2CgroupV1), vec![512, 256, 2]);
        assert_eq!(weights(Kernel::Fargate), vec![512, 256, 2]);
        let split = simulate_on(&containers, capacity, Kernel::Ec2CgroupV2Quadratic);
        assert!(close(split.containers[0].allocated_vcpu, 59.0 / 95.0));
        assert!(
            split.sentence.contains("by their cpu.weight (59 : 35 : 1)"),
            "{}",
            split.sentence
        );
        assert!(
            split.sentence.contains("app gets 0.62 vCPU (62.1%)"),
            "{}",
            split.sentence
        );
        let v1 = simulate_on(&containers, capacity, Kernel::Ec2CgroupV1);
        assert!(
            v1.sentence.contains("by their cpu.shares (512 : 256 : 2)"),
            "{}",
            v1.sentence
        );
        // The old note said "almost nothing" for a container that got an equal part.
        let none_set = [
            CpuContainer::new("web", None, 1.0),
            CpuContainer::new("sidecar", None, 1.0),
        ];
        let split = simulate_on(
            &none_set,
            Capacity {
                task_cpu_units: None,
                host_vcpus: 1.0,
            },
            Kernel::Ec2CgroupV2Quadratic,
        );
        let notes = split.notes.join(" ");
        assert!(!notes.contains("almost nothing"), "{notes}");
        assert!(notes.contains("evenly"), "{notes}");
        assert!(close(split.containers[0].allocated_vcpu, 0.5));
        for k in Kernel::ALL {
            assert_eq!(Kernel::from_id(k.id()), Some(k));
            assert!(!k.basis().is_empty() && !k.label().is_empty());
        }
    }
}
