//! Everything `ecsplain size FILE [--region R] [--instance T] [--format text|json]` shows, in one
//! call: the task analysis, the Fargate cost and savings, and (optionally) the EC2 fit.
//!
//! ```text
//! let report = report::size(text, &SizeOptions::new("us-east-1"));
//! println!("{}", report::render_text(&report));            // --format text
//! serde_json::to_string_pretty(&report)                    // --format json
//! ```

use serde::Serialize;

use super::cost::{self, CostEstimate, CostInput, Overrides, Saving};
use super::ec2::{self, Fit, Instance, RegisteredMemory, TaskReservation};
use super::task::{self, Amount, Size, TaskSizing};
use super::text::{self, Render};
use super::units::{describe_cpu, describe_memory};
use crate::input::msg::{Arg, Msg};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeOptions {
    pub region: String,
    /// Fargate Spot discount in percent; `None` = the data file's default (70%).
    pub spot_discount_percent: Option<f64>,
    pub overrides: Overrides,
    /// An EC2 instance type to fit the task on (`m5.large`).
    pub instance: Option<String>,
    pub registered_memory: RegisteredMemory,
    /// `ECS_RESERVED_MEMORY`, MiB.
    pub reserved_mib: u32,
}

impl SizeOptions {
    pub fn new(region: &str) -> SizeOptions {
        SizeOptions {
            region: region.to_string(),
            spot_discount_percent: None,
            overrides: Overrides::default(),
            instance: None,
            registered_memory: RegisteredMemory::Assumed,
            reserved_mib: 0,
        }
    }
}

/// The region used when none is given.
pub const DEFAULT_REGION: &str = "us-east-1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeReport {
    pub task: TaskSizing,
    /// The size priced: the task's size when Fargate accepts it, else the next valid size up.
    pub priced_size: Option<Size>,
    pub cost: Option<CostEstimate>,
    /// Savings of the smaller valid sizes (and of the recommended size, when smaller).
    pub savings: Vec<Saving>,
    pub ec2: Option<Fit>,
    pub notes: Vec<String>,
    /// `notes`, keyed ([`SizeReport::localize`]).
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl SizeReport {
    /// Writes every sentence of the report (the task's notes, the prices', the EC2 fit's and its
    /// own) again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        self.task.localize(render);
        if let Some(cost) = &mut self.cost {
            cost.localize(render);
        }
        if let Some(fit) = &mut self.ec2 {
            fit.localize(render);
        }
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
    }
}

pub fn size(text: &str, options: &SizeOptions) -> SizeReport {
    size_task(task::analyze_text(text), options)
}

pub fn size_task(task: TaskSizing, options: &SizeOptions) -> SizeReport {
    let mut notes = Vec::new();
    let priced_size = match (&task.fargate_fit, task.cpu, task.memory) {
        (Some(fit), Amount::Known(cpu), Amount::Known(memory)) if fit.valid => {
            Some(Size { cpu, memory })
        }
        (Some(fit), _, _) => fit.next_up,
        _ => None,
    };
    let mut cost = None;
    let mut savings = Vec::new();
    if let Some(size) = priced_size {
        let mut input = CostInput::new(options.region.as_str(), size);
        if let Some(d) = options.spot_discount_percent {
            input.spot_discount_percent = d;
        }
        input.overrides = options.overrides;
        if let Some(gib) = task.ephemeral_storage_gib.known() {
            input.ephemeral_gib = gib;
        }
        input.include_windows = task.windows;
        let mut targets: Vec<Size> = task
            .fargate_fit
            .as_ref()
            .map(|f| f.smaller.clone())
            .unwrap_or_default();
        if let Some(r) = task.recommended {
            if r != size && r.cpu <= size.cpu && r.memory <= size.memory && !targets.contains(&r) {
                targets.push(r);
            }
        }
        for to in targets {
            savings.extend(
                cost::saving(&input, to)
                    .into_iter()
                    .filter(|s| s.platform == cost::Platform::LinuxX86),
            );
        }
        cost = Some(cost::estimate(&input));
    } else if task.fargate {
        notes.push(Msg::new(&text::REPORT_NOT_PRICED));
    }
    let ec2 = options.instance.as_deref().and_then(|name| {
        let Some(instance) = Instance::from_type(name) else {
            notes.push(
                Msg::new(&text::REPORT_UNKNOWN_INSTANCE)
                    .with("name", Arg::from(name))
                    .with(
                        "types",
                        Arg::List(
                            ec2::instance_types()
                                .instances
                                .iter()
                                .map(|i| Arg::Code(i.name.clone()))
                                .collect(),
                        ),
                    ),
            );
            return None;
        };
        Some(ec2::fit(
            &instance,
            options.registered_memory,
            options.reserved_mib,
            &TaskReservation::from_task(&task),
        ))
    });
    SizeReport {
        task,
        priced_size,
        cost,
        savings,
        ec2,
        notes: notes.iter().map(Msg::en).collect(),
        notes_msg: notes,
    }
}

fn amount_cpu(a: Amount) -> String {
    match a {
        Amount::Known(v) => describe_cpu(v),
        Amount::Absent => "not set".into(),
        Amount::Placeholder => "a placeholder (unknown until rendered)".into(),
        Amount::Unreadable => "unreadable".into(),
    }
}

fn amount_mem(a: Amount) -> String {
    match a {
        Amount::Known(v) => describe_memory(v),
        Amount::Absent => "not set".into(),
        Amount::Placeholder => "a placeholder (unknown until rendered)".into(),
        Amount::Unreadable => "unreadable".into(),
    }
}

fn plain(a: Amount) -> String {
    match a {
        Amount::Known(v) => v.to_string(),
        Amount::Absent => "-".into(),
        Amount::Placeholder => "?".into(),
        Amount::Unreadable => "!".into(),
    }
}

fn opt(v: Option<u32>) -> String {
    v.map_or_else(|| "unknown".into(), |v| v.to_string())
}

fn money(x: f64) -> String {
    if x.abs() < 1.0 {
        format!("${x:.4}")
    } else {
        format!("${x:.2}")
    }
}

/// The report as plain text for a terminal.
pub fn render_text(r: &SizeReport) -> String {
    use std::fmt::Write;
    let t = &r.task;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Task: cpu {}, memory {}{}",
        amount_cpu(t.cpu),
        amount_mem(t.memory),
        if t.fargate { " (Fargate)" } else { "" }
    );
    if !t.containers.is_empty() {
        let _ = writeln!(
            s,
            "\nContainers (cpu units; memoryReservation = soft limit; memory = hard limit, MiB):"
        );
        let width = t
            .containers
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = writeln!(
            s,
            "  {:<width$}  {:>6}  {:>11}  {:>7}  essential",
            "name", "cpu", "reservation", "memory"
        );
        for c in &t.containers {
            let _ = writeln!(
                s,
                "  {:<width$}  {:>6}  {:>11}  {:>7}  {}",
                c.name,
                plain(c.cpu),
                plain(c.memory_reservation),
                plain(c.memory),
                if c.essential { "yes" } else { "no" }
            );
        }
        let _ = writeln!(
            s,
            "  sums: cpu {}, memory reserved {} MiB{}",
            opt(t.totals.cpu),
            opt(t.totals.memory_reserved),
            t.totals
                .memory_limits
                .map(|m| format!(", hard limits {m} MiB"))
                .unwrap_or_default()
        );
        let pct = |p: Option<f64>| p.map(|p| format!(" ({p}%)")).unwrap_or_default();
        if t.headroom.cpu.is_some() || t.headroom.memory.is_some() {
            let _ = writeln!(
                s,
                "  headroom: cpu {}{}, memory {}{}",
                t.headroom
                    .cpu
                    .map_or_else(|| "unknown".into(), |h| format!("{h} units")),
                pct(t.headroom.cpu_percent),
                t.headroom
                    .memory
                    .map_or_else(|| "unknown".into(), |h| format!("{h} MiB")),
                pct(t.headroom.memory_percent),
            );
        }
    }
    if let Some(f) = &t.fargate_fit {
        let _ = writeln!(s, "\nFargate:");
        if f.valid {
            let _ = writeln!(s, "  valid size");
        } else {
            let _ = writeln!(s, "  not a valid Fargate size");
            if let Some(up) = f.next_up {
                let _ = writeln!(
                    s,
                    "  next valid size up: cpu {}, memory {}",
                    describe_cpu(up.cpu),
                    describe_memory(up.memory)
                );
            }
        }
        let _ = writeln!(
            s,
            "  memory allowed with this cpu: {}",
            if f.memory_for_cpu.is_empty() {
                "none (not a Fargate cpu)".to_string()
            } else {
                format!("{} MiB", super::fargate::describe_list(&f.memory_for_cpu))
            }
        );
        let _ = writeln!(
            s,
            "  cpu allowed with this memory: {}",
            if f.cpus_for_memory.is_empty() {
                "none".to_string()
            } else {
                super::fargate::describe_list(&f.cpus_for_memory)
            }
        );
    }
    if let Some(rec) = t.recommended {
        let partial = !t.totals.without_memory.is_empty();
        let _ = writeln!(
            s,
            "{}AWS's advice{} (sum of reservations rounded up to a valid Fargate size): cpu {}, memory {}{}",
            if t.fargate { "  " } else { "\nOn Fargate, " },
            if t.fargate { "" } else { " would be" },
            describe_cpu(rec.cpu),
            describe_memory(rec.memory),
            if partial { " (counting only the containers that reserve memory)" } else { "" }
        );
    }
    if let Some(c) = &r.cost {
        let _ = writeln!(
            s,
            "\nCost in {} for cpu {}, memory {} ({} h a month):",
            c.region,
            describe_cpu(c.size.cpu),
            describe_memory(c.size.memory),
            c.hours_per_month
        );
        for p in &c.platforms {
            match (p.per_hour, p.per_month) {
                (Some(h), Some(m)) => {
                    let _ = writeln!(s, "  {:<28} {}/hour  {}/month", p.label, money(h), money(m));
                }
                _ => {
                    let _ = writeln!(
                        s,
                        "  {:<28} {}",
                        p.label,
                        p.missing.as_deref().unwrap_or("no rate")
                    );
                }
            }
        }
        for sv in &r.savings {
            let _ = writeln!(
                s,
                "  cpu {}, memory {} would save {}/month ({:.0}%, Linux x86)",
                sv.to.cpu,
                sv.to.memory,
                money(sv.per_month),
                sv.percent
            );
        }
        for n in &c.notes {
            let _ = writeln!(s, "  note: {n}");
        }
        let _ = writeln!(s, "  sources: {}", c.sources.join(", "));
    }
    if let Some(f) = &r.ec2 {
        let _ = writeln!(
            s,
            "\nEC2 ({}: {} vCPU, {} MiB nominal):",
            f.instance.name, f.instance.vcpus, f.nominal_memory_mib
        );
        let _ = writeln!(s, "  {}", f.sentence);
        let _ = writeln!(s, "  registered memory: {}", f.registered_basis);
        for b in &f.task.basis {
            let _ = writeln!(s, "  per task {b}");
        }
    }
    let all_notes: Vec<&String> = t.notes.iter().chain(r.notes.iter()).collect();
    if !all_notes.is_empty() {
        let _ = writeln!(s, "\nNotes:");
        for n in all_notes {
            let _ = writeln!(s, "  - {n}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: &str = r#"{"family":"web","requiresCompatibilities":["FARGATE"],"cpu":"1024","memory":"3072",
      "containerDefinitions":[{"name":"app","cpu":256,"memoryReservation":1024,"memory":2048},
                              {"name":"log_router","cpu":128,"memoryReservation":128,"essential":false}]}"#;

    #[test]
    fn a_full_report() {
        let mut o = SizeOptions::new("us-east-1");
        o.instance = Some("m5.large".into());
        let r = size(TASK, &o);
        assert_eq!(
            r.priced_size,
            Some(Size {
                cpu: 1024,
                memory: 3072
            })
        );
        assert_eq!(r.cost.as_ref().unwrap().platforms.len(), 3);
        // One step down in memory saves one GB-hour: $0.004445 × 730.
        assert!((r.savings[0].per_month - 0.004445 * 730.0).abs() < 1e-9);
        assert_eq!(r.ec2.as_ref().unwrap().tasks, Some(2));
        let text = render_text(&r);
        assert!(text.contains("Linux ARM64 (Graviton)"));
        assert!(text.contains("AWS's advice"));
        assert!(serde_json::to_string(&r).is_ok());
    }

    #[test]
    fn unknown_inputs_still_render() {
        for text in [
            "",
            "{",
            r#"{"cpu":"{{ .cpu }}","requiresCompatibilities":["FARGATE"]}"#,
        ] {
            let mut o = SizeOptions::new("nowhere");
            o.instance = Some("z9.huge".into());
            let r = size(text, &o);
            assert!(!render_text(&r).is_empty());
        }
    }
}
