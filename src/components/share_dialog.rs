//! The header's share dialog and keyboard-help dialog, drawn by the teaching module
//! (`src/teach.rs`, on `#teach-dialog`) the first time "Copy link", Ctrl+S or "?" asks for them.
//!
//! The share dialog makes the link from the project the page sent as a state file (so the
//! deflate compressor, which only making a link needs, stays out of the first view; opening a
//! link only inflates, in the page), tells the page its fragment (the page puts it in the address
//! bar: `route::replace` stays the page's), copies it, and offers the state file and a Markdown
//! summary of the page's findings (the page makes it from its own report, which holds what the
//! Jsonnet and Terraform modules evaluated). A state file picked here goes to the page as text,
//! which opens it as it opens a dropped one.
//!
//! Everything user-provided is rendered as text nodes; nothing here touches the network.

use std::rc::Rc;

use ecsplain_engine::share::{self, ShareState, MAX_CHAT_LINK};
use yew::prelude::*;

use crate::components::share::{clip, copy_text, download, modal, select_field};
use crate::persist;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// The project as the page sent it: a state file (`persist::state_file`), offered as the
    /// download as it is.
    pub text: Rc<str>,
    /// The same, read back: the link is made from it.
    pub shared: Rc<ShareState>,
    /// The page's findings as a Markdown table, for "Copy as Markdown".
    pub summary: Rc<str>,
    /// The link's fragment, once made (`v1.…`).
    pub on_linked: Callback<String>,
    /// A picked state file's text.
    pub on_open: Callback<String>,
    /// A picked file that could not be read, said for the page's banner.
    pub on_error: Callback<String>,
    pub on_close: Callback<()>,
}

/// "Copy link": the link, made and copied when the dialog opens, its length against what chat
/// tools keep, and the other ways to share (a state file, a Markdown summary).
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The link, made once for the project the dialog was opened on.
    let made = {
        let shared = props.shared.clone();
        use_memo(props.text.clone(), move |_| {
            share::encode(&shared)
                .map(|fragment| {
                    (
                        format!("{}#{}", crate::route::page_url(), fragment),
                        fragment,
                    )
                })
                .map_err(|e| e.to_string())
        })
    };
    let copied = use_state(|| None::<String>);
    let markdown = use_state(|| None::<String>);
    // Put in the address bar (by the page) and copied, once per link.
    {
        let (made, copied, on_linked) = (made.clone(), copied.clone(), props.on_linked.clone());
        use_effect_with(made, move |made| {
            if let Ok((link, fragment)) = &**made {
                on_linked.emit(fragment.clone());
                copy_text(
                    link.clone(),
                    Callback::from(move |ok: bool| {
                        copied.set(Some(if ok {
                            tr.share_copied_link().into()
                        } else {
                            tr.share_copy_denied_link().into()
                        }));
                        if !ok {
                            select_field("share-link");
                        }
                    }),
                );
            }
            || ()
        });
    }
    let (link, error) = match &*made {
        Ok((link, _)) => (link.clone(), None),
        Err(e) => (String::new(), Some(e.clone())),
    };
    let len = link.chars().count();
    let long = error.is_some() || len > MAX_CHAT_LINK;
    let on_download = {
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            download("ecsplain-state.ecsplain.json", "application/json", &text);
        })
    };
    let on_pick = {
        let (on_open, on_error) = (props.on_open.clone(), props.on_error.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_state_file(file, tr, on_open.clone(), on_error.clone());
            }
            input.set_value("");
        })
    };
    let on_markdown = {
        let (markdown, copied) = (markdown.clone(), copied.clone());
        let summary = props.summary.clone();
        Callback::from(move |_: MouseEvent| {
            let text = summary.to_string();
            markdown.set(Some(text.clone()));
            let copied = copied.clone();
            copy_text(
                text,
                Callback::from(move |ok: bool| {
                    copied.set(Some(if ok {
                        tr.share_copied_markdown().into()
                    } else {
                        tr.share_copy_denied_markdown().into()
                    }));
                    if !ok {
                        select_field("share-markdown");
                    }
                }),
            );
        })
    };
    let length_line = match &error {
        Some(error) => {
            html! { <p class="share-warning" id="share-length">{ tr.share_no_link(error.to_string()) }</p> }
        }
        None if long => html! {
            <p class="share-warning" id="share-length">{ tr.share_too_long(len, MAX_CHAT_LINK) }</p>
        },
        None => {
            html! { <p class="share-length" id="share-length">{ tr.share_length(len, MAX_CHAT_LINK) }</p> }
        }
    };
    let markdown = (*markdown).clone().map(|m| {
        html! { <textarea id="share-markdown" class="share-field" readonly=true rows="6" value={m} aria-label={tr.share_markdown_label()} /> }
    });
    let body = html! {
        <>
            <p class="share-notice" id="share-notice"><strong>{ tr.share_notice_strong() }</strong>{ tr.share_notice_rest() }</p>
            <label class="share-label" for="share-link">{ tr.share_link_label() }</label>
            <input id="share-link" class="share-field" type="text" readonly=true value={link} />
            { length_line }
            if let Some(copied) = (*copied).clone() { <p class="share-copied" id="share-copied" role="status">{ copied }</p> }
            <div class={classes!("dialog-actions", long.then_some("emphasis"))}>
                <button type="button" class="button" id="download-state" onclick={on_download}>{ tr.share_download_state() }</button>
                <label class="button file-button">
                    { tr.share_open_state() }
                    <input type="file" id="open-state" accept=".json,application/json" onchange={on_pick} />
                </label>
                <button type="button" class="button" id="copy-markdown" onclick={on_markdown}>{ tr.share_copy_markdown() }</button>
            </div>
            { for markdown }
            <p class="share-hint">{ tr.share_state_hint() }</p>
        </>
    };
    modal(
        "share-dialog",
        tr.share_title(),
        body,
        props.on_close.reform(|_| ()),
    )
}

/// Reads a dropped or picked `.ecsplain.json` (size-capped) and hands its text on, or says why
/// not: the page's drop and this dialog's picker read it the same way.
pub fn read_state_file(
    file: web_sys::File,
    tr: crate::i18n::Tr,
    on_open: Callback<String>,
    on_error: Callback<String>,
) {
    if file.size() > persist::MAX_STATE_FILE as f64 {
        on_error.emit(tr.share_state_too_large(clip(&file.name(), 80)));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        match text {
            Some(text) => on_open.emit(text),
            None => on_error.emit(tr.share_unreadable().into()),
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    pub on_close: Callback<()>,
}

/// The keyboard shortcuts ("?").
#[component]
pub fn HelpDialog(props: &HelpDialogProps) -> Html {
    let tr = crate::i18n::use_tr();
    let rows = [
        ("Ctrl+S / ⌘S", tr.key_copy_link()),
        ("?", tr.key_help()),
        ("Esc", tr.key_close()),
        ("← →", tr.key_tabs()),
        ("F2", tr.key_rename()),
        ("Delete", tr.key_remove()),
    ];
    modal(
        "help-dialog",
        tr.share_shortcuts(),
        html! {
            <dl class="shortcuts">
                { for rows.iter().map(|(keys, what)| html! {
                    <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                }) }
            </dl>
        },
        props.on_close.reform(|_| ()),
    )
}
