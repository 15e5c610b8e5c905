//! The page's side of the teaching module: the first time one of its views (Sizing, CPU & memory,
//! Learn, Checklist, Rules) or dialogs (Settings, Export, Share, keyboard help) opens, this loads the `ecsplain-teach` module
//! (see [`crate::teach`]) through the page's one on-demand module hook
//! ([`crate::hooks::use_module`]) and mounts it on `#teach` (views) or `#teach-dialog`
//! (dialogs); then it sends each new state and hears the module's requests ([`Notice`]).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::hooks::{use_module, Module};
use crate::teach::{Notice, TeachState};

#[derive(Properties, PartialEq)]
pub struct TeachHostProps {
    pub state: TeachState,
    pub on_notice: Callback<Notice>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// The page's answer to the module's requests (the newest callback, read when one comes).
type Callbacks = Rc<RefCell<Callback<Notice>>>;

/// The loaded module, with the callback it was given (kept alive while it is mounted).
struct Mounted {
    module: JsValue,
    _notify: Closure<dyn Fn(String, JsValue)>,
}

#[component]
pub fn TeachHost(props: &TeachHostProps) -> Html {
    // Loaded when the host first shows (a host that goes before it arrives never mounts it).
    let module = use_module("ecsplainTeach", "teaching module", true);
    // Whether mounting the loaded module worked (`None`: not tried yet).
    let mounting: UseStateHandle<Option<Result<(), String>>> = use_state(|| None);
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    // The newest state and callbacks, read when the module arrives and when it calls back.
    let latest = use_mut_ref(String::new);
    let callbacks = use_mut_ref(|| props.on_notice.clone());
    let json = props.state.to_json();
    *latest.borrow_mut() = json.clone();
    *callbacks.borrow_mut() = props.on_notice.clone();
    let view = props.state.view;

    {
        let (mounting, mounted, latest) = (mounting.clone(), mounted.clone(), latest.clone());
        let loaded = match &module {
            Module::Ready(value) => Some(value.clone()),
            _ => None,
        };
        use_effect_with(loaded, move |loaded| {
            if let Some(value) = loaded {
                match mount(value.clone(), view, &latest.borrow(), callbacks) {
                    Ok(m) => {
                        *mounted.borrow_mut() = Some(m);
                        mounting.set(Some(Ok(())));
                    }
                    Err(e) => mounting.set(Some(Err(e))),
                }
            }
            move || {
                let gone = mounted.borrow_mut().take();
                if let Some(m) = gone {
                    let _ = call(&m.module, "unmount", &[JsValue::from_str(view.root_id())]);
                }
            }
        });
    }
    let status = match (&module, &*mounting) {
        (_, Some(Ok(()))) => Status::Ready,
        (_, Some(Err(e))) | (Module::Failed(e), None) => Status::Failed(e.clone()),
        _ => Status::Loading,
    };
    {
        let mounted = mounted.clone();
        use_effect_with(json, move |json| {
            let module = mounted.borrow().as_ref().map(|m| m.module.clone());
            if let Some(module) = module {
                let _ = call(
                    &module,
                    "update",
                    &[JsValue::from_str(view.root_id()), JsValue::from_str(json)],
                );
            }
            || ()
        });
    }

    let tr = crate::i18n::use_tr();
    let name = match view {
        crate::teach::TeachView::Sizing => tr.teach_sizing(),
        crate::teach::TeachView::Explain => tr.teach_explain(),
        crate::teach::TeachView::Learn => tr.teach_learn(),
        crate::teach::TeachView::Checklist => tr.teach_checklist(),
        crate::teach::TeachView::Settings => tr.teach_settings(),
        crate::teach::TeachView::Export => tr.teach_export(),
        crate::teach::TeachView::Rules => tr.teach_rules(),
        crate::teach::TeachView::Share => tr.teach_share(),
        crate::teach::TeachView::Help => tr.teach_help(),
    };
    let message = match &status {
        Status::Ready => return html! {},
        Status::Loading => html! {
            <p class="placeholder" aria-busy="true">{ tr.teach_loading(name.to_string()) }</p>
        },
        Status::Failed(e) => html! {
            <p class="placeholder" role="alert">{ tr.teach_failed(name.to_string(), e.to_string()) }</p>
        },
    };
    if view.is_dialog() {
        html! {
            <div class="modal-backdrop">
                <div class="modal teach-status" role="dialog" aria-modal="true" aria-label={name}>{ message }</div>
            </div>
        }
    } else {
        html! { <main class="teach-status" id="main">{ message }</main> }
    }
}

/// Mounts the module on the view's root with the first state and a callback for its requests.
fn mount(
    module: JsValue,
    view: crate::teach::TeachView,
    state: &str,
    callbacks: Callbacks,
) -> Result<Mounted, String> {
    let id = view.root_id();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .ok_or_else(|| format!("the page has no #{id} element"))?;
    let notify = Closure::<dyn Fn(String, JsValue)>::new(move |kind: String, id: JsValue| {
        let Some(notice) = Notice::from_parts(&kind, id.as_string().as_deref()) else {
            return;
        };
        // Cloned out first: emitting re-renders the page, which stores a new callback.
        let on_notice = callbacks.borrow().clone();
        on_notice.emit(notice);
    });
    let ok = call(
        &module,
        "mount",
        &[
            JsValue::from_str(id),
            root.into(),
            JsValue::from_str(state),
            notify.as_ref().clone(),
        ],
    )?;
    if ok.as_bool() != Some(true) {
        return Err("the view refused the page's state".into());
    }
    Ok(Mounted {
        module,
        _notify: notify,
    })
}

/// Calls one of the module's exported functions.
pub fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the teaching module has no `{name}`"))?;
    let args: js_sys::Array = args.iter().collect();
    function
        .apply(&JsValue::NULL, &args)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
