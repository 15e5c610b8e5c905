//! The Japanese of the teaching module's own keyed sentences (issue 21): the sizing
//! arithmetic's (`SIZING.<NAME>`, `sizing/text.ja.msg`), the lessons' facts (`LESSON.<NAME>`,
//! `learn/facts.ja.msg`) and the checklist's Markdown (`MARKDOWN.<NAME>`,
//! `learn/checklist.ja.msg`), one `NAME = text` a line.
//!
//! Compiled in for native builds; a build with the feature `external-docs` (the page) leaves
//! them out and is given them with the Japanese rule docs under `ja-msg/<KEY>`
//! ([`super::translation::compiled_texts`] lists them for `rule_docs --lang ja`), so no
//! Japanese is part of the page's wasm. Before they are at hand a sentence is English.

use crate::input::msg::Msg;
use crate::rules::rule::{ja_message, Lang};

/// `(prefix, file)`: each table's key prefix and its `NAME = text` lines.
#[cfg(not(feature = "external-docs"))]
pub(crate) static TABLES: &[(&str, &str)] = &[
    ("SIZING.", include_str!("../sizing/text.ja.msg")),
    ("LESSON.", include_str!("facts.ja.msg")),
    ("MARKDOWN.", include_str!("checklist.ja.msg")),
];
#[cfg(feature = "external-docs")]
pub(crate) static TABLES: &[(&str, &str)] = &[];

/// The `(key, text)` lines of every table (`SIZING.NAME`, ...).
pub(crate) fn compiled() -> impl Iterator<Item = (String, &'static str)> {
    TABLES.iter().flat_map(|(prefix, file)| {
        lines(file).map(move |(name, text)| (format!("{prefix}{name}"), text))
    })
}

/// The `(NAME, text)` lines of a file (comments and blank lines skipped).
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    file.lines().filter_map(|line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let (name, text) = line.split_once(" = ")?;
        Some((name.trim(), text))
    })
}

/// The Japanese of a template: compiled in, else loaded with the Japanese rule docs (where a
/// finding's message template is found too).
pub fn ja(key: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .find_map(|(prefix, file)| {
            let name = key.strip_prefix(prefix)?;
            lines(file).find(|(n, _)| *n == name).map(|(_, text)| text)
        })
        .or_else(|| ja_message(key))
}

/// Renders a keyed sentence in `lang` (English where its Japanese is not at hand).
pub fn render(m: &Msg, lang: Lang) -> String {
    match lang {
        Lang::En => m.en(),
        Lang::Ja => m.ja(&ja),
    }
}

/// Checks that every template of `templates` has its Japanese with the same placeholders and
/// numbers, and that no Japanese line of the table `prefix` names a template that does not
/// exist; the problems found (native builds, for the tests).
#[cfg(all(test, not(feature = "external-docs")))]
pub(crate) fn problems(prefix: &str, templates: &[&crate::input::msg::Template]) -> Vec<String> {
    use crate::input::msg::placeholders;
    let mut problems = Vec::new();
    let numbers = |s: &str| {
        let mut n: Vec<String> = s
            .split(|c: char| !c.is_ascii_digit() && c != '.')
            .map(|w| w.trim_matches('.').to_string())
            .filter(|w| !w.is_empty())
            .collect();
        n.sort();
        n
    };
    for t in templates {
        let Some(ja) = ja(t.key) else {
            problems.push(format!("{}: no Japanese", t.key));
            continue;
        };
        let mut en_p = placeholders(t.en);
        let mut ja_p = placeholders(ja);
        en_p.sort_unstable();
        ja_p.sort_unstable();
        if en_p != ja_p {
            problems.push(format!("{}: placeholders {en_p:?} vs {ja_p:?}", t.key));
        }
        if numbers(t.en) != numbers(ja) {
            problems.push(format!(
                "{}: numbers {:?} vs {:?}",
                t.key,
                numbers(t.en),
                numbers(ja)
            ));
        }
    }
    for (key, _) in compiled().filter(|(k, _)| k.starts_with(prefix)) {
        if !templates.iter().any(|t| t.key == key) {
            problems.push(format!("{key}: Japanese for no template"));
        }
    }
    problems
}

#[cfg(all(test, not(feature = "external-docs")))]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_fact_and_markdown_phrase_has_its_japanese() {
        let mut problems = problems("LESSON.", super::super::facts::text::MESSAGES);
        problems.extend(problems_of_markdown());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    fn problems_of_markdown() -> Vec<String> {
        problems("MARKDOWN.", super::super::checklist::markdown::MESSAGES)
    }

    #[test]
    fn facts_and_the_checklist_read_in_japanese() {
        use crate::learn::{check_exercise_in, lessons};
        for lesson in lessons() {
            let start = lesson.exercise.file.text;
            let result = check_exercise_in(lesson, start, Lang::Ja);
            let en = crate::learn::check_exercise(lesson, start);
            assert_eq!(result.facts.len(), en.facts.len());
            for (ja, en) in result.facts.iter().zip(&en.facts) {
                assert_eq!(ja.holds, en.holds);
                assert_ne!(ja.text, en.text, "{}: the fact in Japanese", lesson.id);
                assert!(!ja.text.contains('{'), "{}", ja.text);
                if !en.holds {
                    assert_ne!(ja.why, en.why, "{}: why, in Japanese", lesson.id);
                }
            }
        }
        let inputs = [crate::input::Input::new(
            "ecs-task-def.json",
            r#"{"family": "a", "containerDefinitions": [{"name": "app", "image": "nginx"}]}"#,
            Some(crate::input::Kind::TaskDef),
        )];
        let items = crate::learn::checklist::checklist_in(Lang::Ja);
        let statuses = crate::learn::evaluate_in(&inputs, Lang::Ja);
        let md =
            crate::learn::to_markdown_in(&items, &statuses, &[], &["ecs-task-def.json"], Lang::Ja);
        assert!(
            md.starts_with("# ECS ベストプラクティスチェックリスト\n"),
            "{md}"
        );
        assert!(
            md.contains("判定に使ったファイル: `ecs-task-def.json`"),
            "{md}"
        );
        for english in [
            "satisfied",
            "Decided from",
            "Items: our wording",
            "cannot tell",
        ] {
            assert!(!md.contains(english), "{english} left in:\n{md}");
        }
        let en_items = crate::learn::checklist();
        let en_statuses = crate::learn::evaluate(&inputs);
        assert_eq!(
            crate::learn::to_markdown_in(
                &en_items,
                &en_statuses,
                &[],
                &["ecs-task-def.json"],
                Lang::En
            ),
            crate::learn::to_markdown(&en_items, &en_statuses, &[], &["ecs-task-def.json"]),
        );
    }
}
