//! Helpers shared by the integration tests: where the corpus is, and walking a folder.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

pub mod fixtures;

/// The corpus of real files: `$ECSPLAIN_CORPUS`, else `<repo>/../shared/corpus`.
pub fn corpus_root() -> PathBuf {
    match std::env::var_os("ECSPLAIN_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    }
}

/// A folder of the corpus (`taskdef`, `dockerfile`...).
pub fn corpus_dir(kind: &str) -> PathBuf {
    corpus_root().join(kind)
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every file of a project folder as an input, named by its path inside the folder (as the CLI
/// names a folder's files), read lossily.
pub fn project_inputs(project: &Path) -> Vec<ecsplain_engine::Input> {
    files_under(project)
        .into_iter()
        .map(|file| {
            let rel = file
                .strip_prefix(project)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            let text = String::from_utf8_lossy(&fs::read(&file).unwrap_or_default()).into_owned();
            ecsplain_engine::Input::new(rel, text, None)
        })
        .collect()
}

/// xorshift64*: a deterministic generator, good enough to spread test cases (the same cases on
/// every run).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
