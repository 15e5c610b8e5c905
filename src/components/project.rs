//! The project view (issue 6): every file of the project as a small tree, with new, add files,
//! add folder, rename and remove; and the reading of picked or dropped files and folders.
//!
//! The four panes are the first files of the project (the quick start); dropped or picked files
//! go into a free pane of their kind or become extra files, with their folders kept so that an
//! ecspresso config's references resolve as ecspresso resolves them. Only text files are read,
//! each up to [`FILE_CAP`]; the others are named in a message, never silently dropped.

use std::collections::BTreeMap;
use std::rc::Rc;

use ecsplain_engine::{Kind, Severity};
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::FileId;
use crate::context::use_dispatch;
use crate::state::{Action, MAX_EXTRA_FILES};

/// The largest file the page reads, in bytes.
pub const FILE_CAP: f64 = 2_000_000.0;
/// Folders never read (version control, dependencies, build output).
const SKIPPED_FOLDERS: [&str; 5] = [".git", "node_modules", "target", ".terraform", "dist"];

/// Files read from a pick or a drop, and the ones skipped with the reason.
#[derive(Debug, Default)]
pub struct ReadFiles {
    pub files: Vec<(String, String)>,
    pub skipped: Vec<(String, &'static str)>,
}

impl ReadFiles {
    /// The sentence that says what was not read, if anything.
    pub fn message(&self, tr: crate::i18n::Tr) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (name, reason) in &self.skipped {
            by_reason.entry(reason).or_default().push(name);
        }
        let parts: Vec<String> = by_reason
            .iter()
            .map(|(reason, names)| {
                let shown: Vec<&str> = names
                    .iter()
                    .take(3)
                    .map(|n| {
                        if *n == SKIPPED_REST {
                            tr.skipped_rest()
                        } else {
                            *n
                        }
                    })
                    .collect();
                let more = names.len().saturating_sub(3);
                let mut list = shown.join(", ");
                if more > 0 {
                    list = tr.skipped_more(list, more);
                }
                let reason = match *reason {
                    TOO_LARGE => tr.reason_too_large(),
                    UNREADABLE => tr.reason_unreadable(),
                    NOT_TEXT => tr.reason_not_text(),
                    TOO_MANY => tr.reason_too_many(),
                    other => other,
                };
                format!("{list} ({reason})")
            })
            .collect();
        Some(tr.project_not_added(parts.join("; "), (FILE_CAP / 1e6).to_string()))
    }
}

/// Why a file was not added (the keys of [`ReadFiles::message`]'s sentence).
const TOO_LARGE: &str = "too large";
const UNREADABLE: &str = "unreadable";
const NOT_TEXT: &str = "not a text file";
const TOO_MANY: &str = "too many files";
/// The name of what was left out once too many files came.
const SKIPPED_REST: &str = "the rest";

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target[name](resolve, reject)` and awaits the callback's value.
async fn callback_call(target: &JsValue, name: &str) -> Option<JsValue> {
    let method = get(target, name).dyn_into::<Function>().ok()?;
    let promise = Promise::new(&mut |resolve, reject| {
        if method.call2(target, &resolve, &reject).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    JsFuture::from(promise).await.ok()
}

fn skipped_folder(path: &str) -> bool {
    path.split('/').any(|part| SKIPPED_FOLDERS.contains(&part))
}

/// Reads one file as text, or says why not.
async fn read_text(file: &web_sys::File) -> Result<String, &'static str> {
    if file.size() > FILE_CAP {
        return Err(TOO_LARGE);
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(UNREADABLE)?;
    // NUL bytes or replacement characters (what the decoder makes of bytes that are not UTF-8):
    // an image, an archive, a binary.
    if text.contains(['\0', '\u{fffd}']) {
        return Err(NOT_TEXT);
    }
    Ok(text)
}

async fn read_all(files: Vec<(String, web_sys::File)>, mut out: ReadFiles) -> ReadFiles {
    for (path, file) in files {
        if out.files.len() >= MAX_EXTRA_FILES {
            out.skipped.push((path, TOO_MANY));
            continue;
        }
        match read_text(&file).await {
            Ok(text) => out.files.push((path, text)),
            Err(reason) => out.skipped.push((path, reason)),
        }
    }
    out
}

/// The files of a picker (`webkitRelativePath` keeps a picked folder's structure). The list is
/// read now, before the returned future runs: a picker's list empties when its input is cleared,
/// and a drop's when the event ends.
pub fn read_file_list(list: &web_sys::FileList) -> impl std::future::Future<Output = ReadFiles> {
    let mut files = Vec::new();
    let mut out = ReadFiles::default();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let relative = get(&file, "webkitRelativePath")
            .as_string()
            .unwrap_or_default();
        let path = if relative.is_empty() {
            file.name()
        } else {
            relative
        };
        if skipped_folder(&path) {
            continue;
        }
        files.push((path, file));
    }
    if files.len() > MAX_EXTRA_FILES * 4 {
        out.skipped
            .push((format!("{} files", files.len()), TOO_MANY));
        files.truncate(MAX_EXTRA_FILES * 4);
    }
    read_all(files, out)
}

/// The entries of a drop, taken while the event lasts (`webkitGetAsEntry`, which walks
/// folders); `None` when the browser has no entries API (then use `DataTransfer.files`).
pub fn drop_entries(data: &web_sys::DataTransfer) -> Option<Vec<JsValue>> {
    let items = get(data, "items");
    let length = get(&items, "length").as_f64()? as u32;
    let mut entries = Vec::new();
    for i in 0..length {
        let item = Reflect::get_u32(&items, i).ok()?;
        if get(&item, "kind").as_string().as_deref() != Some("file") {
            continue;
        }
        let method = get(&item, "webkitGetAsEntry").dyn_into::<Function>().ok()?;
        let entry = method.call0(&item).ok()?;
        if !entry.is_null() && !entry.is_undefined() {
            entries.push(entry);
        }
    }
    Some(entries)
}

/// Walks dropped entries (files and folders, without recursion) and reads their files.
pub async fn read_entries(entries: Vec<JsValue>) -> ReadFiles {
    let mut out = ReadFiles::default();
    let mut files: Vec<(String, web_sys::File)> = Vec::new();
    let mut stack = entries;
    let mut seen = 0usize;
    while let Some(entry) = stack.pop() {
        seen += 1;
        if seen > MAX_EXTRA_FILES * 20 {
            out.skipped.push((SKIPPED_REST.into(), TOO_MANY));
            break;
        }
        let path = get(&entry, "fullPath").as_string().unwrap_or_default();
        let path = path.trim_start_matches('/').to_string();
        if skipped_folder(&path) {
            continue;
        }
        if get(&entry, "isDirectory").as_bool() == Some(true) {
            let Ok(create) = get(&entry, "createReader").dyn_into::<Function>() else {
                continue;
            };
            let Ok(reader) = create.call0(&entry) else {
                continue;
            };
            // readEntries gives batches until an empty one.
            for _ in 0..1000 {
                let Some(batch) = callback_call(&reader, "readEntries").await else {
                    break;
                };
                let batch: Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        } else if let Some(file) = callback_call(&entry, "file").await {
            if let Ok(file) = file.dyn_into::<web_sys::File>() {
                files.push((path, file));
            }
        }
    }
    // The stack reversed the order: list files by path, folders first as a tree would.
    ecsplain_engine::order::sort_by(&mut files, |a, b| a.0.cmp(&b.0));
    read_all(files, out).await
}

/// One row of the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeFile {
    pub file: FileId,
    pub path: AttrValue,
    /// The kind shown: the pane's, the chosen one or the detected one.
    pub kind: Option<Kind>,
    /// Whether the user chose the kind (extra files only).
    pub chosen: bool,
    pub count: usize,
    pub worst: Option<Severity>,
    pub empty: bool,
}

#[derive(Properties, PartialEq)]
pub struct ProjectTreeProps {
    pub files: Rc<Vec<TreeFile>>,
    /// The open file.
    pub active: FileId,
}

/// A short mark for the kind, beside the file name (the kind is also in the title).
fn kind_icon(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::TaskDef) => "T",
        Some(Kind::ServiceDef) => "S",
        Some(Kind::Dockerfile) => "D",
        Some(Kind::Ecspresso) => "E",
        Some(Kind::Terraform) => "TF",
        Some(Kind::CloudFormation) => "CF",
        None => "·",
    }
}

fn kind_class(kind: Option<Kind>) -> &'static str {
    kind.map_or("other", Kind::as_str)
}

/// The kind as the tree and the editor's toolbar name it.
pub fn kind_label(tr: crate::i18n::Tr, kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::TaskDef) => tr.label_taskdef(),
        Some(Kind::ServiceDef) => tr.label_servicedef(),
        Some(Kind::Dockerfile) => tr.kind_dockerfile(),
        Some(Kind::Ecspresso) => tr.label_ecspresso(),
        Some(Kind::Terraform) => tr.kind_terraform(),
        Some(Kind::CloudFormation) => tr.label_cloudformation(),
        None => tr.label_none(),
    }
}

/// The folder rows and file rows of the tree, in path order, folders before their files: the
/// depth, the file (`None` for a folder), the name shown, and a key unique in the list.
fn rows(files: &[TreeFile]) -> Vec<(usize, Option<&TreeFile>, String, String)> {
    let mut sorted: Vec<&TreeFile> = files.iter().collect();
    // By folder segments, then name: `a/` and everything under it stay together, so no folder
    // row repeats (`a-b/` sorts after `a/x/`).
    ecsplain_engine::order::sort_by(&mut sorted, |a, b| {
        let (fa, na) = a.path.rsplit_once('/').unwrap_or(("", &a.path));
        let (fb, nb) = b.path.rsplit_once('/').unwrap_or(("", &b.path));
        let fa: Vec<&str> = fa.split('/').filter(|p| !p.is_empty()).collect();
        let fb: Vec<&str> = fb.split('/').filter(|p| !p.is_empty()).collect();
        fa.cmp(&fb).then(na.cmp(nb))
    });
    let mut out = Vec::new();
    let mut open: Vec<String> = Vec::new();
    for file in sorted {
        let folders: Vec<&str> = file.path.split('/').collect();
        let (name, folders) = folders.split_last().map_or(("", &[][..]), |(n, f)| (*n, f));
        let depth = open
            .iter()
            .zip(folders)
            .take_while(|(a, b)| a == *b)
            .count();
        open.truncate(depth);
        for folder in &folders[depth..] {
            open.push((*folder).to_string());
            out.push((
                open.len() - 1,
                None,
                format!("{folder}/"),
                format!("folder:{}", open.join("/")),
            ));
        }
        out.push((
            open.len(),
            Some(file),
            name.to_string(),
            format!("file:{}", file.file.index()),
        ));
    }
    out
}

#[component]
pub fn ProjectTree(props: &ProjectTreeProps) -> Html {
    let tr = crate::i18n::use_tr();
    // Open beside the editor; folded above it on a phone (the user can open it).
    let open = *use_memo((), |()| {
        gloo::utils::window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_none_or(|w| w > 700.0)
    });
    // Opening, renaming, removing and adding files are the reducer's actions.
    let dispatch = use_dispatch();
    let renaming = use_state(|| None::<FileId>);
    let adding = use_state(|| false);
    let busy = use_state(|| false);
    let notice = use_state(|| None::<String>);

    let on_pick = {
        let dispatch = dispatch.clone();
        let notice = notice.clone();
        let busy = busy.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            // Taken before the input is cleared below, which empties `list`.
            let reading = read_file_list(&list);
            let dispatch = dispatch.clone();
            let notice = notice.clone();
            let busy = busy.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let read = reading.await;
                notice.set(read.message(tr));
                busy.set(false);
                if !read.files.is_empty() {
                    dispatch.dispatch(Action::AddFiles(read.files));
                }
            });
            input.set_value("");
        })
    };

    let items = rows(&props.files).into_iter().map(|(depth, file, name, key)| {
        let style = format!("--depth: {depth}");
        let Some(file) = file else {
            return html! {
                <li class="tree-folder" key={key.clone()} {style}>
                    <span class="tree-folder-name" aria-hidden="true">{ "▾ " }</span>{ name }
                </li>
            };
        };
        let id = file.file;
        let current = id == props.active;
        let path = file.path.clone();
        let badge = classes!("badge", file.worst.map(Severity::as_str).unwrap_or("none"));
        if *renaming == Some(id) {
            let on_key = {
                let renaming = renaming.clone();
                let dispatch = dispatch.clone();
                Callback::from(move |e: KeyboardEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    match e.key().as_str() {
                        "Enter" => {
                            e.prevent_default();
                            dispatch.dispatch(Action::Rename(id.index(), input.value()));
                            renaming.set(None);
                        }
                        "Escape" => {
                            e.prevent_default();
                            e.stop_propagation();
                            renaming.set(None);
                        }
                        _ => {}
                    }
                })
            };
            let on_blur = {
                let renaming = renaming.clone();
                let dispatch = dispatch.clone();
                Callback::from(move |e: FocusEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    dispatch.dispatch(Action::Rename(id.index(), input.value()));
                    renaming.set(None);
                })
            };
            return html! {
                <li class="tree-file renaming" key={key.clone()} {style}>
                    <input type="text" class="tree-rename" id="rename-input" value={path.clone()}
                        aria-label={tr.tree_rename_path(path.to_string())} autofocus=true
                        onkeydown={on_key} onblur={on_blur} />
                </li>
            };
        }
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Activate(id.index())))
        };
        let onkeydown = {
            let renaming = renaming.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "F2" => {
                    e.prevent_default();
                    renaming.set(Some(id));
                }
                "Delete" => {
                    e.prevent_default();
                    dispatch.dispatch(Action::Remove(id.index()));
                }
                _ => {}
            })
        };
        let on_rename = {
            let renaming = renaming.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(id)))
        };
        let on_remove = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Remove(id.index())))
        };
        let remove_label = if id.pane().is_some() {
            tr.tree_empty(path.to_string())
        } else {
            tr.tree_remove(path.to_string())
        };
        html! {
            <li class={classes!("tree-file", current.then_some("current"), file.empty.then_some("is-empty"))} key={key.clone()} {style}>
                <button type="button" class="tree-item"
                    aria-current={current.then_some("true")}
                    title={tr.tree_item_title(path.to_string())}
                    data-path={path.clone()} {onclick} {onkeydown}>
                    <span class={classes!("tree-icon", kind_class(file.kind))} aria-hidden="true" title={kind_label(tr, file.kind)}>{ kind_icon(file.kind) }</span>
                    <span class="tree-name">{ name }</span>
                    <span class={badge} aria-label={tr.tree_count(file.count)}>{ file.count }</span>
                </button>
                <button type="button" class="icon-button" aria-label={tr.tree_rename(path.to_string())} title={tr.tree_rename_title()} onclick={on_rename}>{ "✎" }</button>
                <button type="button" class="icon-button" aria-label={remove_label} title={tr.tree_remove_title()} onclick={on_remove}>{ "×" }</button>
            </li>
        }
    });

    let new_form = (*adding).then(|| {
        let onsubmit = {
            let adding = adding.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let doc = gloo::utils::document();
                let value = |id: &str| {
                    doc.get_element_by_id(id)
                        .and_then(|el| {
                            el.dyn_ref::<web_sys::HtmlInputElement>()
                                .map(|i| i.value())
                                .or_else(|| {
                                    el.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value())
                                })
                        })
                        .unwrap_or_default()
                };
                let path = value("new-file-path");
                if !path.trim().is_empty() {
                    dispatch.dispatch(Action::NewFile(path, Kind::parse(&value("new-file-kind"))));
                    adding.set(false);
                }
            })
        };
        let cancel = {
            let adding = adding.clone();
            Callback::from(move |_: MouseEvent| adding.set(false))
        };
        html! {
            <form class="new-file" id="new-file-form" {onsubmit}>
                <label for="new-file-path">{ tr.new_file_path() }</label>
                <input type="text" id="new-file-path" placeholder="ecspresso/ecs-task-def.json" autofocus=true />
                <label for="new-file-kind">{ tr.new_file_kind() }</label>
                <select id="new-file-kind">
                    <option value="">{ tr.new_file_detect() }</option>
                    <option value="taskdef">{ tr.label_taskdef() }</option>
                    <option value="servicedef">{ tr.label_servicedef() }</option>
                    <option value="dockerfile">{ "Dockerfile" }</option>
                    <option value="ecspresso">{ tr.label_ecspresso() }</option>
                </select>
                <div class="new-file-actions">
                    <button type="submit" class="button primary" id="new-file-add">{ tr.new_file_add() }</button>
                    <button type="button" class="button" onclick={cancel}>{ tr.cancel() }</button>
                </div>
            </form>
        }
    });
    let on_add = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(!*adding))
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let count = props.files.len();

    html! {
        <details class="project" id="project" {open}>
            <summary class="project-head">
                <span class="project-title">{ tr.project_title() }</span>
                <span class="project-count">{ tr.count(count, crate::i18n::Tr::project_count_one, crate::i18n::Tr::project_count) }</span>
            </summary>
            <div class="project-tools">
                <button type="button" class="button" id="new-file" aria-expanded={if *adding { "true" } else { "false" }} onclick={on_add}>{ tr.project_new_file() }</button>
                <label class="button file-button">
                    { tr.project_add_files() }
                    <input type="file" id="add-files" multiple=true onchange={on_pick.clone()} />
                </label>
                <label class="button file-button">
                    { tr.project_add_folder() }
                    <input type="file" id="add-folder" multiple=true onchange={on_pick} webkitdirectory=true />
                </label>
            </div>
            { for new_form }
            if *busy {
                <p class="project-note" role="status">{ tr.project_reading() }</p>
            }
            if let Some(text) = (*notice).clone() {
                <p class="project-note warning" id="project-notice" role="status">
                    { text }
                    <button type="button" class="icon-button" aria-label={tr.dismiss()} onclick={dismiss}>{ "×" }</button>
                </p>
            }
            // A list of buttons, not an ARIA tree: each row also holds its rename and remove
            // buttons, which a tree may not own (axe: aria-required-children).
            <ul class="tree" aria-label={tr.project_files()} id="file-tree">
                { for items }
            </ul>
            <p class="project-hint">{ tr.project_hint() }</p>
        </details>
    }
}
