//! Memory limits over time: what happens to each container of a task as its memory use grows.
//!
//! ```text
//! let scenario = memory::preset(Preset::SoftAndHard);        // or build a MemScenario
//! let timeline = memory::simulate(&scenario);
//! for step in &timeline.steps { step.containers[i].state ... }
//! for event in &timeline.events { event.sentence ... }
//! ```
//!
//! The model (rules.md D3/D4; AWS `ContainerDefinition.memory`/`memoryReservation` docs,
//! `out-of-memory.html`, the blog "How Amazon ECS manages CPU and memory resources"):
//! - `memoryReservation` is a soft limit: a container may use more while memory is free (under
//!   memory pressure on the host, Docker tries to push it back towards its reservation).
//! - `memory` is a hard limit: a container that tries to use more is killed by the kernel. ECS
//!   reports exit code 137 (SIGKILL) and the stopped reason
//!   "OutOfMemoryError: Container killed due to memory usage" ([`OOM_REASON`]).
//! - The task-level `memory` caps all containers together (always on Fargate). When their sum
//!   passes it, the kernel's OOM killer picks a victim inside the task: usually the largest
//!   process, which need not be the container that grew (the badness score is roughly the
//!   share of the allowed memory a process uses, with 3% off for root: proc_pid_oom_score_adj(5),
//!   https://man7.org/linux/man-pages/man5/proc_pid_oom_score_adj.5.html).
//! - When an essential container stops (OOM or otherwise), the whole task stops. A non-essential
//!   container can stop while the others run on.
//!
//! Usage values are what each process tries to use at each step (the demand). A container that
//! is killed or stopped uses nothing afterwards. Steps are abstract time (the page labels them).

use serde::Serialize;

/// The stopped reason ECS gives a container killed at its memory limit (AWS out-of-memory.html).
pub const OOM_REASON: &str = "OutOfMemoryError: Container killed due to memory usage";
/// The exit code of a container killed by SIGKILL (128 + 9).
pub const OOM_EXIT_CODE: i32 = 137;
/// Steps simulated at most (the page draws tens; this bounds any input).
pub const MAX_STEPS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemContainer {
    pub name: String,
    /// `memoryReservation` (soft limit), MiB.
    pub reservation_mib: Option<u32>,
    /// `memory` (hard limit), MiB.
    pub limit_mib: Option<u32>,
    pub essential: bool,
    /// Memory the container tries to use at each step, MiB; the last value holds for later
    /// steps.
    pub usage_mib: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemScenario {
    pub containers: Vec<MemContainer>,
    /// Task-level `memory`: the hard ceiling for the sum (required on Fargate).
    pub task_memory_mib: Option<u32>,
    /// With no task memory (EC2), the memory the containers can grow into, if known (the
    /// instance's free memory). `None`: unbounded.
    pub instance_free_mib: Option<u32>,
    pub fargate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemState {
    /// At or below its reservation.
    BelowReservation,
    /// Above its reservation: allowed while memory is free.
    AboveReservation,
    /// Running with no reservation set.
    Running,
    /// Killed at this step (exit 137).
    OomKilled,
    /// Not running: killed earlier, or the task stopped.
    Stopped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KillCause {
    /// It passed its own hard limit.
    ContainerLimit,
    /// The task's (or instance's) memory ran out and the kernel picked it.
    TaskMemory,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepContainer {
    pub name: String,
    /// What it tried to use.
    pub demand_mib: u32,
    /// What it holds (0 once stopped).
    pub usage_mib: u32,
    pub state: MemState,
    pub kill_cause: Option<KillCause>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub index: usize,
    pub containers: Vec<StepContainer>,
    /// Sum of what the running containers hold.
    pub total_mib: u64,
    /// The ceiling in force (task memory, else the instance's free memory).
    pub ceiling_mib: Option<u32>,
    pub task_memory_exhausted: bool,
    pub task_stopped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    AboveReservation,
    OomKilled,
    TaskMemoryExhausted,
    TaskStopped,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemEvent {
    pub step: usize,
    pub container: Option<String>,
    pub kind: EventKind,
    pub exit_code: Option<i32>,
    pub stopped_reason: Option<String>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemTimeline {
    pub steps: Vec<Step>,
    pub events: Vec<MemEvent>,
    /// The step at which the task stopped, if it did.
    pub task_stopped_at: Option<usize>,
    pub notes: Vec<String>,
}

pub fn simulate(scenario: &MemScenario) -> MemTimeline {
    let n = scenario.containers.len();
    let steps_len = scenario
        .containers
        .iter()
        .map(|c| c.usage_mib.len())
        .max()
        .unwrap_or(0)
        .min(MAX_STEPS);
    let ceiling = scenario.task_memory_mib.or(scenario.instance_free_mib);
    let ceiling_name = if scenario.task_memory_mib.is_some() {
        "the task's memory"
    } else {
        "the instance's free memory"
    };
    let mut stopped = vec![false; n];
    let mut above = vec![false; n];
    let mut task_stopped_at = None;
    let first: Vec<u32> = scenario
        .containers
        .iter()
        .map(|c| c.usage_mib.first().copied().unwrap_or(0))
        .collect();
    let mut steps = Vec::with_capacity(steps_len);
    let mut events = Vec::new();
    for t in 0..steps_len {
        let demand: Vec<u32> = scenario
            .containers
            .iter()
            .map(|c| {
                c.usage_mib
                    .get(t)
                    .or(c.usage_mib.last())
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        let mut state = vec![MemState::Stopped; n];
        let mut cause = vec![None; n];
        let mut usage = vec![0u32; n];
        let task_already_stopped = task_stopped_at.is_some();
        let mut exhausted = false;
        if !task_already_stopped {
            for (i, c) in scenario.containers.iter().enumerate() {
                if stopped[i] {
                    continue;
                }
                let d = demand[i];
                if let Some(limit) = c.limit_mib.filter(|l| d > *l) {
                    stopped[i] = true;
                    state[i] = MemState::OomKilled;
                    cause[i] = Some(KillCause::ContainerLimit);
                    events.push(kill_event(t, c, format!(
                        "{} tried to use {d} MiB, past its hard limit (memory) of {limit} MiB: the kernel killed it (exit code 137, \"{OOM_REASON}\")",
                        c.name
                    )));
                    continue;
                }
                usage[i] = d;
                state[i] = match c.reservation_mib {
                    Some(r) if d > r => {
                        if !above[i] {
                            above[i] = true;
                            events.push(MemEvent {
                                step: t,
                                container: Some(c.name.clone()),
                                kind: EventKind::AboveReservation,
                                exit_code: None,
                                stopped_reason: None,
                                sentence: format!(
                                    "{} uses {d} MiB, above its reservation (memoryReservation) of {r} MiB: allowed while memory is free{}",
                                    c.name,
                                    match c.limit_mib {
                                        Some(l) => format!(", up to its hard limit of {l} MiB"),
                                        None => format!(", up to {ceiling_name}"),
                                    }
                                ),
                            });
                        }
                        MemState::AboveReservation
                    }
                    Some(_) => {
                        above[i] = false;
                        MemState::BelowReservation
                    }
                    None => MemState::Running,
                };
            }
            // The ceiling for the sum: the kernel kills the largest process until it fits.
            if let Some(cap) = ceiling {
                for _ in 0..n {
                    let total: u64 = usage.iter().map(|&u| u64::from(u)).sum();
                    if total <= u64::from(cap) {
                        break;
                    }
                    let Some(victim) = (0..n)
                        .filter(|&i| !stopped[i] && usage[i] > 0)
                        .max_by_key(|&i| (usage[i], std::cmp::Reverse(i)))
                    else {
                        break;
                    };
                    exhausted = true;
                    let c = &scenario.containers[victim];
                    let grew: Vec<&str> = (0..n)
                        .filter(|&i| {
                            i != victim
                                && !stopped[i]
                                && usage[i].saturating_sub(first[i])
                                    > usage[victim].saturating_sub(first[victim])
                        })
                        .map(|i| scenario.containers[i].name.as_str())
                        .collect();
                    events.push(MemEvent {
                        step: t,
                        container: None,
                        kind: EventKind::TaskMemoryExhausted,
                        exit_code: None,
                        stopped_reason: None,
                        sentence: format!(
                            "together the containers want {total} MiB, more than {ceiling_name} ({cap} MiB): the kernel's OOM killer picks a process in the task, usually the largest"
                        ),
                    });
                    events.push(kill_event(t, c, format!(
                        "{} was the largest ({} MiB), so it is usually the one killed (exit code 137, \"{OOM_REASON}\"){}",
                        c.name,
                        usage[victim],
                        if grew.is_empty() {
                            String::new()
                        } else {
                            format!(
                                 ", even though {} is what grew: ECS reports the out-of-memory stop on {}, not on the container that caused it",
                                grew.join(" and "),
                                c.name
                            )
                        }
                    )));
                    stopped[victim] = true;
                    usage[victim] = 0;
                    state[victim] = MemState::OomKilled;
                    cause[victim] = Some(KillCause::TaskMemory);
                }
            }
            // An essential container stopped: the task stops.
            if let Some(i) = (0..n)
                .find(|&i| state[i] == MemState::OomKilled && scenario.containers[i].essential)
            {
                task_stopped_at = Some(t);
                events.push(MemEvent {
                    step: t,
                    container: Some(scenario.containers[i].name.clone()),
                    kind: EventKind::TaskStopped,
                    exit_code: None,
                    stopped_reason: None,
                    sentence: format!(
                        "{} is essential, so the whole task stops{}",
                        scenario.containers[i].name,
                        if n > 1 {
                            " and every other container with it"
                        } else {
                            ""
                        }
                    ),
                });
                for j in 0..n {
                    if state[j] != MemState::OomKilled {
                        state[j] = MemState::Stopped;
                        usage[j] = 0;
                    }
                }
            }
        }
        let total = usage.iter().map(|&u| u64::from(u)).sum();
        steps.push(Step {
            index: t,
            containers: (0..n)
                .map(|i| StepContainer {
                    name: scenario.containers[i].name.clone(),
                    demand_mib: demand[i],
                    usage_mib: usage[i],
                    state: state[i],
                    kill_cause: cause[i],
                })
                .collect(),
            total_mib: total,
            ceiling_mib: ceiling,
            task_memory_exhausted: exhausted,
            task_stopped: task_stopped_at.is_some(),
        });
    }
    MemTimeline {
        steps,
        events,
        task_stopped_at,
        notes: notes(scenario),
    }
}

fn kill_event(step: usize, c: &MemContainer, sentence: String) -> MemEvent {
    MemEvent {
        step,
        container: Some(c.name.clone()),
        kind: EventKind::OomKilled,
        exit_code: Some(OOM_EXIT_CODE),
        stopped_reason: Some(OOM_REASON.to_string()),
        sentence: if c.essential {
            sentence
        } else {
            format!("{sentence}; it is not essential, so the task runs on without it")
        },
    }
}

fn notes(s: &MemScenario) -> Vec<String> {
    let mut notes = Vec::new();
    if s.fargate && s.task_memory_mib.is_none() {
        notes.push("a Fargate task always has a task memory; set it to see the ceiling".into());
    }
    if s.task_memory_mib.is_none() && s.instance_free_mib.is_none() {
        notes.push("with no task memory, containers without a hard limit can grow into the instance's free memory; under memory pressure Docker tries to push containers back to their reservations".into());
    }
    for c in &s.containers {
        if let (Some(r), Some(l)) = (c.reservation_mib, c.limit_mib) {
            if l <= r {
                notes.push(format!(
                    "{}: memory ({l} MiB) must be greater than memoryReservation ({r} MiB); ECS rejects this",
                    c.name
                ));
            }
        }
    }
    notes
}

/// Scenarios the page offers as presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Only `memoryReservation`: the container grows past it until the task memory runs out.
    SoftOnly,
    /// Reservation and hard limit: grows past the reservation, killed at the limit.
    SoftAndHard,
    /// Only `memory`: killed at the limit; placement reserves the whole limit.
    HardOnly,
    /// A FireLens log router whose buffer grows while its destination is slow.
    FirelensBuffer,
    /// A JVM whose heap fits the limit but heap plus off-heap memory does not.
    JvmHeap,
    /// No container limits: a sidecar's spike exhausts the task memory and the kernel kills
    /// the (larger) essential app.
    SidecarSpike,
    /// AWS's memoryReservation example: 128 MiB reserved, bursts allowed up to a 300 MiB limit.
    AwsExample,
}

pub const PRESETS: &[Preset] = &[
    Preset::SoftOnly,
    Preset::SoftAndHard,
    Preset::HardOnly,
    Preset::FirelensBuffer,
    Preset::JvmHeap,
    Preset::SidecarSpike,
    Preset::AwsExample,
];

impl Preset {
    pub fn title(self) -> &'static str {
        match self {
            Preset::SoftOnly => "soft limit only (memoryReservation)",
            Preset::SoftAndHard => "soft and hard limits",
            Preset::HardOnly => "hard limit only (memory)",
            Preset::FirelensBuffer => "FireLens buffer growth",
            Preset::JvmHeap => "JVM heap above the limit",
            Preset::SidecarSpike => "a sidecar spike with no container limits",
            Preset::AwsExample => "AWS's example: 128 MiB reserved, 300 MiB limit",
        }
    }

    /// What the preset teaches, in one sentence.
    pub fn lesson(self) -> &'static str {
        match self {
            Preset::SoftOnly => "a soft limit never kills: the container grows until the task's memory is gone, and then the kernel kills it",
            Preset::SoftAndHard => "the reservation is what placement counts; the hard limit is where the container is killed",
            Preset::HardOnly => "with only a hard limit, placement reserves the whole limit and the container is killed past it",
            Preset::FirelensBuffer => "a log router buffering for a slow destination grows until its limit; give it a hard limit and bound its buffer (the ECS agent now defaults Fluent Bit's mem_buf_limit to half the container's reservation, or half its memory)",
            Preset::JvmHeap => "a heap sized to the container limit leaves no room for the JVM's other memory (metaspace, threads, buffers): keep the heap well below the limit",
            Preset::SidecarSpike => "without container limits, one container's spike uses up the task's memory and the kernel usually kills the largest process: here the essential app, not the sidecar that grew",
            Preset::AwsExample => "a container that normally uses 128 MiB can burst above it, up to its 300 MiB hard limit, and is killed past it",
        }
    }
}

fn c(
    name: &str,
    res: Option<u32>,
    limit: Option<u32>,
    essential: bool,
    usage: &[u32],
) -> MemContainer {
    MemContainer {
        name: name.to_string(),
        reservation_mib: res,
        limit_mib: limit,
        essential,
        usage_mib: usage.to_vec(),
    }
}

pub fn preset(p: Preset) -> MemScenario {
    let (containers, task) = match p {
        Preset::SoftOnly => (
            vec![c("app", Some(256), None, true, &[128, 256, 384, 448, 520])],
            Some(512),
        ),
        Preset::SoftAndHard => (
            vec![c(
                "app",
                Some(256),
                Some(512),
                true,
                &[128, 256, 384, 480, 544],
            )],
            Some(1024),
        ),
        Preset::HardOnly => (
            vec![c("app", None, Some(512), true, &[128, 256, 384, 480, 544])],
            Some(1024),
        ),
        Preset::FirelensBuffer => (
            vec![
                c(
                    "app",
                    Some(512),
                    Some(768),
                    true,
                    &[400, 400, 420, 420, 430, 430],
                ),
                c(
                    "log_router",
                    Some(64),
                    Some(128),
                    true,
                    &[40, 60, 85, 105, 125, 150],
                ),
            ],
            Some(1024),
        ),
        Preset::JvmHeap => (
            vec![c(
                "app",
                Some(768),
                Some(1024),
                true,
                &[600, 800, 950, 1010, 1090],
            )],
            Some(2048),
        ),
        Preset::SidecarSpike => (
            vec![
                c("app", None, None, true, &[600, 600, 600, 600, 600]),
                c("sidecar", None, None, false, &[100, 200, 380, 480, 480]),
            ],
            Some(1024),
        ),
        Preset::AwsExample => (
            vec![c(
                "app",
                Some(128),
                Some(300),
                true,
                &[128, 256, 128, 290, 310],
            )],
            None,
        ),
    };
    MemScenario {
        containers,
        task_memory_mib: task,
        instance_free_mib: None,
        fargate: task.is_some(),
    }
}

/// Usage climbing evenly from `start` to `peak` over `steps` steps (at most [`MAX_STEPS`]): what
/// the page's usage slider feeds a container.
pub fn ramp(start: u32, peak: u32, steps: usize) -> Vec<u32> {
    let steps = steps.clamp(1, MAX_STEPS);
    if steps == 1 {
        return vec![peak];
    }
    let (a, b) = (f64::from(start), f64::from(peak));
    (0..steps)
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let t = i as f64 / (steps - 1) as f64;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = (a + (b - a) * t).round().clamp(0.0, f64::from(u32::MAX)) as u32;
            v
        })
        .collect()
}

/// A scenario from an analysed task definition, every container at a flat usage of
/// `usage_mib` (the page then lets the user drag each one).
pub fn from_task(sizing: &super::task::TaskSizing, steps: usize) -> MemScenario {
    let steps = steps.clamp(1, MAX_STEPS);
    MemScenario {
        containers: sizing
            .containers
            .iter()
            .map(|k| {
                let start = k
                    .memory_reservation
                    .known()
                    .or(k.memory.known())
                    .unwrap_or(0)
                    / 2;
                MemContainer {
                    name: k.name.clone(),
                    reservation_mib: k.memory_reservation.known(),
                    limit_mib: k.memory.known(),
                    essential: k.essential,
                    usage_mib: vec![start; steps],
                }
            })
            .collect(),
        task_memory_mib: sizing.memory.known(),
        instance_free_mib: None,
        fargate: sizing.fargate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_128_reservation_300_limit_example() {
        // AWS ContainerDefinition.memoryReservation docs: "if your container normally uses 128
        // MiB of memory, but occasionally bursts to 256 MiB for short periods of time, you can
        // set a memoryReservation of 128 MiB, and a memory hard limit of 300 MiB".
        let t = simulate(&preset(Preset::AwsExample));
        let states: Vec<MemState> = t.steps.iter().map(|s| s.containers[0].state).collect();
        assert_eq!(
            states,
            vec![
                MemState::BelowReservation,
                MemState::AboveReservation,
                MemState::BelowReservation,
                MemState::AboveReservation,
                MemState::OomKilled,
            ]
        );
        let kill = t
            .events
            .iter()
            .find(|e| e.kind == EventKind::OomKilled)
            .unwrap();
        assert_eq!(kill.exit_code, Some(137));
        assert_eq!(kill.stopped_reason.as_deref(), Some(OOM_REASON));
        assert_eq!(t.task_stopped_at, Some(4));
    }

    #[test]
    fn soft_only_is_killed_by_the_task_memory() {
        let t = simulate(&preset(Preset::SoftOnly));
        let last = t.steps.last().unwrap();
        assert!(last.task_memory_exhausted);
        assert_eq!(last.containers[0].kill_cause, Some(KillCause::TaskMemory));
        assert!(t.events.iter().any(|e| e.sentence.contains("usually")));
    }

    #[test]
    fn a_sidecar_spike_kills_the_essential_app() {
        let t = simulate(&preset(Preset::SidecarSpike));
        assert_eq!(t.task_stopped_at, Some(3));
        let step = &t.steps[3];
        assert_eq!(step.containers[0].state, MemState::OomKilled);
        assert_eq!(step.containers[1].state, MemState::Stopped);
        assert!(t.steps[4]
            .containers
            .iter()
            .all(|c| c.state == MemState::Stopped));
    }

    #[test]
    fn a_non_essential_kill_leaves_the_task_running() {
        let mut s = preset(Preset::FirelensBuffer);
        s.containers[1].essential = false;
        let t = simulate(&s);
        assert!(t.task_stopped_at.is_none());
        assert_eq!(
            t.steps.last().unwrap().containers[0].state,
            MemState::BelowReservation
        );
        let t = simulate(&preset(Preset::FirelensBuffer));
        assert_eq!(t.task_stopped_at, Some(5));
    }

    #[test]
    fn every_preset_runs_and_odd_inputs_are_safe() {
        for p in PRESETS {
            let t = simulate(&preset(*p));
            assert!(!t.steps.is_empty() && !t.events.is_empty(), "{p:?}");
        }
        let odd = MemScenario {
            containers: vec![
                c("a", Some(u32::MAX), Some(0), true, &[u32::MAX, 0]),
                c("b", None, None, false, &[]),
            ],
            task_memory_mib: Some(0),
            instance_free_mib: None,
            fargate: true,
        };
        let t = simulate(&odd);
        assert_eq!(t.steps.len(), 2);
    }

    #[test]
    fn a_ramp_climbs_to_the_peak() {
        assert_eq!(ramp(100, 600, 6), vec![100, 200, 300, 400, 500, 600]);
        assert_eq!(ramp(600, 100, 2), vec![600, 100]);
        assert_eq!(ramp(5, 9, 0), vec![9]);
    }
}
