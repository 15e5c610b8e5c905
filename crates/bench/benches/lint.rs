//! `cargo bench -p ecsplain-bench`: lint time of the largest corpus file of each kind, and how lint
//! time grows with input size (it should grow linearly).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ecsplain_bench::{dockerfile, largest, task_definition};
use ecsplain_engine::{lint, Input, Kind};

fn corpus_files(c: &mut Criterion) {
    let mut group = c.benchmark_group("largest-corpus-file");
    for (folder, kind) in [
        ("taskdef", Kind::TaskDef),
        ("servicedef", Kind::ServiceDef),
        ("dockerfile", Kind::Dockerfile),
    ] {
        if let Some((name, text)) = largest(folder) {
            let inputs = [Input::new(name.clone(), text.clone(), Some(kind))];
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(BenchmarkId::new(folder, name), |b| b.iter(|| lint(&inputs)));
        }
    }
    group.finish();
}

fn growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth-taskdef");
    group.sample_size(10);
    for containers in [10, 100, 1000, 4000] {
        let text = task_definition(containers, 20);
        let inputs = [Input::new("t.json", text.clone(), Some(Kind::TaskDef))];
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), &inputs, |b, i| {
            b.iter(|| lint(i))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("growth-dockerfile");
    group.sample_size(10);
    for lines in [100, 1000, 10_000] {
        let text = dockerfile(lines);
        let inputs = [Input::new(
            "Dockerfile",
            text.clone(),
            Some(Kind::Dockerfile),
        )];
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(lines), &inputs, |b, i| {
            b.iter(|| lint(i))
        });
    }
    group.finish();
}

criterion_group!(benches, corpus_files, growth);
criterion_main!(benches);
