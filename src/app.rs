//! The page's root component: the reducer, the debounced lint and draft effects, the layout.

use std::rc::Rc;

use ecsplain_engine::{Severity, VERSION};
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::explain::Explain;
use crate::components::findings::Findings;
use crate::components::panes::Panes;
use crate::components::rules::Rules;
use crate::components::share::{saved_settings, ShareTools};
use crate::components::stages::Stages;
// Teaching (issue 11): the checklist here, the other teaching views in their own module.
use crate::components::teach_host::TeachHost;
use crate::route::Route;
use crate::state::{draft_texts, lint_project, Action, Linted, State, Theme, View, EXAMPLES};
use crate::teach::{Notice, TeachState, TeachView};
// The project view (issue 6).
use crate::components::project::{ProjectTree, TreeFile};
use crate::components::variables::{VariableRow, Variables};
use crate::persist::PageSettings;

/// The four panes' texts as saved before the project view (read when no project draft exists).
pub const DRAFTS_KEY: &str = "ecsplain.drafts.v1";
/// The whole project (every file, the variables' values), saved as a state file.
pub const PROJECT_KEY: &str = "ecsplain.project.v1";
const SETTINGS_KEY: &str = "ecsplain.settings.v1";
const THEME_KEY: &str = "ecsplain.theme";
/// Checklist items ticked by hand (a JSON array of item ids).
const TICKS_KEY: &str = "ecsplain.checklist.ticks";
const LINT_DELAY_MS: u32 = 150;
const SAVE_DELAY_MS: u32 = 500;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Saved drafts, or the examples on a first visit.
fn initial_texts() -> [String; 4] {
    match crate::stored::strings(DRAFTS_KEY) {
        Some(saved) if saved.len() == 4 => {
            let mut texts: [String; 4] = Default::default();
            for (slot, text) in texts.iter_mut().zip(saved) {
                *slot = text;
            }
            texts
        }
        _ => EXAMPLES.map(String::from),
    }
}

/// The saved project draft, when there is one.
fn initial_project(state: &mut State) {
    let Some(text) = crate::stored::string(PROJECT_KEY) else {
        return;
    };
    let Ok(shared) = crate::persist::read_state_file(&text) else {
        return;
    };
    let mut loaded = crate::persist::share_loaded(&shared);
    loaded.view = View::Editor;
    loaded.settings = state.settings.clone();
    *state = state.next(Action::LoadShare(Box::new(loaded)));
}

fn initial_theme() -> Theme {
    match LocalStorage::raw().get_item(THEME_KEY).ok().flatten() {
        Some(saved) if saved == "dark" => return Theme::Dark,
        Some(saved) if saved == "light" => return Theme::Light,
        _ => {}
    }
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut state = State::new(initial_texts(), initial_theme());
        state.settings = Rc::new(saved_settings(SETTINGS_KEY));
        state.ticks = crate::stored::strings(TICKS_KEY).unwrap_or_default();
        initial_project(&mut state);
        state
    });
    // The rendered view's last answer: (request, text).
    let rendered_text = use_state(|| None::<(String, Rc<str>)>);

    // Teaching (issue 11): permalinks (`#lesson/ID`, `#rule/CODE`, `#example/ID`, `#learn`,
    // `#checklist`) on load and on every fragment change; ticks saved locally.
    {
        let d = state.dispatcher();
        use_effect_with((), move |()| {
            let apply = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let action = match crate::route::parse(&hash) {
                    Some(Route::Learn) => Action::OpenLesson(None),
                    Some(Route::Lesson(id)) => Action::OpenLesson(Some(id)),
                    Some(Route::Rule(code)) => Action::OpenRule(code),
                    Some(Route::Example(id)) => Action::RequestExample(id),
                    Some(Route::Checklist) => Action::ShowView(View::Checklist),
                    Some(Route::Sizing) => Action::ShowView(View::Sizing),
                    Some(Route::Explain) => Action::ShowView(View::Explain),
                    Some(Route::Lint) => Action::ShowView(View::Editor),
                    None => return,
                };
                d.dispatch(action);
            };
            apply();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    apply()
                });
            move || drop(listener)
        });
    }
    use_effect_with(state.ticks.clone(), |ticks| {
        let _ = LocalStorage::set(TICKS_KEY, ticks);
        || ()
    });

    // Lint the panes together, debounced: a new revision cancels the pending run.
    {
        let dispatcher = state.dispatcher();
        let project = state.project();
        let vars = state.vars.clone();
        let config = state.settings.config();
        let jsonnet = state.jsonnet.clone();
        let terraform = state.terraform.clone();
        use_effect_with(state.revision, move |revision| {
            let revision = *revision;
            // Big texts wait a little longer, so typing in them is not cut up by lint runs.
            let size = project.size();
            let delay = LINT_DELAY_MS + u32::try_from(size / 10_000).unwrap_or(u32::MAX).min(850);
            let timeout = Timeout::new(delay, move || {
                let started = now();
                let (mut report, panes, paths) = lint_project(&project, &config, &vars);
                let millis = now() - started;
                crate::jsonnet::explain_unevaluated(&mut report, &jsonnet);
                crate::terraform::explain_unread(&mut report, &terraform);
                dispatcher.dispatch(Action::Linted(Rc::new(Linted {
                    report,
                    panes,
                    paths,
                    millis,
                    revision,
                })));
            });
            move || drop(timeout)
        });
    }

    // Save drafts, debounced and size-capped: the whole project when it fits, else the panes
    // that fit (the banner says so).
    {
        let project = state.project();
        let vars = state.vars.clone();
        let active = state.active;
        let settings = state.settings.to_map();
        use_effect_with(state.revision, move |revision| {
            let timeout = (*revision > 0).then(|| {
                Timeout::new(SAVE_DELAY_MS, move || {
                    let drafts = draft_texts(&project.texts);
                    let _ = LocalStorage::set(DRAFTS_KEY, drafts.as_slice());
                    if project.size() <= crate::state::DRAFT_CAP {
                        let shared = crate::persist::share_state(
                            &project,
                            &vars,
                            View::Editor,
                            active,
                            &PageSettings::default(),
                            &[],
                        );
                        let _ = LocalStorage::set(PROJECT_KEY, crate::persist::state_file(&shared));
                    } else {
                        LocalStorage::delete(PROJECT_KEY);
                    }
                    let _ = LocalStorage::set(SETTINGS_KEY, &settings);
                })
            });
            move || drop(timeout)
        });
    }

    // Apply the theme to the document; remember it once the user has chosen one.
    {
        let initial = use_mut_ref(|| true);
        use_effect_with(state.theme, move |theme| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("data-theme", theme.as_str());
            }
            if !std::mem::replace(&mut *initial.borrow_mut(), false) {
                let _ = LocalStorage::raw().set_item(THEME_KEY, theme.as_str());
            }
            || ()
        });
    }

    // Bring an opened explanation into view (below the findings on a phone) and move focus to
    // it, so keyboard and screen-reader users land on what they opened.
    use_effect_with(state.explain, |code| {
        if code.is_some() {
            if let Some(panel) = gloo::utils::document().get_element_by_id("explain") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
                if let Ok(panel) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(panel) {
                    let _ = panel.focus();
                }
            }
        }
        || ()
    });

    // "Why?" brings the section about the finding into view and moves focus there (issue 7,
    // issue 23). The explainers live in the teaching module, which may still be loading: the
    // section is looked for every 50 ms for up to 5 s.
    use_effect_with((state.why, state.view), |(code, _)| {
        let interval = code.and_then(crate::state::why_target).map(|(_, id)| {
            let left = std::rc::Rc::new(std::cell::Cell::new(100u32));
            gloo::timers::callback::Interval::new(50, move || {
                if left.get() == 0 {
                    return;
                }
                left.set(left.get() - 1);
                let Some(section) = gloo::utils::document().get_element_by_id(id) else {
                    return;
                };
                left.set(0);
                section.scroll_into_view();
                if let Ok(section) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(section)
                {
                    let _ = section.focus();
                }
            })
        });
        move || drop(interval)
    });

    // Callbacks depend only on the dispatcher, so they stay equal across renders and the
    // editor (whose props include one) re-renders only when its own inputs change.
    let d = state.dispatcher();
    let on_activate = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::Activate(i)));
    let on_example = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::LoadExample(i)));
    let on_clear = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::Clear(i)));
    // The first visit's example project (issue 23): start empty, or answer whether to keep
    // the example files left beside the user's first file.
    let on_start_empty = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::StartEmpty);
        // After the page has drawn the emptied task definition: the caret waits there.
        Timeout::new(0, || {
            if let Some(editor) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|doc| doc.get_element_by_id("input-0"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = editor.focus();
            }
        })
        .forget();
    });
    let on_drop_examples = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::DropExamples)
    });
    let on_keep_examples = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::KeepExamples)
    });
    let on_select = use_callback(d.clone(), |i: usize, d| {
        d.dispatch(Action::SelectFinding(i))
    });
    let on_fix = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::ApplyFix(i)));
    let on_ignore = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::IgnoreHere(i)));
    let on_undo = use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::Undo));
    let on_input = use_callback(d.clone(), |(pane, text): (usize, Rc<str>), d| {
        d.dispatch(Action::Edit(pane, text));
    });
    let on_related = use_callback(d.clone(), |(i, j): (usize, usize), d| {
        d.dispatch(Action::SelectRelated(i, j));
    });
    let on_explain = use_callback(d.clone(), |code: &'static str, d| {
        d.dispatch(Action::Explain(Some(code)));
    });
    let on_close = use_callback(d.clone(), |(), d| d.dispatch(Action::Explain(None)));
    let on_toggle_all = use_callback(d.clone(), |(), d| d.dispatch(Action::ToggleAllFiles));
    let on_theme = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::ToggleTheme)
    });
    let on_why = use_callback(d.clone(), |code: &'static str, d| {
        d.dispatch(Action::Why(code))
    });
    let on_query = use_callback(d.clone(), |q: String, d| d.dispatch(Action::Query(q)));
    // What the teaching module asks of the page (its views; the dialogs' notices reach the
    // share tools, which opened them).
    let on_notice = use_callback(d.clone(), |notice: Notice, d| match notice {
        Notice::Lesson(id) => d.dispatch(Action::OpenLesson(id)),
        Notice::Load(example) => d.dispatch(Action::LoadLearnExample(example)),
        Notice::Tick(id) => d.dispatch(Action::ToggleTick(id)),
        Notice::Goto(finding) => d.dispatch(Action::GotoFinding(finding)),
        Notice::Settings(_) | Notice::Close => {}
    });
    // The project view (issue 6).
    let on_rename = use_callback(d.clone(), |(pane, path): (usize, String), d| {
        d.dispatch(Action::Rename(pane, path))
    });
    let on_remove = use_callback(d.clone(), |pane: usize, d| d.dispatch(Action::Remove(pane)));
    let on_kind = use_callback(d.clone(), |(pane, kind), d| {
        d.dispatch(Action::SetKind(pane, kind))
    });
    let on_new = use_callback(d.clone(), |(path, kind), d| {
        d.dispatch(Action::NewFile(path, kind))
    });
    let on_files = use_callback(d.clone(), |files: Vec<(String, String)>, d| {
        d.dispatch(Action::AddFiles(files))
    });
    let on_set_var = use_callback(d.clone(), |(key, value): (String, String), d| {
        d.dispatch(Action::SetVar(key, value))
    });
    let on_render = use_callback(d, |(), d| d.dispatch(Action::ToggleRendered));
    let show = |view: View| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowView(view)))
    };

    let linted = state.linted.clone();
    let n = state.pane_count();
    let counts = Rc::new(linted.as_ref().map_or_else(|| vec![0; n], |l| l.counts(n)));
    let worst = Rc::new(
        linted
            .as_ref()
            .map_or_else(|| vec![None; n], |l| l.worst(n)),
    );
    let marks = Rc::new(
        linted
            .as_ref()
            .map_or_else(Vec::new, |l| l.marks(state.active)),
    );
    // The active file's findings for the editor: its spans underlined, gutter tooltips.
    let findings = Rc::new(linted.as_ref().map_or_else(Vec::new, |l| {
        crate::components::editor::marks_of(
            l.report
                .findings
                .iter()
                .filter(|f| l.pane_of(f.file) == Some(state.active)),
        )
    }));
    // The project's files as the tree and the editor show them (paths as linted).
    let project = state.project();
    let (paths, _) = project.paths_and_named();
    // Jsonnet (issue 6): the evaluator is a second wasm module, loaded once the project holds a
    // Jsonnet file; the project is linted again when it is there (`jsonnet.rs`).
    let wants_jsonnet = paths.iter().any(|p| {
        ecsplain_engine::ecspresso::Format::from_path(p)
            == ecsplain_engine::ecspresso::Format::Jsonnet
    });
    {
        let d = state.dispatcher();
        let start = wants_jsonnet && state.jsonnet == crate::jsonnet::Status::Idle;
        use_effect_with(start, move |start| {
            if *start {
                d.dispatch(Action::Jsonnet(crate::jsonnet::Status::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let status = match crate::jsonnet::load().await {
                        Ok(()) => crate::jsonnet::Status::Ready,
                        Err(why) => crate::jsonnet::Status::Failed(why),
                    };
                    d.dispatch(Action::Jsonnet(status));
                });
            }
            || ()
        });
    }
    // Terraform (issue 20): the HCL reader is a second wasm module too, loaded once the project
    // holds a `.tf` file (`terraform.rs`).
    {
        let d = state.dispatcher();
        let start = crate::terraform::has_terraform(&paths)
            && state.terraform == crate::terraform::Status::Idle;
        use_effect_with(start, move |start| {
            if *start {
                d.dispatch(Action::Terraform(crate::terraform::Status::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let status = match crate::terraform::load().await {
                        Ok(()) => crate::terraform::Status::Ready,
                        Err(why) => crate::terraform::Status::Failed(why),
                    };
                    d.dispatch(Action::Terraform(status));
                });
            }
            || ()
        });
    }
    let kinds_seen: Vec<Option<ecsplain_engine::Kind>> = (0..n)
        .map(|pane| {
            if pane < 4 {
                return Some(crate::state::PANES[pane]);
            }
            let file = &state.extra[pane - 4];
            file.kind.or_else(|| {
                linted.as_ref().and_then(|l| {
                    let input = l.panes.iter().position(|p| *p == pane)?;
                    l.report.kinds.get(input).copied().flatten()
                })
            })
        })
        .collect();
    let tree = Rc::new(
        (0..n)
            .map(|pane| TreeFile {
                pane,
                path: AttrValue::from(paths.get(pane).cloned().unwrap_or_default()),
                kind: kinds_seen[pane],
                chosen: pane >= 4 && state.extra[pane - 4].kind.is_some(),
                count: counts.get(pane).copied().unwrap_or(0),
                worst: worst.get(pane).copied().flatten(),
                empty: state.text_of(pane).is_none_or(|t| t.trim().is_empty()),
            })
            .collect::<Vec<_>>(),
    );
    let active_text = state
        .text_of(state.active)
        .cloned()
        .unwrap_or_else(|| Rc::from(""));
    let active_path = AttrValue::from(paths.get(state.active).cloned().unwrap_or_default());
    let active_label = AttrValue::from(match kinds_seen.get(state.active).copied().flatten() {
        Some(kind) if state.active < 4 => kind.title().to_string(),
        _ => active_path.to_string(),
    });
    // Variables (issue 6): listed through the adapter, with what the project itself answers.
    let (inputs, _, _) = project.inputs();
    let known = crate::variables::Known::new(&state.vars, &inputs);
    let variable_rows = Rc::new(
        crate::variables::project_variables(&inputs)
            .into_iter()
            .map(|variable| VariableRow {
                from_project: known.from_project(&variable),
                variable,
            })
            .collect::<Vec<_>>(),
    );
    // A Jsonnet file renders as the JSON it evaluates to, once the evaluator is there.
    let active_jsonnet = ecsplain_engine::ecspresso::Format::from_path(&active_path)
        == ecsplain_engine::ecspresso::Format::Jsonnet;
    let can_render = if active_jsonnet {
        state.jsonnet == crate::jsonnet::Status::Ready
    } else {
        ecsplain_engine::template::has_template(&active_text)
    };
    // The rendered view: what ecspresso prints for the file, computed by the teaching module
    // (loaded on the first toggle; `teach::rendered_view`). A Jsonnet file is evaluated first.
    let render_request = (state.rendered && can_render).then(|| {
        let text = if active_jsonnet {
            let vars = known.engine_vars();
            crate::jsonnet::render(&active_path, &active_text, &inputs, &vars).unwrap_or_default()
        } else {
            active_text.to_string()
        };
        crate::teach::render_request(&active_path, &text, &inputs, &state.vars)
    });
    {
        let rendered_text = rendered_text.clone();
        use_effect_with(render_request.clone(), move |request| {
            if let Some(request) = request.clone() {
                if rendered_text.as_ref().map(|(r, _)| r) != Some(&request) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let shown =
                            match crate::loader::load("ecsplainTeach", "teaching module").await {
                                Ok(module) => crate::components::teach_host::call(
                                    &module,
                                    "render",
                                    &[wasm_bindgen::JsValue::from_str(&request)],
                                )
                                .ok()
                                .and_then(|v| v.as_string())
                                .unwrap_or_else(|| {
                                    "# The teaching module gave no rendered text.".to_string()
                                }),
                                Err(e) => format!("# The rendered view could not be loaded: {e}"),
                            };
                        rendered_text.set(Some((request, Rc::from(shown))));
                    });
                }
            }
            || ()
        });
    }
    let rendered = render_request.map(|request| match &*rendered_text {
        Some((r, shown)) if *r == request => shown.clone(),
        _ => Rc::from("Rendering…"),
    });

    let explain = state.explain.map(|code| {
        html! { <Explain {code} on_close={on_close.clone()} /> }
    });

    let body = match state.view {
        View::Editor => html! {
            <main class="layout" id="main">
                <div class="col-left project-layout">
                    <ProjectTree
                        files={tree}
                        active={state.active}
                        on_activate={on_activate.clone()}
                        {on_rename}
                        {on_remove}
                        {on_new}
                        {on_files}
                    />
                    <div class="project-main">
                        if state.is_example() {
                            <div class="example-note" id="example-note" role="note">
                                <p>
                                    <strong>{ "This is an example project" }</strong>
                                    { ": four files with mistakes to find. Paste your own over them, add or drop your files, or " }
                                    <button type="button" class="button primary" id="start-empty" onclick={on_start_empty}>{ "start with empty files" }</button>
                                </p>
                            </div>
                        } else if state.ask_examples {
                            <div class="example-note" id="example-question" role="note">
                                <p>{ format!("The other {} still hold the example, and are linted with your file.", plural(state.example_panes().len(), "pane")) }</p>
                                <p class="example-actions">
                                    <button type="button" class="button primary" id="drop-examples" onclick={on_drop_examples}>{ "Remove the example files" }</button>
                                    <button type="button" class="button" id="keep-examples" onclick={on_keep_examples}>{ "Keep them" }</button>
                                </p>
                            </div>
                        }
                        <Panes
                            active={state.active}
                            text={active_text.clone()}
                            path={active_path.clone()}
                            label={active_label}
                            {counts}
                            {worst}
                            {marks}
                            {findings}
                            selection={state.selection.clone()}
                            {rendered}
                            {can_render}
                            {on_render}
                            kind={(state.active >= 4).then(|| (state.extra[state.active - 4].kind, kinds_seen.get(state.active).copied().flatten()))}
                            {on_kind}
                            {on_activate}
                            {on_input}
                            {on_example}
                            {on_clear}
                        />
                        <Variables rows={variable_rows} values={state.vars.clone()} on_set={on_set_var} />
                        if state.active == 2 {
                            <Stages text={state.texts[2].clone()} />
                        }
                    </div>
                </div>
                <div class="col-right">
                    { for explain }
                    if let Some(undo) = &state.undo {
                        <div class="undo-notice" role="status">
                            <span>{ &undo.label }</span>
                            <button type="button" class="button small" id="undo" onclick={on_undo.clone()}>{ "Undo" }</button>
                        </div>
                    }
                    <Findings
                        linted={linted.clone()}
                        active={state.active}
                        all_files={state.all_files}
                        selected={state.selected}
                        fresh={state.is_fresh()}
                        empty_pane={active_text.trim().is_empty()}
                        active_path={(state.active >= 4).then(|| active_path.clone())}
                        on_select={on_select.clone()}
                        {on_related}
                        {on_explain}
                        {on_fix}
                        {on_ignore}
                        {on_toggle_all}
                        {on_why}
                    />
                </div>
            </main>
        },
        View::Rules => html! {
            <main class="layout" id="main">
                <div class="col-left">
                    <Rules
                        query={AttrValue::from(state.rule_query.clone())}
                        selected={state.explain}
                        {on_query}
                        on_open={on_explain}
                    />
                </div>
                <div class="col-right">
                    if let Some(explain) = explain {
                        { explain }
                    } else {
                        <p class="placeholder">{ "Pick a rule to read what it checks, why, and how to fix it." }</p>
                    }
                </div>
            </main>
        },
        // The teaching views come in their own module, loaded when first opened (src/teach.rs).
        View::Sizing | View::Explain | View::Learn | View::Checklist => {
            let view = match state.view {
                View::Sizing => TeachView::Sizing,
                View::Explain => TeachView::Explain,
                View::Checklist => TeachView::Checklist,
                _ => TeachView::Learn,
            };
            // The checklist works on the whole project (the module lints it itself).
            let project = (view == TeachView::Checklist).then(|| state.state_file());
            let state = TeachState {
                view,
                text: state.texts[0].clone(),
                from_finding: state.why.is_some(),
                lesson: state.lesson,
                project,
                example: state.pending_example,
                region: Rc::from(state.settings.region.as_str()),
            };
            html! { <TeachHost {state} {on_notice} /> }
        }
    };

    let status = match &linted {
        Some(l) => {
            let report = &l.report;
            format!(
                "linted {} in {:.1} ms · {}, {}, {} info",
                plural(l.panes.len(), "file"),
                l.millis,
                plural(report.count(Severity::Error), "error"),
                plural(report.count(Severity::Warning), "warning"),
                report.count(Severity::Info)
            )
        }
        None => "linting…".to_string(),
    };
    let status = if linted.is_some() && !state.is_fresh() {
        format!("{status} · updating…")
    } else {
        status
    };
    let (theme_label, theme_icon) = match state.theme {
        Theme::Light => ("Switch to the dark theme", "☾"),
        Theme::Dark => ("Switch to the light theme", "☀"),
    };
    let nav = |view: View, id: &'static str, label: &'static str| {
        let current = state.view == view;
        html! {
            <button type="button" {id} class={classes!("nav-button", current.then_some("current"))}
                aria-pressed={if current { "true" } else { "false" }}
                onclick={show(view)}>{ label }</button>
        }
    };

    html! {
        <div class="app">
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "◆" }</span>
                    <h1>{ "ecsplain" }</h1>
                    <span class="version" id="version">{ format!("v{VERSION}") }</span>
                </div>
                <p class="privacy" id="privacy">
                    <span class="privacy-dot" aria-hidden="true"></span>
                    { "Runs entirely in your browser: nothing you paste leaves this page" }
                </p>
                <nav class="nav" aria-label="Views">
                    { nav(View::Editor, "lint-button", "Lint") }
                    { nav(View::Sizing, "sizing-button", "Sizing") }
                    { nav(View::Explain, "explain-button", "CPU & memory") }
                    { nav(View::Learn, "learn-button", "Learn") }
                    { nav(View::Checklist, "checklist-button", "Checklist") }
                    { nav(View::Rules, "rules-button", "Rules") }
                    <ShareTools state={state.clone()} />
                    <button type="button" id="theme-toggle" class="nav-button theme"
                        aria-label={theme_label} title={theme_label} onclick={on_theme}>
                        <span aria-hidden="true">{ theme_icon }</span>
                    </button>
                </nav>
            </header>
            { body }
            <footer class="status" id="status" data-fresh={if state.is_fresh() { "true" } else { "false" }}>{ status }</footer>
        </div>
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
