//! What a Fargate task costs per hour and per month, on Linux x86, Linux ARM64 (Graviton) and
//! Fargate Spot, from the rates in `data/fargate-prices.json` (sources, date and notes inside)
//! or rates the user enters.
//!
//! ```text
//! let input = CostInput::new("us-east-1", Size { cpu: 1024, memory: 2048 });
//! let estimate = cost::estimate(&input);       // per platform: per_hour, per_month, breakdown
//! let saving = cost::saving(&input, Size { cpu: 512, memory: 2048 });
//! ```
//!
//! Billing: per second, rounded up, from the start of the image pull until the task stops (the
//! AWS Fargate pricing page: "from the time you start to download your container image until the
//! Amazon ECS Task … terminates, rounded up to the nearest second"), with a one-minute minimum for
//! Linux tasks (AWS's pricing text: "A minimum charge of 1 minute applies"; the part of the page
//! our search tool stores ends before that line, and the request to lower the minimum,
//! aws/containers-roadmap#189, is still open; #2636 of 2025 calls it "the current 1-minute
//! minimum"). Windows tasks' minimum was not checked. The hourly figure is for a task that
//! runs the whole hour; the monthly one multiplies by [`CostInput::hours_per_month`] (730 by
//! default, a convention: 365 × 24 / 12).
//!
//! Memory is billed per GB-hour; the task's memory is in MiB and the API reads 1 GB as 1024 MiB,
//! so GB = MiB / 1024. Ephemeral storage is billed only above the 20 GB included.
//!
//! Fargate Spot has no published fixed rate: AWS's pricing page says "up to a 70% discount off
//! the regular Fargate price", so it is modelled as a percentage off the Linux x86 vCPU and
//! memory rates (default 70%, the most AWS states), editable by the user.
//! Storage above 20 GB is charged at the on-demand rate under Spot too (an assumption: the
//! sources do not say). Spot runs Linux tasks only (ARM64 since AWS added it; priced here from the x86 rates).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::task::Size;
use super::text::{self, Render};
use crate::input::msg::{Arg, Msg};

/// Rates of one platform in one region (USD).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Rates {
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    /// Windows only: the OS licence fee per vCPU-hour.
    #[serde(default)]
    pub os_license_vcpu_hour: f64,
}

/// Where one of a region's rates comes from (`what`: linux_x86, linux_arm64, windows_x86 or
/// ephemeral).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Cited {
    pub what: String,
    pub source: String,
    /// The day the source was read.
    pub read: String,
    /// The date the source gives for the price, when it gives one.
    #[serde(default)]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RegionPrices {
    pub region: String,
    pub name: String,
    pub linux_x86: Option<Rates>,
    pub linux_arm64: Option<Rates>,
    pub windows_x86: Option<Rates>,
    pub ephemeral_gb_hour: Option<f64>,
    #[serde(default)]
    pub cited: Vec<Cited>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PriceTable {
    pub sources: Vec<String>,
    /// The text of each source key a region's `cited` names.
    #[serde(default)]
    pub source_texts: std::collections::BTreeMap<String, String>,
    pub retrieved: String,
    pub notes: Vec<String>,
    pub hours_per_month: f64,
    pub included_ephemeral_gib: u32,
    pub spot_default_discount_percent: f64,
    pub regions: Vec<RegionPrices>,
}

const DATA: &str = include_str!("../../data/fargate-prices.json");

/// The price table. The data file is part of the build and checked by a test; an unreadable
/// file would give an empty table, never a panic.
pub fn prices() -> &'static PriceTable {
    static TABLE: OnceLock<PriceTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(DATA).unwrap_or(PriceTable {
            sources: Vec::new(),
            source_texts: std::collections::BTreeMap::new(),
            retrieved: String::new(),
            notes: Vec::new(),
            hours_per_month: 730.0,
            included_ephemeral_gib: 20,
            spot_default_discount_percent: 70.0,
            regions: Vec::new(),
        })
    })
}

impl PriceTable {
    pub fn region(&self, code: &str) -> Option<&RegionPrices> {
        self.regions
            .iter()
            .find(|r| r.region.eq_ignore_ascii_case(code.trim()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    LinuxX86,
    LinuxArm64,
    FargateSpot,
    WindowsX86,
}

impl Platform {
    pub fn label(self) -> &'static str {
        match self {
            Platform::LinuxX86 => "Linux x86_64",
            Platform::LinuxArm64 => "Linux ARM64 (Graviton)",
            Platform::FargateSpot => "Fargate Spot (Linux x86_64)",
            Platform::WindowsX86 => "Windows x86_64",
        }
    }
}

/// User-entered rates; each one replaces the data file's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
pub struct Overrides {
    pub x86_vcpu_hour: Option<f64>,
    pub x86_gb_hour: Option<f64>,
    pub arm64_vcpu_hour: Option<f64>,
    pub arm64_gb_hour: Option<f64>,
    pub windows_vcpu_hour: Option<f64>,
    pub windows_gb_hour: Option<f64>,
    pub windows_license_vcpu_hour: Option<f64>,
    pub ephemeral_gb_hour: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostInput {
    pub region: String,
    pub size: Size,
    /// `ephemeralStorage.sizeInGiB`; 20 (included) when not set.
    pub ephemeral_gib: u32,
    /// Fargate Spot discount off the Linux x86 rates, in percent (0..=100).
    pub spot_discount_percent: f64,
    pub hours_per_month: f64,
    pub overrides: Overrides,
    /// Also price Windows (off by default: most tasks are Linux).
    pub include_windows: bool,
}

impl CostInput {
    /// Defaults from the data file: 20 GiB storage, the default Spot discount, 730 h a month.
    pub fn new(region: &str, size: Size) -> CostInput {
        let table = prices();
        CostInput {
            region: region.trim().to_string(),
            size,
            ephemeral_gib: table.included_ephemeral_gib,
            spot_discount_percent: table.spot_default_discount_percent,
            hours_per_month: table.hours_per_month,
            overrides: Overrides::default(),
            include_windows: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateOrigin {
    /// From `data/fargate-prices.json`.
    Data,
    /// Entered by the user (at least one of the rates used).
    User,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    pub vcpu_per_hour: f64,
    pub memory_per_hour: f64,
    pub storage_per_hour: f64,
    pub license_per_hour: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformCost {
    pub platform: Platform,
    pub label: &'static str,
    /// `None` when a rate is missing (see `missing`).
    pub per_hour: Option<f64>,
    pub per_month: Option<f64>,
    pub breakdown: Option<Breakdown>,
    pub rates: Option<Rates>,
    pub origin: RateOrigin,
    /// Why there is no price: e.g. "no ARM64 rate for ap-northeast-1 in the data; enter it".
    pub missing: Option<String>,
    /// `missing`, keyed.
    #[serde(skip)]
    pub missing_msg: Option<Msg>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEstimate {
    pub region: String,
    pub size: Size,
    pub vcpu: f64,
    pub memory_gb: f64,
    /// GB of ephemeral storage billed (above the 20 GB included).
    pub billed_storage_gb: u32,
    pub hours_per_month: f64,
    pub spot_discount_percent: f64,
    pub platforms: Vec<PlatformCost>,
    pub sources: Vec<String>,
    pub retrieved: String,
    pub notes: Vec<String>,
    /// Where the region's rates come from.
    pub cited: Vec<Cited>,
    /// When the region has no price at all: what to do, in one sentence (the page shows it above
    /// the table).
    pub region_note: Option<String>,
    /// `notes` and `region_note`, keyed ([`CostEstimate::localize`]).
    #[serde(skip)]
    pub notes_msg: Vec<Msg>,
    #[serde(skip)]
    pub region_note_msg: Option<Msg>,
}

impl CostEstimate {
    /// Writes the notes, the region's note and each platform's missing rate again with `render`
    /// (a language's renderer).
    pub fn localize(&mut self, render: Render<'_>) {
        if !self.notes_msg.is_empty() {
            self.notes = self.notes_msg.iter().map(render).collect();
        }
        if let Some(m) = &self.region_note_msg {
            self.region_note = Some(render(m));
        }
        for p in &mut self.platforms {
            if let Some(m) = &p.missing_msg {
                p.missing = Some(render(m));
            }
        }
    }
}

fn sane(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite() && *v >= 0.0)
}

/// Prices the task size on every platform.
pub fn estimate(input: &CostInput) -> CostEstimate {
    let table = prices();
    let region = table.region(&input.region);
    let o = &input.overrides;
    let vcpu = f64::from(input.size.cpu) / 1024.0;
    let memory_gb = f64::from(input.size.memory) / 1024.0;
    let billed_storage_gb = input
        .ephemeral_gib
        .saturating_sub(table.included_ephemeral_gib);
    let storage_rate = sane(o.ephemeral_gb_hour).or(region.and_then(|r| r.ephemeral_gb_hour));
    let hours = if input.hours_per_month.is_finite() && input.hours_per_month >= 0.0 {
        input.hours_per_month
    } else {
        table.hours_per_month
    };
    let discount = if input.spot_discount_percent.is_finite() {
        input.spot_discount_percent.clamp(0.0, 100.0)
    } else {
        table.spot_default_discount_percent
    };
    let region_name = input.region.as_str();

    let pick = |data: Option<Rates>,
                vcpu_o: Option<f64>,
                gb_o: Option<f64>,
                lic_o: Option<f64>|
     -> (Option<Rates>, RateOrigin) {
        let user = sane(vcpu_o).is_some() || sane(gb_o).is_some() || sane(lic_o).is_some();
        let origin = if user {
            RateOrigin::User
        } else {
            RateOrigin::Data
        };
        let v = sane(vcpu_o).or(data.map(|d| d.vcpu_hour));
        let g = sane(gb_o).or(data.map(|d| d.gb_hour));
        let l = sane(lic_o)
            .or(data.map(|d| d.os_license_vcpu_hour))
            .unwrap_or(0.0);
        match (v, g) {
            (Some(vcpu_hour), Some(gb_hour)) => (
                Some(Rates {
                    vcpu_hour,
                    gb_hour,
                    os_license_vcpu_hour: l,
                }),
                origin,
            ),
            _ => (None, origin),
        }
    };

    let price =
        |platform: Platform, rates: Option<Rates>, origin: RateOrigin, factor: f64, what: Arg| {
            let storage = if billed_storage_gb == 0 {
                Some(0.0)
            } else {
                storage_rate.map(|r| r * f64::from(billed_storage_gb))
            };
            match (rates, storage) {
                (Some(r), Some(storage_per_hour)) => {
                    let b = Breakdown {
                        vcpu_per_hour: r.vcpu_hour * vcpu * factor,
                        memory_per_hour: r.gb_hour * memory_gb * factor,
                        storage_per_hour,
                        license_per_hour: r.os_license_vcpu_hour * vcpu,
                    };
                    let per_hour = b.vcpu_per_hour
                        + b.memory_per_hour
                        + b.storage_per_hour
                        + b.license_per_hour;
                    PlatformCost {
                        platform,
                        label: platform.label(),
                        per_hour: Some(per_hour),
                        per_month: Some(per_hour * hours),
                        breakdown: Some(b),
                        rates: Some(r),
                        origin,
                        missing: None,
                        missing_msg: None,
                    }
                }
                (r, _) => {
                    let missing = if r.is_none() {
                        Msg::new(&text::COST_NO_RATE)
                            .with("what", what)
                            .with("region", Arg::Code(region_name.to_string()))
                    } else {
                        Msg::new(&text::COST_NO_STORAGE_RATE)
                            .with("region", Arg::Code(region_name.to_string()))
                    };
                    PlatformCost {
                        platform,
                        label: platform.label(),
                        per_hour: None,
                        per_month: None,
                        breakdown: None,
                        rates: r,
                        origin,
                        missing: Some(missing.en()),
                        missing_msg: Some(missing),
                    }
                }
            }
        };

    let (x86, x86_origin) = pick(
        region.and_then(|r| r.linux_x86),
        o.x86_vcpu_hour,
        o.x86_gb_hour,
        None,
    );
    let (arm, arm_origin) = pick(
        region.and_then(|r| r.linux_arm64),
        o.arm64_vcpu_hour,
        o.arm64_gb_hour,
        None,
    );
    let mut platforms = vec![
        price(
            Platform::LinuxX86,
            x86,
            x86_origin,
            1.0,
            Arg::from("Linux x86"),
        ),
        price(
            Platform::LinuxArm64,
            arm,
            arm_origin,
            1.0,
            Arg::from("Linux ARM64"),
        ),
        price(
            Platform::FargateSpot,
            x86,
            x86_origin,
            1.0 - discount / 100.0,
            Arg::from(Msg::new(&text::COST_WHAT_SPOT)),
        ),
    ];
    if input.include_windows {
        let (win, win_origin) = pick(
            region.and_then(|r| r.windows_x86),
            o.windows_vcpu_hour,
            o.windows_gb_hour,
            o.windows_license_vcpu_hour,
        );
        platforms.push(price(
            Platform::WindowsX86,
            win,
            win_origin,
            1.0,
            Arg::from("Windows"),
        ));
    }
    let mut notes_msg = vec![
        Msg::new(&text::COST_BILLED),
        Msg::new(&text::COST_MONTH).with("hours", Arg::Code(hours.to_string())),
        Msg::new(&text::COST_SPOT).with("discount", Arg::Code(discount.to_string())),
    ];
    let region_note_msg = match region {
        None => Some(
            Msg::new(&text::COST_UNKNOWN_REGION)
                .with("region", Arg::Code(region_name.to_string()))
                .with(
                    "regions",
                    Arg::List(
                        table
                            .regions
                            .iter()
                            .map(|r| Arg::Code(r.region.clone()))
                            .collect(),
                    ),
                ),
        ),
        Some(r) if r.linux_x86.is_none() && r.linux_arm64.is_none() && r.windows_x86.is_none() => {
            Some(
                Msg::new(if r.region.starts_with("cn-") {
                    &text::COST_NO_PRICE_DATA_CHINA
                } else {
                    &text::COST_NO_PRICE_DATA
                })
                .with("name", Arg::Code(r.name.clone()))
                .with("region", Arg::Code(r.region.clone())),
            )
        }
        Some(_) => None,
    };
    if let Some(note) = &region_note_msg {
        notes_msg.push(note.clone());
    }
    notes_msg.push(Msg::new(&text::COST_COPIES).with("date", Arg::Code(table.retrieved.clone())));
    let notes = notes_msg.iter().map(Msg::en).collect();
    let region_note = region_note_msg.as_ref().map(Msg::en);
    CostEstimate {
        region: input.region.clone(),
        size: input.size,
        vcpu,
        memory_gb,
        billed_storage_gb,
        hours_per_month: hours,
        spot_discount_percent: discount,
        platforms,
        sources: table.sources.clone(),
        retrieved: table.retrieved.clone(),
        notes,
        // The region's citations with their sources written out.
        cited: region
            .map(|r| {
                r.cited
                    .iter()
                    .map(|c| Cited {
                        source: table
                            .source_texts
                            .get(&c.source)
                            .cloned()
                            .unwrap_or_else(|| c.source.clone()),
                        ..c.clone()
                    })
                    .collect()
            })
            .unwrap_or_default(),
        region_note,
        notes_msg,
        region_note_msg,
    }
}

/// What moving from the input's size to `to` saves per platform (positive = cheaper).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saving {
    pub from: Size,
    pub to: Size,
    pub platform: Platform,
    pub per_hour: f64,
    pub per_month: f64,
    /// Percentage of the current cost.
    pub percent: f64,
}

pub fn saving(input: &CostInput, to: Size) -> Vec<Saving> {
    let now = estimate(input);
    let mut other = input.clone();
    other.size = to;
    let then = estimate(&other);
    now.platforms
        .iter()
        .zip(then.platforms.iter())
        .filter_map(|(a, b)| {
            let (ha, hb) = (a.per_hour?, b.per_hour?);
            let per_hour = ha - hb;
            Some(Saving {
                from: input.size,
                to,
                platform: a.platform,
                per_hour,
                per_month: per_hour * now.hours_per_month,
                percent: if ha > 0.0 { per_hour * 100.0 / ha } else { 0.0 },
            })
        })
        .collect()
}

/// The cost of one Linux run: per-second billing rounded up, with a one-minute minimum (see the
/// module doc for the sources).
pub fn run_cost(per_hour: f64, seconds: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let billed = seconds.max(60) as f64;
    per_hour * billed / 3600.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_data_file_reads_and_cites_its_sources() {
        let t = prices();
        assert_eq!(t.retrieved, "2026-12-06");
        assert!(t.sources.iter().any(|s| s.contains("vantage.sh")));
        assert!(t.region("us-east-1").is_some());
        // Windows is only priced where a source gives it: absent, not invented.
        assert!(t.region("ap-northeast-1").unwrap().windows_x86.is_none());
    }

    /// Every Linux x86 rate cites a copy of the price list dated 2025 or later (the 2021 copy is
    /// only corroboration now), and no date a rate cites lies after the day it was read.
    #[test]
    fn x86_rates_cite_a_recent_copy() {
        let t = prices();
        let mut x86 = 0;
        for r in &t.regions {
            for c in &r.cited {
                if let Some(as_of) = &c.as_of {
                    assert!(as_of.as_str() <= c.read.as_str(), "{}: {c:?}", r.region);
                }
                if c.what != "linux_x86" {
                    continue;
                }
                x86 += 1;
                let date = c.as_of.as_deref().unwrap_or(c.read.as_str());
                assert!(date >= "2025", "{}: {c:?}", r.region);
            }
        }
        let priced = t.regions.iter().filter(|r| r.linux_x86.is_some()).count();
        assert_eq!(x86, priced, "each x86 rate cites one source");
        assert!(priced >= 22, "{priced}");
    }

    /// The JSON is what scripts/fargate_prices.py writes from the CSV: every region row is a
    /// region, every rate row's numbers are in the JSON, and every JSON rate comes from a row.
    #[test]
    fn the_json_is_in_step_with_its_csv() {
        let csv = include_str!("../../data/fargate-prices.csv");
        let t = prices();
        let mut regions = 0;
        let mut rates = 0;
        for line in csv.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 9, "{line}");
            let num = |s: &str| s.parse::<f64>().ok();
            let r = t.region(f[1]).unwrap_or_else(|| panic!("{} missing", f[1]));
            match f[0] {
                "region" => {
                    assert_eq!(r.name, f[2]);
                    regions += 1;
                }
                "ephemeral" => assert_eq!(r.ephemeral_gb_hour, num(f[4]), "{line}"),
                kind => {
                    let got = match kind {
                        "linux_x86" => r.linux_x86,
                        "linux_arm64" => r.linux_arm64,
                        "windows_x86" => r.windows_x86,
                        _ => panic!("unknown kind {kind}"),
                    }
                    .unwrap_or_else(|| panic!("{line}: not in the JSON"));
                    assert_eq!(Some(got.vcpu_hour), num(f[3]), "{line}");
                    assert_eq!(Some(got.gb_hour), num(f[4]), "{line}");
                    assert_eq!(got.os_license_vcpu_hour, num(f[5]).unwrap_or(0.0), "{line}");
                    rates += 1;
                }
            }
        }
        assert_eq!(regions, t.regions.len(), "a JSON region without a CSV row");
        let json_rates: usize = t
            .regions
            .iter()
            .map(|r| {
                usize::from(r.linux_x86.is_some())
                    + usize::from(r.linux_arm64.is_some())
                    + usize::from(r.windows_x86.is_some())
            })
            .sum();
        assert_eq!(rates, json_rates, "a JSON rate without a CSV row");
        assert!(regions >= 30, "every region Fargate runs in: {regions}");
        for r in &t.regions {
            for c in &r.cited {
                assert!(
                    t.source_texts.contains_key(&c.source),
                    "{}: {}",
                    r.region,
                    c.source
                );
            }
        }
    }

    #[test]
    fn a_region_without_prices_says_so() {
        let size = Size {
            cpu: 1024,
            memory: 2048,
        };
        let e = estimate(&CostInput::new("ap-southeast-4", size));
        let note = e.region_note.unwrap_or_default();
        assert!(
            note.contains("Asia Pacific (Melbourne)")
                && note.contains("no rate")
                && note.contains("no public copy"),
            "{note}"
        );
        assert!(e
            .platforms
            .iter()
            .all(|p| p.per_hour.is_none() && p.missing.is_some()));
        let e = estimate(&CostInput::new("mars-1", size));
        assert!(e.region_note.unwrap_or_default().contains("not a region"));
        let e = estimate(&CostInput::new("eu-central-1", size));
        assert!(e.region_note.is_none());
        // Every rate names its source, written out.
        assert!(e
            .cited
            .iter()
            .any(|c| c.what == "linux_x86" && c.source.contains("AWS Price List API")));
        assert!(close(
            e.platforms[0].per_hour.unwrap_or(0.0),
            0.04656 + 2.0 * 0.00511
        ));
    }

    #[test]
    fn one_vcpu_two_gb_in_us_east_1() {
        // Rates of rules.md D2 (vantage.sh, retrieved 2026-11-23): $0.04048/vCPU-h, $0.004445/GB-h.
        let e = estimate(&CostInput::new(
            "us-east-1",
            Size {
                cpu: 1024,
                memory: 2048,
            },
        ));
        let x86 = &e.platforms[0];
        assert!(close(x86.per_hour.unwrap(), 0.04048 + 2.0 * 0.004445));
        assert!(close(x86.per_month.unwrap(), (0.04048 + 0.00889) * 730.0));
        let arm = &e.platforms[1];
        assert!(close(arm.per_hour.unwrap(), 0.03238 + 2.0 * 0.00356));
        let spot = &e.platforms[2];
        assert!(close(spot.per_hour.unwrap(), (0.04048 + 0.00889) * 0.3));
    }

    #[test]
    fn storage_above_20_gib_and_overrides() {
        let mut input = CostInput::new(
            "ap-northeast-1",
            Size {
                cpu: 256,
                memory: 512,
            },
        );
        input.ephemeral_gib = 50;
        let e = estimate(&input);
        // fgcalc's 2026 copy of the price list: $0.05056/vCPU-h, $0.00553/GB-h; storage $0.00014/GB-h
        // (clyr.co.jp, 2025-09).
        let expected = 0.25 * 0.05056 + 0.5 * 0.00553 + 30.0 * 0.00014;
        assert!(close(e.platforms[0].per_hour.unwrap(), expected));
        // ARM64 from the price list (APN1, 2026-07-07): $0.04045/vCPU-h, $0.00442/GB-h.
        let arm = 0.25 * 0.04045 + 0.5 * 0.00442 + 30.0 * 0.00014;
        assert!(close(e.platforms[1].per_hour.unwrap(), arm));
        input.overrides.arm64_vcpu_hour = Some(0.04);
        input.overrides.arm64_gb_hour = Some(0.004);
        let e = estimate(&input);
        assert_eq!(e.platforms[1].origin, RateOrigin::User);
        assert!(close(
            e.platforms[1].per_hour.unwrap(),
            0.01 + 0.002 + 30.0 * 0.00014
        ));
    }

    #[test]
    fn saving_and_billing() {
        let input = CostInput::new(
            "us-east-1",
            Size {
                cpu: 1024,
                memory: 3072,
            },
        );
        let s = saving(
            &input,
            Size {
                cpu: 1024,
                memory: 2048,
            },
        );
        assert!(close(s[0].per_hour, 0.004445));
        assert!(close(run_cost(3.6, 10), 0.06));
        assert!(close(run_cost(3.6, 61), 0.061));
        let mut odd = CostInput::new("mars-1", Size { cpu: 0, memory: 0 });
        odd.spot_discount_percent = f64::NAN;
        odd.hours_per_month = -1.0;
        let e = estimate(&odd);
        assert!(e.platforms.iter().all(|p| p.per_hour.is_none()));
    }
}
