//! Share links, state files, drafts and the keyboard shortcuts that go with them.
//!
//! `ShareTools` sits in the header: "Copy link", "Export", "Settings", "Reset" and "?", the
//! dialogs they open, and the banners (a link that cannot be opened, a draft too large to save,
//! "Restore previous draft"). The share, shortcuts, settings and export dialogs are the teaching
//! module's (`components/share_dialog.rs`, `src/teach.rs`): this opens them through the
//! teaching host and hears what they ask (put a made link in the address bar, open a picked
//! state file, apply settings, close). Opening a link (inflating it) stays here, so a shared
//! link opens without that module; making one (deflating) is the module's. It also opens the
//! router's visits that are its own (`route.rs`): share links (`#v1.…`) and the panes' example
//! permalinks (`#example/<pane>`), and names a link to a rule or example that does not exist. It reads the page's state as a
//! [`Page`] (`context.rs`), which compares equal while the state is the same.
//!
//! Everything user-provided (pane texts, error messages, file names) is rendered as text nodes;
//! nothing here builds markup from strings, and nothing here touches the network.

use std::cell::RefCell;
use std::rc::Rc;

use ecsplain_engine::share::{self, ShareState};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::components::teach_host::TeachHost;
use crate::context::{Page, Visit};
use crate::i18n::Tr;
use crate::persist::{self, PageSettings};
use crate::route::{self, Route};
use crate::state::{Action, State, View, DRAFT_CAP};
use crate::teach::{Notice, TeachState, TeachView};

/// The draft a link (or reset) replaced, kept so that it can be restored.
pub const PREVIOUS_KEY: &str = "ecsplain.previous.v1";

#[derive(Clone, PartialEq)]
enum Panel {
    Share,
    Export,
    Settings,
    Help,
    Reset,
    /// A link or file is waiting for the user's answer: open it, or keep the draft.
    Incoming(Rc<ShareState>),
}

#[derive(Clone, PartialEq)]
struct Banner {
    error: bool,
    text: String,
}

/// The handles the window listeners need; refreshed on every render so they see current state.
#[derive(Clone)]
struct Ctx {
    page: Page,
    open: UseStateHandle<Option<Panel>>,
    banner: UseStateHandle<Option<Banner>>,
    previous: UseStateHandle<Option<Rc<ShareState>>>,
    /// The revision the URL's share fragment was made from (cleared when the texts change).
    linked: Rc<RefCell<Option<u32>>>,
    /// The interface's texts in the reader's language.
    tr: Tr,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Offers `text` as a download (Blob + object URL: no request leaves the page).
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    gloo::timers::callback::Timeout::new(2_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Selects the text of a read-only field, so Ctrl+C copies it when the clipboard is refused.
pub fn select_field(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

/// Copies `text` to the clipboard; `done` gets `true` when it worked. When the browser has no
/// clipboard or refuses, the caller shows the text selected in a read-only field.
pub fn copy_text(text: String, done: Callback<bool>) {
    let clipboard = window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        done.emit(false);
        return;
    };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done.emit(ok);
    });
}

/// The current draft as a share state.
fn current(state: &State) -> ShareState {
    persist::share_state(
        &state.project(),
        &state.vars,
        state.view,
        state.active,
        &state.settings,
        &state.ticks,
    )
}

fn is_blank(state: &State) -> bool {
    state.project().is_empty()
}

impl Ctx {
    /// Opens the share dialog, which makes the link from the current draft, copies it and
    /// hands its fragment back ([`Ctx::linked`]).
    fn copy_link(&self) {
        self.open.set(Some(Panel::Share));
    }

    /// The share dialog made a link: it goes in the address bar, as what the current texts are.
    fn linked(&self, fragment: &str) {
        route::replace(Some(fragment));
        *self.linked.borrow_mut() = Some(self.page.state().revision);
    }

    /// Keeps the current draft restorable (in memory and in local storage).
    fn keep_previous(&self) {
        let state = self.page.state();
        if is_blank(state) {
            return;
        }
        let previous = current(state);
        let _ = LocalStorage::set(PREVIOUS_KEY, persist::state_file(&previous));
        self.previous.set(Some(Rc::new(previous)));
    }

    fn apply(&self, shared: &ShareState) {
        self.page
            .dispatch(Action::LoadShare(Box::new(persist::share_loaded(shared))));
        // The checklist boxes the team ticked by hand travel with the link.
        self.page.dispatch(Action::SetTicks(shared.ticks.clone()));
        // An older complaint no longer applies once a link opened.
        self.banner.set(None);
        if shared.is_from_newer_schema() {
            self.banner.set(Some(Banner {
                error: false,
                text: self.tr.share_newer().into(),
            }));
        }
    }

    /// A link or state file arrived: open it at once when nothing would be lost, else ask.
    fn offer(&self, shared: ShareState) {
        let state = self.page.state();
        // Nothing is lost when every pane is empty, still its example, or already what comes.
        let incoming = persist::share_texts(&shared);
        let lossless = state.texts.iter().enumerate().all(|(i, text)| {
            text.trim().is_empty()
                || **text == *crate::state::EXAMPLES[i]
                || incoming[i].as_str() == &**text
        }) && state.extra.iter().all(|f| {
            f.text.trim().is_empty()
                || shared
                    .files
                    .iter()
                    .any(|(p, t)| *p == *f.path && *t == *f.text)
        });
        if lossless {
            self.apply(&shared);
            self.open.set(None);
        } else {
            self.open.set(Some(Panel::Incoming(Rc::new(shared))));
        }
    }

    fn error(&self, text: String) {
        self.banner.set(Some(Banner { error: true, text }));
    }

    /// Opens what a visit names, if it is the share tools' (the app dispatches the views'
    /// routes). Never panics: the decoder refuses anything odd.
    fn open_route(&self, route: &Route) {
        match route {
            Route::UnknownRule(code) => self.error(self.tr.share_unknown_rule(clip(code, 40))),
            Route::PaneExample(pane) => {
                let state = self.page.state();
                if !state.texts[*pane].trim().is_empty()
                    && *state.texts[*pane] != *crate::state::EXAMPLES[*pane]
                {
                    self.keep_previous();
                }
                self.page.dispatch(Action::LoadExample(*pane));
                self.page.dispatch(Action::Activate(*pane));
                route::replace(None);
            }
            Route::UnknownExample(slug) => {
                self.error(self.tr.share_unknown_example(clip(slug, 40)));
                route::replace(None);
            }
            Route::Share(fragment) => {
                match share::decode(fragment) {
                    Ok(shared) => self.offer(shared),
                    Err(e) => self.error(e.to_string()),
                }
                route::replace(None);
            }
            _ => {}
        }
    }

    /// Reads files or folders dropped on the page into the project (the project view, issue 6);
    /// what was not read is named in a banner.
    fn add_dropped(&self, data: &web_sys::DataTransfer) {
        let entries = crate::components::project::drop_entries(data);
        // Taken while the event lasts: a drop's file list is empty afterwards.
        let from_list = data
            .files()
            .map(|list| crate::components::project::read_file_list(&list));
        let ctx = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let read = match (entries, from_list) {
                (Some(entries), _) if !entries.is_empty() => {
                    crate::components::project::read_entries(entries).await
                }
                (_, Some(reading)) => reading.await,
                _ => return,
            };
            match read.message(ctx.tr) {
                Some(text) => ctx.banner.set(Some(Banner { error: false, text })),
                None => ctx.banner.set(None),
            }
            if !read.files.is_empty() {
                ctx.page.dispatch(Action::AddFiles(read.files));
            }
        });
    }

    /// Reads a dropped `.ecsplain.json` file (as the share dialog's picker does).
    fn open_file(&self, file: web_sys::File) {
        let (open, fail) = (self.clone(), self.clone());
        crate::components::share_dialog::read_state_file(
            file,
            self.tr,
            Callback::from(move |text: String| open.open_text(&text)),
            Callback::from(move |why: String| fail.error(why)),
        );
    }

    /// Opens a state file's text (dropped on the page, or picked in the share dialog).
    fn open_text(&self, text: &str) {
        match persist::read_state_file(text) {
            Ok(shared) => self.offer(shared),
            Err(e) => self.error(e.message(self.tr)),
        }
    }
}

/// The first `max` characters of user text, for a message.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn has_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer()
        .map(|d| d.types())
        .is_some_and(|types| types.includes(&JsValue::from_str("Files"), 0))
}

#[derive(Properties, PartialEq)]
pub struct ShareToolsProps {
    /// The page's state: equal while the reducer holds the same state, so the share tools
    /// render when it changes and only then.
    pub page: Page,
    /// The router's newest visit.
    pub visit: Visit,
}

/// The header's share tools.
#[component]
pub fn ShareTools(props: &ShareToolsProps) -> Html {
    let page = props.page.clone();
    let visit = props.visit.clone();
    let tr = crate::i18n::use_tr();
    let open = use_state(|| None::<Panel>);
    let banner = use_state(|| None::<Banner>);
    let previous = use_state(|| {
        crate::stored::string(PREVIOUS_KEY)
            .and_then(|t| persist::read_state_file(&t).ok())
            .map(Rc::new)
    });
    let linked = use_mut_ref(|| None::<u32>);
    let ctx = Ctx {
        page: page.clone(),
        open: open.clone(),
        banner: banner.clone(),
        previous: previous.clone(),
        linked: linked.clone(),
        tr,
    };
    let latest = use_mut_ref(|| ctx.clone());
    *latest.borrow_mut() = ctx.clone();

    // Window listeners, registered once; they read the latest handles.
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            let w = gloo::utils::window();
            let l = latest.clone();
            let options = EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(
                &w,
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let ctx = l.borrow().clone();
                    if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
                        e.prevent_default();
                        ctx.copy_link();
                    } else if e.key() == "?" && !in_text_field(e) {
                        e.prevent_default();
                        ctx.open.set(Some(Panel::Help));
                    } else if e.key() == "Escape" && ctx.open.is_some() {
                        ctx.open.set(None);
                    }
                },
            ));
            listeners.push(EventListener::new_with_options(
                &w,
                "dragover",
                options,
                move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::DragEvent>() {
                        if has_files(e) {
                            e.prevent_default();
                        }
                    }
                },
            ));
            let l = latest.clone();
            listeners.push(EventListener::new_with_options(
                &w,
                "drop",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    if !has_files(e) {
                        return;
                    }
                    e.prevent_default();
                    let Some(data) = e.data_transfer() else {
                        return;
                    };
                    // One `.ecsplain.json` is a state file; anything else is project files.
                    let files = data.files();
                    let state_file = files
                        .as_ref()
                        .filter(|f| f.length() == 1)
                        .and_then(|f| f.get(0))
                        .filter(|f| f.name().to_ascii_lowercase().ends_with(".ecsplain.json"));
                    let ctx = l.borrow().clone();
                    match state_file {
                        Some(file) => ctx.open_file(file),
                        None => ctx.add_dropped(&data),
                    }
                },
            ));
            move || drop(listeners)
        });
    }

    // The router's visits that are ours (a share link, a pane's example, a link to nothing):
    // the one on arrival and every later one.
    {
        let ctx = ctx.clone();
        use_effect_with(visit, move |visit| {
            if let Some(route) = &visit.route {
                ctx.open_route(route);
            }
            || ()
        });
    }

    // A link in the address bar describes the texts it was made from; once they change, drop it
    // so that a reload does not offer to open a stale link over the draft.
    {
        let linked = linked.clone();
        use_effect_with(page.state().revision, move |revision| {
            let made = *linked.borrow();
            if made.is_some_and(|r| r != *revision) {
                *linked.borrow_mut() = None;
                if share::is_share_fragment(&route::current()) {
                    route::replace(None);
                }
            }
            || ()
        });
    }

    let state = page.state();
    let show = |panel: Panel| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Some(panel.clone())))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(None))
    };
    let on_copy = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.copy_link())
    };

    let dialog = match (*open).clone() {
        None => html! {},
        // The share, shortcuts, settings and export dialogs are drawn by the teaching module
        // (src/teach.rs), loaded the first time one opens, over the page on `#teach-dialog`.
        Some(panel @ (Panel::Share | Panel::Help | Panel::Export | Panel::Settings)) => {
            let view = match panel {
                Panel::Share => TeachView::Share,
                Panel::Help => TeachView::Help,
                Panel::Export => TeachView::Export,
                _ => TeachView::Settings,
            };
            let on_notice = {
                let ctx = ctx.clone();
                Callback::from(move |notice: Notice| match notice {
                    Notice::Settings(map) => {
                        let settings = PageSettings::from_map(&map);
                        ctx.page.dispatch(Action::SetSettings(Rc::new(settings)));
                        ctx.open.set(None);
                    }
                    Notice::Linked(fragment) => ctx.linked(&fragment),
                    Notice::OpenState(text) => ctx.open_text(&text),
                    Notice::Error(text) => ctx.error(text),
                    Notice::Close => ctx.open.set(None),
                    _ => {}
                })
            };
            // The help dialog needs nothing of the project.
            let project = (view != TeachView::Help).then(|| state.state_file());
            // The share dialog's Markdown summary: the page's own findings (Jsonnet and
            // Terraform files are evaluated here, by modules the teaching module does not load).
            let summary = (view == TeachView::Share).then(|| {
                let findings = state
                    .linted
                    .as_ref()
                    .map(|l| l.report.findings.as_slice())
                    .unwrap_or_default();
                Rc::from(persist::markdown_summary_in(findings, tr))
            });
            let state = TeachState {
                view,
                text: Rc::from(""),
                from_finding: false,
                lesson: None,
                project,
                example: None,
                region: Rc::from(""),
                lang: tr.lang,
                rule: None,
                query: Rc::from(""),
                summary,
            };
            html! { <TeachHost {state} {on_notice} /> }
        }
        Some(Panel::Reset) => {
            let on_reset = {
                let ctx = ctx.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.keep_previous();
                    let settings = ctx.page.state().settings.clone();
                    ctx.page
                        .dispatch(Action::LoadShare(Box::new(crate::state::Loaded {
                            project: Default::default(),
                            vars: Default::default(),
                            view: View::Editor,
                            active: 0,
                            settings,
                        })));
                    LocalStorage::delete(crate::hooks::DRAFTS_KEY);
                    LocalStorage::delete(crate::hooks::PROJECT_KEY);
                    ctx.open.set(None);
                })
            };
            modal(
                "reset-dialog",
                tr.reset_title(),
                html! {
                    <>
                        <p>{ tr.reset_body() }</p>
                        <div class="dialog-actions">
                            <button type="button" class="button primary" id="reset-confirm" onclick={on_reset}>{ tr.reset_confirm() }</button>
                            <button type="button" class="button" id="reset-cancel" onclick={close.clone()}>{ tr.cancel() }</button>
                        </div>
                    </>
                },
                close.clone(),
            )
        }
        Some(Panel::Incoming(shared)) => {
            let on_open = {
                let ctx = ctx.clone();
                let shared = shared.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.keep_previous();
                    ctx.apply(&shared);
                    ctx.open.set(None);
                })
            };
            let project = persist::share_project(&shared);
            let (paths, _) = project.paths_and_named();
            let files = (0..project.len())
                .filter_map(|pane| {
                    let text = project.text(pane)?;
                    let path = paths.get(pane)?;
                    (!text.is_empty()).then(|| tr.incoming_file(path.to_string(), text.len()))
                })
                .collect::<Vec<_>>()
                .join(", ");
            modal(
                "incoming-dialog",
                tr.incoming_title(),
                html! {
                    <>
                        <p>{ tr.incoming_body(if files.is_empty() { tr.incoming_empty().to_string() } else { files }) }</p>
                        <div class="dialog-actions">
                            <button type="button" class="button primary" id="incoming-open" onclick={on_open}>{ tr.incoming_open() }</button>
                            <button type="button" class="button" id="incoming-keep" onclick={close.clone()}>{ tr.incoming_keep() }</button>
                        </div>
                    </>
                },
                close.clone(),
            )
        }
    };

    // Banners: a link that failed, a draft too large to save, a draft to restore.
    let size: usize = state.project().size();
    let too_big = size > DRAFT_CAP;
    let restore = (*previous).clone().map(|prev| {
        let ctx = ctx.clone();
        let on_restore = Callback::from(move |_: MouseEvent| {
            ctx.apply(&prev);
            ctx.previous.set(None);
            LocalStorage::delete(PREVIOUS_KEY);
        });
        let previous = previous.clone();
        let on_forget = Callback::from(move |_: MouseEvent| {
            previous.set(None);
            LocalStorage::delete(PREVIOUS_KEY);
        });
        html! {
            <div class="share-banner" id="restore-banner">
                <span>{ tr.restore_kept() }</span>
                <button type="button" class="button" id="restore-draft" onclick={on_restore}>{ tr.restore_draft() }</button>
                <button type="button" class="button" onclick={on_forget}>{ tr.restore_forget() }</button>
            </div>
        }
    });
    let message = (*banner).clone().map(|b| {
        let banner = banner.clone();
        let dismiss = Callback::from(move |_: MouseEvent| banner.set(None));
        html! {
            <div class={classes!("share-banner", b.error.then_some("error"))} id="share-error" role={if b.error { "alert" } else { "status" }}>
                <span class="share-banner-text">{ b.text }</span>
                <button type="button" class="button" aria-label={tr.dismiss()} onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    let cap = too_big.then(|| {
        html! {
            <div class="share-banner" id="draft-cap" role="status">
                <span>{ tr.draft_cap(format!("{:.1}", size as f64 / 1_000_000.0)) }</span>
            </div>
        }
    });

    html! {
        <>
            <button type="button" id="copy-link" class="nav-button" title={tr.share_copy_link_title()} onclick={on_copy}>{ tr.share_copy_link() }</button>
            <button type="button" id="export-button" class="nav-button" onclick={show(Panel::Export)}>{ tr.share_export() }</button>
            <button type="button" id="settings-button" class={classes!("nav-button", (!state.settings.is_default()).then_some("changed"))} onclick={show(Panel::Settings)}>{ tr.share_settings() }</button>
            <button type="button" id="reset-button" class="nav-button" onclick={show(Panel::Reset)}>{ tr.share_reset() }</button>
            <button type="button" id="help-button" class="nav-button" aria-label={tr.share_shortcuts()} title={tr.share_shortcuts_title()} onclick={show(Panel::Help)}>{ "?" }</button>
            <div class="share-banners">
                { for message }
                { for cap }
                { for restore }
            </div>
            { dialog }
        </>
    }
}

/// A modal dialog: a backdrop, a labelled box, and a close button.
pub fn modal(
    id: &'static str,
    title: &'static str,
    body: Html,
    close: Callback<MouseEvent>,
) -> Html {
    html! { <Modal {id} {title} {close}>{ body }</Modal> }
}

#[derive(Properties, PartialEq)]
struct ModalProps {
    id: &'static str,
    title: &'static str,
    close: Callback<MouseEvent>,
    children: Html,
}

/// What Tab can reach inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex='-1'])";

fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The dialog box: focus moves into it when it opens (its first field, else its first
/// control after the close button), Tab and Shift+Tab stay inside it, and focus returns to
/// what had it (the button that opened it) when it closes.
#[component]
fn Modal(props: &ModalProps) -> Html {
    let tr = crate::i18n::use_tr();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| {
            let previous = window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let Some(root) = node.cast::<web_sys::Element>() {
                let all = focusables(&root);
                let first = all
                    .iter()
                    .find(|e| {
                        !e.class_name()
                            .split_whitespace()
                            .any(|c| c == "modal-close")
                    })
                    .or(all.first());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(previous) =
                    previous.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    if previous.is_connected() {
                        let _ = previous.focus();
                    }
                }
            }
        });
    }
    let onkeydown = {
        let node = node.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" {
                return;
            }
            let Some(root) = node.cast::<web_sys::Element>() else {
                return;
            };
            let all = focusables(&root);
            let (Some(first), Some(last)) = (all.first(), all.last()) else {
                return;
            };
            let active = window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let at = |el: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == AsRef::<web_sys::Element>::as_ref(el))
            };
            if e.shift_key() && at(first) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && at(last) {
                e.prevent_default();
                let _ = first.focus();
            }
        })
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <div class="modal-backdrop">
            <div class="modal" id={props.id} role="dialog" aria-modal="true" aria-labelledby={title_id.clone()}
                ref={node} {onkeydown}>
                <div class="modal-head">
                    <h2 id={title_id}>{ props.title }</h2>
                    <button type="button" class="button modal-close" aria-label={tr.close()} onclick={props.close.clone()}>{ "×" }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// The settings a page had saved (local storage), or the defaults.
pub fn saved_settings(key: &str) -> PageSettings {
    crate::stored::string_map(key)
        .map(|map| PageSettings::from_map(&map))
        .unwrap_or_default()
}
