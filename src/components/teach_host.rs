//! The page's side of the teaching views: the first time Sizing, CPU & memory or Learn opens, this
//! loads the `ecsplain-teach` module (see [`crate::teach`]) and mounts it on `#teach`; then it
//! sends each new state and hears the view's requests (open a lesson, load an example).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::teach::{Notice, TeachState};

#[derive(Properties, PartialEq)]
pub struct TeachHostProps {
    pub state: TeachState,
    pub on_lesson: Callback<Option<&'static str>>,
    pub on_load: Callback<&'static str>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// The page's answers to the view's requests: open a lesson, load an example.
type Callbacks = Rc<RefCell<(Callback<Option<&'static str>>, Callback<&'static str>)>>;

/// The loaded module, with the callback it was given (kept alive while it is mounted).
struct Mounted {
    module: JsValue,
    _notify: Closure<dyn Fn(String, JsValue)>,
}

#[component]
pub fn TeachHost(props: &TeachHostProps) -> Html {
    let status = use_state(|| Status::Loading);
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    // The newest state and callbacks, read when the module arrives and when it calls back.
    let latest = use_mut_ref(String::new);
    let callbacks = use_mut_ref(|| (props.on_lesson.clone(), props.on_load.clone()));
    let alive = use_mut_ref(|| true);
    let json = props.state.to_json();
    *latest.borrow_mut() = json.clone();
    *callbacks.borrow_mut() = (props.on_lesson.clone(), props.on_load.clone());

    {
        let (status, mounted, latest, alive) = (
            status.clone(),
            mounted.clone(),
            latest.clone(),
            alive.clone(),
        );
        use_effect_with((), move |()| {
            let cleanup_mounted = mounted.clone();
            let cleanup_alive = alive.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match crate::loader::load("ecsplainTeach", "teaching module").await {
                    Ok(module) if *alive.borrow() => mount(module, &latest.borrow(), callbacks),
                    Ok(_) => return,
                    Err(e) => Err(e),
                };
                match outcome {
                    Ok(m) => {
                        *mounted.borrow_mut() = Some(m);
                        status.set(Status::Ready);
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
            move || {
                *cleanup_alive.borrow_mut() = false;
                let gone = cleanup_mounted.borrow_mut().take();
                if let Some(m) = gone {
                    let _ = call(&m.module, "unmount", &[]);
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(json, move |json| {
            let module = mounted.borrow().as_ref().map(|m| m.module.clone());
            if let Some(module) = module {
                let _ = call(&module, "update", &[JsValue::from_str(json)]);
            }
            || ()
        });
    }

    let name = match props.state.view {
        crate::teach::TeachView::Sizing => "sizing",
        crate::teach::TeachView::Explain => "CPU & memory",
        crate::teach::TeachView::Learn => "Learn",
    };
    match &*status {
        Status::Ready => html! {},
        Status::Loading => html! {
            <main class="teach-status" id="main" aria-busy="true">
                <p class="placeholder">{ format!("Loading the {name} view…") }</p>
            </main>
        },
        Status::Failed(e) => html! {
            <main class="teach-status" id="main">
                <p class="placeholder" role="alert">{ format!("The {name} view could not be loaded: {e}. Reload the page to try again.") }</p>
            </main>
        },
    }
}

/// Mounts the module on `#teach` with the first state and a callback for its requests.
fn mount(module: JsValue, state: &str, callbacks: Callbacks) -> Result<Mounted, String> {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("teach"))
        .ok_or("the page has no #teach element")?;
    let notify = Closure::<dyn Fn(String, JsValue)>::new(move |kind: String, id: JsValue| {
        let Some(notice) = Notice::from_parts(&kind, id.as_string().as_deref()) else {
            return;
        };
        // Cloned out first: emitting re-renders the page, which stores new callbacks.
        let (on_lesson, on_load) = callbacks.borrow().clone();
        match notice {
            Notice::Lesson(id) => on_lesson.emit(id),
            Notice::Load(id) => on_load.emit(id),
        }
    });
    let ok = call(
        &module,
        "mount",
        &[
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
fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the teaching module has no `{name}`"))?;
    let args: js_sys::Array = args.iter().collect();
    function
        .apply(&JsValue::NULL, &args)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
