//! A rule's explanation, rendered from its own documentation.

use ecsplain_engine::registry;
use yew::prelude::*;

use crate::docs::{use_docs, Docs};
use crate::i18n::{use_ja_docs, use_tr, JaDocs, Lang};
use crate::markdown;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub code: &'static str,
    /// The close button or Escape (the editor's column in the page, the Rules view in the
    /// teaching module).
    pub on_close: Callback<()>,
}

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let close = props.on_close.clone();
    let on_close = close.reform(|_: MouseEvent| ());
    let docs = use_docs();
    let tr = use_tr();
    let ja_docs = use_ja_docs(tr.lang);
    let Some(rule) = registry::rule(props.code) else {
        return html! {
            <section class="explain" aria-label={tr.explain_label()}>
                <p>{ tr.explain_no_rule(props.code.to_string()) }</p>
            </section>
        };
    };
    let severity = rule.severity.as_str();
    // Whether the rule's text is shown in Japanese (chosen, loaded, translated).
    let shown_ja = tr.lang == Lang::Ja && ja_docs == JaDocs::Ready && rule.has_docs_in(Lang::Ja);
    let onkeydown = {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    html! {
        <section class="explain" id="explain" aria-labelledby="explain-title" tabindex="-1" {onkeydown}>
            <div class="explain-head">
                <h2 id="explain-title">
                    <span class="explain-code">{ rule.code }</span>{ " " }{ rule.name }
                </h2>
                <button type="button" class="button close" onclick={on_close} aria-label={tr.explain_close()}>{ "✕" }</button>
            </div>
            <p class="meta">
                <span class={classes!("sev", severity)}>{ crate::components::findings::severity_label(tr, rule.severity) }</span>
                <span class="chip">{ rule.category.as_str() }</span>
                <span class="chip">{ rule.target.as_str() }</span>
            </p>
            <p class="summary" lang={if shown_ja { "ja" } else { "en" }}>{ if shown_ja { rule.summary_in(Lang::Ja) } else { rule.summary() } }</p>
            <p class="permalink"><a href={crate::route::rule_href(rule.code)} id="rule-permalink">{ tr.explain_permalink(rule.code.to_string()) }</a></p>
            <div class="doc">{
                match (docs, &ja_docs) {
                    (_, JaDocs::Loading) | (Docs::Loading, _) => html! { <p class="doc-loading" role="status">{ tr.explain_loading() }</p> },
                    // The Japanese doc where there is one (issue 21), else the English with a note.
                    (_, JaDocs::Ready) if shown_ja => html! {
                        <div lang="ja">{ markdown::render(&rule.docs_markdown_in(Lang::Ja), 1) }</div>
                    },
                    (Docs::Ready, _) => html! {
                        <>
                            if tr.lang == Lang::Ja {
                                <p class="doc-note" id="doc-fallback" role="note">{
                                    if matches!(ja_docs, JaDocs::Failed(_)) { tr.explain_ja_failed() } else { tr.explain_not_translated() }
                                }</p>
                            }
                            <div lang="en">{ markdown::render(&rule.docs_markdown(), 1) }</div>
                        </>
                    },
                    (Docs::Failed(e), _) => html! {
                        <p class="doc-error" role="alert">{ tr.explain_failed(e, rule.code.to_string()) }</p>
                    },
                }
            }</div>
        </section>
    }
}
