//! Tests of the teaching content: every example's findings are snapshot-tested (under
//! `tests/learn/`), good examples have no error and no warning, every exercise is broken at the
//! start and solved by its reference solution, and the checklist maps only to real codes.
//!
//! `ECSPLAIN_BLESS=1 cargo test -p ecsplain-engine --test learn` rewrites the snapshots.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::learn::{
    self, check_exercise, checklist, evaluate, evaluate_with, examples, lessons, Platform, Quality,
    Status,
};
use ecsplain_engine::report::text::{render, Style};
use ecsplain_engine::{lint, registry, Kind, Severity};

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/learn")
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn example_snapshots() {
    let bless = std::env::var_os("ECSPLAIN_BLESS").is_some();
    let mut failures = Vec::new();
    for example in examples() {
        let inputs = example.inputs();
        let report = lint(&inputs);
        let rendered = render(&report.findings, &inputs, Style::default());
        let rendered = if rendered.is_empty() {
            "(no findings)\n".to_string()
        } else {
            rendered
        };
        let path = snapshot_dir().join(format!("{}.snap", example.id));
        if bless {
            fs::create_dir_all(snapshot_dir()).expect("create snapshot folder");
            fs::write(&path, &rendered).expect("write snapshot");
            continue;
        }
        let expected = fs::read_to_string(&path).ok();
        if expected.as_deref() != Some(rendered.as_str()) {
            failures.push(format!(
                "{}: snapshot differs (run with ECSPLAIN_BLESS=1 to accept)\n--- expected\n{}\n--- actual\n{rendered}",
                example.id,
                expected.unwrap_or_else(|| "(no snapshot)".to_string())
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn good_examples_are_clean_and_bad_ones_are_not() {
    let mut failures = Vec::new();
    for example in examples() {
        let inputs = example.inputs();
        let report = lint(&inputs);
        let serious = report.count(Severity::Error) + report.count(Severity::Warning);
        match example.quality {
            Quality::Good if serious > 0 => failures.push(format!(
                "{} (good) has {serious} errors or warnings:\n{}",
                example.id,
                render(&report.findings, &inputs, Style::default())
            )),
            Quality::Bad if serious == 0 => {
                failures.push(format!("{} (bad) has no error or warning", example.id))
            }
            _ => {}
        }
        // Every file is read as the kind it says.
        for (file, kind) in example.files.iter().zip(&report.kinds) {
            if *kind != Some(file.kind) {
                failures.push(format!("{}: {} read as {kind:?}", example.id, file.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn examples_are_well_formed() {
    let mut ids = BTreeSet::new();
    for example in examples() {
        assert!(is_kebab(example.id), "{}: id is not kebab-case", example.id);
        assert!(ids.insert(example.id), "{}: duplicate id", example.id);
        assert!(!example.files.is_empty(), "{}: no files", example.id);
        assert!(!example.title.is_empty() && !example.description.is_empty());
        let other = learn::example(example.counterpart)
            .unwrap_or_else(|| panic!("{}: unknown counterpart", example.id));
        assert_eq!(
            other.counterpart, example.id,
            "{}: counterparts",
            example.id
        );
        assert_ne!(
            other.quality, example.quality,
            "{}: counterpart",
            example.id
        );
    }
    // A bad and a good version for every input kind.
    for kind in Kind::ALL {
        for quality in [Quality::Bad, Quality::Good] {
            assert!(
                examples()
                    .iter()
                    .any(|e| e.quality == quality && e.files.iter().any(|f| f.kind == kind)),
                "no {quality:?} example with a {kind:?}"
            );
        }
    }
    // The gallery serialises for the page.
    let json = serde_json::to_string(examples()).expect("serialise examples");
    assert!(json.contains("\"kind\":\"taskdef\""));
}

#[test]
fn exercises_start_broken_and_solutions_solve_them() {
    let mut ids = BTreeSet::new();
    let mut failures = Vec::new();
    for lesson in lessons() {
        assert!(is_kebab(lesson.id), "{}: id is not kebab-case", lesson.id);
        assert!(ids.insert(lesson.id), "{}: duplicate id", lesson.id);
        assert!(learn::lesson(lesson.id).is_some());
        let exercise = &lesson.exercise;
        assert!(!exercise.goal.is_empty(), "{}: empty goal", lesson.id);
        assert!(
            (2..=3).contains(&exercise.hints.len()),
            "{}: {} hints",
            lesson.id,
            exercise.hints.len()
        );
        for code in exercise.goal {
            assert!(
                registry::rule(code).is_some(),
                "{}: unknown goal code {code}",
                lesson.id
            );
        }
        assert!(
            lesson.body.contains("https://"),
            "{}: body without a link",
            lesson.id
        );

        let start = check_exercise(lesson, exercise.file.text);
        if start.solved || start.remaining.len() != exercise.goal.len() {
            failures.push(format!(
                "{}: the start should report every goal code, remaining = {:?}",
                lesson.id, start.remaining
            ));
        }
        let solved = check_exercise(lesson, exercise.solution);
        if !solved.solved {
            let inputs = [exercise.file.input()];
            failures.push(format!(
                "{}: the solution does not solve it: remaining {:?}, new:\n{}",
                lesson.id,
                solved.remaining,
                render(&solved.new_problems, &inputs, Style::default())
            ));
        }
        // The reference solution is clean of warnings and errors altogether.
        let report =
            ecsplain_engine::lint_one(exercise.file.path, exercise.solution, exercise.file.kind);
        let serious: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        if !serious.is_empty() {
            failures.push(format!("{}: solution has {serious:?}", lesson.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let json = serde_json::to_string(lessons()).expect("serialise lessons");
    assert!(json.contains("\"explainer\":\"cpu\""));
}

#[test]
fn an_attempt_that_adds_a_problem_is_not_solved() {
    let lesson = learn::lesson("fargate-sizes-cost").expect("lesson");
    // Fixes the size but tags the image latest: TD201 is new.
    let attempt = lesson
        .exercise
        .solution
        .replace("shop-api:2.3.1", "shop-api:latest");
    let result = check_exercise(lesson, &attempt);
    assert!(result.remaining.is_empty());
    assert!(!result.solved);
    assert!(result.new_problems.iter().any(|f| f.code == "TD201"));
    // Garbage never panics and is not solved.
    let result = check_exercise(lesson, "{ \"family\": ");
    assert!(!result.solved);
}

#[test]
fn checklist_maps_only_to_existing_codes() {
    for code in learn::checklist::mapped_codes() {
        assert!(
            registry::rule(&code).is_some(),
            "checklist names unknown code {code}"
        );
    }
    let items = checklist();
    assert_eq!(
        items.len(),
        55,
        "the author's list in rules.md part A has 55 items"
    );
    let sections: BTreeSet<u8> = items.iter().map(|i| i.section).collect();
    assert_eq!(sections, (1..=9).collect());
    let mut ids = BTreeSet::new();
    for item in &items {
        assert!(ids.insert(item.id.clone()), "duplicate item {}", item.id);
        assert!(!item.section_title.is_empty() && !item.text.is_empty());
        if let learn::checklist::Check::Auto {
            codes,
            needs_any_of,
        } = &item.check
        {
            assert!(!codes.is_empty() && !needs_any_of.is_empty(), "{}", item.id);
        }
    }
    let source = learn::checklist::source();
    assert_eq!(source.source, "ice1203/ecs-bestpractice-checklist");
    assert!(!source.retrieved.is_empty());
}

#[test]
fn checklist_evaluates_examples() {
    let status = |id: &str, statuses: &[learn::ItemStatus]| {
        statuses
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.status.clone())
            .expect("item")
    };
    // The good ecspresso project satisfies what its files can show.
    let good = learn::example("ecspresso-good").expect("example");
    let report = lint(&good.inputs());
    let kinds = learn::kinds_in(&report);
    let statuses = evaluate(&report, &kinds);
    assert_eq!(statuses.len(), checklist().len());
    assert_eq!(status("7.3", &statuses), Status::Satisfied);
    assert_eq!(status("8.8", &statuses), Status::Satisfied);
    assert_eq!(
        status("1.6", &statuses),
        Status::Unknown,
        "no Dockerfile given"
    );
    assert_eq!(status("8.1", &statuses), Status::Manual);

    // The bad one does not.
    let bad = learn::example("ecspresso-bad").expect("example");
    let report = lint(&bad.inputs());
    let statuses = evaluate(&report, &learn::kinds_in(&report));
    assert!(matches!(status("7.3", &statuses), Status::NotSatisfied(f) if !f.is_empty()));
    assert!(matches!(status("3.3", &statuses), Status::NotSatisfied(_)));

    // EC2-only items are not applicable to a Fargate-only task.
    let inputs = good.inputs();
    assert_eq!(learn::platform_of(&inputs), Some(Platform::Fargate));
    let statuses = evaluate_with(&report, &[Kind::TaskDef], Some(Platform::Fargate));
    assert_eq!(status("8.5", &statuses), Status::NotApplicable);
    let json = serde_json::to_string(&statuses).expect("serialise");
    assert!(json.contains("\"status\":\"not_applicable\""));
}
