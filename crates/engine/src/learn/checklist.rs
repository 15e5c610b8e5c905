//! The author's ECS best-practice checklist (ice1203/ecs-bestpractice-checklist), each item
//! either decided from a lint report (`auto`) or ticked by hand (`manual`).
//!
//! The items live in `data/checklist.json`, with their source and date.

use serde::Serialize;
use serde_json::Value;

use super::kind_names;
use crate::diagnostic::Finding;
use crate::lint::{Input, Report};
use crate::rule::Kind;

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
    /// From findings: any finding of these codes means "not satisfied". The item can be decided
    /// once at least one of `needs_any_of` is among the inputs.
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
    Satisfied,
    /// With the findings that show it.
    NotSatisfied(Vec<Finding>),
    /// The item is for another platform (an EC2 item for a Fargate-only task).
    NotApplicable,
    /// None of the inputs needed to decide it was given.
    Unknown,
    /// Cannot be checked from files: the team ticks it.
    Manual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStatus {
    pub id: String,
    pub status: Status,
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

/// The checklist's data (`data/checklist.json`): compiled in, or given by
/// [`crate::rule::set_docs`] (key `checklist.json`) in a build with the feature `external-docs`,
/// where it is empty until then.
#[cfg(not(feature = "external-docs"))]
pub fn data() -> &'static str {
    include_str!("../../data/checklist.json")
}

/// The checklist's data (`data/checklist.json`): compiled in, or given by
/// [`crate::rule::set_docs`] (key `checklist.json`) in a build with the feature `external-docs`,
/// where it is empty until then.
#[cfg(feature = "external-docs")]
pub fn data() -> &'static str {
    crate::rule::external_text("checklist.json").unwrap_or("")
}

/// Reads the data (with the engine's own JSON reader: see [`crate::json::to_value`]).
fn raw() -> Option<RawData> {
    let v = crate::json::to_value(data())?;
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let small = |v: &Value, key: &str| v.get(key)?.as_u64().and_then(|n| u8::try_from(n).ok());
    let strings = |v: &Value, key: &str| -> Option<Vec<String>> {
        match v.get(key) {
            None => Some(Vec::new()),
            Some(list) => crate::json::strings(list.as_array()?),
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
    let rules = crate::registry::rules();
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

/// Decides every item from a lint report and the kinds of input that were given.
pub fn evaluate(report: &Report, kinds_present: &[Kind]) -> Vec<ItemStatus> {
    evaluate_with(report, kinds_present, None)
}

/// Like [`evaluate`], knowing the platform (see [`platform_of`]): an item for the other
/// platform is not applicable.
pub fn evaluate_with(
    report: &Report,
    kinds_present: &[Kind],
    platform: Option<Platform>,
) -> Vec<ItemStatus> {
    checklist()
        .into_iter()
        .map(|item| {
            let status = status_of(&item, report, kinds_present, platform);
            ItemStatus {
                id: item.id,
                status,
            }
        })
        .collect()
}

fn status_of(
    item: &Item,
    report: &Report,
    kinds_present: &[Kind],
    platform: Option<Platform>,
) -> Status {
    let other_platform = matches!(
        (item.platform, platform),
        (Platform::Ec2, Some(Platform::Fargate)) | (Platform::Fargate, Some(Platform::Ec2))
    );
    if other_platform {
        return Status::NotApplicable;
    }
    match &item.check {
        Check::Manual => Status::Manual,
        Check::Auto {
            codes,
            needs_any_of,
        } => {
            if !needs_any_of.iter().any(|k| kinds_present.contains(k)) {
                return Status::Unknown;
            }
            let findings: Vec<Finding> = report
                .findings
                .iter()
                .filter(|f| codes.contains(&f.code))
                .cloned()
                .collect();
            if findings.is_empty() {
                Status::Satisfied
            } else {
                Status::NotSatisfied(findings)
            }
        }
    }
}

/// The kinds a lint report read its inputs as (what [`evaluate`] takes).
pub fn kinds_in(report: &Report) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = report.kinds.iter().flatten().copied().collect();
    crate::order::sort(&mut kinds);
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
            .or_else(|| crate::detect::detect(&input.path, &input.text));
        if kind != Some(Kind::TaskDef) {
            continue;
        }
        let root = crate::json::parse(&input.text).root?;
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
