//! Task sizing and the semantics of CPU and memory settings: pure functions over plain data, no
//! IO, every result a struct deriving `serde::Serialize` (the page renders them, the CLI prints
//! them as text or JSON). Every AWS number lives in a data file under `data/` with its sources and
//! date, or is cited beside its constant.
//!
//! | module | entry points | what for |
//! |---|---|---|
//! | [`fargate`] | `table()`, `is_valid`, `cpu`, `cpus_for_memory`, `next_valid`, `describe_list` | the Fargate size table (`data/fargate-sizes.json`) |
//! | [`units`] | `parse_cpu_units`, `parse_memory_mib`, `describe_cpu`, `describe_memory` | `"1 vCPU"`, `"2GB"` |
//! | [`task`] | `analyze(&TaskDefCtx) -> TaskSizing`, `analyze_text(&str)`, `fargate_fit` | task and container cpu/memory, sums, headroom, Fargate validity both ways, next size up, smaller sizes, AWS's recommended size |
//! | [`cost`] | `prices()`, `CostInput::new(region, Size)`, `estimate(&CostInput) -> CostEstimate`, `saving(&CostInput, Size) -> Vec<Saving>`, `run_cost(per_hour, seconds)` | price per hour and month: Linux x86, ARM64, Fargate Spot (editable discount), Windows on request; storage above 20 GiB; user overrides (`data/fargate-prices.json`) |
//! | [`ec2`] | `instance_types()`, `Instance::from_type`, `TaskReservation::from_task`, `registered_memory`, `fit(&Instance, RegisteredMemory, reserved_mib, &TaskReservation) -> Fit` | tasks per instance by CPU units and memory, which binds first (`data/ec2-instance-types.json`) |
//! | [`cpu`] | `simulate(&[CpuContainer], Capacity) -> CpuSplit`, `shares`, `weight_linear`, `weight_runc` | the CPU split under contention (water-filling by shares), cgroup v2 weights, a sentence |
//! | [`memory`] | `simulate(&MemScenario) -> MemTimeline`, `preset(Preset)`, `PRESETS`, `from_task(&TaskSizing, steps)` | memory use over time: soft limit, hard limit (OOM, exit 137), task memory exhaustion, essential containers |
//! | [`rightsize`] | `query(&QueryInput) -> InsightsQuery`, `parse_results(&str) -> Parsed`, `recommend(&[Observed], &Policy) -> Advice` | Container Insights query, pasted results (CSV/JSON), per-container and task recommendations with the headroom rule |
//! | [`report`] | `size(text, &SizeOptions) -> SizeReport`, `size_task(TaskSizing, &SizeOptions)`, `render_text(&SizeReport)` | everything `ecsplain size FILE [--region R] [--format text\|json]` shows |
//!
//! Unknown values (template placeholders, unreadable text) are `None`/[`task::Amount`] states,
//! never a guessed number. No function panics on any input.

pub mod fargate;
pub mod units;

pub mod cost;
pub mod cpu;
pub mod ec2;
pub mod memory;
pub mod report;
pub mod rightsize;
pub mod task;
pub mod text;
