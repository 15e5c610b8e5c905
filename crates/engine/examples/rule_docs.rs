//! Prints every rule's documentation as one JSON object, rule code to `Rule::docs` text.
//!
//! The page builds the engine with the feature `external-docs` (the docs are about 30 KB of its
//! download) and loads this output, written by `static/build/rule-docs.mjs` as a script beside
//! the page, the first time an explanation needs it: the rules' doc comments stay the only copy.
//!
//! `cargo run -q -p ecsplain-engine --example rule_docs`
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

fn main() {
    let docs: BTreeMap<&str, &str> = ecsplain_engine::registry::rules()
        .iter()
        .map(|rule| (rule.code, rule.docs()))
        .collect();
    match serde_json::to_string(&docs) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("rule_docs: {e}");
            std::process::exit(1);
        }
    }
}
