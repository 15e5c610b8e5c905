//! The teaching content in a second language (issue 21): the lessons', examples' and
//! checklist's human text in Japanese, in files beside the English ones.
//!
//! - `content/lessons/<id>/lesson.ja.md`: a lesson's title, summary, body and hints:
//!
//!   ```text
//!   # <title>
//!
//!   ## 要約
//!
//!   <summary: one paragraph>
//!
//!   ## 本文
//!
//!   <body: the Markdown of lesson.md in Japanese, without `## ` headings>
//!
//!   ## ヒント
//!
//!   1. <first hint, one line>
//!   2. <second hint>
//!   ```
//!
//! - `content/examples/<id>/example.ja.md`: `# <title>`, a blank line, the description (one
//!   paragraph).
//! - `data/checklist.ja.json`: the section titles and each item's text (and note) by id.
//!
//! All of it is compiled in, except in a build with the feature `external-docs` (the page),
//! which leaves it out and is given it on demand by [`crate::rules::rule::set_docs_in`] under
//! `ja/lesson/<id>`, `ja/example/<id>` and `ja/checklist.json` (what the `rule_docs` example
//! prints with `--lang ja`). A text missing in a language falls back to English.
//! `tests/ja_learn.rs` checks every file against the English.

use crate::rules::rule::Lang;

/// A lesson's text in one language, read from its `lesson.<lang>.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub hints: Vec<&'a str>,
}

/// The heading lines of a lesson file, in order.
pub const LESSON_SUMMARY: &str = "## 要約";
pub const LESSON_BODY: &str = "## 本文";
pub const LESSON_HINTS: &str = "## ヒント";

/// Reads a lesson file (see the module doc); `None` when its title or a section is missing.
pub fn parse_lesson(text: &str) -> Option<LessonText<'_>> {
    let text = text.trim_start_matches('\u{feff}');
    let rest = text.strip_prefix("# ")?;
    let (title, rest) = rest.split_once('\n')?;
    let (before, rest) = split_at_heading(rest, LESSON_SUMMARY)?;
    if !before.trim().is_empty() {
        return None;
    }
    let (summary, rest) = split_at_heading(rest, LESSON_BODY)?;
    let (body, hints) = split_at_heading(rest, LESSON_HINTS)?;
    let hints: Vec<&str> = hints
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match l.get(digits..).and_then(|r| r.strip_prefix(". ")) {
                Some(hint) if digits > 0 => Some(hint.trim()),
                _ => None,
            }
        })
        .collect::<Option<_>>()?;
    Some(LessonText {
        title: title.trim(),
        summary: summary.trim(),
        body: body.trim(),
        hints,
    })
}

/// Splits `text` at the line that is exactly `heading`: what comes before it and after it.
fn split_at_heading<'a>(text: &'a str, heading: &str) -> Option<(&'a str, &'a str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == heading {
            return Some((text.get(..offset)?, text.get(offset + line.len()..)?));
        }
        offset += line.len();
    }
    None
}

/// Reads an example file: `# <title>`, then the description.
pub fn parse_example(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start_matches('\u{feff}');
    let (title, description) = text.strip_prefix("# ")?.split_once('\n')?;
    let (title, description) = (title.trim(), description.trim());
    (!title.is_empty() && !description.is_empty()).then_some((title, description))
}

/// A text compiled in for `lang` (from `table`), else given on demand under `<prefix><key>`.
pub(crate) fn lookup(
    lang: Lang,
    table: &'static [(&'static str, &'static str)],
    key: &str,
    kind: &str,
) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    if let Some((_, text)) = table.iter().find(|(k, _)| *k == key) {
        return Some(text);
    }
    crate::rules::rule::external_text(&format!("{}{kind}/{key}", lang.key_prefix()))
}

/// Every translation file of the teaching content compiled into this build for `lang`, under
/// the key the page loads it by (`ja/lesson/<id>`, `ja/example/<id>`, `ja/checklist.json`):
/// what `rule_docs --lang ja` prints beside the rule docs. Empty for English and in a build
/// with the feature `external-docs`.
pub fn compiled_texts(lang: Lang) -> Vec<(String, &'static str)> {
    if lang == Lang::En {
        return Vec::new();
    }
    let prefix = lang.key_prefix();
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for (id, text) in super::lessons::JA_LESSONS {
        out.push((format!("{prefix}lesson/{id}"), text));
    }
    for (id, text) in super::examples::JA_EXAMPLES {
        out.push((format!("{prefix}example/{id}"), text));
    }
    let checklist = super::checklist::JA_DATA;
    if !checklist.is_empty() {
        out.push((format!("{prefix}checklist.json"), checklist));
    }
    // The teaching module's own sentences (sizing, the lessons' facts, the checklist's
    // Markdown), where the page looks up a message's Japanese (`rule::ja_message`):
    // `ja-msg/SIZING.<NAME>`, `ja-msg/LESSON.<NAME>`, `ja-msg/MARKDOWN.<NAME>`.
    for (key, text) in super::ja_text::compiled() {
        out.push((
            format!("{}{key}", crate::rules::rule::JA_MESSAGE_PREFIX),
            text,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_file_is_read_by_its_headings() {
        let text = "# 題\n\n## 要約\n\n要約です。\n\n## 本文\n\n本文です。\n\n- 項目\n\n## ヒント\n\n1. 一つ目。\n2. 二つ目。\n";
        let l = parse_lesson(text).unwrap_or_else(|| LessonText {
            title: "",
            summary: "",
            body: "",
            hints: Vec::new(),
        });
        assert_eq!(l.title, "題");
        assert_eq!(l.summary, "要約です。");
        assert_eq!(l.body, "本文です。\n\n- 項目");
        assert_eq!(l.hints, vec!["一つ目。", "二つ目。"]);
        assert!(parse_lesson("# 題\n\n## 本文\n\nx\n").is_none());
        assert!(parse_lesson("# 題\n## 要約\nx\n## 本文\ny\n## ヒント\n- z\n").is_none());
    }

    #[test]
    fn an_example_file_is_a_title_and_a_description() {
        assert_eq!(
            parse_example("# 題\n\n説明です。\n"),
            Some(("題", "説明です。"))
        );
        assert_eq!(parse_example("# 題\n"), None);
    }
}
