//! `ecsplain-teach`: the teaching views and the Settings and Export dialogs as a second wasm
//! module (see `ecsplain_web::teach`).
//!
//! The page's host (`components::teach_host`) imports it the first time one of them opens, then
//! drives it through these functions (and asks it for the rendered view's text, `render`). Views and dialogs are drawn on different roots
//! (`#teach`, `#teach-dialog`), each its own Yew app, named by its root's id.

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::cell::RefCell;

    use ecsplain_web::teach::{Notice, TeachApp, TeachProps, TeachState};
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback, Renderer};

    /// A mounted app: its root's id, its handle, and the callback that reaches the page.
    type Mounted = (String, AppHandle<TeachApp>, Callback<Notice>);

    /// The teaching views render and lint templates with the engine's own template executor, and
    /// read Dockerfiles with its own Dockerfile reader and rules, which the page's first view
    /// leaves out (it loads a module for each, `template.rs`, `dockerfile.rs`).
    fn engine() {
        ecsplain_engine::template::use_builtin();
        ecsplain_engine::dockerfile_module::use_builtin();
    }

    thread_local! {
        static APPS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    }

    /// Takes the app mounted on `slot` out of the list (so that no borrow is held while Yew works:
    /// a view that calls back into the page, which calls back in here, never finds it borrowed).
    fn take(slot: &str) -> Option<Mounted> {
        APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            let at = apps.iter().position(|(s, _, _)| s == slot)?;
            Some(apps.swap_remove(at))
        })
    }

    /// Draws `state` (JSON from `TeachState::to_json`) into `root`, the element with id `slot`;
    /// `notify(kind, id)` hears what the view asks of the page. Returns false for a state it
    /// cannot read.
    #[wasm_bindgen]
    pub fn mount(
        slot: &str,
        root: web_sys::Element,
        state: &str,
        notify: js_sys::Function,
    ) -> bool {
        engine();
        let Some(state) = TeachState::from_json(state) else {
            return false;
        };
        unmount(slot);
        let notify = Callback::from(move |notice: Notice| {
            let (kind, id) = notice.to_parts();
            let id = id.map_or(JsValue::NULL, |id| JsValue::from_str(&id));
            let _ = notify.call2(&JsValue::NULL, &JsValue::from_str(kind), &id);
        });
        let props = TeachProps {
            state,
            notify: notify.clone(),
        };
        let handle = Renderer::<TeachApp>::with_root_and_props(root, props).render();
        APPS.with(|apps| apps.borrow_mut().push((slot.to_string(), handle, notify)));
        true
    }

    /// Shows a new state in the app mounted on `slot`.
    #[wasm_bindgen]
    pub fn update(slot: &str, state: &str) -> bool {
        engine();
        let Some(state) = TeachState::from_json(state) else {
            return false;
        };
        let Some((slot, mut handle, notify)) = take(slot) else {
            return false;
        };
        handle.update(TeachProps {
            state,
            notify: notify.clone(),
        });
        APPS.with(|apps| apps.borrow_mut().push((slot, handle, notify)));
        true
    }

    /// What the page's rendered view shows for one file (`teach::rendered_view`; the request
    /// is `teach::render_request`'s JSON). A pure function: nothing is mounted.
    #[wasm_bindgen]
    pub fn render(request: &str) -> String {
        engine();
        ecsplain_web::teach::rendered_view(request)
    }

    /// Removes the app mounted on `slot` (the page left the view, or closed the dialog).
    #[wasm_bindgen]
    pub fn unmount(slot: &str) {
        if let Some((_, handle, _)) = take(slot) {
            handle.destroy();
        }
    }
}

fn main() {}
