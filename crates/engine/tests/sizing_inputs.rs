//! The sizing engine on real inputs: every task definition fixture (and the shared research
//! corpus, when present on this machine) is analysed, priced, fitted on an instance and run
//! through the CPU and memory explainers. Nothing may panic, and every number must be finite.

use std::path::Path;

use ecsplain_engine::sizing::{cpu, ec2, memory, report, task};

fn check(name: &str, text: &str) {
    let mut options = report::SizeOptions::new("us-east-1");
    options.instance = Some("m5.large".into());
    let r = report::size(text, &options);
    let _ = report::render_text(&r);
    if let Some(c) = &r.cost {
        for p in &c.platforms {
            assert!(p.per_hour.is_none_or(f64::is_finite), "{name}");
        }
    }
    let sizing = task::analyze_text(text);
    let (containers, capacity) = cpu::from_task(&sizing, 1.0, 2.0);
    let split = cpu::simulate(&containers, capacity);
    assert!(
        split.used_vcpu.is_finite() && split.used_vcpu <= split.capacity_vcpu + 1e-9,
        "{name}"
    );
    let timeline = memory::simulate(&memory::from_task(&sizing, 3));
    assert_eq!(
        timeline.steps.len(),
        usize::from(!sizing.containers.is_empty()) * 3,
        "{name}"
    );
    let _ = ec2::fit(
        &ec2::Instance::from_type("c6g.xlarge").unwrap_or(ec2::Instance {
            name: "x".into(),
            vcpus: 4,
            memory_mib: 8192,
        }),
        ec2::RegisteredMemory::Assumed,
        0,
        &ec2::TaskReservation::from_task(&sizing),
    );
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn fixtures_and_corpus_size_without_panics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("../../tests/fixtures/taskdef"), &mut files);
    walk(Path::new("/work/shared/corpus/taskdef"), &mut files);
    walk(Path::new("/work/shared/corpus/ecspresso"), &mut files);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        check(&f.display().to_string(), &text);
        // Truncated copies too: users paste half a file.
        let mut cut = text.len() / 2;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        check(&f.display().to_string(), &text[..cut]);
    }
}
