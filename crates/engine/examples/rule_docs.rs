//! Prints, as one JSON object, the texts the page's engine leaves out (feature
//! `external-docs`): every rule's `Rule::docs` under its code, every lesson's body under
//! `lesson/<id>` and its exercise's solution under `lesson/<id>/solution`, and the checklist's
//! data under `checklist.json`.
//!
//! The page loads this output, written by `static/build/rule-docs.mjs` as a script beside the
//! page, the first time a view needs it (about 35 KB of brotli kept out of the first download);
//! the rules' doc comments and the content files stay the only copies.
//!
//! `cargo run -q -p ecsplain-engine --example rule_docs`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;

use ecsplain_engine::learn;

fn main() {
    let mut texts: BTreeMap<String, &str> = ecsplain_engine::registry::rules()
        .iter()
        .map(|rule| (rule.code.to_string(), rule.docs()))
        .collect();
    for lesson in learn::lessons() {
        texts.insert(format!("lesson/{}", lesson.id), lesson.body());
        texts.insert(format!("lesson/{}/solution", lesson.id), lesson.solution());
    }
    texts.insert("checklist.json".to_string(), learn::checklist::data());
    match serde_json::to_string(&texts) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("rule_docs: {e}");
            std::process::exit(1);
        }
    }
}
