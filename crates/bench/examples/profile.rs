//! A loop for profilers: lints one input (a file, or `dockerfile:LINES` / `taskdef:CONTAINERS`)
//! `N` times and prints the mean time per lint. `perf record -g cargo run --release -p
//! ecsplain-bench --example profile -- FILE N` shows where the time goes.
#![allow(clippy::print_stdout)]

use ecsplain_engine::{lint, Input};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("dockerfile:10000", String::as_str);
    let times: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    // Several files at once: `a.json,Dockerfile,ecspresso.yml`.
    if what.contains(',') {
        let inputs: Vec<Input> = what
            .split(',')
            .map(|p| Input::new(p, std::fs::read_to_string(p).unwrap_or_default(), None))
            .collect();
        let start = Instant::now();
        for _ in 0..times {
            std::hint::black_box(lint(&inputs));
        }
        let mean = start.elapsed().as_secs_f64() * 1000.0 / times as f64;
        println!("{} files: {mean:.2} ms per lint", inputs.len());
        return;
    }
    let (path, text) = match what.split_once(':') {
        Some(("dockerfile", n)) => (
            "Dockerfile".to_string(),
            ecsplain_bench::dockerfile(n.parse().unwrap_or(10_000)),
        ),
        Some(("taskdef", n)) => (
            "task-def.json".to_string(),
            ecsplain_bench::task_definition(n.parse().unwrap_or(1000), 20),
        ),
        _ => (
            what.to_string(),
            std::fs::read_to_string(what).unwrap_or_default(),
        ),
    };
    let inputs = [Input::new(path, text, None)];
    let start = Instant::now();
    let mut findings = 0;
    for _ in 0..times {
        findings += lint(&inputs).findings.len();
    }
    let mean = start.elapsed().as_secs_f64() * 1000.0 / times as f64;
    println!(
        "{what}: {mean:.2} ms per lint ({} findings)",
        findings / times.max(1)
    );
}
