//! The teaching content's Japanese is complete and faithful (issue 21).
//!
//! Every lesson has its `lesson.ja.md` (title, summary, body and hints; format in
//! `src/learn/translation.rs`), every example its `example.ja.md`, every checklist section and
//! item its entry in `data/checklist.ja.json`. Each Japanese text must keep the English's code
//! blocks, inline code spans, link URLs and numbers (as multisets; an English month name such as
//! "August 2024" counts its number, as Japanese writes it 2024 年 8 月), the same number of
//! hints, and the spacing of docs/ja/style.md. The helpers that read Markdown are shared with
//! tests/ja_docs.rs (tests/ja_text/).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecsplain_engine::learn::{self, translation};
use ecsplain_engine::Lang;

mod ja_text;
use ja_text::{is_japanese, numbers, split_code, unspaced, urls, without_urls};

/// The inline code spans of the prose, sorted (`` `cpu` ``).
fn code_spans(prose: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose {
        let parts: Vec<&str> = line.split('`').collect();
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 && i + 1 < parts.len() {
                out.push((*part).to_string());
            }
        }
    }
    out.sort();
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The numbers of an English text, with each month name written out followed by a year
/// ("August 2024") counted as its number too.
fn english_numbers(text: &str) -> Vec<String> {
    let mut out = numbers(text);
    for (i, month) in MONTHS.iter().enumerate() {
        let mut rest = text;
        while let Some(at) = rest.find(&format!("{month} ")) {
            let after = &rest[at + month.len() + 1..];
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                out.push((i + 1).to_string());
            }
            rest = after;
        }
    }
    out.sort();
    out
}

/// What differs between an English text and its Japanese (Markdown or plain); `what` names it.
fn differences(what: &str, english: &str, japanese: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if japanese.trim().is_empty() {
        return vec![format!("{what}: empty")];
    }
    let (en_prose, en_code) = split_code(english);
    let (ja_prose, ja_code) = split_code(japanese);
    if en_code != ja_code {
        problems.push(format!(
            "{what}: code blocks differ: {en_code:?} / {ja_code:?}"
        ));
    }
    let (en_spans, ja_spans) = (code_spans(&en_prose), code_spans(&ja_prose));
    if en_spans != ja_spans {
        problems.push(format!(
            "{what}: inline code {ja_spans:?}, want {en_spans:?}"
        ));
    }
    let (en_urls, ja_urls) = (urls(&en_prose), urls(&ja_prose));
    if en_urls != ja_urls {
        problems.push(format!("{what}: link URLs {ja_urls:?}, want {en_urls:?}"));
    }
    let (en_numbers, ja_numbers) = (
        english_numbers(&without_urls(&en_prose)),
        numbers(&without_urls(&ja_prose)),
    );
    if en_numbers != ja_numbers {
        problems.push(format!(
            "{what}: numbers {ja_numbers:?}, want {en_numbers:?}"
        ));
    }
    for line in &ja_prose {
        if let Some(at) = unspaced(line) {
            problems.push(format!(
                "{what}: no space between Japanese and alphanumerics in `{at}` (docs/ja/style.md; scripts/ja_spacing.py --fix)"
            ));
        }
    }
    for bad in ['，', '．'] {
        if ja_prose.iter().any(|l| l.contains(bad)) {
            problems.push(format!(
                "{what}: `{bad}` in the text: punctuation is 、 and 。"
            ));
        }
    }
    if !ja_prose.iter().any(|l| l.chars().any(is_japanese)) {
        problems.push(format!("{what}: no Japanese in it"));
    }
    problems
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problem(s) in the Japanese teaching content:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_lesson_is_in_japanese_and_faithful() {
    let mut problems = Vec::new();
    let mut hints = 0;
    for lesson in learn::lessons() {
        let id = lesson.id;
        let Some(file) = lesson.translation(Lang::Ja) else {
            problems.push(format!("{id}: no lesson.ja.md"));
            continue;
        };
        let Some(text) = translation::parse_lesson(file) else {
            problems.push(format!(
                "{id}: lesson.ja.md is not `# title`, `## 要約`, `## 本文`, `## ヒント` with numbered hints"
            ));
            continue;
        };
        if !file.ends_with('\n') {
            problems.push(format!("{id}: lesson.ja.md does not end with a newline"));
        }
        assert_eq!(lesson.title_in(Lang::Ja), text.title);
        assert_eq!(lesson.summary_in(Lang::Ja), text.summary);
        assert_eq!(lesson.body_in(Lang::Ja), text.body);
        assert_eq!(lesson.title_in(Lang::En), lesson.title);
        assert_eq!(lesson.body_in(Lang::En), lesson.body());
        problems.extend(differences(
            &format!("{id} title"),
            lesson.title,
            text.title,
        ));
        problems.extend(differences(
            &format!("{id} summary"),
            lesson.summary,
            text.summary,
        ));
        problems.extend(differences(&format!("{id} body"), lesson.body(), text.body));
        if text.body.lines().any(|l| l.starts_with("## ")) {
            problems.push(format!(
                "{id}: the body has a `## ` heading (the format's separators)"
            ));
        }
        let english = lesson.exercise.hints;
        if text.hints.len() != english.len() {
            problems.push(format!(
                "{id}: {} hints, want {} as in English",
                text.hints.len(),
                english.len()
            ));
            continue;
        }
        assert_eq!(lesson.hints_in(Lang::Ja), text.hints);
        for (i, (en, ja)) in english.iter().zip(&text.hints).enumerate() {
            problems.extend(differences(&format!("{id} hint {}", i + 1), en, ja));
            hints += 1;
        }
    }
    report(&problems);
    assert_eq!(
        hints,
        learn::lessons()
            .iter()
            .map(|l| l.exercise.hints.len())
            .sum::<usize>()
    );
}

#[test]
fn every_example_is_in_japanese_and_faithful() {
    let mut problems = Vec::new();
    for example in learn::examples() {
        let id = example.id;
        let Some(file) = example.translation(Lang::Ja) else {
            problems.push(format!("{id}: no example.ja.md"));
            continue;
        };
        let Some((title, description)) = translation::parse_example(file) else {
            problems.push(format!(
                "{id}: example.ja.md is not `# title` and a description"
            ));
            continue;
        };
        assert_eq!(example.title_in(Lang::Ja), title);
        assert_eq!(example.description_in(Lang::Ja), description);
        assert_eq!(example.description_in(Lang::En), example.description);
        problems.extend(differences(&format!("{id} title"), example.title, title));
        problems.extend(differences(
            &format!("{id} description"),
            example.description,
            description,
        ));
    }
    report(&problems);
}

#[test]
fn every_checklist_item_is_in_japanese_and_faithful() {
    let english = learn::checklist();
    let japanese = learn::checklist::checklist_in(Lang::Ja);
    assert_eq!(english.len(), 55, "the author's list has 55 items");
    assert_eq!(japanese.len(), english.len());
    // Every id of the Japanese file names an item, once, and every item has one.
    let data: serde_json::Value =
        serde_json::from_str(learn::checklist::data_in(Lang::Ja).expect("compiled in")).unwrap();
    let mut ids: Vec<&str> = data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = english.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids, want,
        "checklist.ja.json lists every item once, in the author's order"
    );
    ids.dedup();
    let sections: Vec<u64> = data["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(sections, (1..=9).collect::<Vec<u64>>());

    let mut problems = Vec::new();
    for (en, ja) in english.iter().zip(&japanese) {
        let id = &en.id;
        assert_eq!(en.id, ja.id);
        if ja.text == en.text {
            problems.push(format!("{id}: text not translated"));
        }
        problems.extend(differences(&format!("{id} text"), &en.text, &ja.text));
        if en.section_title != "Auto Scaling" && ja.section_title == en.section_title {
            problems.push(format!("{id}: section title not translated"));
        }
        match (&en.note, &ja.note) {
            (Some(en_note), Some(ja_note)) if en_note == ja_note => {
                problems.push(format!("{id}: note not translated"))
            }
            (Some(en_note), Some(ja_note)) => {
                problems.extend(differences(&format!("{id} note"), en_note, ja_note))
            }
            (None, None) => {}
            _ => problems.push(format!("{id}: note present in one language only")),
        }
        let raw = data["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id.as_str());
        if en.note.is_none() && raw.is_some_and(|r| r.get("note").is_some()) {
            problems.push(format!(
                "{id}: a Japanese note for an item without an English one"
            ));
        }
    }
    report(&problems);
}

#[test]
fn the_teaching_texts_are_given_on_demand_under_their_keys() {
    let all = translation::compiled_texts(Lang::Ja);
    // Beside the files, the teaching module's own sentences (sizing, the lessons' facts, the
    // checklist's Markdown) under `ja-msg/` (learn::ja_text).
    let (texts, sentences): (Vec<_>, Vec<_>) = all.iter().partition(|(k, _)| k.starts_with("ja/"));
    assert!(
        sentences.iter().all(|(k, t)| {
            ["ja-msg/SIZING.", "ja-msg/LESSON.", "ja-msg/MARKDOWN."]
                .iter()
                .any(|p| k.starts_with(p))
                && !t.is_empty()
        }),
        "{sentences:?}"
    );
    assert!(sentences.len() >= 100, "{}", sentences.len());
    let keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        texts.len(),
        learn::lessons().len() + learn::examples().len() + 1,
        "one text per lesson and example, and the checklist: {keys:?}"
    );
    for lesson in learn::lessons() {
        assert!(keys.contains(&format!("ja/lesson/{}", lesson.id).as_str()));
    }
    for example in learn::examples() {
        assert!(keys.contains(&format!("ja/example/{}", example.id).as_str()));
    }
    assert!(keys.contains(&"ja/checklist.json"));
    assert!(translation::compiled_texts(Lang::En).is_empty());
}

#[test]
fn the_checks_see_what_they_should() {
    assert_eq!(
        english_numbers("v2.4.0 (August 2024)"),
        vec!["2.4.0", "2024", "8"]
    );
    assert_eq!(
        numbers("v2.4.0（2024 年 8 月）"),
        vec!["2.4.0", "2024", "8"]
    );
    assert_eq!(
        code_spans(&["a `cpu` and `memory` b"]),
        vec!["cpu", "memory"]
    );
    assert!(!differences("x", "set `cpu` to 256", "`cpu` を 512 にします。").is_empty());
    assert!(!differences("x", "set `cpu` to 256", "`memory` を 256 にします。").is_empty());
    assert!(differences("x", "set `cpu` to 256", "`cpu` を 256 にします。").is_empty());
    assert!(!differences("x", "set `cpu` to 256", "`cpu`を 256 にします。").is_empty());
    assert!(!differences("x", "[a](https://a.example/)", "[あ](https://b.example/)").is_empty());
}
