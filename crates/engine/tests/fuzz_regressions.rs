//! Replays the minimised fuzz inputs under `tests/fuzz_regressions/<target>/` through the same
//! checks the cargo-fuzz targets make (`tests/fuzz_regressions/check.rs`): every crash or hang a
//! fuzzer found stays fixed. Each input must also finish quickly; the time is printed, not
//! asserted (timing lives in benchmarks), except for a generous bound that only a quadratic
//! regression would cross.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "fuzz_regressions/check.rs"]
mod check;

/// Far above what any input here takes in a debug build; only runaway work crosses it.
const RUNAWAY: Duration = Duration::from_secs(60);

#[test]
fn fuzz_regressions_replay() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for target in check::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files {
            if file.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let data = std::fs::read(&file).expect("read regression input");
            let started = Instant::now();
            check::run(target, &data);
            let took = started.elapsed();
            println!("{target}/{}: {took:?}", file.display());
            assert!(took < RUNAWAY, "{} took {took:?}", file.display());
            replayed += 1;
        }
    }
    println!("replayed {replayed} inputs");
}

/// Every folder under `tests/fuzz_regressions/` names a target the checks know.
#[test]
fn regression_folders_name_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for entry in std::fs::read_dir(root)
        .expect("regressions folder")
        .flatten()
    {
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                check::TARGETS.contains(&name.as_str()),
                "unknown target folder {name}"
            );
        }
    }
}

/// The checks themselves run on small known inputs (so a broken check shows here, not only in
/// a fuzzing session).
#[test]
fn checks_accept_known_inputs() {
    let samples: &[&[u8]] = &[
        b"",
        b"{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"a\"}]}",
        b"FROM alpine\nRUN apk add curl\n",
        b"region: {{ must_env `AWS_REGION` }}\ncluster: x\n",
        b"\xff\xfe\x00garbage\r\n\t{",
    ];
    for target in check::TARGETS {
        for data in samples {
            check::run(target, data);
        }
    }
}
