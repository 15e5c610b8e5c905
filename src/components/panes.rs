//! The four inputs as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs), each with a
//! toolbar and an editor.

use std::rc::Rc;

use ecsplain_engine::Severity;
use yew::prelude::*;

use crate::components::editor::Editor;
use crate::state::{Selection, PANES, SLUGS};

/// Above this many bytes the pane says that editing will be slow.
const LARGE_INPUT: usize = 1_000_000;

#[derive(Properties, PartialEq)]
pub struct PanesProps {
    pub texts: [Rc<str>; 4],
    pub paths: [AttrValue; 4],
    pub active: usize,
    pub counts: [usize; 4],
    pub worst: [Option<Severity>; 4],
    pub marks: Rc<Vec<(u32, Severity)>>,
    pub selection: Option<Selection>,
    pub on_activate: Callback<usize>,
    pub on_input: Callback<(usize, Rc<str>)>,
    pub on_example: Callback<usize>,
    pub on_clear: Callback<usize>,
}

#[component]
pub fn Panes(props: &PanesProps) -> Html {
    let active = props.active.min(PANES.len() - 1);

    let onkeydown = {
        let on_activate = props.on_activate.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (active + 1) % PANES.len(),
                "ArrowLeft" => (active + PANES.len() - 1) % PANES.len(),
                "Home" => 0,
                "End" => PANES.len() - 1,
                _ => return,
            };
            e.prevent_default();
            on_activate.emit(next);
            if let Some(tab) =
                gloo::utils::document().get_element_by_id(&format!("tab-{}", SLUGS[next]))
            {
                if let Ok(tab) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(tab) {
                    let _ = tab.focus();
                }
            }
        })
    };

    let tabs = PANES.iter().enumerate().map(|(i, kind)| {
        let selected = i == active;
        let onclick = {
            let on_activate = props.on_activate.clone();
            Callback::from(move |_: MouseEvent| on_activate.emit(i))
        };
        let count = props.counts[i];
        let badge_class = classes!(
            "badge",
            props.worst[i].map(Severity::as_str).unwrap_or("none")
        );
        html! {
            <button
                id={format!("tab-{}", SLUGS[i])}
                class={classes!("tab", selected.then_some("selected"))}
                role="tab"
                type="button"
                aria-selected={if selected { "true" } else { "false" }}
                aria-controls={format!("panel-{}", SLUGS[i])}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick}
            >
                <span class="tab-title">{ kind.title() }</span>
                <span class={badge_class} aria-label={format!("{count} findings")}>{ count }</span>
            </button>
        }
    });

    let slug = SLUGS[active];
    let on_example = {
        let cb = props.on_example.clone();
        Callback::from(move |_: MouseEvent| cb.emit(active))
    };
    let on_clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(active))
    };
    let on_input = props.on_input.clone();

    html! {
        <section class="panes" aria-label="Inputs">
            <div class="tablist" role="tablist" aria-label="Input files" {onkeydown}>
                { for tabs }
            </div>
            <div
                id={format!("panel-{slug}")}
                class="tabpanel"
                role="tabpanel"
                aria-labelledby={format!("tab-{slug}")}
            >
                <div class="pane-toolbar">
                    <span class="pane-path" title="the path this pane is linted under">
                        { props.paths[active].clone() }
                    </span>
                    <span class="spacer"></span>
                    <button type="button" class="button" onclick={on_example}>{ "Load example" }</button>
                    <button type="button" class="button" onclick={on_clear}>{ "Clear" }</button>
                </div>
                <Editor
                    key={slug}
                    pane={active}
                    text={props.texts[active].clone()}
                    label={AttrValue::from(PANES[active].title())}
                    marks={props.marks.clone()}
                    selection={props.selection.clone().filter(|s| s.pane == active)}
                    {on_input}
                />
                if props.texts[active].len() > LARGE_INPUT {
                    <p class="large-note" role="note">
                        { format!(
                            "This input is large ({:.1} MB): the browser's text box is slow at this size, and findings update a moment after you stop typing.",
                            props.texts[active].len() as f64 / 1e6
                        ) }
                    </p>
                }
                <p id="editor-help" class="editor-help">
                    { "Paste or type; findings update as you type. Tab indents; press Esc, then Tab, to leave the editor." }
                </p>
            </div>
        </section>
    }
}
