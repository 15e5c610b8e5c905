//! Tests of the teaching content: every example's findings are snapshot-tested (under
//! `tests/learn/`), good examples have no error and no warning, every exercise is broken at the
//! start and solved by its reference solution, and the checklist maps only to real codes.
//!
//! `ECSPLAIN_BLESS=1 cargo test -p ecsplain-engine --test learn` rewrites the snapshots.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use ecsplain_engine::learn::{
    self, check_exercise, checklist, evaluate, examples, lessons, Platform, Quality, Status,
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
    // A bad and a good version for every input kind. Terraform and CloudFormation (issue 20)
    // join the gallery when the page shows them; until then they have no example.
    for kind in Kind::ALL.into_iter().filter(|k| !k.is_iac()) {
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

fn verdicts(inputs: &[ecsplain_engine::Input]) -> Vec<learn::ItemStatus> {
    let statuses = evaluate(inputs);
    assert_eq!(statuses.len(), checklist().len());
    // Every decided verdict names what decided it.
    for s in &statuses {
        if s.status != Status::Manual {
            assert!(!s.evidence.is_empty(), "{}: no evidence", s.id);
            assert!(s.evidence.iter().all(|e| !e.text.is_empty()), "{}", s.id);
        }
    }
    statuses
}

#[allow(clippy::expect_used)] // a test helper: a missing item is a test failure
fn item<'a>(statuses: &'a [learn::ItemStatus], id: &str) -> &'a learn::ItemStatus {
    statuses.iter().find(|s| s.id == id).expect("item")
}

fn task(text: &str) -> ecsplain_engine::Input {
    ecsplain_engine::Input::new("task-def.json", text, Some(Kind::TaskDef))
}

fn satisfied(s: &learn::ItemStatus) -> bool {
    s.status == Status::Satisfied && s.evidence.iter().all(|e| e.line > 0 && e.code.is_none())
}

fn not_satisfied_by(s: &learn::ItemStatus, code: Option<&str>) -> bool {
    match (&s.status, code) {
        (Status::NotSatisfied(f), Some(code)) => {
            f.iter().any(|f| f.code == code) && s.evidence.iter().any(|e| e.code == Some(code))
        }
        (Status::NotSatisfied(f), None) => f.is_empty() && !s.evidence.is_empty(),
        _ => false,
    }
}

const EC2_BRIDGE: &str = r#"{
  "family": "web", "requiresCompatibilities": ["EC2"], "networkMode": "bridge",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:latest", "essential": true, "memory": 256, "cpu": 256,
      "portMappings": [{ "containerPort": 80, "hostPort": 80 }] },
    { "name": "xray", "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.13", "essential": false,
      "memory": 64, "cpu": 32 }
  ]
}"#;

const EC2_AWSVPC_EFS: &str = r#"{
  "family": "files", "requiresCompatibilities": ["EC2"], "networkMode": "awsvpc",
  "cpu": "512", "memory": "1024",
  "executionRoleArn": "arn:aws:iam::123456789012:role/files-exec",
  "taskRoleArn": "arn:aws:iam::123456789012:role/files-task",
  "volumes": [
    { "name": "data", "efsVolumeConfiguration": {
        "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED",
        "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0", "iam": "DISABLED" } } }
  ],
  "containerDefinitions": [
    { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/files:1.2.0",
      "essential": true, "cpu": 384, "memoryReservation": 512, "user": "1000",
      "readonlyRootFilesystem": true, "stopTimeout": 30,
      "environment": [{ "name": "OTEL_SERVICE_NAME", "value": "files" },
        { "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4318" }],
      "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }],
      "secrets": [{ "name": "DB_PASSWORD",
        "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:files/db-AbCdEf" }],
      "logConfiguration": { "logDriver": "awslogs", "options": {
        "awslogs-group": "/ecs/files", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } } },
    { "name": "otel-collector", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/aws-otel-collector:v0.49.0",
      "essential": false, "cpu": 128, "memoryReservation": 256, "user": "4317",
      "readonlyRootFilesystem": true, "stopTimeout": 10,
      "logConfiguration": { "logDriver": "awslogs", "options": {
        "awslogs-group": "/ecs/files", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "otel" } } }
  ]
}"#;

#[test]
fn checklist_items_need_positive_evidence() {
    // A bridge-mode EC2 task with no task role, a Docker Hub image and only an X-Ray daemon.
    let s = verdicts(&[task(EC2_BRIDGE)]);
    assert!(
        not_satisfied_by(item(&s, "8.5"), None),
        "{:?}",
        item(&s, "8.5")
    );
    assert!(item(&s, "8.5").evidence[0].text.contains("bridge"));
    assert!(
        not_satisfied_by(item(&s, "2.8"), None),
        "{:?}",
        item(&s, "2.8")
    );
    assert!(
        matches!(item(&s, "3.4").status, Status::NotSatisfied(_)),
        "{:?}",
        item(&s, "3.4")
    );
    assert!(item(&s, "3.4")
        .evidence
        .iter()
        .any(|e| e.text.contains("nginx:latest")));
    assert!(
        not_satisfied_by(item(&s, "9.3"), None),
        "{:?}",
        item(&s, "9.3")
    );
    assert!(item(&s, "9.3").evidence[0].text.contains("X-Ray"));
    assert!(
        not_satisfied_by(item(&s, "1.5"), Some("TD201")),
        "{:?}",
        item(&s, "1.5")
    );
    // No EFS volume: the EFS items and transit encryption cannot be shown.
    for id in ["6.3", "6.4", "8.4"] {
        assert_eq!(item(&s, id).status, Status::NotApplicable, "{id}");
    }
    // No service definition: the service items do not apply.
    for id in ["2.5", "3.3", "5.1"] {
        assert_eq!(item(&s, id).status, Status::NotApplicable, "{id}");
        assert!(item(&s, id).evidence[0].text.contains("service"));
    }
    // No secret passed at all: nothing shows how secrets would reach the containers.
    assert_eq!(item(&s, "8.8").status, Status::NotApplicable);
    // 7.3 is the author's "a rollback procedure exists": ticked by hand.
    assert_eq!(item(&s, "7.3").status, Status::Manual);
    assert!(item(&s, "7.3").evidence.is_empty());
    // No Dockerfile: its items need one.
    assert_eq!(item(&s, "1.6").status, Status::Unknown);

    // awsvpc, its own task role, ECR in its region, an ADOT collector, EFS with an access
    // point and transit encryption but without IAM authorisation, a secret from Secrets
    // Manager.
    let s = verdicts(&[task(EC2_AWSVPC_EFS)]);
    for id in [
        "8.5", "2.8", "3.4", "9.3", "9.2", "1.4", "1.3", "2.9", "1.5", "8.8", "6.4", "8.4",
    ] {
        assert!(satisfied(item(&s, id)), "{id}: {:?}", item(&s, id));
    }
    assert!(
        not_satisfied_by(item(&s, "6.3"), Some("TD108")),
        "{:?}",
        item(&s, "6.3")
    );
    assert!(item(&s, "6.3").evidence[0].text.contains("IAM"));
    // Lines name where they are.
    let e = &item(&s, "2.8").evidence[0];
    assert_eq!((e.path.as_str(), e.line), ("task-def.json", 5));
}

#[test]
fn checklist_counts_suppressed_findings() {
    let dockerfile = "FROM python:3.12-slim\n# ecsplain ignore=DF006 -- demo\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nUSER 1000\nCMD [\"python\", \"app.py\"]\n";
    let inputs = [ecsplain_engine::Input::new(
        "Dockerfile",
        dockerfile,
        Some(Kind::Dockerfile),
    )];
    // The lint the user sees honours the suppression ...
    assert!(!lint(&inputs).findings.iter().any(|f| f.code == "DF006"));
    // ... the checklist does not.
    let s = verdicts(&inputs);
    assert!(
        not_satisfied_by(item(&s, "8.8"), Some("DF006")),
        "{:?}",
        item(&s, "8.8")
    );
}

#[test]
fn checklist_decides_1_5_and_1_6_from_the_right_files() {
    // A base image tagged latest says nothing of how the application's image is tagged.
    let dockerfile =
        "FROM golang:latest\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
    let inputs = [ecsplain_engine::Input::new(
        "Dockerfile",
        dockerfile,
        Some(Kind::Dockerfile),
    )];
    let s = verdicts(&inputs);
    assert_eq!(
        item(&s, "1.5").status,
        Status::Unknown,
        "{:?}",
        item(&s, "1.5")
    );
    // A single stage on the full Go image: not small, and DF009 counts.
    let i = item(&s, "1.6");
    assert!(
        matches!(&i.status, Status::NotSatisfied(f) if f.iter().any(|f| f.code == "DF007")),
        "{i:?}"
    );
    // A second stage on the full Go image: DF009 (now mapped) decides.
    let full = "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM golang:1.23\nCOPY --from=build /app /app\nUSER 1000\nCMD [\"/app\"]\n";
    let inputs = [ecsplain_engine::Input::new(
        "Dockerfile",
        full,
        Some(Kind::Dockerfile),
    )];
    let s = verdicts(&inputs);
    let i = item(&s, "1.6");
    assert!(
        matches!(&i.status, Status::NotSatisfied(f) if f.iter().any(|f| f.code == "DF009")),
        "{i:?}"
    );
    // A tag set at deploy time cannot be decided from the file.
    let templated = EC2_AWSVPC_EFS.replace("files:1.2.0", "files:{{ must_env `IMAGE_TAG` }}");
    let s = verdicts(&[task(&templated)]);
    assert_eq!(
        item(&s, "1.5").status,
        Status::Unknown,
        "{:?}",
        item(&s, "1.5")
    );
}

#[test]
fn checklist_evaluates_examples() {
    // The good ecspresso project satisfies what its files can show, each with its lines.
    let good = learn::example("ecspresso-good").expect("example");
    let s = verdicts(&good.inputs());
    for id in ["2.5", "2.8", "3.3", "5.1", "8.8", "1.4"] {
        assert!(satisfied(item(&s, id)), "{id}: {:?}", item(&s, id));
    }
    assert_eq!(
        item(&s, "1.6").status,
        Status::Unknown,
        "no Dockerfile given"
    );
    assert_eq!(item(&s, "8.1").status, Status::Manual);

    // The bad one does not.
    let bad = learn::example("ecspresso-bad").expect("example");
    let s = verdicts(&bad.inputs());
    assert!(matches!(&item(&s, "3.3").status, Status::NotSatisfied(f) if !f.is_empty()));
    // The page's end-to-end test expects both kinds of verdict for this example.
    let sat: Vec<&str> = s
        .iter()
        .filter(|i| i.status == Status::Satisfied)
        .map(|i| i.id.as_str())
        .collect();
    assert!(!sat.is_empty(), "ecspresso-bad satisfies nothing: {s:?}");

    // EC2-only items are not applicable to a Fargate-only task.
    assert_eq!(learn::platform_of(&good.inputs()), Some(Platform::Fargate));
    let s = verdicts(&good.inputs());
    assert_eq!(item(&s, "8.5").status, Status::NotApplicable);
    let json = serde_json::to_string(&s).expect("serialise");
    assert!(json.contains("\"status\":\"not_applicable\""));
    assert!(json.contains("\"evidence\":[{"));

    // Every good example with a task definition shows each task item it can.
    for example in examples().iter().filter(|e| e.quality == Quality::Good) {
        let s = verdicts(&example.inputs());
        for st in &s {
            if let Status::NotSatisfied(findings) = &st.status {
                // A good example fails an item only through a line the evidence names.
                assert!(
                    st.evidence.iter().all(|e| !e.text.is_empty()),
                    "{} {}: {:?} {:?}",
                    example.id,
                    st.id,
                    findings,
                    st.evidence
                );
            }
        }
    }
}

/// A good example may keep a warning or an error only when it lists the code as intended, with
/// a reason; every listed code must really be reported (no stale entries).
#[test]
fn good_examples_have_only_intended_findings() {
    let mut failures = Vec::new();
    for example in examples().iter().filter(|e| e.quality == Quality::Good) {
        let inputs = example.inputs();
        let report = lint(&inputs);
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
        {
            if !example.intended.iter().any(|(code, _)| *code == f.code) {
                failures.push(format!(
                    "{}: {} {} is not listed as intended",
                    example.id, f.code, f.message
                ));
            }
        }
        for (code, why) in example.intended {
            if why.trim().len() < 20 {
                failures.push(format!(
                    "{}: {code} is intended without a reason",
                    example.id
                ));
            }
            if !report.findings.iter().any(|f| f.code == *code) {
                failures.push(format!("{}: {code} is listed but not reported", example.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The FireLens router of the good example runs as root with a writable root filesystem, as
/// FireLens needs, and TD102/TD103 leave it alone.
#[test]
fn firelens_good_router_runs_as_root_without_findings() {
    let good = learn::example("firelens-good").expect("example");
    let text = good.files[0].text;
    let v: serde_json::Value = serde_json::from_str(text).expect("json");
    let router = v["containerDefinitions"]
        .as_array()
        .expect("containers")
        .iter()
        .find(|c| c.get("firelensConfiguration").is_some())
        .expect("router");
    assert_eq!(router["user"], "0");
    assert_eq!(router["readonlyRootFilesystem"], false);
    let report = lint(&good.inputs());
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.code == "TD102" || f.code == "TD103"),
        "{:?}",
        report.findings
    );
}

/// The good nginx example traces through an ADOT collector, not the X-Ray daemon (in
/// maintenance mode).
#[test]
fn nginx_good_uses_an_otel_collector() {
    let good = learn::example("nginx-app-good").expect("example");
    let text = good.files[0].text;
    assert!(text.contains("aws-otel-collector"));
    assert!(!text.contains("xray-daemon"));
    assert!(text.contains("http://localhost:4318"));
}

#[allow(clippy::expect_used)] // a test helper: a missing item is a test failure
fn lesson_text(id: &str) -> (&'static learn::Lesson, String) {
    let lesson = learn::lesson(id).expect("lesson");
    (lesson, lesson.exercise.solution.to_string())
}

/// Replaces the first occurrence of `from` after `anchor` (a container's name, say).
#[allow(clippy::expect_used)] // a test helper: a missing item is a test failure
fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let at = text.find(anchor).expect("anchor");
    let rel = text[at..].find(from).expect("from after anchor");
    format!(
        "{}{}{}",
        &text[..at + rel],
        to,
        &text[at + rel + from.len()..]
    )
}

fn assert_not_solved(lesson: &learn::Lesson, attempt: &str, failing_fact: &str) {
    let result = check_exercise(lesson, attempt);
    assert!(!result.solved, "{}: a cheat passed: {attempt}", lesson.id);
    assert!(
        result
            .facts
            .iter()
            .any(|f| !f.holds && f.why.contains(failing_fact)),
        "{}: expected a fact to fail with {failing_fact:?}, got {:?}",
        lesson.id,
        result.facts
    );
}

#[test]
fn every_solution_holds_every_fact() {
    for lesson in lessons() {
        let result = check_exercise(lesson, lesson.exercise.solution);
        assert_eq!(result.facts.len(), lesson.exercise.facts.len());
        for f in &result.facts {
            assert!(f.holds, "{}: {} fails: {}", lesson.id, f.text, f.why);
            assert!(!f.text.is_empty());
        }
    }
}

#[test]
fn logging_cheats_fail() {
    let (lesson, solution) = lesson_text("logging-tracing");
    // No stream prefix on Fargate: the task could not start.
    let no_prefix = replace_after(
        &solution,
        "\"name\": \"app\"",
        "\"awslogs-stream-prefix\": \"app\"",
        "\"awslogs-datetime-format\": \"%Y\"",
    );
    assert_not_solved(lesson, &no_prefix, "awslogs-stream-prefix");
    // The SDK switched off.
    let disabled = replace_after(
        &solution,
        "\"name\": \"app\"",
        "\"name\": \"NODE_ENV\",",
        "\"name\": \"OTEL_SDK_DISABLED\",\n          \"value\": \"true\"\n        },\n        {\n          \"name\": \"NODE_ENV\",",
    );
    assert_not_solved(lesson, &disabled, "OTEL_SDK_DISABLED");
    // The gRPC port with the default http/protobuf protocol.
    let grpc_port = solution.replace("http://localhost:4318", "http://localhost:4317");
    assert_not_solved(lesson, &grpc_port, "4318");
    // ... which is right once the protocol is grpc.
    let grpc = grpc_port.replace(
        "\"value\": \"shop-api\"\n        },",
        "\"value\": \"shop-api\"\n        },\n        {\n          \"name\": \"OTEL_EXPORTER_OTLP_PROTOCOL\",\n          \"value\": \"grpc\"\n        },",
    );
    assert_ne!(grpc, grpc_port);
    assert!(check_exercise(lesson, &grpc).solved);
}

#[test]
fn right_sizing_cheats_fail_and_the_pages_advice_passes() {
    let (lesson, solution) = lesson_text("right-sizing");
    let cpu_one = solution.replace("\"cpu\": 704,", "\"cpu\": 1,");
    assert_not_solved(lesson, &cpu_one, "peaked at 700");
    let tiny = solution.replace("\"memoryReservation\": 300", "\"memoryReservation\": 4");
    assert_not_solved(lesson, &tiny, "4");
    // A valid size that is not the cheapest that fits.
    let big = solution.replace("\"memory\": \"2048\"", "\"memory\": \"4096\"");
    assert_not_solved(lesson, &big, "cheapest");

    // The Sizing view's advice (peak × 1.2, limit × 1.5, rounded to 64) from the lesson's
    // measured peaks, with the task at the size it recommends, solves the exercise.
    let rows: Vec<ecsplain_engine::sizing::rightsize::Observed> = [
        ("app", 700.0, 1100.0),
        ("worker", 200.0, 260.0),
        ("otel-collector", 40.0, 180.0),
    ]
    .iter()
    .map(
        |(name, cpu, mem)| ecsplain_engine::sizing::rightsize::Observed {
            container: (*name).to_string(),
            max_cpu: Some(*cpu),
            max_mem: Some(*mem),
            ..Default::default()
        },
    )
    .collect();
    let advice = ecsplain_engine::sizing::rightsize::recommend(
        &rows,
        &ecsplain_engine::sizing::rightsize::Policy::default(),
    );
    let size = advice.fargate_size.expect("a Fargate size");
    let mut v: serde_json::Value = serde_json::from_str(lesson.exercise.file.text).expect("json");
    v["cpu"] = serde_json::Value::String(size.cpu.to_string());
    v["memory"] = serde_json::Value::String(size.memory.to_string());
    for c in v["containerDefinitions"]
        .as_array_mut()
        .expect("containers")
    {
        let name = c["name"].as_str().expect("name").to_string();
        let a = advice
            .containers
            .iter()
            .find(|a| a.name == name)
            .expect("advice");
        c["cpu"] = a.cpu.expect("cpu").into();
        c["memoryReservation"] = a.memory_reservation.expect("reservation").into();
        c["memory"] = a.memory.expect("memory").into();
    }
    let attempt = serde_json::to_string_pretty(&v).expect("json");
    let result = check_exercise(lesson, &attempt);
    assert!(
        result.solved,
        "the page's advice does not solve it: {:?} {:?} {:?}",
        result.remaining,
        result.facts,
        result
            .new_problems
            .iter()
            .map(|f| format!("{} {}", f.code, f.message))
            .collect::<Vec<_>>()
    );
}

#[test]
fn cpu_cheats_fail() {
    let (lesson, solution) = lesson_text("cpu-shares");
    // The old reference solution: 3:1 and 1024 in all, but the collector starves at cpu 0.
    let starved = solution
        .replace("\"cpu\": 720,", "\"cpu\": 768,")
        .replace("\"cpu\": 240,", "\"cpu\": 256,")
        .replace("\"cpu\": 64,", "\"cpu\": 0,");
    assert_not_solved(lesson, &starved, "otel-collector");
    // Fitting by giving up the ratio.
    let flat = solution
        .replace("\"cpu\": 720,", "\"cpu\": 480,")
        .replace("\"cpu\": 240,", "\"cpu\": 480,");
    assert_not_solved(lesson, &flat, "not 3 to 1");
}

#[test]
fn dockerfile_cheats_fail() {
    let (lesson, solution) = lesson_text("dockerfile-multi-stage");
    // The full toolchain as the final stage, by name and through the build stage's alias.
    for base in ["golang:1.26.6-bookworm", "build"] {
        let attempt = solution.replace(
            "FROM gcr.io/distroless/static-debian12:nonroot",
            &format!("FROM {base}"),
        );
        assert_ne!(attempt, solution);
        assert_not_solved(lesson, &attempt, "toolchain");
    }
}

#[test]
fn sizing_cheats_fail() {
    let (lesson, solution) = lesson_text("fargate-sizes-cost");
    let bigger = solution.replace("\"memory\": \"2048\"", "\"memory\": \"3072\"");
    assert_ne!(bigger, solution);
    assert_not_solved(lesson, &bigger, "cheapest");

    let (lesson, solution) = lesson_text("task-vs-container-size");
    // Fitting by starving the app of memory it was given.
    let starved = solution
        .replace("\"memoryReservation\": 896", "\"memoryReservation\": 640")
        .replace("\"memory\": \"2048\"", "\"memory\": \"1024\"");
    assert_ne!(starved, solution);
    assert_not_solved(lesson, &starved, "896");

    let (lesson, solution) = lesson_text("memory-limits-oom");
    let tiny = replace_after(
        &solution,
        "\"name\": \"worker\"",
        "\"memoryReservation\": 256",
        "\"memoryReservation\": 4",
    );
    assert_not_solved(lesson, &tiny, "6 MiB");
}

#[test]
fn graceful_shutdown_cheats_fail() {
    let (lesson, solution) = lesson_text("graceful-shutdown");
    // TD022 and TD303 gone, but the app is killed before it has drained.
    let short = solution.replace("\"stopTimeout\": 110,", "\"stopTimeout\": 30,");
    assert_ne!(short, solution);
    assert_not_solved(lesson, &short, "drain");
    // A stop time alone does not make SIGTERM reach a program behind a shell.
    let no_init = replace_after(
        &solution,
        "\"name\": \"worker\"",
        "\"initProcessEnabled\": true",
        "\"initProcessEnabled\": false",
    );
    assert_not_solved(lesson, &no_init, "init process");
}

#[test]
fn image_tag_cheats_fail() {
    let (lesson, solution) = lesson_text("image-tags-digests");
    // A version tag, but ECS told not to resolve it per deployment.
    let off = solution.replace(
        "\"essential\": true,",
        "\"essential\": true,\n      \"versionConsistency\": \"disabled\",",
    );
    assert_ne!(off, solution);
    assert_not_solved(lesson, &off, "versionConsistency");
}

#[test]
fn checklist_service_items_need_their_lines() {
    let svc = |text: &str| {
        [ecsplain_engine::Input::new(
            "service-def.json",
            text.to_string(),
            Some(Kind::ServiceDef),
        )]
    };
    // A worker: no load balancer, no public IP, no network configuration, no tags.
    let worker = r#"{ "cluster": "c", "serviceName": "worker", "taskDefinition": "worker:3",
      "launchType": "EC2", "desiredCount": 2,
      "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }"#;
    let s = verdicts(&svc(worker));
    assert_eq!(
        item(&s, "5.1").status,
        Status::NotApplicable,
        "{:?}",
        item(&s, "5.1")
    );
    assert!(item(&s, "5.1").evidence[0].text.contains("inbound"));
    assert_eq!(
        item(&s, "3.3").status,
        Status::NotApplicable,
        "{:?}",
        item(&s, "3.3")
    );
    assert!(
        matches!(item(&s, "2.5").status, Status::NotSatisfied(_)),
        "{:?}",
        item(&s, "2.5")
    );
    // Public IPs and no load balancer: tasks are reached directly.
    let public = r#"{ "cluster": "c", "serviceName": "web", "taskDefinition": "web:3",
      "launchType": "FARGATE", "desiredCount": 2,
      "enableECSManagedTags": true, "propagateTags": "SERVICE",
      "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "ENABLED",
        "subnets": ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"] } } }"#;
    let s = verdicts(&svc(public));
    assert!(
        matches!(item(&s, "5.1").status, Status::NotSatisfied(_)),
        "{:?}",
        item(&s, "5.1")
    );
    assert!(satisfied(item(&s, "3.3")), "{:?}", item(&s, "3.3"));
    assert!(satisfied(item(&s, "2.5")), "{:?}", item(&s, "2.5"));
}

#[test]
fn checklist_graceful_stop_needs_exec_form_and_stop_settings() {
    let shell = "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nUSER 65532\nCMD /app --serve\n";
    let inputs = [ecsplain_engine::Input::new(
        "Dockerfile",
        shell,
        Some(Kind::Dockerfile),
    )];
    let s = verdicts(&inputs);
    assert!(
        matches!(item(&s, "1.3").status, Status::NotSatisfied(_)),
        "{:?}",
        item(&s, "1.3")
    );
    let exec = shell.replace("CMD /app --serve", "CMD [\"/app\", \"--serve\"]");
    let inputs = [ecsplain_engine::Input::new(
        "Dockerfile",
        exec,
        Some(Kind::Dockerfile),
    )];
    let s = verdicts(&inputs);
    assert!(satisfied(item(&s, "1.3")), "{:?}", item(&s, "1.3"));
}

#[test]
fn blue_green_cheats_fail() {
    let (lesson, solution) = lesson_text("blue-green-ecspresso");
    // The circuit breaker alone (SV020 gone) is still a rolling update.
    let rolling = solution.replace("\"strategy\": \"BLUE_GREEN\",\n", "");
    assert_ne!(rolling, solution);
    assert_not_solved(lesson, &rolling, "BLUE_GREEN");
    // No bake time: blue is gone the moment traffic moves.
    let no_bake = solution.replace("\"bakeTimeInMinutes\": 15", "\"bakeTimeInMinutes\": 0");
    assert_ne!(no_bake, solution);
    assert_not_solved(lesson, &no_bake, "bakeTimeInMinutes");
    // Green "registering" in the production target group is no second environment.
    let same_group = solution.replace(
        "targetgroup/catalog-web-green/1f2e3d4c5b6a7988",
        "targetgroup/catalog-web-blue/6d0ecf831eec9f09",
    );
    assert_ne!(same_group, solution);
    assert_not_solved(lesson, &same_group, "second target group");
    // Without the role ECS cannot move the listener rules.
    let no_role = replace_after(
        &solution,
        "\"testListenerRule\"",
        "\"roleArn\"",
        "\"roleArnX\"",
    );
    assert_not_solved(lesson, &no_role, "roleArn");
    // The CodeDeploy controller is the older way, not ECS's own.
    let codedeploy = solution.replace(
        "\"deploymentController\": { \"type\": \"ECS\" }",
        "\"deploymentController\": { \"type\": \"CODE_DEPLOY\" }",
    );
    assert_ne!(codedeploy, solution);
    assert_not_solved(lesson, &codedeploy, "CODE_DEPLOY");
}
