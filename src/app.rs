//! The page's root component: the reducer, its contexts (`context.rs`), the hooks that lint,
//! save, theme and route (`hooks.rs`), and the layout.

use std::rc::Rc;

use ecsplain_engine::{Severity, VERSION};
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::context::{Dispatch, Page};
use crate::hooks::{
    restore_project, saved_texts, saved_theme, use_debounced_lint, use_drafts, use_reader,
    use_rendered, use_reveal, use_router, use_theme, Reader, Reveal, SETTINGS_KEY,
};
use crate::i18n::{Lang, Tr};

use crate::components::explain::Explain;
use crate::components::findings::Findings;
use crate::components::panes::Panes;
use crate::components::share::{saved_settings, ShareTools};
use crate::components::stages::Stages;
use crate::components::FileId;
// Teaching (issue 11): the checklist here, the other teaching views in their own module.
use crate::components::teach_host::TeachHost;
use crate::route::Route;
use crate::state::{Action, State, Theme, View};
use crate::teach::{Notice, TeachState, TeachView};
// The project view (issue 6).
use crate::components::project::{ProjectTree, TreeFile};
use crate::components::variables::{VariableRow, Variables};

/// Checklist items ticked by hand (a JSON array of item ids).
const TICKS_KEY: &str = "ecsplain.checklist.ticks";

/// The state a visit starts with: the saved drafts and settings, or the examples.
fn initial_state() -> State {
    let mut state = State::new(saved_texts(), saved_theme());
    state.settings = Rc::new(saved_settings(SETTINGS_KEY));
    state.ticks = crate::stored::strings(TICKS_KEY).unwrap_or_default();
    restore_project(&mut state);
    state
}

/// What a route asks of the reducer (the views'); share links and pane examples are the share
/// tools' (`components/share.rs`), which hear the same visit through the context.
fn route_action(route: &Route) -> Option<Action> {
    Some(match *route {
        Route::Learn => Action::OpenLesson(None),
        Route::Lesson(id) => Action::OpenLesson(Some(id)),
        Route::Rule(code) => Action::OpenRule(code),
        Route::Example(id) => Action::RequestExample(id),
        Route::Checklist => Action::ShowView(View::Checklist),
        Route::Sizing => Action::ShowView(View::Sizing),
        Route::Explain => Action::ShowView(View::Explain),
        Route::Lint => Action::ShowView(View::Editor),
        Route::PaneExample(_)
        | Route::Share(_)
        | Route::UnknownRule(_)
        | Route::UnknownExample(_) => return None,
    })
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let d = state.dispatcher();
    // The interface's language (issue 21, src/i18n.rs): chosen, not shared; the Japanese texts
    // come with their own module (preloaded by boot.js when wanted at the start).
    let lang = use_state(|| {
        let lang = crate::i18n::initial_lang();
        if lang == Lang::Ja && !crate::i18n::take_preloaded() {
            Lang::En
        } else {
            lang
        }
    });
    let lang_loading = use_state(|| false);
    {
        // A Japanese reader whose texts boot.js did not preload: load them now.
        let lang = lang.clone();
        let lang_loading = lang_loading.clone();
        use_effect_with((), move |()| {
            if crate::i18n::initial_lang() == Lang::Ja && *lang == Lang::En {
                lang_loading.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    if crate::i18n::load_japanese().await.is_ok() {
                        lang.set(Lang::Ja);
                    }
                    lang_loading.set(false);
                });
            }
            || ()
        });
    }
    {
        let code = lang.as_str();
        use_effect_with(code, |code| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", code);
            }
            || ()
        });
    }
    let on_lang = {
        let lang = lang.clone();
        let lang_loading = lang_loading.clone();
        Callback::from(move |e: Event| {
            let Some(chosen) = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| Lang::parse(&select.value()))
            else {
                return;
            };
            crate::i18n::save_lang(chosen);
            if chosen == Lang::Ja && !crate::i18n::japanese_loaded() {
                let lang = lang.clone();
                let lang_loading = lang_loading.clone();
                lang_loading.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    if crate::i18n::load_japanese().await.is_ok() {
                        lang.set(Lang::Ja);
                    }
                    lang_loading.set(false);
                });
            } else {
                lang.set(chosen);
            }
        })
    };
    let tr = Tr::new(*lang);
    // Japanese findings in the editor's tooltips: load the Japanese module (the findings'
    // templates) and draw again when it arrives (issue 21).
    let _ja = crate::i18n::use_ja_docs(tr.lang);

    // The one router (route.rs): every visit goes to the reducer here and to the share tools
    // (a prop below).
    let visit = use_router();
    {
        let d = d.clone();
        use_effect_with(visit.clone(), move |visit| {
            if let Some(action) = visit.route.as_ref().and_then(route_action) {
                d.dispatch(action);
            }
            || ()
        });
    }
    // Teaching (issue 11): ticks saved locally.
    use_effect_with(state.ticks.clone(), |ticks| {
        let _ = LocalStorage::set(TICKS_KEY, ticks);
        || ()
    });
    use_debounced_lint(&state, d.clone());
    use_drafts(&state);
    use_theme(state.theme);
    // An opened explanation comes into view (below the findings on a phone) with focus; so does
    // the section "Why?" leads to (issue 7, issue 23), once the teaching module has drawn it.
    use_reveal(
        state.explain.map(|_| "explain"),
        Reveal::Drawn,
        state.explain,
    );
    use_reveal(
        state
            .why
            .and_then(crate::state::why_target)
            .map(|(_, id)| id),
        Reveal::Awaited,
        (state.why, state.view),
    );

    // The components send their actions through the dispatcher's context (`use_dispatch`); the
    // few buttons drawn here have callbacks that depend only on the dispatcher, so they stay
    // equal across renders.
    //
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
    let on_undo = use_callback(d.clone(), |_: MouseEvent, d| d.dispatch(Action::Undo));
    let on_theme = use_callback(d.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::ToggleTheme)
    });
    // What the teaching module asks of the page (its views; the dialogs' notices reach the
    // share tools, which opened them).
    let on_notice = use_callback(d.clone(), |notice: Notice, d| match notice {
        Notice::Lesson(id) => d.dispatch(Action::OpenLesson(id)),
        Notice::Load(example) => d.dispatch(Action::LoadLearnExample(example)),
        Notice::Tick(id) => d.dispatch(Action::ToggleTick(id)),
        Notice::Goto(finding) => d.dispatch(Action::GotoFinding(finding)),
        Notice::Explain(code) => d.dispatch(Action::Explain(code)),
        Notice::Query(query) => d.dispatch(Action::Query(query)),
        Notice::Settings(_)
        | Notice::Linked(_)
        | Notice::OpenState(_)
        | Notice::Error(_)
        | Notice::Close => {}
    });
    let show = |view: View| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowView(view)))
    };

    let linted = state.linted.clone();
    // The open file, as the views name it.
    let active = FileId::at(state.active);
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
            tr,
        )
    }));
    // The project's files as the tree and the editor show them (paths as linted).
    let paths = state.engine.paths();
    // Jsonnet (issue 6): the evaluator is a second wasm module, loaded once the project holds a
    // Jsonnet file; the project is linted again when it is there (`jsonnet.rs`).
    let wants_jsonnet = state.engine.has_jsonnet();
    use_reader(Reader::Jsonnet, wants_jsonnet, &state.jsonnet, d.clone());
    // Terraform (issue 20): the HCL reader is a second wasm module too, loaded once the project
    // holds a `.tf` file (`terraform.rs`).
    use_reader(
        Reader::Terraform,
        crate::terraform::has_terraform(paths),
        &state.terraform,
        d.clone(),
    );
    // Go templates: the template engine is a module of its own, loaded once the project holds a
    // `{{ ... }}` action (`template.rs`); the findings are not fresh until it is there.
    use_reader(
        Reader::Template,
        state.template == crate::template::Status::Idle
            && crate::template::has_template(state.engine.files().iter().map(|f| f.text.as_str())),
        &state.template,
        d.clone(),
    );
    // Dockerfiles: the Dockerfile reader and rules are a module of their own, loaded once the
    // project holds a Dockerfile (`dockerfile.rs`); the findings are not fresh until it is there.
    use_reader(
        Reader::Dockerfile,
        state.dockerfile == crate::dockerfile::Status::Idle && state.engine.has_dockerfile(),
        &state.dockerfile,
        d.clone(),
    );
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
                file: FileId::at(pane),
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
        Some(kind) if active.pane().is_some() => kind.title().to_string(),
        _ => active_path.to_string(),
    });
    // Variables (issue 6): the engine project's answer (computed once per revision), with what
    // the project itself gives each.
    let variable_rows = Rc::new(
        crate::variables::project_variables(&state.engine)
            .into_iter()
            .map(|(variable, from_project)| VariableRow {
                from_project,
                variable,
            })
            .collect::<Vec<_>>(),
    );
    // A Jsonnet file renders as the JSON it evaluates to, once the evaluator is there; any
    // other file when it holds a template (the engine's answer).
    let can_render = state
        .engine
        .can_render(ecsplain_engine::workspace::FileId::new(state.active));
    // The rendered view: what ecspresso prints for the file, computed by the teaching module
    // (loaded on the first toggle; `teach::rendered_view`). A Jsonnet file is evaluated first,
    // here, where the evaluator is (`Project::render_source`).
    let render_key = (state.rendered && can_render).then_some((state.revision, state.active));
    let rendered = use_rendered(render_key, || {
        let file = ecsplain_engine::workspace::FileId::new(state.active);
        let text = state.engine.render_source(file).unwrap_or_default();
        crate::teach::render_request(&active_path, &text, state.engine.inputs(), &state.vars)
    });

    let on_close_explain = use_callback(d.clone(), |(), d| d.dispatch(Action::Explain(None)));
    let explain = state
        .explain
        .map(|code| html! { <Explain {code} on_close={on_close_explain} /> });

    let body = match state.view {
        View::Editor => html! {
            <main class="layout" id="main">
                <div class="col-left project-layout">
                    <ProjectTree files={tree} {active} />
                    <div class="project-main">
                        if state.is_example() {
                            <div class="example-note" id="example-note" role="note">
                                <p>
                                    <strong>{ tr.example_title() }</strong>
                                    { tr.example_body() }
                                    <button type="button" class="button primary" id="start-empty" onclick={on_start_empty}>{ tr.start_empty() }</button>
                                </p>
                            </div>
                        } else if state.ask_examples {
                            <div class="example-note" id="example-question" role="note">
                                <p>{ tr.count(state.example_panes().len(), Tr::example_others_one, Tr::example_others) }</p>
                                <p class="example-actions">
                                    <button type="button" class="button primary" id="drop-examples" onclick={on_drop_examples}>{ tr.drop_examples() }</button>
                                    <button type="button" class="button" id="keep-examples" onclick={on_keep_examples}>{ tr.keep_examples() }</button>
                                </p>
                            </div>
                        }
                        <Panes
                            {active}
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
                            kind={active.extra().map(|i| (state.extra[i].kind, kinds_seen.get(state.active).copied().flatten()))}
                        />
                        <Variables rows={variable_rows} values={state.vars.clone()} />
                        // The Dockerfile's pane: its stages.
                        if active.pane() == Some(2) {
                            <Stages text={state.texts[2].clone()} ready={state.dockerfile == crate::dockerfile::Status::Ready} />
                        }
                    </div>
                </div>
                <div class="col-right">
                    { for explain }
                    if let Some(undo) = &state.undo {
                        <div class="undo-notice" role="status">
                            <span>{ undo.label(tr) }</span>
                            <button type="button" class="button small" id="undo" onclick={on_undo.clone()}>{ tr.undo() }</button>
                        </div>
                    }
                    <Findings
                        linted={linted.clone()}
                        {active}
                        all_files={state.all_files}
                        selected={state.selected}
                        fresh={state.is_fresh()}
                        empty_pane={active_text.trim().is_empty()}
                        active_path={active.extra().map(|_| active_path.clone())}
                    />
                </div>
            </main>
        },
        // The teaching views come in their own module, loaded when first opened (src/teach.rs).
        // The Rules view too: its index and explanation; the page keeps its search text and
        // selection (the explanation a finding opens in the editor's column is drawn above).
        View::Sizing | View::Explain | View::Learn | View::Checklist | View::Rules => {
            let view = match state.view {
                View::Sizing => TeachView::Sizing,
                View::Explain => TeachView::Explain,
                View::Checklist => TeachView::Checklist,
                View::Rules => TeachView::Rules,
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
                lang: tr.lang,
                rule: state.explain.filter(|_| view == TeachView::Rules),
                query: Rc::from(if view == TeachView::Rules {
                    state.rule_query.as_str()
                } else {
                    ""
                }),
                summary: None,
            };
            html! { <TeachHost {state} {on_notice} /> }
        }
    };

    let status = match &linted {
        Some(l) => {
            let report = &l.report;
            tr.status_linted(
                tr.count(l.files, Tr::status_files_one, Tr::status_files),
                format!("{:.1}", l.millis),
                tr.count(
                    report.count(Severity::Error),
                    Tr::status_errors_one,
                    Tr::status_errors,
                ),
                tr.count(
                    report.count(Severity::Warning),
                    Tr::status_warnings_one,
                    Tr::status_warnings,
                ),
                report.count(Severity::Info),
            )
        }
        None => tr.linting().to_string(),
    };
    let status = if linted.is_some() && !state.is_fresh() {
        tr.status_updating(status)
    } else {
        status
    };
    let (theme_label, theme_icon) = match state.theme {
        Theme::Light => (tr.theme_to_dark(), "☾"),
        Theme::Dark => (tr.theme_to_light(), "☀"),
    };
    let nav = |view: View, id: &'static str, label: &'static str| {
        let current = state.view == view;
        html! {
            <button type="button" {id} class={classes!("nav-button", current.then_some("current"))}
                aria-pressed={if current { "true" } else { "false" }}
                onclick={show(view)}>{ label }</button>
        }
    };

    // The dispatcher's context (context.rs), for the components that send actions.
    let dispatch: Dispatch = d;
    html! {
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Tr> context={tr}>
        <div class="app">
            <a class="skip-link" href="#main">{ tr.skip_link() }</a>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "◆" }</span>
                    <h1>{ "ecsplain" }</h1>
                    <span class="version" id="version">{ format!("v{VERSION}") }</span>
                </div>
                <p class="privacy" id="privacy">
                    <span class="privacy-dot" aria-hidden="true"></span>
                    { tr.privacy() }
                </p>
                <nav class="nav" aria-label={tr.nav_views()}>
                    { nav(View::Editor, "lint-button", tr.nav_lint()) }
                    { nav(View::Sizing, "sizing-button", tr.nav_sizing()) }
                    { nav(View::Explain, "explain-button", tr.nav_explain()) }
                    { nav(View::Learn, "learn-button", tr.nav_learn()) }
                    { nav(View::Checklist, "checklist-button", tr.nav_checklist()) }
                    { nav(View::Rules, "rules-button", tr.nav_rules()) }
                    <ShareTools page={Page::new(&state)} {visit} />
                    <button type="button" id="theme-toggle" class="nav-button theme"
                        aria-label={theme_label} title={theme_label} onclick={on_theme}>
                        <span aria-hidden="true">{ theme_icon }</span>
                    </button>
                    // The language (issue 21): the reader's, remembered; never in a share link.
                    <label class="lang-switch" for="lang-select">
                        <span class="visually-hidden">{ tr.lang_label() }</span>
                        <select id="lang-select" class="nav-select" aria-label={tr.lang_label()}
                            aria-busy={if *lang_loading { "true" } else { "false" }}
                            onchange={on_lang}>
                            <option value="en" lang="en" selected={*lang == Lang::En}>{ "English" }</option>
                            <option value="ja" lang="ja" selected={*lang == Lang::Ja}>{ "日本語" }</option>
                        </select>
                    </label>
                </nav>
            </header>
            { body }
            <footer class="status" id="status" data-fresh={if state.is_fresh() { "true" } else { "false" }}>{ status }</footer>
        </div>
        </ContextProvider<Tr>>
        </ContextProvider<Dispatch>>
    }
}
