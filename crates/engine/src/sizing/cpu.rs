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
//! - On cgroup v2 the shares become `cpu.weight` (1..=10000): [`weight_linear`] is the long-used
//!   linear conversion, [`weight_runc`] the one runc ≥ 1.3.2 uses (1024 shares → weight 100).
//!   Which one applies depends on the container runtime's version.
//!
//! Sources of the two conversions (ux.md part 4): cgroups-rs `src/manager/conv.rs`
//! (https://docs.rs/crate/cgroups-rs/latest/source/src/manager/conv.rs) and
//! https://github.com/google/cadvisor/issues/3737.
//!
//! Windows is different (container `cpu` is an absolute quota there); this model is Linux only.

use serde::Serialize;

/// CPU units per vCPU (AWS: "1 vCPU = 1024 CPU units").
pub const UNITS_PER_VCPU: f64 = 1024.0;
/// The kernel's minimum `cpu.shares`; ECS agent ≥ 1.2.0 passes null/0/1 as this.
pub const MIN_SHARES: u32 = 2;
/// The largest shares the agent passes (agent ≥ 1.84.0: 256 vCPU).
pub const MAX_SHARES: u32 = 262_144;

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
    pub demand_vcpu: f64,
    /// Share of the capacity when every container is busy (shares / all shares).
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
    pub capacity_vcpu: f64,
    pub capacity_source: CapacitySource,
    pub containers: Vec<CpuShare>,
    pub used_vcpu: f64,
    pub idle_vcpu: f64,
    /// What is happening, in plain words with the numbers.
    pub sentence: String,
    pub notes: Vec<String>,
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

/// Splits the capacity among the containers by water-filling (see the module docs).
pub fn simulate(containers: &[CpuContainer], capacity: Capacity) -> CpuSplit {
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
    let all_shares: f64 = shares_of.iter().map(|&s| f64::from(s)).sum();
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
        let total: f64 = active.iter().map(|&i| f64::from(shares_of[i])).sum();
        let capped: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&i| demand[i] <= remaining * f64::from(shares_of[i]) / total + 1e-12)
            .collect();
        if capped.is_empty() {
            for &i in &active {
                allocated[i] = remaining * f64::from(shares_of[i]) / total;
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
                demand_vcpu: demand[i],
                all_busy_fraction: if all_shares > 0.0 {
                    f64::from(shares_of[i]) / all_shares
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
    let mut notes = Vec::new();
    let starved: Vec<&str> = out
        .iter()
        .filter(|c| c.cpu.unwrap_or(0) <= 1 && c.limited_by == Limit::Contention)
        .map(|c| c.name.as_str())
        .collect();
    if !starved.is_empty() {
        notes.push(format!(
            "{} set no cpu, so the kernel gives {} only 2 shares: almost nothing while others are busy",
            starved.join(", "),
            if starved.len() == 1 { "it" } else { "them" }
        ));
    }
    if capacity_source == CapacitySource::TaskCpu {
        notes.push(format!(
            "the task-level cpu ({} units) is a hard ceiling for all containers together, even when the host has idle CPU",
            capacity.task_cpu_units.unwrap_or(0)
        ));
    } else {
        notes.push("container cpu is a weight, not a cap: with no task-level cpu, a container can use any idle CPU of the host".to_string());
    }
    let sentence = sentence(&out, capacity_vcpu, capacity_source, used);
    CpuSplit {
        capacity_vcpu,
        capacity_source,
        containers: out,
        used_vcpu: used,
        idle_vcpu: (capacity_vcpu - used).max(0.0),
        sentence,
        notes,
    }
}

fn num(x: f64) -> String {
    super::units::trim_float(x)
}

/// A vCPU figure for a sentence: two decimals are all a reader can use.
fn vcpu(x: f64) -> String {
    num((x * 100.0).round() / 100.0)
}

/// A percentage for a sentence: one decimal, with its leading zero ("0.1%", not ".098%").
fn pct(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

fn sentence(out: &[CpuShare], capacity: f64, source: CapacitySource, used: f64) -> String {
    let cap = match source {
        CapacitySource::TaskCpu => format!("the task's {} vCPU", num(capacity)),
        CapacitySource::Host => format!("the host's {} vCPU", num(capacity)),
    };
    let busy: Vec<&CpuShare> = out.iter().filter(|c| c.limited_by != Limit::Idle).collect();
    let contended: Vec<&CpuShare> = busy
        .iter()
        .copied()
        .filter(|c| c.limited_by == Limit::Contention)
        .collect();
    if busy.is_empty() {
        return format!("No container wants CPU: {cap} sit idle.");
    }
    let list = |items: &[&CpuShare]| {
        items
            .iter()
            .map(|c| {
                format!(
                    "{} gets {} vCPU ({}%)",
                    c.name,
                    vcpu(c.allocated_vcpu),
                    pct(c.fraction_of_capacity * 100.0)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if contended.is_empty() {
        let idle_names: Vec<&str> = out
            .iter()
            .filter(|c| c.limited_by == Limit::Idle)
            .map(|c| c.name.as_str())
            .collect();
        let mut s = format!(
            "There is enough CPU for everyone: {} of {cap} in use, and {}.",
            num(used),
            list(&busy)
        );
        if let [only] = busy.as_slice() {
            if only.all_busy_fraction < 1.0
                && only.allocated_vcpu > capacity * only.all_busy_fraction + 1e-9
            {
                s = format!(
                    "{} uses {} vCPU, more than its {} shares would give it under contention ({}%), because {} idle: shares only matter when containers compete.",
                    only.name,
                    num(only.allocated_vcpu),
                    only.shares,
                    num(only.all_busy_fraction * 100.0),
                    if idle_names.len() == 1 {
                        format!("{} is", idle_names.join(""))
                    } else {
                        "the others are".to_string()
                    }
                );
            }
        }
        return s;
    }
    let satisfied: Vec<&CpuShare> = busy
        .iter()
        .copied()
        .filter(|c| c.limited_by == Limit::Demand)
        .collect();
    let ratio = contended
        .iter()
        .map(|c| c.shares.to_string())
        .collect::<Vec<_>>()
        .join(" : ");
    let names = |items: &[&CpuShare]| {
        let v: Vec<&str> = items.iter().map(|c| c.name.as_str()).collect();
        match v.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => v.join(""),
        }
    };
    let left: f64 = contended.iter().map(|c| c.allocated_vcpu).sum();
    if satisfied.is_empty() {
        format!(
            "The containers want more than {cap}, so the kernel splits it by their shares ({ratio}): {}.",
            list(&contended)
        )
    } else {
        format!(
            "The containers want more than {cap}. {} need{} less than {} share and get{} what {} want{} ({} vCPU); {} split the remaining {} vCPU by their shares ({ratio}): {}.",
            names(&satisfied),
            if satisfied.len() == 1 { "s" } else { "" },
            if satisfied.len() == 1 { "its" } else { "their" },
            if satisfied.len() == 1 { "s" } else { "" },
            if satisfied.len() == 1 { "it" } else { "they" },
            if satisfied.len() == 1 { "s" } else { "" },
            num(satisfied.iter().map(|c| c.allocated_vcpu).sum()),
            names(&contended),
            num(left),
            list(&contended)
        )
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
            split.sentence.contains("shares only matter"),
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
}
