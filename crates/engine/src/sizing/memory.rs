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

use super::text::{self, Render};
use crate::input::msg::{Arg, Msg};

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
    /// `sentence`, keyed ([`MemTimeline::localize`]).
    #[serde(skip)]
    pub sentence_msg: Option<Msg>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemTimeline {
    pub steps: Vec<Step>,
    pub events: Vec<MemEvent>,
    /// The step at which the task stopped, if it did.
    pub task_stopped_at: Option<usize>,
    pub notes: Vec<String>,
    /// `notes`, keyed.
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl MemTimeline {
    /// Writes the events' sentences and the notes again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        for e in &mut self.events {
            if let Some(m) = &e.sentence_msg {
                e.sentence = render(m);
            }
        }
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
    }
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
    let ceiling_name = Msg::new(if scenario.task_memory_mib.is_some() {
        &text::MEM_CEILING_TASK
    } else {
        &text::MEM_CEILING_INSTANCE
    });
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
                    events.push(kill_event(
                        t,
                        c,
                        Msg::new(&text::MEM_PAST_LIMIT)
                            .with("name", Arg::Code(c.name.clone()))
                            .with("mib", Arg::from(d))
                            .with("limit", Arg::from(limit))
                            .with("reason", Arg::Code(OOM_REASON.to_string())),
                    ));
                    continue;
                }
                usage[i] = d;
                state[i] = match c.reservation_mib {
                    Some(r) if d > r => {
                        if !above[i] {
                            above[i] = true;
                            let m = match c.limit_mib {
                                Some(l) => Msg::new(&text::MEM_ABOVE_RESERVATION_LIMIT)
                                    .with("limit", Arg::from(l)),
                                None => Msg::new(&text::MEM_ABOVE_RESERVATION_CEILING)
                                    .with("ceiling", Arg::from(ceiling_name.clone())),
                            }
                            .with("name", Arg::Code(c.name.clone()))
                            .with("mib", Arg::from(d))
                            .with("reservation", Arg::from(r));
                            events.push(MemEvent {
                                step: t,
                                container: Some(c.name.clone()),
                                kind: EventKind::AboveReservation,
                                exit_code: None,
                                stopped_reason: None,
                                sentence: m.en(),
                                sentence_msg: Some(m),
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
                    let m = Msg::new(&text::MEM_EXHAUSTED)
                        .with("total", Arg::from(total))
                        .with("ceiling", Arg::from(ceiling_name.clone()))
                        .with("cap", Arg::from(cap));
                    events.push(MemEvent {
                        step: t,
                        container: None,
                        kind: EventKind::TaskMemoryExhausted,
                        exit_code: None,
                        stopped_reason: None,
                        sentence: m.en(),
                        sentence_msg: Some(m),
                    });
                    let largest = if grew.is_empty() {
                        Msg::new(&text::MEM_LARGEST)
                    } else {
                        Msg::new(&text::MEM_LARGEST_NOT_GROWN).with("grew", grew_names(&grew))
                    }
                    .with("name", Arg::Code(c.name.clone()))
                    .with("mib", Arg::from(usage[victim]))
                    .with("reason", Arg::Code(OOM_REASON.to_string()));
                    events.push(kill_event(t, c, largest));
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
                let m = Msg::new(if n > 1 {
                    &text::MEM_TASK_STOPS_ALL
                } else {
                    &text::MEM_TASK_STOPS
                })
                .with("name", Arg::Code(scenario.containers[i].name.clone()));
                events.push(MemEvent {
                    step: t,
                    container: Some(scenario.containers[i].name.clone()),
                    kind: EventKind::TaskStopped,
                    exit_code: None,
                    stopped_reason: None,
                    sentence: m.en(),
                    sentence_msg: Some(m),
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
    let notes_msg = notes(scenario);
    MemTimeline {
        steps,
        events,
        task_stopped_at,
        notes: notes_msg.iter().map(Msg::en).collect(),
        notes_msg,
    }
}

/// "sidecar" / "a and b" / "a and b and c" (the containers that grew more than the one
/// killed), each name joined by [`text::MEM_GREW_AND`].
fn grew_names(names: &[&str]) -> Arg {
    let mut iter = names.iter();
    let mut out = Arg::Code(iter.next().map(|n| (*n).to_string()).unwrap_or_default());
    for name in iter {
        out = Arg::Phrase(Box::new(
            Msg::new(&text::MEM_GREW_AND)
                .with("rest", out)
                .with("last", Arg::Code((*name).to_string())),
        ));
    }
    out
}

fn kill_event(step: usize, c: &MemContainer, sentence: Msg) -> MemEvent {
    let m = if c.essential {
        sentence
    } else {
        Msg::new(&text::MEM_NOT_ESSENTIAL).with("sentence", Arg::from(sentence))
    };
    MemEvent {
        step,
        container: Some(c.name.clone()),
        kind: EventKind::OomKilled,
        exit_code: Some(OOM_EXIT_CODE),
        stopped_reason: Some(OOM_REASON.to_string()),
        sentence: m.en(),
        sentence_msg: Some(m),
    }
}

fn notes(s: &MemScenario) -> Vec<Msg> {
    let mut notes = Vec::new();
    if s.fargate && s.task_memory_mib.is_none() {
        notes.push(Msg::new(&text::MEM_NOTE_FARGATE));
    }
    if s.task_memory_mib.is_none() && s.instance_free_mib.is_none() {
        notes.push(Msg::new(&text::MEM_NOTE_NO_CEILING));
    }
    for c in &s.containers {
        if let (Some(r), Some(l)) = (c.reservation_mib, c.limit_mib) {
            if l <= r {
                notes.push(
                    Msg::new(&text::MEM_NOTE_LIMIT_BELOW)
                        .with("name", Arg::Code(c.name.clone()))
                        .with("limit", Arg::from(l))
                        .with("reservation", Arg::from(r)),
                );
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
        self.title_msg().template.en
    }

    /// [`Preset::title`], keyed.
    pub fn title_msg(self) -> Msg {
        Msg::new(match self {
            Preset::SoftOnly => &text::MEM_PRESET_SOFT_ONLY,
            Preset::SoftAndHard => &text::MEM_PRESET_SOFT_AND_HARD,
            Preset::HardOnly => &text::MEM_PRESET_HARD_ONLY,
            Preset::FirelensBuffer => &text::MEM_PRESET_FIRELENS,
            Preset::JvmHeap => &text::MEM_PRESET_JVM,
            Preset::SidecarSpike => &text::MEM_PRESET_SIDECAR,
            Preset::AwsExample => &text::MEM_PRESET_AWS,
        })
    }

    /// What the preset teaches, in one sentence.
    pub fn lesson(self) -> &'static str {
        self.lesson_msg().template.en
    }

    /// [`Preset::lesson`], keyed.
    pub fn lesson_msg(self) -> Msg {
        Msg::new(match self {
            Preset::SoftOnly => &text::MEM_LESSON_SOFT_ONLY,
            Preset::SoftAndHard => &text::MEM_LESSON_SOFT_AND_HARD,
            Preset::HardOnly => &text::MEM_LESSON_HARD_ONLY,
            Preset::FirelensBuffer => &text::MEM_LESSON_FIRELENS,
            Preset::JvmHeap => &text::MEM_LESSON_JVM,
            Preset::SidecarSpike => &text::MEM_LESSON_SIDECAR,
            Preset::AwsExample => &text::MEM_LESSON_AWS,
        })
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
