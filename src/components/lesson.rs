//! One lesson: its text, its picture's name, and the "fix this" exercise beside it, checked by
//! the engine as the user types.

use std::rc::Rc;

use ecsplain_engine::learn::{self, Explainer};
use ecsplain_engine::{lint, Input, Severity};
use yew::prelude::*;

use crate::components::cpu_explainer::CpuExplainer;
use crate::components::editor::Editor;
use crate::components::learn::{
    forget_attempt, progress, remember, save_attempt, saved_attempt, SOLVED_KEY,
};
use crate::components::memory_explainer::MemoryExplainer;
use crate::components::sizing::Sizing;
use crate::components::stages::Stages;
use crate::components::task_diagram::TaskDiagram;
use crate::components::FileId;
use crate::docs::{use_docs, Docs};
use crate::markdown;

/// The editor's file: not one of the project's (its textarea is `#input-9`).
const EXERCISE_FILE: FileId = FileId::at(9);

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub id: &'static str,
    pub on_back: Callback<Option<&'static str>>,
}

#[component]
pub fn Lesson(props: &LessonProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The engine's sentences in Japanese come with the Japanese rule docs: draw again when they
    // arrive (a view opened first, by a permalink, would otherwise keep its English).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    let lang = tr.lang;
    let lesson = learn::lesson(props.id);
    // The lesson's text comes with the rules' docs, loaded on first need (crate::docs).
    let docs = use_docs();
    let start: Rc<str> = Rc::from(lesson.map_or("", |l| l.exercise.file.text));
    // The user's last attempt at this exercise, kept in this browser, wins over the start file.
    let restored = use_state(|| saved_attempt(props.id).filter(|t| **t != *start));
    let text = use_state(|| (*restored).clone().unwrap_or_else(|| start.clone()));
    let checked = use_state(|| false);
    let hints = use_state(|| 0usize);
    let show_solution = use_state(|| false);
    let solved_before = use_state(|| progress(SOLVED_KEY).iter().any(|s| s == props.id));

    let Some(lesson) = lesson else {
        return html! { <p>{ tr.lesson_none() }</p> };
    };
    let exercise = &lesson.exercise;

    let attempt: Rc<str> = (*text).clone();
    let result = {
        let attempt = attempt.clone();
        use_memo(
            (
                attempt,
                lang,
                ecsplain_engine::rule::ja_messages_available(),
            ),
            move |(t, lang, _)| learn::check_exercise_in(lesson, t, *lang),
        )
    };
    let findings = {
        let file = exercise.file;
        use_memo(attempt.clone(), move |t| {
            lint(&[Input::new(file.path, t.to_string(), Some(file.kind))]).findings
        })
    };
    let marks = Rc::new({
        let mut marks: Vec<(u32, Severity)> = Vec::new();
        for f in findings.iter() {
            match marks.iter_mut().find(|(l, _)| *l == f.line) {
                Some((_, s)) => *s = (*s).max(f.severity),
                None => marks.push((f.line, f.severity)),
            }
        }
        marks
    });

    {
        let solved_before = solved_before.clone();
        let id = lesson.id;
        use_effect_with(result.solved, move |solved| {
            if *solved {
                remember(SOLVED_KEY, id);
                solved_before.set(true);
            }
            || ()
        });
    }

    let on_input = {
        let text = text.clone();
        let id = props.id;
        Callback::from(move |(_, t): (FileId, Rc<str>)| {
            save_attempt(id, &t);
            text.set(t)
        })
    };
    let on_check = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| checked.set(true))
    };
    let on_hint = {
        let hints = hints.clone();
        Callback::from(move |_: MouseEvent| hints.set(*hints + 1))
    };
    let on_reset = {
        let text = text.clone();
        let start = start.clone();
        let restored = restored.clone();
        let id = props.id;
        Callback::from(move |_: MouseEvent| {
            forget_attempt(id);
            restored.set(None);
            text.set(start.clone())
        })
    };
    let on_solution = {
        let show = show_solution.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };
    let on_back = {
        let cb = props.on_back.clone();
        Callback::from(move |_: MouseEvent| cb.emit(None))
    };

    // The picture that goes with the lesson: (data slug, link, label).
    let explainer = match lesson.explainer {
        Explainer::None => None,
        Explainer::Cpu => Some(("cpu", "#explain", tr.lesson_open_cpu())),
        Explainer::Memory => Some(("memory", "#explain", tr.lesson_open_memory())),
        Explainer::Diagram | Explainer::Sizing => {
            Some(("sizing", "#sizing", tr.lesson_open_sizing()))
        }
        Explainer::Stages => Some(("stages", "#lint", tr.lesson_see_stages())),
    };

    // The picture itself, drawn from the user's attempt: it changes as they fix the file.
    let figure = match lesson.explainer {
        Explainer::None => Html::default(),
        Explainer::Cpu => {
            html! { <CpuExplainer text={attempt.clone()} source={tr.lesson_your_file()} /> }
        }
        Explainer::Memory => {
            html! { <MemoryExplainer text={attempt.clone()} from_finding={true} /> }
        }
        Explainer::Diagram => {
            html! { <TaskDiagram text={attempt.clone()} source={tr.lesson_your_file()} /> }
        }
        Explainer::Sizing => html! { <Sizing text={attempt.clone()} /> },
        Explainer::Stages => html! { <Stages text={attempt.clone()} /> },
    };

    let goal = exercise.goal.iter().map(|code| {
        let open = !result.remaining.contains(code);
        html! {
            <li class={classes!("goal", if open { "done" } else { "todo" })} data-code={*code}>
                <span aria-hidden="true">{ if open { "✓ " } else { "○ " } }</span>
                <a href={crate::route::rule_href(code)} class="goal-code">{ *code }</a>
                { " " }
                { ecsplain_engine::registry::rule(code).map_or("", |r| r.summary_in(lang)) }
            </li>
        }
    });
    // The facts the attempt must hold as well (the lesson's point, checked by the engine).
    let facts = result.facts.iter().map(|f| {
        html! {
            <li class={classes!("goal", "fact", if f.holds { "done" } else { "todo" })}>
                <span aria-hidden="true">{ if f.holds { "✓ " } else { "○ " } }</span>
                { &f.text }
                if !f.holds && *checked {
                    <span class="muted">{ format!(" ({})", f.why) }</span>
                }
            </li>
        }
    });
    let new_problems = result.new_problems.iter().map(|f| {
        html! {
            <li class={classes!("new-problem", f.severity.as_str())} data-code={f.code}>
                <span class="loc">{ format!("{}:{}", f.line, f.column) }</span>{ " " }
                <span class="goal-code">{ f.code }</span>{ " " }{ &f.message }
            </li>
        }
    });
    let verdict = if result.solved {
        html! { <p class="verdict solved" id="lesson-verdict" role="status">{ tr.lesson_solved() }</p> }
    } else if *checked {
        let mut parts = Vec::new();
        if !result.remaining.is_empty() {
            parts.push(tr.lesson_still(result.remaining.join(", ")));
        }
        if !result.new_problems.is_empty() {
            parts.push(tr.lesson_new(result.new_problems.len()));
        }
        let unmet = result.facts.iter().filter(|f| !f.holds).count();
        if unmet > 0 {
            parts.push(tr.lesson_unmet(unmet));
        }
        html! { <p class="verdict todo" id="lesson-verdict" role="status">{ tr.lesson_not_yet(parts.join("; ")) }</p> }
    } else {
        html! { <p class="verdict" id="lesson-verdict" role="status">{ tr.lesson_not_solved() }</p> }
    };
    let hint_texts = lesson.hints_in(lang);
    let shown_hints = hint_texts
        .iter()
        .take(*hints)
        .map(|h| html! { <li>{ *h }</li> });
    let more_hints = *hints < hint_texts.len();

    html! {
        <article class="lesson" data-lesson={lesson.id} data-solved={if result.solved { "true" } else { "false" }}>
            <div class="lesson-text-col">
                <p class="crumbs">
                    <a href="#learn" onclick={on_back}>{ tr.lesson_all() }</a>
                    if *solved_before {
                        <span class="lesson-done">{ tr.lesson_solved_before() }</span>
                    }
                </p>
                <h2 id="lesson-title">{ lesson.title_in(lang) }</h2>
                <p class="lead">{ lesson.summary_in(lang) }</p>
                if let Some((slug, href, label)) = explainer {
                    <p class="explainer-note" data-explainer={slug}><a href={href}>{ format!("{label} →") }</a></p>
                }
                <div class="doc">{
                    match &docs {
                        Docs::Ready => markdown::render(lesson.body_in(lang), 1),
                        Docs::Loading => html! { <p class="doc-loading" role="status">{ tr.lesson_loading() }</p> },
                        Docs::Failed(e) => html! { <p class="doc-error" role="alert">{ tr.lesson_failed(e.clone()) }</p> },
                    }
                }</div>
                if !matches!(lesson.explainer, Explainer::None | Explainer::Sizing) {
                    <section class="lesson-figure" id="lesson-figure" aria-label={tr.lesson_figure()}>
                        { figure.clone() }
                    </section>
                }
                <p class="permalink"><a href={crate::route::lesson_href(lesson.id)}>{ tr.lesson_permalink() }</a></p>
            </div>
            <section class="exercise" aria-labelledby="exercise-title">
                <div class="exercise-head">
                    <h3 id="exercise-title">{ tr.lesson_fix_this() }<span class="pane-path">{ exercise.file.path }</span></h3>
                    <span class="spacer"></span>
                    <button type="button" class="button" id="lesson-reset" onclick={on_reset}>{ tr.lesson_reset() }</button>
                    <button type="button" class="button primary" id="lesson-check" onclick={on_check}>{ tr.lesson_check() }</button>
                </div>
                if restored.is_some() {
                    <p class="muted restored-note" id="lesson-restored">{ tr.lesson_restored() }</p>
                }
                <Editor
                    file={EXERCISE_FILE}
                    text={attempt.clone()}
                    label={AttrValue::from(tr.lesson_exercise(exercise.file.path.to_string()))}
                    {marks}
                    selection={None::<crate::state::Selection>}
                    {on_input}
                />
                { verdict }
                <h4>{ tr.lesson_goal() }</h4>
                <ul class="goals">{ for goal }{ for facts }</ul>
                if !result.new_problems.is_empty() {
                    <h4>{ tr.lesson_new_problems() }</h4>
                    <ul class="new-problems">{ for new_problems }</ul>
                }
                <div class="hints">
                    if *hints > 0 {
                        <h4>{ tr.lesson_hints() }</h4>
                    }
                    <ol class="hint-list">{ for shown_hints }</ol>
                    if more_hints {
                        <button type="button" class="button" id="lesson-hint" onclick={on_hint}>
                            { tr.lesson_hint(*hints + 1, hint_texts.len()) }
                        </button>
                    }
                    if *checked || result.solved {
                        <button type="button" class="button" id="lesson-solution-toggle" onclick={on_solution}>
                            { if *show_solution { tr.lesson_hide_solution() } else { tr.lesson_show_solution() } }
                        </button>
                    } else {
                        <span class="muted">{ tr.lesson_solution_locked() }</span>
                    }
                </div>
                if *show_solution && (*checked || result.solved) {
                    <pre class="solution" id="lesson-solution">{ lesson.solution() }</pre>
                }
            </section>
            // The calculator needs the page's width: it goes under both columns.
            if lesson.explainer == Explainer::Sizing {
                <section class="lesson-figure wide" id="lesson-figure" aria-label={tr.lesson_figure()}>
                    { figure }
                </section>
            }
        </article>
    }
}
