//! The page evaluates Jsonnet in a second wasm module (crates/jsonnet-wasm): the engine sends a
//! request, the module's built-in evaluator answers. Every Jsonnet file of the ecspresso corpus,
//! evaluated with its project's files as a lint run gives them, must come out the same through
//! that path as through the built-in evaluator (the CLI's).
//!
//! The corpus is `$ECSPLAIN_CORPUS/ecspresso`; when absent the test prints a note and passes.

#![cfg(feature = "jsonnet")]
#![allow(clippy::print_stderr)]

use std::fs;
use std::path::PathBuf;

use ecsplain_engine::ecspresso::jsonnet::{answer, evaluate, evaluate_via, Env, Outcome};
use ecsplain_engine::ecspresso::Format;

mod common;

#[test]
fn corpus_jsonnet_evaluates_the_same_through_the_external_path() {
    let root = common::corpus_dir("ecspresso");
    let Ok(entries) = fs::read_dir(&root) else {
        eprintln!("note: no ecspresso corpus at {}; skipped", root.display());
        return;
    };
    let mut projects: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    projects.sort();
    let (mut files, mut values) = (0, 0);
    for project in projects.iter().filter(|p| p.is_dir()) {
        let inputs = common::project_inputs(project);
        let mut env = Env::from_inputs(&inputs);
        env.ext_str.insert("TAG".into(), "v1".into());
        for input in &inputs {
            if Format::from_path(&input.path) != Format::Jsonnet {
                continue;
            }
            files += 1;
            let direct = evaluate(&input.path, &input.text, &env);
            let via = evaluate_via(answer, &input.path, &input.text, &env);
            assert_eq!(direct, via, "{}/{}", project.display(), input.path);
            values += usize::from(matches!(direct, Outcome::Value { .. }));
        }
    }
    eprintln!("{files} Jsonnet files, {values} evaluated to a value");
    if root.exists() {
        assert!(
            files >= 20 && values >= 15,
            "{files} files, {values} values"
        );
    }
}
