//! The sizing arithmetic's sentences in the reader's language (issue 21): the `_in(lang)` forms
//! the page's Sizing and CPU & memory views call, as [`super::evaluate_in`] is for the
//! checklist's evidence.
//!
//! `sizing::text` holds the English templates (`SIZING.<NAME>`); their Japanese is
//! `sizing/text.ja.msg`, read through [`super::ja_text`] (compiled in for native builds, given
//! with the Japanese rule docs in the page). Before it is at hand a sentence is English.

use crate::input::msg::Msg;
use crate::rules::rule::{ja_message, Lang};
use crate::sizing::cpu::{self, Capacity, CpuContainer, CpuSplit, Kernel};
use crate::sizing::memory::{self, MemScenario, MemTimeline};
use crate::sizing::report;
use crate::sizing::rightsize;
use crate::sizing::task::{self, TaskSizing};

/// Renders a sizing sentence in `lang` (English where its Japanese is not at hand).
pub fn render(m: &Msg, lang: Lang) -> String {
    super::ja_text::render(m, lang)
}

/// Whether the sizing sentences' Japanese is at hand (compiled in, or loaded with the Japanese
/// rule docs).
pub fn available(lang: Lang) -> bool {
    lang == Lang::En
        || super::ja_text::ja("SIZING.CPU_IDLE").is_some()
        || ja_message("SIZING.CPU_IDLE").is_some()
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

/// [`report::size_task`]: every sentence of the report (the task's notes, the prices', the EC2
/// fit's) in `lang`.
pub fn size_task_in(
    task: TaskSizing,
    options: &report::SizeOptions,
    lang: Lang,
) -> report::SizeReport {
    let mut r = report::size_task(task, options);
    if lang != Lang::En {
        r.localize(&|m| render(m, lang));
    }
    r
}

/// [`report::render_text`] in `lang`: the report's words; give it a report made in `lang`
/// ([`size_task_in`]) so its sentences are in `lang` too.
pub fn render_text_in(r: &report::SizeReport, lang: Lang) -> String {
    report::render_text_with(r, &|m| render(m, lang))
}

/// What the right-sizing query is ([`crate::sizing::rightsize::LABEL`]) in `lang`.
pub fn rightsize_label_in(lang: Lang) -> String {
    render(&Msg::new(&crate::sizing::text::RIGHTSIZE_LABEL), lang)
}

/// [`rightsize::parse_results`], its problems in `lang`.
pub fn parse_results_in(text: &str, lang: Lang) -> rightsize::Parsed {
    let mut parsed = rightsize::parse_results(text);
    if lang != Lang::En {
        parsed.localize(&|m| render(m, lang));
    }
    parsed
}

/// [`rightsize::recommend`]: the headroom rule, each container's sentence and the notes in
/// `lang`.
pub fn recommend_in(
    rows: &[rightsize::Observed],
    policy: &rightsize::Policy,
    lang: Lang,
) -> rightsize::Advice {
    let mut advice = rightsize::recommend(rows, policy);
    if lang != Lang::En {
        advice.localize(&|m| render(m, lang));
    }
    advice
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
    use crate::sizing::text::MESSAGES;

    /// Every template has its Japanese, with the same placeholders (as a multiset) and the same
    /// numbers; no line names a template that does not exist.
    #[test]
    fn every_sizing_template_has_its_japanese() {
        let problems = super::super::ja_text::problems("SIZING.", MESSAGES);
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
        let mut options = report::SizeOptions::new("ap-northeast-1");
        options.instance = Some("m5.large".into());
        let task = task::analyze_text(
            r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                "containerDefinitions": [{"name": "a", "cpu": 128, "memoryReservation": 256}]}"#,
        );
        let en = report::size_task(task.clone(), &options);
        let ja = size_task_in(task, &options, Lang::Ja);
        let (Some(en_cost), Some(ja_cost)) = (&en.cost, &ja.cost) else {
            panic!("the size is priced");
        };
        assert_eq!(en_cost.notes.len(), ja_cost.notes.len());
        for n in &ja_cost.notes {
            assert!(!n.contains(" the "), "English left: {n}");
        }
        let (Some(en_fit), Some(ja_fit)) = (&en.ec2, &ja.ec2) else {
            panic!("the EC2 fit is there");
        };
        assert_ne!(en_fit.sentence, ja_fit.sentence);
        assert!(ja_fit.sentence.contains("m5.large"), "{}", ja_fit.sentence);
        assert!(
            !ja_fit.registered_basis.contains(" the "),
            "{}",
            ja_fit.registered_basis
        );
        assert!(!rightsize_label_in(Lang::Ja).contains(" the "));
    }

    #[test]
    fn the_size_report_reads_in_japanese() {
        let mut options = report::SizeOptions::new("ap-northeast-1");
        options.instance = Some("m5.large".into());
        let text = r#"{"requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "3072",
            "containerDefinitions": [{"name": "app", "cpu": 256, "memoryReservation": 1024, "memory": 2048},
                                     {"name": "log_router", "cpu": 128, "essential": false}]}"#;
        let en = report::size(text, &options);
        assert_eq!(render_text_in(&en, Lang::En), report::render_text(&en));
        let ja = size_task_in(task::analyze_text(text), &options, Lang::Ja);
        let out = render_text_in(&ja, Lang::Ja);
        for word in [
            "タスク: cpu 1024",
            "コンテナ",
            "合計",
            "AWS の推奨",
            "料金",
            "出典",
            "注記",
            "いいえ",
        ] {
            assert!(out.contains(word), "{word} missing in:\n{out}");
        }
        assert!(!out.contains('{'), "{out}");
        for english in [
            "Task:",
            "sums:",
            "headroom",
            "Cost in",
            "/month",
            "Notes:",
            "registered memory",
            " or ",
            "note:",
        ] {
            assert!(!out.contains(english), "{english} left in:\n{out}");
        }
        let lines = |s: &str| s.lines().count();
        assert_eq!(lines(&out), lines(&report::render_text(&en)));
    }

    #[test]
    fn right_sizing_advice_renders_in_japanese() {
        let csv = "ContainerName,maxCpu,maxMem,memReserved\napp,300.5,700,1024\nlog_router,,90,\n";
        let en = rightsize::parse_results(csv);
        let ja = parse_results_in(csv, Lang::Ja);
        assert_eq!(en.rows, ja.rows);
        let policy = rightsize::Policy::default();
        let en_advice = rightsize::recommend(&en.rows, &policy);
        let ja_advice = recommend_in(&ja.rows, &policy, Lang::Ja);
        assert_eq!(recommend_in(&en.rows, &policy, Lang::En), en_advice);
        // The numbers are the same; only the sentences change.
        assert_eq!(
            (
                ja_advice.cpu_sum,
                ja_advice.memory_reservation_sum,
                ja_advice.fargate_size
            ),
            (
                en_advice.cpu_sum,
                en_advice.memory_reservation_sum,
                en_advice.fargate_size
            )
        );
        assert_eq!(
            serde_json::to_value(&ja_advice.containers[0].observed).ok(),
            serde_json::to_value(&en_advice.containers[0].observed).ok()
        );
        assert!(ja_advice.rule.contains("ハード制限"), "{}", ja_advice.rule);
        assert!(ja_advice.rule.contains("1.2") && ja_advice.rule.contains("1.5"));
        let app = &ja_advice.containers[0].sentence;
        assert!(
            app.starts_with("app: メモリのピークは予約 1024 MiB に対して 700 MiB"),
            "{app}"
        );
        assert!(
            app.contains("896") && app.contains("1088") && app.contains("384"),
            "{app}"
        );
        let lr = &ja_advice.containers[1].sentence;
        assert!(lr.contains("結果に CPU のピークがありません"), "{lr}");
        assert_eq!(ja_advice.notes.len(), en_advice.notes.len());
        let everything = std::iter::once(&ja_advice.rule)
            .chain(ja_advice.containers.iter().map(|c| &c.sentence))
            .chain(ja_advice.notes.iter());
        for text in everything {
            assert!(!text.contains('{') && !text.contains(" the "), "{text}");
        }
        for garbage in ["", "{", "{\"results\": 5}", "a,b\n1,2"] {
            let en = rightsize::parse_results(garbage);
            let ja = parse_results_in(garbage, Lang::Ja);
            assert_eq!(en.problems.len(), ja.problems.len());
            assert_ne!(en.problems, ja.problems, "{garbage:?}");
        }
    }
}
