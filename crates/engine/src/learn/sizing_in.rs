//! The sizing arithmetic's sentences in the reader's language (issue 21): the `_in(lang)` forms
//! the page's Sizing and CPU & memory views call, as [`super::evaluate_in`] is for the
//! checklist's evidence.
//!
//! `sizing::text` holds the English templates (`SIZING.<NAME>`); their Japanese is
//! `sizing/sizing.ja.msg`, compiled in here for native builds, and left out of a build with the
//! feature `external-docs` (the page), which is given it with the Japanese rule docs under
//! `ja-msg/SIZING.<NAME>` ([`super::translation::compiled_texts`] lists it for `rule_docs --lang
//! ja`), so no Japanese is part of the page's wasm. Before it is at hand a sentence is English.

use crate::input::msg::{Msg, Tongue};
use crate::rules::rule::{ja_message, Lang};
use crate::sizing::cpu::{self, Capacity, CpuContainer, CpuSplit, Kernel};
use crate::sizing::memory::{self, MemScenario, MemTimeline};
use crate::sizing::task::{self, TaskSizing};

/// `sizing/sizing.ja.msg`: `NAME = text` a line (empty in the page's build).
#[cfg(not(feature = "external-docs"))]
pub(crate) static JA: &str = include_str!("../sizing/sizing.ja.msg");
#[cfg(feature = "external-docs")]
pub(crate) static JA: &str = "";

/// The key prefix of the sizing templates.
const PREFIX: &str = "SIZING.";

/// The `(key, text)` lines of [`JA`] (`SIZING.NAME`).
pub(crate) fn compiled() -> impl Iterator<Item = (&'static str, &'static str)> {
    JA.lines().filter_map(|line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let (name, text) = line.split_once(" = ")?;
        Some((name.trim(), text))
    })
}

/// The Japanese of a sizing template (`SIZING.NAME`): compiled in, else loaded.
fn ja(key: &str) -> Option<&'static str> {
    let name = key.strip_prefix(PREFIX)?;
    compiled()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
        .or_else(|| ja_message(key))
}

/// Renders a sizing sentence in `lang` (English where its Japanese is not at hand).
pub fn render(m: &Msg, lang: Lang) -> String {
    match lang {
        Lang::En => m.en(),
        Lang::Ja => m.render(&Tongue {
            text: &|t| ja(t.key).unwrap_or(t.en),
            list_separator: "、",
        }),
    }
}

/// Whether the sizing sentences' Japanese is at hand (compiled in, or loaded with the Japanese
/// rule docs).
pub fn available(lang: Lang) -> bool {
    lang == Lang::En || !JA.is_empty() || ja_message("SIZING.CPU_IDLE").is_some()
}

/// [`cpu::simulate_on`], its sentence and notes in `lang`.
pub fn simulate_cpu_in(
    containers: &[CpuContainer],
    capacity: Capacity,
    kernel: Kernel,
    lang: Lang,
) -> CpuSplit {
    let mut split = cpu::simulate_on(containers, capacity, kernel);
    if lang != Lang::En {
        split.localize(&|m| render(m, lang));
    }
    split
}

/// [`memory::simulate`], its events' sentences and notes in `lang`.
pub fn simulate_memory_in(scenario: &MemScenario, lang: Lang) -> MemTimeline {
    let mut timeline = memory::simulate(scenario);
    if lang != Lang::En {
        timeline.localize(&|m| render(m, lang));
    }
    timeline
}

/// [`task::analyze_text`], its notes in `lang`.
pub fn analyze_text_in(text: &str, lang: Lang) -> TaskSizing {
    let mut sizing = task::analyze_text(text);
    if lang != Lang::En {
        sizing.localize(&|m| render(m, lang));
    }
    sizing
}

/// A platform's label ([`Kernel::label`]) in `lang`.
pub fn kernel_label_in(kernel: Kernel, lang: Lang) -> String {
    render(&kernel.label_msg(), lang)
}

/// Which split is shown and why ([`Kernel::basis`]) in `lang`.
pub fn kernel_basis_in(kernel: Kernel, lang: Lang) -> String {
    render(&kernel.basis_msg(), lang)
}

/// A memory preset's title ([`memory::Preset::title`]) in `lang`.
pub fn preset_title_in(preset: memory::Preset, lang: Lang) -> String {
    render(&preset.title_msg(), lang)
}

/// What a memory preset teaches ([`memory::Preset::lesson`]) in `lang`.
pub fn preset_lesson_in(preset: memory::Preset, lang: Lang) -> String {
    render(&preset.lesson_msg(), lang)
}

#[cfg(all(test, not(feature = "external-docs")))]
mod tests {
    use super::*;
    use crate::input::msg::placeholders;
    use crate::sizing::text::MESSAGES;

    /// Every template has its Japanese, with the same placeholders (as a multiset) and the same
    /// numbers; no line names a template that does not exist.
    #[test]
    fn every_sizing_template_has_its_japanese() {
        let mut problems = Vec::new();
        for t in MESSAGES {
            let Some(ja) = ja(t.key) else {
                problems.push(format!("{}: no Japanese in sizing/sizing.ja.msg", t.key));
                continue;
            };
            let mut en_p = placeholders(t.en);
            let mut ja_p = placeholders(ja);
            en_p.sort_unstable();
            ja_p.sort_unstable();
            if en_p != ja_p {
                problems.push(format!("{}: placeholders {en_p:?} vs {ja_p:?}", t.key));
            }
            let numbers = |s: &str| {
                let mut n: Vec<String> = s
                    .split(|c: char| !c.is_ascii_digit() && c != '.')
                    .map(|w| w.trim_matches('.').to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
                n.sort();
                n
            };
            if numbers(t.en) != numbers(ja) {
                problems.push(format!(
                    "{}: numbers {:?} vs {:?}",
                    t.key,
                    numbers(t.en),
                    numbers(ja)
                ));
            }
        }
        for (name, _) in compiled() {
            if !MESSAGES
                .iter()
                .any(|t| t.key.strip_prefix(PREFIX) == Some(name))
            {
                problems.push(format!("{name}: Japanese for no template"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn sentences_render_in_japanese_with_their_numbers() {
        let containers = [
            CpuContainer::new("app", Some(512), 1.0),
            CpuContainer::new("log_router", None, 1.0),
        ];
        let capacity = Capacity {
            task_cpu_units: Some(1024),
            host_vcpus: 2.0,
        };
        let en = simulate_cpu_in(&containers, capacity, Kernel::Fargate, Lang::En);
        let ja = simulate_cpu_in(&containers, capacity, Kernel::Fargate, Lang::Ja);
        assert_eq!(en, cpu::simulate_on(&containers, capacity, Kernel::Fargate));
        assert_ne!(en.sentence, ja.sentence);
        assert!(ja.sentence.contains("app"), "{}", ja.sentence);
        assert!(!ja.sentence.contains('{'), "{}", ja.sentence);
        assert!(
            ja.notes.iter().all(|n| !n.contains("the ")),
            "{:?}",
            ja.notes
        );
        for preset in memory::PRESETS {
            let scenario = memory::preset(*preset);
            let t = simulate_memory_in(&scenario, Lang::Ja);
            for e in &t.events {
                assert!(!e.sentence.contains('{'), "{}", e.sentence);
                assert!(
                    !e.sentence.contains(" the "),
                    "English left in {:?}: {}",
                    preset,
                    e.sentence
                );
            }
        }
        let sizing = analyze_text_in(
            r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                "containerDefinitions": [{"name": "a", "cpu": 512, "memoryReservation": 1024}, {"name": "b"}]}"#,
            Lang::Ja,
        );
        assert!(!sizing.notes.is_empty());
        for n in &sizing.notes {
            assert!(!n.contains(" the "), "English left: {n}");
        }
    }
}
