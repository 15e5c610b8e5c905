//! Fixtures are the tests: every file under `tests/fixtures/<group>/` is linted with only the rule
//! its name states selected (as ruff tests a rule), its rendered findings are compared with the
//! `.snap` file beside it, and its name states what it must show. A snapshot therefore holds only
//! its own rule's findings, so changing one rule's message rewrites only that rule's snapshots.
//! The whole output, every rule on, is snapshotted for the page's first-view examples below and
//! for the examples gallery (`tests/learn.rs`).
//!
//! - `<CODE>_fail[_n].<ext>`: at least one finding of CODE.
//! - `<CODE>_pass[_n].<ext>`: no finding of CODE.
//! - A directory `<CODE>_fail[_n]/` is one project: all its files are linted together.
//!
//! The group folder gives the kind (`taskdef`, `servicedef`, `dockerfile`, `ecspresso`); in
//! `input` and `crossfile` the kind is recognised from each file's name and content.
//!
//! A fixture that needs a team configuration (trusted registries, required tags) has one: a
//! project folder holds `.ecsplain.yaml`, a single file has a sibling `<fixture stem>.ecsplain.yaml`
//! (`DL3026_fail.Dockerfile` → `DL3026_fail.ecsplain.yaml`). The configuration is not linted.
//!
//! A fixture of the page's on-demand readers (the Terraform reader, the Go-template engine, the
//! Dockerfile reader) says where they are: a project folder holds `.modules`, a single file has
//! a sibling `<fixture stem>.modules` (`templates: loading`, `dockerfile: failed <why>`; see
//! `common/fixtures.rs`).
//!
//! `ECSPLAIN_BLESS=1 cargo test -p ecsplain-engine --test fixtures` rewrites the snapshots.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::report::text::{self, Style};
use ecsplain_engine::{lint_with, registry, Config, Input, Kind};

mod common;
use common::fixtures::{expectation, fixtures, fixtures_root, lint_fixture};

fn snapshot_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".snap");
    path.with_file_name(name)
}

#[test]
fn fixtures_match_their_names_and_snapshots() {
    let bless = std::env::var_os("ECSPLAIN_BLESS").is_some();
    let mut failures = Vec::new();
    let all = fixtures();
    assert!(
        !all.is_empty(),
        "no fixtures found under {}",
        fixtures_root().display()
    );
    for (group, path) in all {
        let (inputs, report) = lint_fixture(&group, &path);
        let expected_code = expectation(&path);
        let rendered = text::render(&report.findings, &inputs, Style::default());
        let shown = format!(
            "{}/{}",
            group,
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        // Every finding also renders in Japanese (snapshots stay English): a keyed template
        // whose Japanese is in place, with every placeholder filled.
        for finding in &report.findings {
            let mut ja = finding.clone();
            ja.localize(ecsplain_engine::Lang::Ja);
            let texts = [
                Some(&ja.message),
                ja.help.as_ref(),
                ja.fix.as_ref().map(|f| &f.title),
            ];
            let related = ja.related.iter().map(|r| &r.message);
            for text in texts.into_iter().flatten().chain(related) {
                let left = ecsplain_engine::input::msg::placeholders(text);
                let keyed = finding.keyed.message.as_ref().map(|m| m.template.en);
                let template_left = keyed.map(ecsplain_engine::input::msg::placeholders);
                // A placeholder left in the text that the English template does not also
                // show literally is an argument the call site forgot.
                if text.is_empty()
                    || (!left.is_empty()
                        && finding.keyed.message.is_some()
                        && template_left.is_some_and(|t| left.iter().any(|l| t.contains(l))))
                {
                    failures.push(format!(
                        "{shown}: Japanese rendering `{text}` left a placeholder or is empty"
                    ));
                }
            }
            for (en, ja) in finding.related.iter().zip(&ja.related) {
                if en.keyed.is_some() && en.message == ja.message {
                    failures.push(format!(
                        "{shown}: {} has a keyed related message but no Japanese for it: {}",
                        finding.code, en.message
                    ));
                }
            }
            if finding.keyed.message.is_some() && ja.message == finding.message {
                failures.push(format!(
                    "{shown}: {} has a keyed message but no Japanese for it",
                    finding.code
                ));
            }
        }
        if let Some((code, must_fire)) = expected_code {
            let fired = report.findings.iter().any(|f| f.code == code);
            if fired != must_fire {
                failures.push(format!(
                    "{shown}: expected {} finding of {code}, got:\n{rendered}",
                    if must_fire { "a" } else { "no" }
                ));
            }
        } else {
            failures.push(format!(
                "{shown}: name it <CODE>_fail[_n] or <CODE>_pass[_n]"
            ));
        }
        let snap = snapshot_path(&path);
        let expected = fs::read_to_string(&snap).ok();
        if expected.as_deref() != Some(rendered.as_str()) {
            if bless {
                fs::write(&snap, &rendered).expect("write snapshot");
            } else {
                failures.push(format!(
                    "{shown}: snapshot differs (run with ECSPLAIN_BLESS=1 to accept)\n--- expected\n{}\n--- actual\n{rendered}",
                    expected.unwrap_or_else(|| "(no snapshot)".to_string())
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture problems:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The page's first view, every rule on: the four example panes linted together, as a user sees
/// them (`static/examples/`), snapshotted in `tests/whole/page-examples.snap`.
#[test]
fn page_examples_whole_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let inputs: Vec<Input> = [
        ("task-definition.json", Kind::TaskDef),
        ("service-definition.json", Kind::ServiceDef),
        ("Dockerfile", Kind::Dockerfile),
        ("ecspresso.yml", Kind::Ecspresso),
    ]
    .into_iter()
    .map(|(name, kind)| {
        let text = fs::read_to_string(root.join("static/examples").join(name)).unwrap_or_default();
        assert!(!text.is_empty(), "static/examples/{name} is missing");
        Input::new(name.to_string(), text, Some(kind))
    })
    .collect();
    let report = lint_with(&inputs, &Config::default());
    assert!(
        !report.findings.is_empty(),
        "the page's examples show findings"
    );
    let rendered = text::render(&report.findings, &inputs, Style::default());
    let snap = root.join("tests/whole/page-examples.snap");
    if std::env::var_os("ECSPLAIN_BLESS").is_some() {
        fs::create_dir_all(root.join("tests/whole")).expect("create tests/whole");
        fs::write(&snap, &rendered).expect("write snapshot");
    }
    let expected = fs::read_to_string(&snap).unwrap_or_default();
    assert!(
        expected == rendered,
        "{} differs (run with ECSPLAIN_BLESS=1 to accept)\n--- expected\n{expected}\n--- actual\n{rendered}",
        snap.display()
    );
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    let mut seen: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    for (_, path) in fixtures() {
        if let Some((code, fail)) = expectation(&path) {
            let entry = seen.entry(code).or_default();
            if fail {
                entry.0 = true;
            } else {
                entry.1 = true;
            }
        }
    }
    let missing: Vec<String> = registry::rules()
        .iter()
        .filter_map(|rule| match seen.get(rule.code) {
            Some((true, true)) => None,
            Some((fail, pass)) => Some(format!("{} (fail: {fail}, pass: {pass})", rule.code)),
            None => Some(format!("{} (no fixture)", rule.code)),
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules without both fixtures: {}",
        missing.join(", ")
    );
}

#[test]
fn no_orphan_snapshots() {
    for file in common::files_under(&fixtures_root()) {
        let name = file.to_string_lossy().to_string();
        if let Some(source) = name.strip_suffix(".snap") {
            assert!(Path::new(source).exists(), "{name} has no fixture");
        }
    }
}
