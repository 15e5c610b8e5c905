//! The author's ECS best-practice checklist (ice1203/ecs-bestpractice-checklist), each item
//! either decided from the files (`auto`) or ticked by hand (`manual`).
//!
//! The items live in `data/checklist.json`, with their source and date. An automatic item is
//! decided from positive evidence: it is satisfied only when a line of the files shows it (and
//! no finding of its codes is reported), not applicable when the files cannot show it (no EFS
//! volume for the EFS items, no service definition for the service items), and not satisfied
//! otherwise. Every verdict carries the lines or findings that decided it ([`Evidence`]). The
//! checklist lints the files itself, without inline suppressions or a team's ignores: a
//! finding someone silenced still counts against the item.

use serde::Serialize;
use serde_json::Value;

use super::evidence::{self, Evidence, Files, Shown};
use super::kind_names;
use crate::input::Kind;
use crate::lint::finding::Finding;
use crate::lint::{Input, Report, Vars};
use crate::models::config::Config;
use crate::rules::rule::Lang;

/// Where an item applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// EC2 and Fargate.
    Both,
    Ec2,
    Fargate,
}

/// How an item is decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Check {
    /// From the files: any finding of these codes means "not satisfied"; otherwise a line that
    /// shows the item means "satisfied" (see the module doc). The item can be decided once at
    /// least one of `needs_any_of` is among the inputs.
    Auto {
        codes: Vec<&'static str>,
        #[serde(serialize_with = "kind_names")]
        needs_any_of: Vec<Kind>,
    },
    /// A process item: a box the team ticks by hand.
    Manual,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// `"<section>.<number>"`, as in the author's list (stable: used in share links).
    pub id: String,
    pub section: u8,
    pub section_title: String,
    pub number: u8,
    /// Our own English wording of the item.
    pub text: String,
    pub platform: Platform,
    pub check: Check,
    /// What the automatic check can and cannot see.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The state of one item for a set of inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "findings", rename_all = "snake_case")]
pub enum Status {
    /// A line of the files shows it (see [`ItemStatus::evidence`]).
    Satisfied,
    /// With the findings that show it (possibly none: then the evidence says what is missing).
    NotSatisfied(Vec<Finding>),
    /// The item is for another platform (an EC2 item for a Fargate-only task), or the files
    /// cannot show it (no EFS volume, no service definition).
    NotApplicable,
    /// None of the inputs needed to decide it was given, or a value it needs is a template
    /// placeholder.
    Unknown,
    /// Cannot be checked from files: the team ticks it.
    Manual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStatus {
    pub id: String,
    pub status: Status,
    /// What decided it: the findings (with their code) or the lines that show the item, or why
    /// it does not apply. Empty only for manual items.
    pub evidence: Vec<Evidence>,
}

/// Where the checklist comes from (shown under the checklist view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Source {
    pub source: String,
    pub source_commit: String,
    pub retrieved: String,
}

struct RawData {
    source: String,
    source_commit: String,
    retrieved: String,
    sections: Vec<RawSection>,
    items: Vec<RawItem>,
}

struct RawSection {
    number: u8,
    title: String,
}

struct RawItem {
    section: u8,
    number: u8,
    platform: Platform,
    check: String,
    codes: Vec<String>,
    needs_any_of: Vec<String>,
    text: String,
    note: Option<String>,
}

/// The checklist's Japanese texts (`data/checklist.ja.json`): `sections` (`number`, `title`)
/// and `items` (`id`, `text`, optional `note`), our own Japanese wording of each item. Empty
/// in a build with the feature `external-docs`, which is given it under `ja/checklist.json`.
#[cfg(not(feature = "external-docs"))]
pub(crate) static JA_DATA: &str = include_str!("../../data/checklist.ja.json");
#[cfg(feature = "external-docs")]
pub(crate) static JA_DATA: &str = "";

/// The checklist's texts in `lang` as written (`data/checklist.ja.json`), compiled in or given
/// by [`crate::rules::rule::set_docs_in`] under `ja/checklist.json`; `None` for English and before
/// the page loaded them.
pub fn data_in(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Ja if !JA_DATA.is_empty() => Some(JA_DATA),
        Lang::Ja => crate::rules::rule::external_text("ja/checklist.json"),
    }
}

/// Every item as [`checklist`] gives it, with its section title, text and note in `lang`
/// where a translation exists (English otherwise).
pub fn checklist_in(lang: Lang) -> Vec<Item> {
    let mut items = checklist();
    let Some(v) = data_in(lang).and_then(crate::syntax::json::to_value) else {
        return items;
    };
    let str_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let sections = v.get("sections").and_then(Value::as_array);
    let texts = v.get("items").and_then(Value::as_array);
    for item in &mut items {
        let section = sections.and_then(|list| {
            list.iter()
                .find(|s| s.get("number").and_then(Value::as_u64) == Some(u64::from(item.section)))
        });
        if let Some(title) = section.and_then(|s| str_of(s, "title")) {
            item.section_title = title;
        }
        let Some(t) = texts.and_then(|list| {
            list.iter()
                .find(|t| t.get("id").and_then(Value::as_str) == Some(item.id.as_str()))
        }) else {
            continue;
        };
        if let Some(text) = str_of(t, "text") {
            item.text = text;
        }
        if let (Some(_), Some(note)) = (&item.note, str_of(t, "note")) {
            item.note = Some(note);
        }
    }
    items
}

/// The checklist's data (`data/checklist.json`): compiled in, or given by
/// [`crate::rules::rule::set_docs`] (key `checklist.json`) in a build with the feature `external-docs`,
/// where it is empty until then.
#[cfg(not(feature = "external-docs"))]
pub fn data() -> &'static str {
    include_str!("../../data/checklist.json")
}

/// The checklist's data (`data/checklist.json`): compiled in, or given by
/// [`crate::rules::rule::set_docs`] (key `checklist.json`) in a build with the feature `external-docs`,
/// where it is empty until then.
#[cfg(feature = "external-docs")]
pub fn data() -> &'static str {
    crate::rules::rule::external_text("checklist.json").unwrap_or("")
}

/// Reads the data (with the engine's own JSON reader: see [`crate::syntax::json::to_value`]).
fn raw() -> Option<RawData> {
    let v = crate::syntax::json::to_value(data())?;
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let small = |v: &Value, key: &str| v.get(key)?.as_u64().and_then(|n| u8::try_from(n).ok());
    let strings = |v: &Value, key: &str| -> Option<Vec<String>> {
        match v.get(key) {
            None => Some(Vec::new()),
            Some(list) => crate::syntax::json::strings(list.as_array()?),
        }
    };
    Some(RawData {
        source: text(&v, "source")?,
        source_commit: text(&v, "source_commit")?,
        retrieved: text(&v, "retrieved")?,
        sections: v
            .get("sections")?
            .as_array()?
            .iter()
            .map(|s| {
                Some(RawSection {
                    number: small(s, "number")?,
                    title: text(s, "title")?,
                })
            })
            .collect::<Option<_>>()?,
        items: v
            .get("items")?
            .as_array()?
            .iter()
            .map(|i| {
                Some(RawItem {
                    section: small(i, "section")?,
                    number: small(i, "number")?,
                    platform: match i.get("platform")?.as_str()? {
                        "both" => Platform::Both,
                        "ec2" => Platform::Ec2,
                        "fargate" => Platform::Fargate,
                        _ => return None,
                    },
                    check: text(i, "check")?,
                    codes: strings(i, "codes")?,
                    needs_any_of: strings(i, "needs_any_of")?,
                    text: text(i, "text")?,
                    note: text(i, "note"),
                })
            })
            .collect::<Option<_>>()?,
    })
}

/// The checklist's source repository, commit and retrieval date.
pub fn source() -> Source {
    raw().map_or_else(Source::default, |d| Source {
        source: d.source,
        source_commit: d.source_commit,
        retrieved: d.retrieved,
    })
}

/// Every item, in the author's order. Codes not in the rule registry are dropped (a test makes
/// sure there are none).
pub fn checklist() -> Vec<Item> {
    let Some(data) = raw() else {
        return Vec::new();
    };
    let rules = crate::rules::registry::rules();
    data.items
        .into_iter()
        .map(|item| {
            let section_title = data
                .sections
                .iter()
                .find(|s| s.number == item.section)
                .map(|s| s.title.clone())
                .unwrap_or_default();
            let check = if item.check == "auto" {
                Check::Auto {
                    codes: item
                        .codes
                        .iter()
                        .filter_map(|c| rules.iter().find(|r| r.code == c).map(|r| r.code))
                        .collect(),
                    needs_any_of: item
                        .needs_any_of
                        .iter()
                        .filter_map(|k| Kind::parse(k))
                        .collect(),
                }
            } else {
                Check::Manual
            };
            Item {
                id: format!("{}.{}", item.section, item.number),
                section: item.section,
                section_title,
                number: item.number,
                text: item.text,
                platform: item.platform,
                check,
                note: item.note,
            }
        })
        .collect()
}

/// The codes an item of the raw data names, including unknown ones (for the registry test).
pub fn mapped_codes() -> Vec<String> {
    raw()
        .map(|d| d.items.into_iter().flat_map(|i| i.codes).collect())
        .unwrap_or_default()
}

/// Decides every item from the files: lints them (every rule, no inline suppressions, no
/// ignores) and reads the evidence.
pub fn evaluate(inputs: &[Input]) -> Vec<ItemStatus> {
    evaluate_vars(inputs, &Vars::default())
}

/// Like [`evaluate`], with values for the project's template variables (the findings are those
/// of the rendered files).
pub fn evaluate_vars(inputs: &[Input], vars: &Vars) -> Vec<ItemStatus> {
    let config = Config {
        inline_ignores: false,
        ..Config::default()
    };
    let report = crate::lint::lint_vars(inputs, &config, vars);
    let platform = platform_of(inputs);
    let files = Files::new(inputs, &report.kinds);
    checklist()
        .into_iter()
        .map(|item| {
            let (status, evidence) = status_of(&item, &report, &files, platform);
            ItemStatus {
                id: item.id,
                status,
                evidence,
            }
        })
        .collect()
}

/// Like [`evaluate_vars`], with the evidence and the findings in `lang` (the page and the CLI
/// show the checklist in the reader's language; the verdicts do not depend on it).
pub fn evaluate_vars_in(inputs: &[Input], vars: &Vars, lang: Lang) -> Vec<ItemStatus> {
    let mut statuses = evaluate_vars(inputs, vars);
    for s in &mut statuses {
        s.localize(lang);
    }
    statuses
}

/// Like [`evaluate`], in `lang`.
pub fn evaluate_in(inputs: &[Input], lang: Lang) -> Vec<ItemStatus> {
    evaluate_vars_in(inputs, &Vars::default(), lang)
}

#[cfg(test)]
impl Status {
    /// The verdict without its findings.
    fn clone_verdict(&self) -> std::mem::Discriminant<Status> {
        std::mem::discriminant(self)
    }
}

impl ItemStatus {
    /// Renders the evidence and the findings in `lang` (English where a translation is
    /// missing).
    pub fn localize(&mut self, lang: Lang) {
        if let Status::NotSatisfied(findings) = &mut self.status {
            for f in findings {
                f.localize(lang);
            }
        }
        for e in &mut self.evidence {
            e.localize(lang);
        }
    }
}

fn status_of(
    item: &Item,
    report: &Report,
    files: &Files<'_>,
    platform: Option<Platform>,
) -> (Status, Vec<Evidence>) {
    match (item.platform, platform) {
        (Platform::Ec2, Some(Platform::Fargate)) => {
            return (
                Status::NotApplicable,
                vec![Evidence::general(crate::msg!(
                    evidence::text::EC2_ITEM_ON_FARGATE
                ))],
            )
        }
        (Platform::Fargate, Some(Platform::Ec2)) => {
            return (
                Status::NotApplicable,
                vec![Evidence::general(crate::msg!(
                    evidence::text::FARGATE_ITEM_ON_EC2
                ))],
            )
        }
        _ => {}
    }
    let Check::Auto {
        codes,
        needs_any_of,
    } = &item.check
    else {
        return (Status::Manual, Vec::new());
    };
    let kinds = kinds_in(report);
    if !needs_any_of.iter().any(|k| kinds.contains(k)) {
        // A task can run without a service (a scheduled or one-off task): no service
        // definition means the service items do not apply, not that a file is missing.
        if needs_any_of.as_slice() == [Kind::ServiceDef] {
            return (
                Status::NotApplicable,
                vec![Evidence::general(crate::msg!(evidence::text::NO_SERVICE))],
            );
        }
        // "a or b or c", as one argument.
        let kinds = needs_any_of
            .iter()
            .rev()
            .map(|k| crate::input::msg::Arg::from(k.as_str()))
            .reduce(|rest, first| {
                crate::msg!(evidence::text::KINDS_OR, first = first, rest = rest).into()
            })
            .unwrap_or_else(|| crate::input::msg::Arg::Code(String::new()));
        return (
            Status::Unknown,
            vec![Evidence::general(crate::msg!(
                evidence::text::NEEDS_KIND,
                kinds = kinds
            ))],
        );
    }
    let shown = evidence::shown(&item.id, files);
    // A finding of the item's codes decides first (a secret in plain text makes 8.8 not
    // satisfied even when no `secrets` entry exists); then what the files show.
    let findings: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| codes.contains(&f.code) && evidence::finding_counts(&item.id, f))
        .cloned()
        .collect();
    if !findings.is_empty() {
        let evidence = findings.iter().map(Evidence::of_finding).collect();
        return (Status::NotSatisfied(findings), evidence);
    }
    match shown {
        Some(Shown::Satisfied(e)) => (Status::Satisfied, e),
        Some(Shown::NotSatisfied(e)) => (Status::NotSatisfied(Vec::new()), e),
        Some(Shown::Unknown(e)) => (Status::Unknown, vec![e]),
        Some(Shown::NotApplicable(e)) => (Status::NotApplicable, vec![e]),
        // An item without file logic is never satisfied by the absence of findings alone.
        None => (
            Status::NotSatisfied(Vec::new()),
            vec![Evidence::general(crate::msg!(
                evidence::text::NOTHING_SHOWS
            ))],
        ),
    }
}

/// The kinds a lint report read its inputs as (what [`evaluate`] takes).
pub fn kinds_in(report: &Report) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = report.kinds.iter().flatten().copied().collect();
    crate::input::order::sort(&mut kinds);
    kinds.dedup();
    kinds
}

/// The platform the task definitions among the inputs are for: Fargate when every one requires
/// only FARGATE, EC2 when every one requires EC2 and not FARGATE, otherwise unknown.
pub fn platform_of(inputs: &[Input]) -> Option<Platform> {
    let mut found: Option<Platform> = None;
    for input in inputs {
        let kind = input
            .kind
            .or_else(|| crate::input::detect::detect(&input.path, &input.text));
        if kind != Some(Kind::TaskDef) {
            continue;
        }
        let root = crate::syntax::json::parse(&input.text).root?;
        let task = root.get("taskDefinition").unwrap_or(&root);
        let compat: Vec<&str> = task
            .get_array("requiresCompatibilities")
            .iter()
            .filter_map(|n| n.as_str())
            .collect();
        let this = match (compat.contains(&"FARGATE"), compat.contains(&"EC2")) {
            (true, false) => Platform::Fargate,
            (false, true) => Platform::Ec2,
            _ => return None,
        };
        match found {
            Some(p) if p != this => return None,
            _ => found = Some(this),
        }
    }
    found
}

/// The checklist as Markdown for a review: every item with its verdict (automatic items) or
/// its tick (process items), the findings and lines that decided it, the author's note, and a
/// summary. `statuses` are [`evaluate`]'s, in [`checklist`]'s order; `ticks` are the ids of
/// the process items ticked by hand; `files` names the files the verdicts come from.
pub fn to_markdown(
    items: &[Item],
    statuses: &[ItemStatus],
    ticks: &[String],
    files: &[&str],
) -> String {
    to_markdown_in(items, statuses, ticks, files, Lang::En)
}

/// The fixed phrases of the checklist's Markdown, keyed (`MARKDOWN.<NAME>`; Japanese in
/// `learn/checklist.ja.msg`).
pub mod markdown {
    crate::messages! {
        "MARKDOWN";
        TITLE = "# ECS best-practice checklist";
        DECIDED_FROM = "Decided from {files}.";
        COUNTS = "{satisfied} satisfied · {not_satisfied} not satisfied · {done} of {process} process items done · {unknown} cannot be told from these files · {not_applicable} not applicable";
        SATISFIED = "satisfied";
        NOT_SATISFIED = "**not satisfied**";
        NOT_APPLICABLE = "not applicable";
        UNKNOWN = "cannot tell from these files";
        DONE = "done (ticked by hand)";
        TO_DO = "to do (ticked by hand)";
        NOTE = "Note: {note}";
        SOURCE = "Items: our wording of {source} ({commit}, {retrieved}).";
    }
}

/// [`to_markdown`] with its headings and fixed phrases in `lang` (the items, evidence and
/// findings are written as given: pass them in `lang`, from [`checklist_in`] and
/// [`evaluate_in`]). Codes, ids, paths and the Markdown's structure are the same in every
/// language.
pub fn to_markdown_in(
    items: &[Item],
    statuses: &[ItemStatus],
    ticks: &[String],
    files: &[&str],
    lang: Lang,
) -> String {
    use crate::input::msg::{Arg, Msg};
    use std::fmt::Write as _;
    let say = |m: Msg| super::ja_text::render(&m, lang);
    let phrase = |t: &'static crate::input::msg::Template| say(Msg::new(t));

    // Markdown would read `*`, `_`, backquotes and friends in a finding's message as markup.
    fn plain(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
            ) {
                out.push('\\');
            }
            out.push(if c == '\n' { ' ' } else { c });
        }
        out
    }

    let ticked = |id: &str| ticks.iter().any(|t| t == id);
    let mut counts = [0usize; 6];
    for s in statuses {
        let slot = match &s.status {
            Status::Satisfied => 0,
            Status::NotSatisfied(_) => 1,
            Status::NotApplicable => 2,
            Status::Unknown => 3,
            Status::Manual if ticked(&s.id) => 4,
            Status::Manual => 5,
        };
        counts[slot] += 1;
    }
    let source = source();
    let mut out = phrase(&markdown::TITLE);
    out.push_str("\n\n");
    if !files.is_empty() {
        let names: Vec<Arg> = files.iter().map(|f| Arg::Code(format!("`{f}`"))).collect();
        let _ = writeln!(
            out,
            "{}\n",
            say(Msg::new(&markdown::DECIDED_FROM).with("files", Arg::List(names)))
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        say(Msg::new(&markdown::COUNTS)
            .with("satisfied", Arg::from(counts[0]))
            .with("not_satisfied", Arg::from(counts[1]))
            .with("done", Arg::from(counts[4]))
            .with("process", Arg::from(counts[4] + counts[5]))
            .with("unknown", Arg::from(counts[3]))
            .with("not_applicable", Arg::from(counts[2])))
    );
    let mut section = None;
    for (item, s) in items.iter().zip(statuses) {
        if section != Some(item.section) {
            section = Some(item.section);
            let _ = writeln!(
                out,
                "\n## {}. {}\n",
                item.section,
                plain(&item.section_title)
            );
        }
        let (mark, verdict) = match &s.status {
            Status::Satisfied => ("x", &markdown::SATISFIED),
            Status::NotSatisfied(_) => (" ", &markdown::NOT_SATISFIED),
            Status::NotApplicable => ("x", &markdown::NOT_APPLICABLE),
            Status::Unknown => (" ", &markdown::UNKNOWN),
            Status::Manual if ticked(&s.id) => ("x", &markdown::DONE),
            Status::Manual => (" ", &markdown::TO_DO),
        };
        let verdict = phrase(verdict);
        let _ = writeln!(
            out,
            "- [{mark}] {} {} — {verdict}",
            item.id,
            plain(&item.text)
        );
        if let Status::NotSatisfied(findings) = &s.status {
            for f in findings {
                let _ = writeln!(
                    out,
                    "  - {} {} ({}:{}:{})",
                    f.code,
                    plain(&f.message),
                    plain(&f.path),
                    f.line,
                    f.column
                );
            }
        }
        for e in s.evidence.iter().filter(|e| e.code.is_none()) {
            if e.line > 0 {
                let _ = writeln!(
                    out,
                    "  - {} ({}:{}:{})",
                    plain(&e.text),
                    plain(&e.path),
                    e.line,
                    e.column
                );
            } else {
                let _ = writeln!(out, "  - {}", plain(&e.text));
            }
        }
        if let Some(note) = &item.note {
            let _ = writeln!(
                out,
                "  - {}",
                say(Msg::new(&markdown::NOTE).with("note", Arg::Code(plain(note))))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        say(Msg::new(&markdown::SOURCE)
            .with("source", Arg::Code(source.source.to_string()))
            .with("commit", Arg::Code(source.source_commit.to_string()))
            .with("retrieved", Arg::Code(source.retrieved.to_string())))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_reads_in_japanese() {
        let task = r#"{"family": "a", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge",
            "containerDefinitions": [{"name": "app", "image": "nginx:latest", "essential": true,
              "stopTimeout": 30, "logConfiguration": {"logDriver": "awslogs"}}]}"#;
        let docker = "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD [\"/app\"]\n";
        let inputs = [
            Input::new("task.json", task, Some(Kind::TaskDef)),
            Input::new("Dockerfile", docker, Some(Kind::Dockerfile)),
        ];
        let en = evaluate(&inputs);
        let ja = evaluate_in(&inputs, Lang::Ja);
        assert_eq!(en.len(), ja.len());
        let mut seen = 0;
        for (e, j) in en.iter().zip(&ja) {
            assert_eq!(
                e.status.clone_verdict(),
                j.status.clone_verdict(),
                "{}",
                e.id
            );
            for (a, b) in e.evidence.iter().zip(&j.evidence) {
                if a.code.is_some() {
                    continue;
                }
                seen += 1;
                assert!(
                    a.keyed.is_some(),
                    "{}: evidence not keyed: {}",
                    e.id,
                    a.text
                );
                assert_ne!(a.text, b.text, "{}: no Japanese for `{}`", e.id, a.text);
                assert!(
                    crate::input::msg::placeholders(&b.text).is_empty(),
                    "{}: `{}` left a placeholder",
                    e.id,
                    b.text
                );
            }
        }
        assert!(seen > 5, "the sample shows too little evidence: {seen}");
    }

    #[test]
    fn markdown_lists_every_item_with_its_verdict_and_evidence() {
        let task = r#"{"family": "a", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{"name": "app", "image": "nginx:latest", "essential": true}]}"#;
        let inputs = [Input::new("task_*def.json", task, Some(Kind::TaskDef))];
        let items = checklist();
        let statuses = evaluate(&inputs);
        let manual = items
            .iter()
            .find(|i| i.check == Check::Manual)
            .map(|i| i.id.clone());
        let ticks: Vec<String> = manual.iter().cloned().collect();
        let md = to_markdown(&items, &statuses, &ticks, &["task_*def.json"]);

        let lines: Vec<&str> = md.lines().filter(|l| l.starts_with("- [")).collect();
        assert_eq!(lines.len(), items.len(), "one line per item:\n{md}");
        // The ticked process item is checked, and says so.
        let id = manual.unwrap_or_default();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("- [x] {id} "))
                    && l.ends_with("done (ticked by hand)")),
            "{md}"
        );
        // Each finding that decided an item is listed under it, with its place.
        let decided: Vec<&Finding> = statuses
            .iter()
            .filter_map(|s| match &s.status {
                Status::NotSatisfied(f) => Some(f),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(
            !decided.is_empty(),
            "a `latest` image leaves an item unsatisfied"
        );
        for f in decided {
            let place = format!("({}:{}:{})", "task\\_\\*def.json", f.line, f.column);
            assert!(
                md.contains(&format!("  - {} ", f.code)) && md.contains(&place),
                "{} at {place}:\n{md}",
                f.code
            );
        }
        // Markup in the files' names and messages is escaped, not rendered.
        assert!(md.contains("`task_*def.json`"), "{md}");
        let sections = items
            .iter()
            .map(|i| i.section)
            .collect::<std::collections::BTreeSet<_>>();
        assert_eq!(
            md.lines().filter(|l| l.starts_with("## ")).count(),
            sections.len()
        );
    }
}
