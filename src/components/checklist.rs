//! The checklist view: the author's best-practice items, each decided from the project's files,
//! or ticked by hand for process items. It is part of the teaching module (src/teach.rs): the
//! page sends the project, and hears ticks and the findings to go to.

use ecsplain_engine::learn::{self, Status};
use yew::prelude::*;

use crate::components::share::{copy_text, download};
use crate::docs::{use_docs, Docs};
use crate::state::Project;
use crate::teach::FindingRef;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub project: Project,
    pub ticks: Vec<String>,
    pub on_tick: Callback<String>,
    /// Go to this finding in the Lint view (its pane and line).
    pub on_goto: Callback<FindingRef>,
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The engine's sentences in Japanese come with the Japanese rule docs: draw again when they
    // arrive (a view opened first, by a permalink, would otherwise keep its English).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    let copied = use_state(|| None::<bool>);
    // The checklist's data comes with the rules' docs, loaded on first need (crate::docs).
    let docs = use_docs();
    if let Docs::Failed(e) = &docs {
        return html! { <main class="learn-page" id="main"><p class="placeholder" role="alert">{ tr.cl_failed(e.clone()) }</p></main> };
    }
    if docs == Docs::Loading {
        return html! { <main class="learn-page" id="main"><p class="placeholder">{ tr.cl_loading() }</p></main> };
    }
    // The items in the reader's language (the Japanese come with the Japanese docs; English
    // until they are loaded).
    let items = learn::checklist::checklist_in(tr.lang);
    let (inputs, _, _) = props.project.inputs();
    let platform = learn::platform_of(&inputs);
    // The checklist lints the files itself (no suppressions or ignores count) and names the
    // lines or findings that decided each item.
    let statuses = learn::evaluate_in(&inputs, tr.lang);

    let mut counts = [0usize; 5];
    let mut ticked = 0;
    for s in &statuses {
        let slot = match &s.status {
            Status::Satisfied => 0,
            Status::NotSatisfied(_) => 1,
            Status::NotApplicable => 2,
            Status::Unknown => 3,
            Status::Manual => {
                if props.ticks.contains(&s.id) {
                    ticked += 1;
                }
                4
            }
        };
        counts[slot] += 1;
    }

    let mut sections: Vec<(u8, String, Vec<Html>)> = Vec::new();
    for (item, s) in items.iter().zip(&statuses) {
        let row = item_row(props, tr, item, &s.status, &s.evidence);
        match sections.last_mut() {
            Some((n, _, rows)) if *n == item.section => rows.push(row),
            _ => sections.push((item.section, item.section_title.clone(), vec![row])),
        }
    }
    let sections = sections.into_iter().map(|(n, title, rows)| {
        html! {
            <section class="cl-section">
                <h3>{ format!("{n}. {title}") }</h3>
                <ul class="cl-items">{ for rows }</ul>
            </section>
        }
    });
    let platform = match platform {
        Some(learn::Platform::Fargate) => "Fargate",
        Some(learn::Platform::Ec2) => "EC2",
        _ => tr.cl_all_platforms(),
    };
    let source = learn::source();
    // The checklist as Markdown, for a review (with the ticks and what decided each item).
    let markdown = {
        let names: Vec<&str> = inputs.iter().map(|i| i.path.as_str()).collect();
        learn::to_markdown_in(&items, &statuses, &props.ticks, &names, tr.lang)
    };
    let on_copy = {
        let (markdown, copied) = (markdown.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(
                markdown.clone(),
                Callback::from(move |ok| copied.set(Some(ok))),
            );
        })
    };
    let on_download = Callback::from(move |_: MouseEvent| {
        download("ecs-checklist.md", "text/markdown", &markdown)
    });
    let copy_note = match *copied {
        Some(true) => tr.cl_copied(),
        Some(false) => tr.cl_copy_denied(),
        None => "",
    };

    html! {
        <main class="learn-page checklist" id="main">
            <h2>{ tr.cl_heading() }<span class="scope">{ tr.cl_scope(statuses.len(), platform.to_string()) }</span></h2>
            <p class="lead">{ tr.cl_lead() }</p>
            <p class="cl-summary" id="checklist-summary">
                <span class="cl-count satisfied" data-count={counts[0].to_string()}>{ tr.cl_count_satisfied(counts[0]) }</span>
                <span class="cl-count not-satisfied" data-count={counts[1].to_string()}>{ tr.cl_count_not_satisfied(counts[1]) }</span>
                <span class="cl-count manual" data-count={counts[4].to_string()}>{ tr.cl_count_ticked(ticked, counts[4]) }</span>
                <span class="cl-count unknown" data-count={counts[3].to_string()}>{ tr.cl_count_unknown(counts[3]) }</span>
                <span class="cl-count not-applicable" data-count={counts[2].to_string()}>{ tr.cl_count_not_applicable(counts[2]) }</span>
            </p>
            <p class="cl-export">
                <button type="button" class="button" id="checklist-copy-md" onclick={on_copy}>{ tr.cl_copy_md() }</button>
                <button type="button" class="button" id="checklist-download-md" onclick={on_download}>{ tr.cl_download_md() }</button>
                <span class="muted" role="status">{ copy_note }</span>
            </p>
            { for sections }
            <p class="muted">{ tr.cl_source(source.source.clone(), source.source_commit.clone(), source.retrieved.clone()) }</p>
        </main>
    }
}

fn item_row(
    props: &ChecklistProps,
    tr: crate::i18n::Tr,
    item: &learn::Item,
    status: &Status,
    evidence: &[learn::Evidence],
) -> Html {
    let (class, label) = match status {
        Status::Satisfied => ("satisfied", tr.cl_satisfied()),
        Status::NotSatisfied(_) => ("not-satisfied", tr.cl_not_satisfied()),
        Status::NotApplicable => ("not-applicable", tr.cl_not_applicable()),
        Status::Unknown => ("unknown", tr.cl_cannot_tell()),
        Status::Manual => ("manual", tr.cl_by_hand()),
    };
    // The lines (not findings: those are listed below as buttons) that decided the item.
    let lines = evidence
        .iter()
        .filter(|e| e.code.is_none())
        .map(|e| {
            html! {
                <li class="cl-evidence-line">
                    { &e.text }
                    if e.line > 0 {
                        <>{ " " }<span class="loc">{ format!("{}:{}:{}", e.path, e.line, e.column) }</span></>
                    }
                </li>
            }
        })
        .collect::<Html>();
    let findings = match status {
        Status::NotSatisfied(findings) => findings
            .iter()
            .map(|f| {
                let f = crate::components::findings::localized(
                    f,
                    tr.lang,
                    tr.lang != crate::i18n::Lang::En
                        && ecsplain_engine::rule::ja_messages_available(),
                );
                let target = FindingRef {
                    code: f.code.to_string(),
                    path: f.path.clone(),
                    line: f.line,
                    column: f.column,
                };
                let onclick = props.on_goto.reform(move |_: MouseEvent| target.clone());
                html! {
                    <li>
                        <button type="button" class="cl-finding" data-code={f.code} {onclick}>
                            <span class={classes!("sev", f.severity.as_str())}>{ f.code }</span>{ " " }
                            { &f.message }{ " " }
                            <span class="loc">{ format!("{}:{}:{}", f.path, f.line, f.column) }</span>
                        </button>
                    </li>
                }
            })
            .collect::<Html>(),
        _ => Html::default(),
    };
    let tick = matches!(status, Status::Manual).then(|| {
        let checked = props.ticks.contains(&item.id);
        let cb = props.on_tick.clone();
        let id = item.id.clone();
        let onchange = Callback::from(move |_: Event| cb.emit(id.clone()));
        html! {
            <input type="checkbox" class="cl-tick" id={format!("tick-{}", item.id)} {checked} {onchange}
                aria-label={tr.cl_done_item(item.id.clone())} />
        }
    });
    html! {
        <li class={classes!("cl-item", class)} data-item={item.id.clone()} data-status={class}>
            <div class="cl-row">
                { for tick }
                <span class="cl-id">{ &item.id }</span>
                <label class="cl-text" for={format!("tick-{}", item.id)}>{ &item.text }</label>
                <span class={classes!("cl-status", class)}>{ label }</span>
            </div>
            if let Some(note) = &item.note {
                <p class="cl-note">{ note }</p>
            }
            if evidence.iter().any(|e| e.code.is_none()) {
                <ul class="cl-evidence">{ lines }</ul>
            }
            if let Status::NotSatisfied(_) = status {
                <ul class="cl-findings">{ findings }</ul>
            }
        </li>
    }
}
