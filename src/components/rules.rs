//! The Rules view: the rule index (every rule, searchable by code, name, summary, category and
//! input) beside the selected rule's explanation. Drawn by the teaching module (`src/teach.rs`):
//! the page keeps the search text and the selection in its state, and hears changes as
//! notices; the explanation a finding's "Why?" opens in the editor stays the page's.

use ecsplain_engine::registry;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::explain::Explain;
use crate::hooks::{use_reveal, Reveal};
use crate::i18n::Tr;

#[derive(Properties, PartialEq)]
pub struct RulesViewProps {
    pub query: AttrValue,
    pub selected: Option<&'static str>,
    /// A rule was chosen in the index (`Some`), or its explanation closed.
    pub on_select: Callback<Option<&'static str>>,
    pub on_query: Callback<String>,
}

/// The whole view: the index on the left, the explanation (or a hint) on the right.
#[component]
pub fn RulesView(props: &RulesViewProps) -> Html {
    let tr = crate::i18n::use_tr();
    // A chosen rule's explanation comes into view (below the index on a phone) with focus.
    use_reveal(
        props.selected.map(|_| "explain"),
        Reveal::Drawn,
        props.selected,
    );
    let on_close = props.on_select.reform(|()| None);
    html! {
        <main class="layout" id="main">
            <div class="col-left">
                <Rules query={props.query.clone()} selected={props.selected}
                    on_select={props.on_select.clone()} on_query={props.on_query.clone()} />
            </div>
            <div class="col-right">
                if let Some(code) = props.selected {
                    <Explain {code} {on_close} />
                } else {
                    <p class="placeholder">{ tr.rules_placeholder() }</p>
                }
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct RulesProps {
    pub query: AttrValue,
    pub selected: Option<&'static str>,
    pub on_select: Callback<Option<&'static str>>,
    pub on_query: Callback<String>,
}

#[component]
pub fn Rules(props: &RulesProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The summaries in Japanese come with the Japanese rule docs: load them, and draw again
    // when they arrive (English until then, and for a rule not translated yet).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    // The English summaries come with the rules' docs (the page's engine leaves them out).
    let _docs = crate::docs::use_docs();
    // Filter chips: one input kind and one category at a time (`None`: all).
    let target = use_state(|| None::<&'static str>);
    let category = use_state(|| None::<&'static str>);
    let all = registry::rules();
    let mut targets: Vec<&'static str> = Vec::new();
    let mut categories: Vec<&'static str> = Vec::new();
    for r in &all {
        if !targets.contains(&r.target.as_str()) {
            targets.push(r.target.as_str());
        }
        if !categories.contains(&r.category.as_str()) {
            categories.push(r.category.as_str());
        }
    }
    let chips = |values: Vec<&'static str>,
                 chosen: UseStateHandle<Option<&'static str>>,
                 group: &'static str,
                 name: fn(Tr, &'static str) -> &'static str| {
        let buttons = values.into_iter().map(|v| {
            let on = *chosen == Some(v);
            let chosen = chosen.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                chosen.set(if *chosen == Some(v) { None } else { Some(v) })
            });
            html! {
                <button type="button" class={classes!("chip", "filter", on.then_some("on"))}
                    aria-pressed={if on { "true" } else { "false" }} data-filter={v} {onclick}>{ name(tr, v) }</button>
            }
        });
        html! {
            <div class="filters" role="group" aria-label={group}>
                <span class="filter-label">{ group }</span>
                { for buttons }
            </div>
        }
    };
    // Inputs in the order of the panes.
    const ORDER: [&str; 6] = [
        "taskdef",
        "servicedef",
        "dockerfile",
        "ecspresso",
        "cross-file",
        "input",
    ];
    ecsplain_engine::order::sort_by_key(&mut targets, |t| {
        ORDER.iter().position(|o| o == t).unwrap_or(ORDER.len())
    });
    let target_chips = chips(
        targets,
        target.clone(),
        tr.rules_filter_input(),
        target_name,
    );
    let category_chips = chips(
        categories,
        category.clone(),
        tr.rules_filter_category(),
        category_name,
    );
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on_query.emit(input.value());
            }
        })
    };
    let words: Vec<String> = props
        .query
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let rules: Vec<_> = all
        .into_iter()
        .filter(|r| target.is_none_or(|t| r.target.as_str() == t))
        .filter(|r| category.is_none_or(|c| r.category.as_str() == c))
        .filter(|r| {
            let hay = format!(
                "{} {} {} {} {} {} {}",
                r.code,
                r.name,
                r.summary(),
                r.summary_in(tr.lang),
                r.category.as_str(),
                r.target.as_str(),
                r.severity.as_str()
            )
            .to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    let count = rules.len();
    let rows = rules.into_iter().map(|r| {
        let code = r.code;
        let onclick = props.on_select.reform(move |_: MouseEvent| Some(code));
        let selected = props.selected == Some(code);
        html! {
            <li class={classes!("rule-row", selected.then_some("selected"))} data-category={r.category.as_str()} data-target={r.target.as_str()}>
                <button type="button" class="rule-button" {onclick} aria-pressed={if selected { "true" } else { "false" }}>
                    <span class="rule-code">{ r.code }</span>
                    <span class="rule-name">{ r.name }</span>
                    <span class={classes!("sev", r.severity.as_str())}>{ crate::components::findings::severity_label(tr, r.severity) }</span>
                    <span class="chip">{ category_name(tr, r.category.as_str()) }</span>
                    <span class="rule-summary" lang={if r.has_docs_in(tr.lang) { tr.lang.as_str() } else { "en" }}>{ r.summary_in(tr.lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="rules" aria-labelledby="rules-title">
            <h2 id="rules-title">{ tr.rules_heading() }</h2>
            <label class="search">
                <span class="visually-hidden">{ tr.rules_search() }</span>
                <input
                    type="search"
                    id="rule-search"
                    placeholder={tr.rules_search_placeholder()}
                    value={props.query.clone()}
                    {oninput}
                />
            </label>
            { target_chips }
            { category_chips }
            <p class="rule-count" role="status">{ tr.count(count, crate::i18n::Tr::rules_count_one, crate::i18n::Tr::rules_count) }</p>
            <ul class="rule-list">{ for rows }</ul>
        </section>
    }
}

/// An input kind's chip as the interface names it (the filter keeps the engine's value).
fn target_name(tr: Tr, target: &'static str) -> &'static str {
    match target {
        "input" => tr.target_input(),
        "taskdef" => tr.target_taskdef(),
        "servicedef" => tr.target_servicedef(),
        "dockerfile" => tr.target_dockerfile(),
        "ecspresso" => tr.target_ecspresso(),
        "cross-file" => tr.target_cross_file(),
        other => other,
    }
}

/// A category's chip as the interface names it (the filter keeps the engine's value).
fn category_name(tr: Tr, category: &'static str) -> &'static str {
    match category {
        "syntax" => tr.cat_syntax(),
        "schema" => tr.cat_schema(),
        "security" => tr.cat_security(),
        "reliability" => tr.cat_reliability(),
        "observability" => tr.cat_observability(),
        "sizing" => tr.cat_sizing(),
        "ci-cd" => tr.cat_cicd(),
        "image-size" => tr.cat_image_size(),
        "style" => tr.cat_style(),
        other => other,
    }
}
