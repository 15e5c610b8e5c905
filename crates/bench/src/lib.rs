//! Inputs for the benchmarks: generated task definitions and Dockerfiles of a given size, and the
//! largest corpus file of each kind.

use std::fmt::Write;
use std::path::PathBuf;

/// A task definition with `containers` containers of `env` environment variables each.
pub fn task_definition(containers: usize, env: usize) -> String {
    let mut out = String::from("{\n  \"family\": \"bench\",\n  \"requiresCompatibilities\": [\"FARGATE\"],\n  \"networkMode\": \"awsvpc\",\n  \"cpu\": \"4096\",\n  \"memory\": \"8192\",\n  \"containerDefinitions\": [\n");
    for c in 0..containers {
        let _ = write!(
            out,
            "    {{\"name\": \"c{c}\", \"image\": \"nginx:1.27\", \"essential\": {}, \"cpu\": 64, \"memory\": 128,\n     \"portMappings\": [{{\"containerPort\": {}}}],\n     \"environment\": [",
            c == 0,
            8000 + c % 1000
        );
        for e in 0..env {
            let _ = write!(
                out,
                "{}{{\"name\": \"VAR_{e}\", \"value\": \"value-{e}\"}}",
                if e == 0 { "" } else { ", " }
            );
        }
        out.push_str("]}");
        out.push_str(if c + 1 == containers { "\n" } else { ",\n" });
    }
    out.push_str("  ]\n}\n");
    out
}

/// A Dockerfile of about `lines` lines: stages of package installs, copies and runs.
pub fn dockerfile(lines: usize) -> String {
    let mut out = String::from("# syntax=docker/dockerfile:1\nFROM debian:12.8 AS build\n");
    let mut n = 2;
    let mut i = 0;
    while n < lines {
        let _ = write!(
            out,
            "RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-{i} \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY src/{i} /app/{i}\nENV STEP_{i}=done\n"
        );
        n += 5;
        i += 1;
        if i % 200 == 0 {
            let _ = write!(out, "FROM debian:12.8 AS stage{i}\n");
            n += 1;
        }
    }
    out.push_str("USER 10001\nCMD [\"/app/run\"]\n");
    out
}

/// The corpus folder, if present.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("ECSPLAIN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    dir.is_dir().then_some(dir)
}

/// The largest file of a corpus folder.
pub fn largest(folder: &str) -> Option<(String, String)> {
    let dir = corpus()?.join(folder);
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, entry.path()));
        }
    }
    let (_, path) = best?;
    let text = String::from_utf8_lossy(&std::fs::read(&path).ok()?).into_owned();
    Some((path.file_name()?.to_string_lossy().into_owned(), text))
}
