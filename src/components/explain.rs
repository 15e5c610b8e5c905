//! A rule's explanation, rendered from its own documentation.

use ecsplain_engine::registry;
use yew::prelude::*;

use crate::context::use_dispatch;
use crate::docs::{use_docs, Docs};
use crate::markdown;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub code: &'static str,
}

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let dispatch = use_dispatch();
    let on_close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Explain(None)))
    };
    let docs = use_docs();
    let Some(rule) = registry::rule(props.code) else {
        return html! {
            <section class="explain" aria-label="Rule explanation">
                <p>{ format!("No rule {}", props.code) }</p>
            </section>
        };
    };
    let severity = rule.severity.as_str();
    let onkeydown = {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.dispatch(Action::Explain(None));
            }
        })
    };
    html! {
        <section class="explain" id="explain" aria-labelledby="explain-title" tabindex="-1" {onkeydown}>
            <div class="explain-head">
                <h2 id="explain-title">
                    <span class="explain-code">{ rule.code }</span>{ " " }{ rule.name }
                </h2>
                <button type="button" class="button close" onclick={on_close} aria-label="Close the explanation">{ "✕" }</button>
            </div>
            <p class="meta">
                <span class={classes!("sev", severity)}>{ severity }</span>
                <span class="chip">{ rule.category.as_str() }</span>
                <span class="chip">{ rule.target.as_str() }</span>
            </p>
            <p class="summary">{ rule.summary }</p>
            <p class="permalink"><a href={crate::route::rule_href(rule.code)} id="rule-permalink">{ format!("Permalink: #rule/{}", rule.code) }</a></p>
            <div class="doc">{
                match docs {
                    Docs::Ready => markdown::render(&rule.docs_markdown(), 1),
                    Docs::Loading => html! { <p class="doc-loading" role="status">{ "Loading the explanation…" }</p> },
                    Docs::Failed(e) => html! {
                        <p class="doc-error" role="alert">{ format!("The explanation could not be loaded ({e}); `ecsplain explain {}` prints it.", rule.code) }</p>
                    },
                }
            }</div>
        </section>
    }
}
