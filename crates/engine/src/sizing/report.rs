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

fn amount(a: Amount, describe: fn(u32) -> String) -> Msg {
    match a {
        Amount::Known(v) => Msg::new(&text::TEXT_VALUE).with("value", Arg::Code(describe(v))),
        Amount::Absent => Msg::new(&text::TEXT_NOT_SET),
        Amount::Placeholder => Msg::new(&text::TEXT_PLACEHOLDER),
        Amount::Unreadable => Msg::new(&text::TEXT_UNREADABLE),
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

fn opt(v: Option<u32>) -> Msg {
    v.map_or_else(
        || Msg::new(&text::TEXT_UNKNOWN),
        |v| Msg::new(&text::TEXT_VALUE).with("value", Arg::from(v)),
    )
}

/// [`super::fargate::describe_list`], keyed: `512, 1024 or 2048`, `1024 to 4096 in steps of
/// 1024`.
fn list(values: &[u32]) -> Arg {
    let ints = |v: &[u32]| Arg::List(v.iter().map(|n| Arg::from(*n)).collect());
    match values {
        [first, .., last] if values.len() > 3 => {
            let step = values[1].wrapping_sub(values[0]);
            if values.windows(2).all(|w| w[1].wrapping_sub(w[0]) == step) {
                Arg::from(
                    Msg::new(&text::TEXT_RANGE)
                        .with("first", Arg::from(*first))
                        .with("last", Arg::from(*last))
                        .with("step", Arg::from(step)),
                )
            } else {
                ints(values)
            }
        }
        [rest @ .., last] if !rest.is_empty() => Arg::from(
            Msg::new(&text::TEXT_OR)
                .with("rest", ints(rest))
                .with("last", Arg::from(*last)),
        ),
        _ => Arg::Code(super::fargate::describe_list(values)),
    }
}

fn money(x: f64) -> String {
    if x.abs() < 1.0 {
        format!("${x:.4}")
    } else {
        format!("${x:.2}")
    }
}

/// The report as plain text for a terminal (English).
pub fn render_text(r: &SizeReport) -> String {
    render_text_with(r, &Msg::en)
}

/// The report as plain text for a terminal, its words written by `render` (a language's
/// renderer; the report's own sentences are written by [`SizeReport::localize`]). Column
/// headings of the container table are member names and stay as written.
pub fn render_text_with(r: &SizeReport, render: Render<'_>) -> String {
    use std::fmt::Write;
    let t = &r.task;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        render(
            &Msg::new(if t.fargate {
                &text::TEXT_TASK_FARGATE
            } else {
                &text::TEXT_TASK
            })
            .with("cpu", Arg::from(amount(t.cpu, describe_cpu)))
            .with("memory", Arg::from(amount(t.memory, describe_memory)))
        )
    );
    if !t.containers.is_empty() {
        let _ = writeln!(s, "\n{}", render(&Msg::new(&text::TEXT_CONTAINERS)));
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
        let (yes, no) = (
            render(&Msg::new(&text::TEXT_YES)),
            render(&Msg::new(&text::TEXT_NO)),
        );
        for c in &t.containers {
            let _ = writeln!(
                s,
                "  {:<width$}  {:>6}  {:>11}  {:>7}  {}",
                c.name,
                plain(c.cpu),
                plain(c.memory_reservation),
                plain(c.memory),
                if c.essential { &yes } else { &no }
            );
        }
        let sums = match t.totals.memory_limits {
            Some(m) => Msg::new(&text::TEXT_SUMS_LIMITS).with("limits", Arg::from(m)),
            None => Msg::new(&text::TEXT_SUMS),
        };
        let _ = writeln!(
            s,
            "  {}",
            render(
                &sums
                    .with("cpu", Arg::from(opt(t.totals.cpu)))
                    .with("mib", Arg::from(opt(t.totals.memory_reserved)))
            )
        );
        let pct = |m: Msg, p: Option<f64>| match p {
            Some(p) => Msg::new(&text::TEXT_WITH_PERCENT)
                .with("value", Arg::from(m))
                .with("pct", Arg::Code(format!("{p}"))),
            None => m,
        };
        if t.headroom.cpu.is_some() || t.headroom.memory.is_some() {
            let cpu = t.headroom.cpu.map_or_else(
                || Msg::new(&text::TEXT_UNKNOWN),
                |h| Msg::new(&text::TEXT_UNITS).with("n", Arg::from(h)),
            );
            let memory = t.headroom.memory.map_or_else(
                || Msg::new(&text::TEXT_UNKNOWN),
                |h| Msg::new(&text::TEXT_VALUE).with("value", Arg::Code(format!("{h} MiB"))),
            );
            let _ = writeln!(
                s,
                "  {}",
                render(
                    &Msg::new(&text::TEXT_HEADROOM)
                        .with("cpu", Arg::from(pct(cpu, t.headroom.cpu_percent)))
                        .with("memory", Arg::from(pct(memory, t.headroom.memory_percent)))
                )
            );
        }
    }
    if let Some(f) = &t.fargate_fit {
        let _ = writeln!(s, "\nFargate:");
        if f.valid {
            let _ = writeln!(s, "  {}", render(&Msg::new(&text::TEXT_VALID)));
        } else {
            let _ = writeln!(s, "  {}", render(&Msg::new(&text::TEXT_NOT_VALID)));
            if let Some(up) = f.next_up {
                let _ = writeln!(
                    s,
                    "  {}",
                    render(
                        &Msg::new(&text::TEXT_NEXT_UP)
                            .with("cpu", Arg::Code(describe_cpu(up.cpu)))
                            .with("memory", Arg::Code(describe_memory(up.memory)))
                    )
                );
            }
        }
        let memory_allowed = if f.memory_for_cpu.is_empty() {
            Msg::new(&text::TEXT_MEMORY_ALLOWED_NONE)
        } else {
            Msg::new(&text::TEXT_MEMORY_ALLOWED).with("list", list(&f.memory_for_cpu))
        };
        let _ = writeln!(s, "  {}", render(&memory_allowed));
        let cpu_allowed = if f.cpus_for_memory.is_empty() {
            Msg::new(&text::TEXT_CPU_ALLOWED_NONE)
        } else {
            Msg::new(&text::TEXT_CPU_ALLOWED).with("list", list(&f.cpus_for_memory))
        };
        let _ = writeln!(s, "  {}", render(&cpu_allowed));
    }
    if let Some(rec) = t.recommended {
        let partial = !t.totals.without_memory.is_empty();
        let template = match (t.fargate, partial) {
            (true, false) => &text::TEXT_ADVICE_FARGATE,
            (true, true) => &text::TEXT_ADVICE_FARGATE_PARTIAL,
            (false, false) => &text::TEXT_ADVICE_ON_FARGATE,
            (false, true) => &text::TEXT_ADVICE_ON_FARGATE_PARTIAL,
        };
        let _ = writeln!(
            s,
            "{}{}",
            if t.fargate { "  " } else { "\n" },
            render(
                &Msg::new(template)
                    .with("cpu", Arg::Code(describe_cpu(rec.cpu)))
                    .with("memory", Arg::Code(describe_memory(rec.memory)))
            )
        );
    }
    if let Some(c) = &r.cost {
        let _ = writeln!(
            s,
            "\n{}",
            render(
                &Msg::new(&text::TEXT_COST)
                    .with("region", Arg::from(&c.region))
                    .with("cpu", Arg::Code(describe_cpu(c.size.cpu)))
                    .with("memory", Arg::Code(describe_memory(c.size.memory)))
                    .with("hours", Arg::Code(format!("{}", c.hours_per_month)))
            )
        );
        for p in &c.platforms {
            match (p.per_hour, p.per_month) {
                (Some(h), Some(m)) => {
                    let price = render(
                        &Msg::new(&text::TEXT_PER_HOUR_MONTH)
                            .with("hour", Arg::Code(money(h)))
                            .with("month", Arg::Code(money(m))),
                    );
                    let _ = writeln!(s, "  {:<28} {price}", p.label);
                }
                _ => {
                    let missing = p
                        .missing
                        .clone()
                        .unwrap_or_else(|| render(&Msg::new(&text::TEXT_NO_RATE)));
                    let _ = writeln!(s, "  {:<28} {missing}", p.label);
                }
            }
        }
        for sv in &r.savings {
            let _ = writeln!(
                s,
                "  {}",
                render(
                    &Msg::new(&text::TEXT_SAVING)
                        .with("cpu", Arg::from(sv.to.cpu))
                        .with("memory", Arg::from(sv.to.memory))
                        .with("month", Arg::Code(money(sv.per_month)))
                        .with("pct", Arg::Code(format!("{:.0}", sv.percent)))
                )
            );
        }
        for n in &c.notes {
            let _ = writeln!(
                s,
                "  {}",
                render(&Msg::new(&text::TEXT_NOTE).with("note", Arg::from(n)))
            );
        }
        let _ = writeln!(
            s,
            "  {}",
            render(&Msg::new(&text::TEXT_SOURCES).with(
                "sources",
                Arg::List(c.sources.iter().map(Arg::from).collect())
            ))
        );
    }
    if let Some(f) = &r.ec2 {
        let _ = writeln!(
            s,
            "\n{}",
            render(
                &Msg::new(&text::TEXT_EC2)
                    .with("instance", Arg::from(&f.instance.name))
                    .with("vcpus", Arg::from(f.instance.vcpus))
                    .with("mib", Arg::from(f.nominal_memory_mib))
            )
        );
        let _ = writeln!(s, "  {}", f.sentence);
        let _ = writeln!(
            s,
            "  {}",
            render(&Msg::new(&text::TEXT_REGISTERED).with("basis", Arg::from(&f.registered_basis)))
        );
        for b in &f.task.basis {
            let _ = writeln!(
                s,
                "  {}",
                render(&Msg::new(&text::TEXT_PER_TASK).with("basis", Arg::from(b)))
            );
        }
    }
    let all_notes: Vec<&String> = t.notes.iter().chain(r.notes.iter()).collect();
    if !all_notes.is_empty() {
        let _ = writeln!(s, "\n{}", render(&Msg::new(&text::TEXT_NOTES)));
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
