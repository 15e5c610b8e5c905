//! Prints, as one JSON object, the texts the page's engine leaves out (feature
//! `external-docs`): every rule's `Rule::docs` under its code and its one-line `Rule::summary`
//! under `summary/<CODE>` (`registry::external_texts`), every lesson's body under
//! `lesson/<id>` and its exercise's solution under `lesson/<id>/solution`, and the checklist's
//! data under `checklist.json`.
//!
//! The page loads this output, written by `static/build/rule-docs.mjs` as a script beside the
//! page, the first time a view needs it (about 35 KB of brotli kept out of the first download);
//! the rules' doc comments and the content files stay the only copies.
//!
//! With `--lang ja` it prints instead the Japanese texts, on their own: each translated rule's
//! `<stem>.ja.md` (title line and Markdown, as written) under `ja/<CODE>`, for the page to load
//! only when a reader picks Japanese (`rule::set_docs_in(Lang::Ja, ...)`); a rule missing there
//! is shown in English. Beside them, the teaching content's Japanese files: each lesson's
//! `lesson.ja.md` under `ja/lesson/<id>`, each example's `example.ja.md` under
//! `ja/example/<id>` and `data/checklist.ja.json` under `ja/checklist.json`
//! (`learn::translation`), and the findings' Japanese message templates (every `<stem>.ja.msg`
//! line) under `ja-msg/<CODE.NAME>` (`rule::ja_message`), which the page's engine leaves out.
//!
//! `cargo run -q -p ecsplain-engine --example rule_docs [-- --lang ja]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;

use ecsplain_engine::{learn, Lang};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.as_slice() {
        [] => Lang::En,
        [flag, lang] if flag == "--lang" => Lang::parse(lang).unwrap_or_else(|| usage()),
        [flag] => flag
            .strip_prefix("--lang=")
            .and_then(Lang::parse)
            .unwrap_or_else(|| usage()),
        _ => usage(),
    };
    if lang != Lang::En {
        let texts: BTreeMap<String, &str> = ecsplain_engine::rule::compiled_docs(lang)
            .iter()
            .map(|(code, text)| (format!("{}{code}", lang.key_prefix()), *text))
            .chain(learn::translation::compiled_texts(lang))
            .chain(
                ecsplain_engine::rule::ja_messages()
                    .iter()
                    .map(|(key, text)| {
                        (
                            format!("{}{key}", ecsplain_engine::rule::JA_MESSAGE_PREFIX),
                            *text,
                        )
                    }),
            )
            .collect();
        print(&texts);
        return;
    }
    let mut texts: BTreeMap<String, &str> = ecsplain_engine::registry::external_texts()
        .into_iter()
        .collect();
    for lesson in learn::lessons() {
        texts.insert(format!("lesson/{}", lesson.id), lesson.body());
        texts.insert(format!("lesson/{}/solution", lesson.id), lesson.solution());
    }
    texts.insert("checklist.json".to_string(), learn::checklist::data());
    print(&texts);
}

fn usage() -> ! {
    eprintln!("usage: rule_docs [--lang en|ja]");
    std::process::exit(2);
}

fn print(texts: &BTreeMap<String, &str>) {
    match serde_json::to_string(texts) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("rule_docs: {e}");
            std::process::exit(1);
        }
    }
}
