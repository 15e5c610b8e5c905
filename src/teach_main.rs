//! `ecsplain-teach`: the teaching views as a second wasm module (see `ecsplain_web::teach`).
//!
//! The page's host (`components::teach_host`) imports it the first time the Sizing, CPU & memory
//! or Learn view opens, then drives it through these three functions.

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::cell::RefCell;

    use ecsplain_web::teach::{Notice, TeachApp, TeachProps, TeachState};
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback, Renderer};

    thread_local! {
        static APP: RefCell<Option<(AppHandle<TeachApp>, Callback<Notice>)>> = const { RefCell::new(None) };
    }

    /// Draws the view `state` (JSON from `TeachState::to_json`) into `root`; `notify(kind, id)`
    /// hears what the view asks of the page. Returns false for a state it cannot read.
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, state: &str, notify: js_sys::Function) -> bool {
        let Some(state) = TeachState::from_json(state) else {
            return false;
        };
        unmount();
        let notify = Callback::from(move |notice: Notice| {
            let (kind, id) = notice.to_parts();
            let id = id.map_or(JsValue::NULL, JsValue::from_str);
            let _ = notify.call2(&JsValue::NULL, &JsValue::from_str(kind), &id);
        });
        let props = TeachProps {
            state,
            notify: notify.clone(),
        };
        let handle = Renderer::<TeachApp>::with_root_and_props(root, props).render();
        APP.with(|app| *app.borrow_mut() = Some((handle, notify)));
        true
    }

    /// Shows a new state in the mounted view.
    #[wasm_bindgen]
    pub fn update(state: &str) -> bool {
        let Some(state) = TeachState::from_json(state) else {
            return false;
        };
        // Out of the cell while Yew works, so a view that calls back into the page, which calls
        // back in here, never finds it borrowed.
        let Some((mut handle, notify)) = APP.with(|app| app.borrow_mut().take()) else {
            return false;
        };
        handle.update(TeachProps {
            state,
            notify: notify.clone(),
        });
        APP.with(|app| *app.borrow_mut() = Some((handle, notify)));
        true
    }

    /// Removes the view (the page left the teaching views).
    #[wasm_bindgen]
    pub fn unmount() {
        if let Some((handle, _)) = APP.with(|app| app.borrow_mut().take()) {
            handle.destroy();
        }
    }
}

fn main() {}
