//! Every Dockerfile of the corpus parses without an `IN003` finding and without a panic, and
//! every finding's span lies inside the text on character boundaries.
//!
//! The corpus folder is `$ECSPLAIN_CORPUS/dockerfile`, or `<repo>/../shared/corpus/dockerfile`.
//! `ECSPLAIN_CORPUS_PRINT=1` prints every finding (to read them for false positives).

#![allow(clippy::print_stdout)] // a test that reports what it read

use std::fs;
use std::path::PathBuf;

use ecsplain_engine::{lint, Input, Kind};

mod common;

/// Corpus files BuildKit itself rejects, with the reason: they must get `IN003`.
const KNOWN_INVALID: &[(&str, &str)] = &[(
    "0xbageltoes_credit-cashflow-engine__Dockerfile",
    "comments after `\\` in a RUN continuation end the instruction; BuildKit reports `unknown instruction: curl` (and `EXPOSE 8000  # API` reads `#` as a port)",
)];

#[test]
fn corpus_dockerfiles_parse_cleanly() {
    let dir = common::corpus_dir("dockerfile");
    let Ok(entries) = fs::read_dir(&dir) else {
        println!(
            "note: no Dockerfile corpus at {} (set ECSPLAIN_CORPUS); skipping",
            dir.display()
        );
        return;
    };
    let print = std::env::var_os("ECSPLAIN_CORPUS_PRINT").is_some();
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut problems = Vec::new();
    let mut count = 0;
    let mut elapsed = std::time::Duration::ZERO;
    for path in paths.iter().filter(|p| p.is_file()) {
        let Ok(bytes) = fs::read(path) else { continue };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        count += 1;
        let started = std::time::Instant::now();
        let report = lint(&[Input::new(
            name.clone(),
            text.clone(),
            Some(Kind::Dockerfile),
        )]);
        elapsed += started.elapsed();
        if KNOWN_INVALID.iter().any(|(n, _)| *n == name)
            && !report.findings.iter().any(|f| f.code == "IN003")
        {
            problems.push(format!(
                "{name}: BuildKit rejects it, but no IN003 was reported"
            ));
        }
        let parsed = ecsplain_engine::dockerfile::parse(&text);
        for f in &report.findings {
            let r = f.span.range();
            if r.end > text.len()
                || !text.is_char_boundary(r.start)
                || !text.is_char_boundary(r.end)
            {
                problems.push(format!("{name}: {} span {:?} outside the text", f.code, r));
            }
            let known_invalid = KNOWN_INVALID.iter().any(|(n, _)| *n == name);
            if f.code == "IN003" && !known_invalid {
                problems.push(format!("{name}:{}: IN003 {}", f.line, f.message));
            }
            if print {
                // The line of the instruction holding the finding, as hadolint reports it.
                let start = f.span.start as usize;
                let instruction_line = parsed
                    .dockerfile
                    .instructions
                    .iter()
                    .find(|i| (i.span.start as usize) <= start && start <= i.span.end as usize)
                    .map_or(f.line as usize, |i| i.line);
                println!(
                    "{name}:{}:{}: {}[{}] {} (instruction line {instruction_line})",
                    f.line,
                    f.column,
                    f.severity.as_str(),
                    f.code,
                    f.message
                );
            }
        }
    }
    println!(
        "linted {count} corpus Dockerfiles in {} µs",
        elapsed.as_micros()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
