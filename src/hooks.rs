//! The page's custom hooks: what the app does besides drawing, one hook per concern.
//!
//! - [`use_router`]: the one listener on the address's fragment (`route.rs`).
//! - [`use_debounced_lint`]: lints the project a moment after the last edit.
//! - [`use_drafts`]: saves the project, the panes and the settings in localStorage, debounced.
//! - [`use_theme`]: puts the theme on the document and remembers the user's choice.
//! - [`use_module`], [`use_rendered`], [`use_reader`]: the
//!   on-demand modules (the teaching module's rendered view; the readers: the Jsonnet evaluator,
//!   the Terraform reader, the Go-template engine, the Dockerfile reader and rules),
//!   loaded when first wanted.
//! - [`use_reveal`]: scrolls an element into view and focuses it once it exists.

use std::cell::Cell;
use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::context::{Dispatch, Visit};
use crate::persist::PageSettings;
use crate::state::{draft_texts, lint_engine, Action, Linted, State, Theme, View};

/// The four panes' texts as saved before the project view (read when no project draft exists).
pub const DRAFTS_KEY: &str = "ecsplain.drafts.v1";
/// The whole project (every file, the variables' values), saved as a state file.
pub const PROJECT_KEY: &str = "ecsplain.project.v1";
pub const SETTINGS_KEY: &str = "ecsplain.settings.v1";
const THEME_KEY: &str = "ecsplain.theme";
const LINT_DELAY_MS: u32 = 150;
const SAVE_DELAY_MS: u32 = 500;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The address's fragment as a route, now and after every `hashchange`: the page's only
/// listener on it. Each change is a new [`Visit`] (even to the same fragment).
#[hook]
pub fn use_router() -> Visit {
    let visit = use_state(|| Visit {
        seq: 0,
        route: crate::route::parse(&crate::route::current()),
    });
    let seq = use_mut_ref(|| 0u32);
    {
        let visit = visit.clone();
        use_effect_with((), move |()| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    let mut seq = seq.borrow_mut();
                    *seq = seq.wrapping_add(1);
                    visit.set(Visit {
                        seq: *seq,
                        route: crate::route::parse(&crate::route::current()),
                    });
                });
            move || drop(listener)
        });
    }
    (*visit).clone()
}

/// Lints the project together, debounced: a new revision cancels the pending run. Big texts
/// wait a little longer, so typing in them is not cut up by lint runs.
#[hook]
pub fn use_debounced_lint(state: &State, dispatch: Dispatch) {
    let size = state.project().size();
    // The revision's engine project: its files, values, settings and evaluator.
    let engine = state.engine.clone();
    use_effect_with(state.revision, move |revision| {
        let revision = *revision;
        let delay = LINT_DELAY_MS + u32::try_from(size / 10_000).unwrap_or(u32::MAX).min(850);
        let timeout = Timeout::new(delay, move || {
            let started = now();
            let (report, panes, paths) = lint_engine(&engine);
            let millis = now() - started;
            dispatch.dispatch(Action::Linted(Rc::new(Linted {
                report,
                panes,
                paths,
                files: engine.input_files().len(),
                millis,
                revision,
            })));
        });
        move || drop(timeout)
    });
}

/// Saved drafts, or the examples on a first visit.
pub fn saved_texts() -> [String; 4] {
    match crate::stored::strings(DRAFTS_KEY) {
        Some(saved) if saved.len() == 4 => {
            let mut texts: [String; 4] = Default::default();
            for (slot, text) in texts.iter_mut().zip(saved) {
                *slot = text;
            }
            texts
        }
        _ => crate::state::EXAMPLES.map(String::from),
    }
}

/// Opens the saved project draft in `state`, when there is one.
pub fn restore_project(state: &mut State) {
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

/// Saves the drafts, debounced and size-capped: the whole project when it fits, else the panes
/// that fit (the share tools' banner says so); and the settings.
#[hook]
pub fn use_drafts(state: &State) {
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

/// The theme the user chose before, else the system's.
pub fn saved_theme() -> Theme {
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

/// Applies the theme to the document; remembers it once the user has chosen one (not the one
/// the page started with, so a system change still applies on the next visit).
#[hook]
pub fn use_theme(theme: Theme) {
    let initial = use_mut_ref(|| true);
    use_effect_with(theme, move |theme| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", theme.as_str());
        }
        if !std::mem::replace(&mut *initial.borrow_mut(), false) {
            let _ = LocalStorage::raw().set_item(THEME_KEY, theme.as_str());
        }
        || ()
    });
}

/// Where an on-demand module is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Module {
    #[default]
    Idle,
    Loading,
    /// What the module's loader gave.
    Ready(JsValue),
    /// Why it could not be loaded.
    Failed(String),
}

/// An on-demand module (`static/boot.js`'s `globalThis[loader]`, see `loader.rs`), loaded the
/// first time `wanted` is true and kept afterwards. `name` names it in errors.
#[hook]
pub fn use_module(loader: &'static str, name: &'static str, wanted: bool) -> Module {
    let module = use_state(Module::default);
    {
        let module = module.clone();
        let start = wanted && *module == Module::Idle;
        use_effect_with(start, move |start| {
            if *start {
                module.set(Module::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    module.set(match crate::loader::load(loader, name).await {
                        Ok(value) => Module::Ready(value),
                        Err(why) => Module::Failed(why),
                    });
                });
            }
            || ()
        });
    }
    (*module).clone()
}

/// The rendered view's text: what ecspresso prints, computed by the teaching module's `render`
/// (which loads on the first request) from what `request` makes (`teach::render_request`).
/// `key` is the revision and the file shown (`None`: no rendered view); the request, and the
/// Jsonnet evaluation in it, is made once per key, not on every render while the view is open.
#[hook]
pub fn use_rendered<F>(key: Option<(u32, usize)>, request: F) -> Option<Rc<str>>
where
    F: FnOnce() -> String,
{
    let module = use_module("ecsplainTeach", "teaching module", key.is_some());
    let request = use_memo(key, |key| key.map(|_| request()));
    let shown = use_memo((key, module), move |(_, module)| {
        let request = request.as_ref().as_ref()?;
        let text = match module {
            Module::Idle | Module::Loading => "Rendering…".to_string(),
            Module::Ready(module) => {
                crate::components::teach_host::call(module, "render", &[JsValue::from_str(request)])
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_else(|| "# The teaching module gave no rendered text.".to_string())
            }
            Module::Failed(e) => format!("# The rendered view could not be loaded: {e}"),
        };
        Some(Rc::<str>::from(text))
    });
    (*shown).clone()
}

/// The on-demand readers the page loads when the project needs them (each a wasm module of its
/// own; they share one [`Status`](crate::jsonnet::Status)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The Jsonnet evaluator (`jsonnet.rs`), once the project holds a Jsonnet file.
    Jsonnet,
    /// The Terraform reader (`terraform.rs`), once the project holds a `.tf` file.
    Terraform,
    /// The Go-template engine (`template.rs`), once the project holds a template action.
    Template,
    /// The Dockerfile reader and rules (`dockerfile.rs`), once the project holds a Dockerfile.
    Dockerfile,
}

impl Reader {
    /// What tells the reducer where this reader is.
    fn action(self, status: crate::jsonnet::Status) -> Action {
        match self {
            Reader::Jsonnet => Action::Jsonnet(status),
            Reader::Terraform => Action::Terraform(status),
            Reader::Template => Action::Template(status),
            Reader::Dockerfile => Action::Dockerfile(status),
        }
    }

    async fn load(self) -> Result<(), String> {
        match self {
            Reader::Jsonnet => crate::jsonnet::load().await,
            Reader::Terraform => crate::terraform::load().await,
            Reader::Template => crate::template::load().await,
            Reader::Dockerfile => crate::dockerfile::load().await,
        }
    }
}

/// Loads an on-demand reader once `wanted` (the project needs it) while it is idle; where it is
/// goes to the reducer, which lints the project again when it is ready or has failed.
#[hook]
pub fn use_reader(
    reader: Reader,
    wanted: bool,
    status: &crate::jsonnet::Status,
    dispatch: Dispatch,
) {
    use crate::jsonnet::Status;
    let start = wanted && *status == Status::Idle;
    use_effect_with(start, move |start| {
        if *start {
            dispatch.dispatch(reader.action(Status::Loading));
            wasm_bindgen_futures::spawn_local(async move {
                let status = match reader.load().await {
                    Ok(()) => Status::Ready,
                    Err(why) => Status::Failed(why),
                };
                dispatch.dispatch(reader.action(status));
            });
        }
        || ()
    });
}

/// How [`use_reveal`] brings an element into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Drawn with the page (the explanation panel): looked for once, scrolled only as far as
    /// needed (below the findings on a phone).
    Drawn,
    /// Drawn by the teaching module, which may still be loading: looked for every 50 ms for up
    /// to 5 s, scrolled to the top.
    Awaited,
}

/// Brings the element with this id into view and moves focus to it, so keyboard and
/// screen-reader users land on what they opened. A new `target` (or a new `key`: the same
/// target asked for again) looks again; `None` stops looking.
#[hook]
pub fn use_reveal<K: PartialEq + 'static>(target: Option<&'static str>, how: Reveal, key: K) {
    use_effect_with((target, key), move |(target, _)| {
        let interval = target.and_then(|id| {
            let left = Rc::new(Cell::new(match how {
                Reveal::Drawn => 1u32,
                Reveal::Awaited => 100,
            }));
            let look = move || {
                if left.get() == 0 {
                    return;
                }
                left.set(left.get() - 1);
                let Some(element) = gloo::utils::document().get_element_by_id(id) else {
                    return;
                };
                left.set(0);
                if how == Reveal::Drawn {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                } else {
                    element.scroll_into_view();
                }
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            };
            match how {
                Reveal::Drawn => {
                    look();
                    None
                }
                Reveal::Awaited => Some(Interval::new(50, look)),
            }
        });
        move || drop(interval)
    });
}
