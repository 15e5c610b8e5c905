//! Right-sizing from Container Insights: the CloudWatch Logs Insights query to run, a reader for
//! its pasted results (CSV or JSON), and a recommendation per container and for the task.
//!
//! ```text
//! let q = rightsize::query(&QueryInput { cluster: "prod".into(), family: "web".into(), containers: vec!["app".into()] });
//! // the user runs q.query on q.log_group, pastes the results:
//! let parsed = rightsize::parse_results(pasted);
//! let advice = rightsize::recommend(&parsed.rows, &Policy::default());
//! advice.rule; advice.containers[0].memory_reservation; advice.fargate_size;
//! ```
//!
//! The query is a reconstruction with the intent of the talk's query (the talk's exact text was
//! not found), built from the documented performance log schema (rules.md D5; AWS
//! `Container-Insights-reference-performance-logs-ECS.html`): log group
//! `/aws/ecs/containerinsights/<cluster>/performance`, events with `Type = "Container"`, fields
//! `ContainerName`, `TaskDefinitionFamily`, `CpuUtilized`/`CpuReserved` (CPU units) and
//! `MemoryUtilized`/`MemoryReserved` (MiB).
//!
//! The headroom rule ([`Policy`], stated in [`Advice::rule`]): reservation = peak × 1.2, hard
//! limit = peak × 1.5, cpu = peak × 1.2, each rounded up to a multiple of 64; task size = the
//! sums rounded up to the next valid Fargate size (AWS's advice).

use serde::Serialize;

use super::fargate;
use super::task::Size;
use super::text::{self, Render};
use crate::input::msg::{Arg, Msg};

/// Rows read at most from pasted results.
pub const MAX_ROWS: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QueryInput {
    pub cluster: String,
    pub family: String,
    /// Containers to include; empty = all containers of the family.
    pub containers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InsightsQuery {
    /// The log group to run the query on.
    pub log_group: String,
    /// Per-container peaks and averages against what is reserved.
    pub query: String,
    /// The same for the task as a whole (`Type = "Task"`).
    pub task_query: String,
    /// "A reconstruction ..." : show it with the query.
    pub label: &'static str,
    pub source: &'static str,
}

pub const LABEL: &str = "a reconstruction with the same intent as the talk's Container Insights query (the original was not published), built from the documented performance log fields";
pub const SCHEMA_SOURCE: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-reference-performance-logs-ECS.html";

/// A Logs Insights string literal.
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

pub fn query(input: &QueryInput) -> InsightsQuery {
    let cluster = if input.cluster.trim().is_empty() {
        "<CLUSTER>"
    } else {
        input.cluster.trim()
    };
    let family = if input.family.trim().is_empty() {
        "<FAMILY>"
    } else {
        input.family.trim()
    };
    let names: Vec<String> = input
        .containers
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(literal)
        .collect();
    let mut q = format!(
        "fields @timestamp\n| filter Type = \"Container\" and TaskDefinitionFamily = {}\n",
        literal(family)
    );
    if !names.is_empty() {
        q.push_str(&format!(
            "| filter ContainerName in [{}]\n",
            names.join(", ")
        ));
    }
    q.push_str(
        "| stats max(CpuUtilized) as maxCpu, avg(CpuUtilized) as avgCpu, max(CpuReserved) as cpuReserved,\n        max(MemoryUtilized) as maxMem, avg(MemoryUtilized) as avgMem, max(MemoryReserved) as memReserved\n  by ContainerName",
    );
    let task_query = format!(
        "fields @timestamp\n| filter Type = \"Task\" and TaskDefinitionFamily = {}\n| stats max(CpuUtilized) as maxCpu, avg(CpuUtilized) as avgCpu, max(CpuReserved) as cpuReserved,\n        max(MemoryUtilized) as maxMem, avg(MemoryUtilized) as avgMem, max(MemoryReserved) as memReserved",
        literal(family)
    );
    InsightsQuery {
        log_group: format!("/aws/ecs/containerinsights/{cluster}/performance"),
        query: q,
        task_query,
        label: LABEL,
        source: SCHEMA_SOURCE,
    }
}

/// One container's row of results. CPU in CPU units, memory in MiB.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Observed {
    pub container: String,
    pub max_cpu: Option<f64>,
    pub avg_cpu: Option<f64>,
    pub cpu_reserved: Option<f64>,
    pub max_mem: Option<f64>,
    pub avg_mem: Option<f64>,
    pub mem_reserved: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Parsed {
    pub rows: Vec<Observed>,
    /// What could not be read, one sentence each.
    pub problems: Vec<String>,
    /// `problems`, keyed ([`Parsed::localize`]).
    #[serde(skip)]
    pub problems_msg: Vec<Msg>,
}

impl Parsed {
    fn problem(&mut self, m: Msg) {
        self.problems.push(m.en());
        self.problems_msg.push(m);
    }

    /// Writes the problems again with `render` (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if self.problems_msg.len() == self.problems.len() {
            self.problems = self.problems_msg.iter().map(render).collect();
        }
    }
}

#[derive(Clone, Copy)]
enum Col {
    Name,
    MaxCpu,
    AvgCpu,
    CpuReserved,
    MaxMem,
    AvgMem,
    MemReserved,
}

fn column(header: &str) -> Option<Col> {
    let key: String = header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    Some(match key.as_str() {
        "containername" | "container" | "name" => Col::Name,
        "maxcpu" | "maxcpuutilized" => Col::MaxCpu,
        "avgcpu" | "avgcpuutilized" => Col::AvgCpu,
        "cpureserved" | "maxcpureserved" => Col::CpuReserved,
        "maxmem" | "maxmemory" | "maxmemoryutilized" => Col::MaxMem,
        "avgmem" | "avgmemory" | "avgmemoryutilized" => Col::AvgMem,
        "memreserved" | "memoryreserved" | "maxmemoryreserved" => Col::MemReserved,
        _ => return None,
    })
}

fn number(s: &str) -> Option<f64> {
    crate::input::number::parse_f64(s.trim().trim_matches('"'))
        .filter(|x| x.is_finite() && *x >= 0.0)
}

fn set(row: &mut Observed, col: Col, value: &str) {
    match col {
        Col::Name => row.container = value.trim().to_string(),
        Col::MaxCpu => row.max_cpu = number(value),
        Col::AvgCpu => row.avg_cpu = number(value),
        Col::CpuReserved => row.cpu_reserved = number(value),
        Col::MaxMem => row.max_mem = number(value),
        Col::AvgMem => row.avg_mem = number(value),
        Col::MemReserved => row.mem_reserved = number(value),
    }
}

/// Reads pasted results: CSV with a header row (the console's export), the JSON of
/// `aws logs get-query-results` (`{"results": [[{"field": .., "value": ..}, ..], ..]}`), the bare
/// `results` array, or an array of objects keyed by column.
pub fn parse_results(text: &str) -> Parsed {
    let t = text.trim_start_matches('\u{feff}').trim();
    let mut parsed = if t.starts_with('{') || t.starts_with('[') {
        parse_json(t)
    } else {
        parse_csv(t)
    };
    parsed.rows.retain(|r| !r.container.is_empty());
    if parsed.rows.is_empty() && parsed.problems.is_empty() {
        parsed.problem(Msg::new(&text::RIGHTSIZE_NO_ROWS));
    }
    parsed
}

fn parse_json(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problem(
                Msg::new(&text::RIGHTSIZE_JSON_UNREADABLE).with("error", Arg::Code(e.to_string())),
            );
            return out;
        }
    };
    let rows = match &value {
        serde_json::Value::Object(o) => o.get("results").and_then(|r| r.as_array()),
        serde_json::Value::Array(a) => Some(a),
        _ => None,
    };
    let Some(rows) = rows else {
        out.problem(Msg::new(&text::RIGHTSIZE_JSON_NO_RESULTS));
        return out;
    };
    let text_of = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    for row in rows.iter().take(MAX_ROWS) {
        let mut obs = Observed::default();
        match row {
            // get-query-results: [{"field": "maxCpu", "value": "12.5"}, ...]
            serde_json::Value::Array(cells) => {
                for cell in cells {
                    let field = cell.get("field").map(text_of).unwrap_or_default();
                    let value = cell.get("value").map(text_of).unwrap_or_default();
                    if let Some(col) = column(&field) {
                        set(&mut obs, col, &value);
                    }
                }
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if let Some(col) = column(k) {
                        set(&mut obs, col, &text_of(v));
                    }
                }
            }
            _ => {}
        }
        out.rows.push(obs);
    }
    if rows.len() > MAX_ROWS {
        out.problem(Msg::new(&text::RIGHTSIZE_ONLY_FIRST).with("n", Arg::from(MAX_ROWS)));
    }
    out
}

/// Splits one CSV line into fields (quotes with `""` escapes; commas, or tabs when the header
/// has no comma).
fn split_csv(line: &str, sep: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => fields.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

fn parse_csv(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return out;
    };
    let sep = if header.contains(',') { ',' } else { '\t' };
    let cols: Vec<Option<Col>> = split_csv(header, sep).iter().map(|h| column(h)).collect();
    if !cols.iter().any(|c| matches!(c, Some(Col::Name))) {
        out.problem(Msg::new(&text::RIGHTSIZE_NO_HEADER));
        return out;
    }
    for (n, line) in lines.enumerate() {
        if n >= MAX_ROWS {
            out.problem(Msg::new(&text::RIGHTSIZE_ONLY_FIRST).with("n", Arg::from(MAX_ROWS)));
            break;
        }
        let mut obs = Observed::default();
        for (col, value) in cols.iter().zip(split_csv(line, sep)) {
            if let Some(col) = col {
                set(&mut obs, *col, &value);
            }
        }
        out.rows.push(obs);
    }
    out
}

/// The headroom rule. Defaults: 20% above the peak for the reservation and CPU, 50% for the hard
/// limit, rounded up to multiples of 64.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Policy {
    /// Reservation and cpu = peak × (1 + headroom_percent / 100).
    pub headroom_percent: f64,
    /// Hard limit = peak × limit_factor.
    pub limit_factor: f64,
    /// Memory is rounded up to a multiple of this many MiB.
    pub round_mib: u32,
    /// CPU is rounded up to a multiple of this many units.
    pub round_cpu: u32,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            headroom_percent: 20.0,
            limit_factor: 1.5,
            round_mib: 64,
            round_cpu: 64,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContainerAdvice {
    pub name: String,
    pub observed: Observed,
    /// Recommended container `cpu` (units); `None` without a CPU peak.
    pub cpu: Option<u32>,
    /// Recommended `memoryReservation` (MiB); `None` without a memory peak.
    pub memory_reservation: Option<u32>,
    /// Recommended `memory` hard limit (MiB).
    pub memory: Option<u32>,
    /// One sentence comparing with what is reserved today.
    pub sentence: String,
    /// `sentence`, keyed ([`Advice::localize`]).
    #[serde(skip)]
    pub sentence_msg: Option<Msg>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    pub containers: Vec<ContainerAdvice>,
    /// Sums of the recommended cpu and reservations (known rows only).
    pub cpu_sum: u32,
    pub memory_reservation_sum: u32,
    /// The sums rounded up to the next valid Fargate size.
    pub fargate_size: Option<Size>,
    /// The headroom rule, stated for the user.
    pub rule: String,
    pub notes: Vec<String>,
    /// `rule` and `notes`, keyed ([`Advice::localize`]).
    #[serde(skip)]
    pub rule_msg: Option<Msg>,
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
}

impl Advice {
    /// Writes the rule, each container's sentence and the notes again with `render` (a
    /// language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if let Some(m) = &self.rule_msg {
            self.rule = render(m);
        }
        for c in &mut self.containers {
            if let Some(m) = &c.sentence_msg {
                c.sentence = render(m);
            }
        }
        if self.notes_msg.len() == self.notes.len() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
    }
}

fn round_up(x: f64, multiple: u32) -> u32 {
    let m = f64::from(multiple.max(1));
    let r = (x / m).ceil() * m;
    let r = r.max(m);
    if r.is_finite() && r <= f64::from(u32::MAX) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let r = r as u32;
        r
    } else {
        u32::MAX
    }
}

fn sane(x: f64, default: f64, min: f64) -> f64 {
    if x.is_finite() && x >= min {
        x
    } else {
        default
    }
}

pub fn recommend(rows: &[Observed], policy: &Policy) -> Advice {
    let d = Policy::default();
    let headroom = sane(policy.headroom_percent, d.headroom_percent, 0.0);
    let factor = 1.0 + headroom / 100.0;
    let limit_factor = sane(policy.limit_factor, d.limit_factor, 1.0).max(factor);
    let (rm, rc) = (policy.round_mib.max(1), policy.round_cpu.max(1));
    let mut notes = Vec::new();
    let containers: Vec<ContainerAdvice> = rows
        .iter()
        .take(MAX_ROWS)
        .map(|o| {
            let cpu = o.max_cpu.map(|p| round_up(p * factor, rc));
            let memory_reservation = o.max_mem.map(|p| round_up(p * factor, rm));
            let memory = match (o.max_mem, memory_reservation) {
                (Some(p), Some(r)) => {
                    let l = round_up(p * limit_factor, rm);
                    Some(if l > r { l } else { r.saturating_add(rm) })
                }
                _ => None,
            };
            let reserved = |x: Option<f64>| x.filter(|x| *x > 0.0).map(|x| Arg::Code(fmt(x)));
            let memory_part = match (o.max_mem, memory_reservation) {
                (Some(peak), Some(r)) => {
                    let m = match reserved(o.mem_reserved) {
                        Some(x) => Msg::new(&text::RIGHTSIZE_MEM_PEAK_OF).with("reserved", x),
                        None => Msg::new(&text::RIGHTSIZE_MEM_PEAK),
                    };
                    m.with("peak", Arg::Code(fmt(peak)))
                        .with("reservation", Arg::from(r))
                        .with("limit", Arg::from(memory.unwrap_or(r)))
                }
                _ => Msg::new(&text::RIGHTSIZE_NO_MEM_PEAK),
            };
            let cpu_part = match (o.max_cpu, cpu) {
                (Some(peak), Some(c)) => {
                    let m = match reserved(o.cpu_reserved) {
                        Some(x) => Msg::new(&text::RIGHTSIZE_CPU_PEAK_OF).with("reserved", x),
                        None => Msg::new(&text::RIGHTSIZE_CPU_PEAK),
                    };
                    m.with("peak", Arg::Code(fmt(peak)))
                        .with("cpu", Arg::from(c))
                }
                _ => Msg::new(&text::RIGHTSIZE_NO_CPU_PEAK),
            };
            let sentence_msg = Msg::new(&text::RIGHTSIZE_CONTAINER)
                .with("name", Arg::Code(o.container.clone()))
                .with("memory", Arg::from(memory_part))
                .with("cpu", Arg::from(cpu_part));
            ContainerAdvice {
                name: o.container.clone(),
                observed: o.clone(),
                cpu,
                memory_reservation,
                memory,
                sentence: sentence_msg.en(),
                sentence_msg: Some(sentence_msg),
            }
        })
        .collect();
    let cpu_sum = containers
        .iter()
        .filter_map(|c| c.cpu)
        .fold(0u32, u32::saturating_add);
    let memory_reservation_sum = containers
        .iter()
        .filter_map(|c| c.memory_reservation)
        .fold(0u32, u32::saturating_add);
    let fargate_size = if containers.is_empty() {
        None
    } else {
        fargate::table()
            .next_valid(cpu_sum, memory_reservation_sum)
            .map(|(cpu, memory)| Size { cpu, memory })
    };
    if containers
        .iter()
        .any(|c| c.cpu.is_none() || c.memory_reservation.is_none())
    {
        notes.push(Msg::new(&text::RIGHTSIZE_SOME_WITHOUT_PEAK));
    }
    if fargate_size.is_none() && !containers.is_empty() {
        notes.push(
            Msg::new(&text::RIGHTSIZE_ABOVE_LARGEST)
                .with("cpu", Arg::from(cpu_sum))
                .with("mib", Arg::from(memory_reservation_sum)),
        );
    }
    notes.push(Msg::new(&text::RIGHTSIZE_PERIOD));
    let rule_msg = Msg::new(&text::RIGHTSIZE_RULE)
        .with("f", Arg::Code(fmt(factor)))
        .with("h", Arg::Code(fmt(headroom)))
        .with("lf", Arg::Code(fmt(limit_factor)))
        .with("rm", Arg::from(rm))
        .with("rc", Arg::from(rc));
    Advice {
        containers,
        cpu_sum,
        memory_reservation_sum,
        fargate_size,
        rule: rule_msg.en(),
        notes: notes.iter().map(Msg::en).collect(),
        rule_msg: Some(rule_msg),
        notes_msg: notes,
    }
}

fn fmt(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_follows_the_documented_schema() {
        // Container-Insights-reference-performance-logs-ECS.html: log group and field names.
        let q = query(&QueryInput {
            cluster: "prod".into(),
            family: "web".into(),
            containers: vec!["app".into(), "log\"router".into()],
        });
        assert_eq!(q.log_group, "/aws/ecs/containerinsights/prod/performance");
        assert!(q
            .query
            .contains("Type = \"Container\" and TaskDefinitionFamily = \"web\""));
        assert!(q
            .query
            .contains("ContainerName in [\"app\", \"log\\\"router\"]"));
        assert!(q.query.contains("max(MemoryUtilized) as maxMem"));
        assert!(q.task_query.contains("Type = \"Task\""));
        assert!(q.label.contains("reconstruction"));
        let blank = query(&QueryInput::default());
        assert!(blank.log_group.contains("<CLUSTER>"));
    }

    #[test]
    fn csv_and_json_results_read_alike() {
        let csv = "ContainerName,maxCpu,avgCpu,cpuReserved,maxMem,avgMem,memReserved\n\"app\",300.5,120,512,700,500,1024\nlog_router,20,5,0,90,60,128\n";
        let a = parse_results(csv);
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        assert_eq!(a.rows.len(), 2);
        assert_eq!(a.rows[0].max_mem, Some(700.0));
        let json = r#"{"status":"Complete","results":[
            [{"field":"ContainerName","value":"app"},{"field":"maxCpu","value":"300.5"},{"field":"avgCpu","value":"120"},{"field":"cpuReserved","value":"512"},{"field":"maxMem","value":"700"},{"field":"avgMem","value":"500"},{"field":"memReserved","value":"1024"}],
            [{"field":"ContainerName","value":"log_router"},{"field":"maxCpu","value":"20"},{"field":"avgCpu","value":"5"},{"field":"cpuReserved","value":"0"},{"field":"maxMem","value":"90"},{"field":"avgMem","value":"60"},{"field":"memReserved","value":"128"}]]}"#;
        let b = parse_results(json);
        assert_eq!(a, b);
        let objects = parse_results(
            r#"[{"ContainerName":"app","maxMem":700,"maxCpu":300.5,"avgCpu":120,"cpuReserved":512,"avgMem":500,"memReserved":1024}]"#,
        );
        assert_eq!(objects.rows[0], a.rows[0]);
    }

    #[test]
    fn the_recommendation_states_its_rule() {
        let rows = parse_results(
            "ContainerName,maxCpu,maxMem,memReserved\napp,300.5,700,1024\nlog_router,20,90,128\n",
        )
        .rows;
        let adv = recommend(&rows, &Policy::default());
        let app = &adv.containers[0];
        // 700 × 1.2 = 840 → 896; 700 × 1.5 = 1050 → 1088; 300.5 × 1.2 = 360.6 → 384.
        assert_eq!(app.memory_reservation, Some(896));
        assert_eq!(app.memory, Some(1088));
        assert_eq!(app.cpu, Some(384));
        let lr = &adv.containers[1];
        // 90 × 1.2 = 108 → 128; 90 × 1.5 = 135 → 192; 20 × 1.2 = 24 → 64.
        assert_eq!(
            (lr.memory_reservation, lr.memory, lr.cpu),
            (Some(128), Some(192), Some(64))
        );
        assert_eq!((adv.cpu_sum, adv.memory_reservation_sum), (448, 1024));
        // Next valid Fargate size with ≥ 448 units and ≥ 1024 MiB: 512 / 1024.
        assert_eq!(
            adv.fargate_size,
            Some(Size {
                cpu: 512,
                memory: 1024
            })
        );
        assert!(adv.rule.contains("1.2") && adv.rule.contains("1.5") && adv.rule.contains("64"));
    }

    #[test]
    fn garbage_is_reported_not_panicked() {
        for text in [
            "",
            "{",
            "[1,2]",
            "a,b\n1,2",
            "ContainerName\n\"unterminated",
            "{\"results\": 5}",
        ] {
            let p = parse_results(text);
            assert!(p.rows.is_empty() || !p.rows[0].container.is_empty());
            let _ = recommend(
                &p.rows,
                &Policy {
                    headroom_percent: f64::NAN,
                    limit_factor: -1.0,
                    round_mib: 0,
                    round_cpu: 0,
                },
            );
        }
        let huge = recommend(
            &[Observed {
                container: "x".into(),
                max_cpu: Some(1e300),
                max_mem: Some(1e300),
                ..Observed::default()
            }],
            &Policy::default(),
        );
        assert!(huge.fargate_size.is_none());
    }
}
