//! The stages of the Dockerfile pane (issue 5): each stage, its base image, the `COPY --from`
//! edges between stages, and the final stage, from the engine's Dockerfile model
//! (`dockerfile_module::model`: in the page's main module, through the Dockerfile module once it
//! is loaded, `dockerfile.rs`; nothing is drawn before).

use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StagesProps {
    pub text: Rc<str>,
    /// Whether the Dockerfile reader is there (the view is drawn again when it arrives).
    #[prop_or(true)]
    pub ready: bool,
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[component]
pub fn Stages(props: &StagesProps) -> Html {
    let tr = crate::i18n::use_tr();
    let open = use_state(|| true);
    let Some(df) = ecsplain_engine::dockerfile_module::model(&props.text) else {
        return html! {};
    };
    let df = &df;
    if df.stages.is_empty() {
        return html! {};
    }
    let last = df.stages.len() - 1;
    let label = |i: usize| match df.stages.get(i).and_then(|s| s.alias.as_ref()) {
        Some((alias, _)) => tr.stages_alias(alias.clone(), i),
        None => tr.stages_stage(i),
    };
    let boxes = df.stages.iter().map(|stage| {
        let base = df.earlier_stage(stage.index, &stage.image);
        let mut edges = Vec::new();
        for ins in df.instructions.get(stage.instructions.clone()).unwrap_or(&[]) {
            if !(ins.is("COPY") || ins.is("ADD")) {
                continue;
            }
            let Some(from) = ins.flag("from").and_then(|f| f.value.clone()) else { continue };
            let paths = shorten(ins.text.trim(), 48);
            let source = match df.earlier_stage(stage.index, &from) {
                Some(i) => html! { <span class="edge-from stage-ref">{ label(i) }</span> },
                None => html! { <span class="edge-from image-ref">{ tr.stages_image(from.clone()) }</span> },
            };
            edges.push(html! {
                <li class="edge"><span class="arrow" aria-hidden="true">{ "⟵ " }</span>{ tr.stages_copies_from() }{ source }<code>{ paths }</code></li>
            });
        }
        let final_stage = stage.index == last;
        let count = stage.instructions.len().saturating_sub(1);
        html! {
            <li class={classes!("stage", final_stage.then_some("final"))} data-stage={stage.index.to_string()}>
                <div class="stage-head">
                    <span class="stage-name">{ label(stage.index) }</span>
                    if final_stage { <span class="badge ok">{ tr.stages_final() }</span> }
                </div>
                <div class="stage-base">
                    { "FROM " }
                    if let Some(b) = base {
                        <span class="stage-ref">{ format!("⟵ {}", label(b)) }</span>
                    } else {
                        <code>{ &stage.image }</code>
                    }
                </div>
                if !edges.is_empty() { <ul class="edges">{ for edges }</ul> }
                <div class="stage-count muted">{ tr.count(count, crate::i18n::Tr::stages_count_one, crate::i18n::Tr::stages_count) }</div>
            </li>
        }
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <section class="stages-view" id="stages" aria-labelledby="stages-title">
            <div class="stages-head">
                <h2 id="stages-title">{ tr.stages_heading(df.stages.len()) }</h2>
                <button type="button" class="button small" aria-expanded={if *open { "true" } else { "false" }} aria-controls="stage-list" onclick={toggle}>{ if *open { tr.stages_hide() } else { tr.stages_show() } }</button>
            </div>
            if *open {
                <ol class="stage-list" id="stage-list">{ for boxes }</ol>
            }
        </section>
    }
}
