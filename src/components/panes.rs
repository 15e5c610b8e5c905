//! The four inputs as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs), each with a
//! toolbar and an editor; the project's other files (picked in the file tree) open in the same
//! editor. A file with template calls can be shown rendered with the variables' values.

use std::rc::Rc;

use ecsplain_engine::{Kind, Severity};
use yew::prelude::*;

use crate::components::editor::Editor;
use crate::components::FileId;
use crate::context::use_dispatch;
use crate::state::{Action, Selection, PANES, SLUGS};

/// Above this many bytes the pane says that editing will be slow.
const LARGE_INPUT: usize = 1_000_000;

#[derive(Properties, PartialEq)]
pub struct PanesProps {
    /// The open file: a pane (a tab) or another file of the project.
    pub active: FileId,
    /// The active file's text, path and kind title.
    pub text: Rc<str>,
    pub path: AttrValue,
    pub label: AttrValue,
    /// Finding counts and worst severities by pane (the first four are the tabs).
    pub counts: Rc<Vec<usize>>,
    pub worst: Rc<Vec<Option<Severity>>>,
    /// The rendered text, shown read-only instead of the editor when the toggle is on.
    pub rendered: Option<Rc<str>>,
    /// Whether the active file has template calls to render.
    pub can_render: bool,
    /// For a project file (not a pane): the kind chosen (`None`: detected) and the kind seen.
    #[prop_or_default]
    pub kind: Option<(Option<Kind>, Option<Kind>)>,
    pub marks: Rc<Vec<(u32, Severity)>>,
    /// The active file's findings, for the editor's underlines and gutter tooltips.
    #[prop_or_default]
    pub findings: Rc<Vec<crate::components::editor::Mark>>,
    pub selection: Option<Selection>,
}

#[component]
pub fn Panes(props: &PanesProps) -> Html {
    let tr = crate::i18n::use_tr();
    let dispatch = use_dispatch();
    let active = props.active;
    // The tab that takes focus: the active pane's, or the first when a project file is open.
    let focus_tab = active.pane().unwrap_or(0);

    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (focus_tab + 1) % PANES.len(),
                "ArrowLeft" => (focus_tab + PANES.len() - 1) % PANES.len(),
                "Home" => 0,
                "End" => PANES.len() - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::Activate(FileId::at(next).index()));
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
        let file = FileId::at(i);
        let selected = file == active;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Activate(file.index())))
        };
        let count = props.counts.get(i).copied().unwrap_or(0);
        let badge_class = classes!(
            "badge",
            props
                .worst
                .get(i)
                .copied()
                .flatten()
                .map(Severity::as_str)
                .unwrap_or("none")
        );
        html! {
            <button
                id={format!("tab-{}", SLUGS[i])}
                class={classes!("tab", selected.then_some("selected"))}
                role="tab"
                type="button"
                aria-selected={if selected { "true" } else { "false" }}
                aria-controls={format!("panel-{}", SLUGS[i])}
                tabindex={if i == focus_tab { "0" } else { "-1" }}
                {onclick}
            >
                <span class="tab-title">{ tr.kind_title(*kind) }</span>
                <span class={badge_class} aria-label={format!("{count} findings")}>{ count }</span>
            </button>
        }
    });

    let slug = active.slug();
    // Equal across renders (it depends on the dispatcher only), so the editor renders only when
    // its own inputs change.
    let on_input = use_callback(dispatch.clone(), |(file, text): (FileId, Rc<str>), d| {
        d.dispatch(Action::Edit(file.index(), text));
    });
    let on_example = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::LoadExample(active.index())))
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Clear(active.index())))
    };
    let on_render = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleRendered))
    };
    let is_pane = active.pane().is_some();
    let size = props.text.len();
    // A project file's kind: detected, or chosen here.
    let kind_select = props.kind.map(|(chosen, seen)| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetKind(
                active.index(),
                Kind::parse(&select.value()),
            ));
        });
        let detected = tr.pane_detected(
            crate::components::project::kind_label(tr, if chosen.is_some() { None } else { seen })
                .to_string(),
        );
        let option = |value: &'static str, label: String| {
            let selected = chosen.map_or("", Kind::as_str) == value;
            html! { <option {value} {selected}>{ label }</option> }
        };
        html! {
            <select class="kind-select" id="kind-select" aria-label={tr.pane_kind_label()} {onchange}>
                { option("", if chosen.is_some() { tr.pane_kind_detect().to_string() } else { detected }) }
                { for Kind::ALL.iter().map(|k| option(k.as_str(), tr.kind_title(*k).to_string())) }
            </select>
        }
    });

    html! {
        <section class="panes" aria-label={tr.pane_inputs_label()}>
            <div class="tablist" role="tablist" aria-label={tr.pane_tabs_label()} {onkeydown}>
                { for tabs }
            </div>
            <div
                id={format!("panel-{slug}")}
                class="tabpanel"
                role={if is_pane { "tabpanel" } else { "region" }}
                aria-labelledby={is_pane.then(|| format!("tab-{slug}"))}
                aria-label={(!is_pane).then(|| props.path.clone())}
            >
                <div class="pane-toolbar">
                    <span class="pane-path" id="pane-path" title={tr.pane_path_title()}>
                        { props.path.clone() }
                    </span>
                    <span class="spacer"></span>
                    { for kind_select }
                    if props.can_render || props.rendered.is_some() {
                        <button type="button" class="button" id="render-toggle"
                            aria-pressed={if props.rendered.is_some() { "true" } else { "false" }}
                            title={tr.pane_rendered_title()}
                            onclick={on_render}>{ tr.pane_rendered() }</button>
                    }
                    if is_pane {
                        <button type="button" class="button" onclick={on_example}>{ tr.pane_load_example() }</button>
                    }
                    <button type="button" class="button" onclick={on_clear}>{ tr.pane_clear() }</button>
                </div>
                if let Some(rendered) = props.rendered.clone() {
                    <p class="rendered-note" role="note">{
                        if props.path.ends_with("sonnet") {
                            tr.pane_rendered_jsonnet()
                        } else {
                            tr.pane_rendered_note()
                        }
                    }</p>
                    <textarea class="rendered" id="rendered-view" readonly=true spellcheck="false"
                        aria-label={tr.pane_rendered_label(props.path.to_string())}
                        value={rendered.to_string()} />
                } else {
                    <Editor
                        key={slug}
                        file={active}
                        text={props.text.clone()}
                        label={props.label.clone()}
                        marks={props.marks.clone()}
                        findings={props.findings.clone()}
                        selection={props.selection.clone().filter(|s| s.pane == active.index())}
                        {on_input}
                    />
                }
                if size > LARGE_INPUT {
                    <p class="large-note" role="note">
                        { tr.pane_large(format!("{:.1}", size as f64 / 1e6)) }
                    </p>
                }
                <p id="editor-help" class="editor-help">
                    { tr.pane_help() }
                </p>
            </div>
        </section>
    }
}
