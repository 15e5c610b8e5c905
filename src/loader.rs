//! Loading the page's on-demand modules (the rules' docs, the teaching views, the Jsonnet
//! evaluator). `static/boot.js` defines one loader per module on `globalThis`, which imports it
//! once from the page's own origin, at an address fixed at build time, and resolves to what the
//! module gives; this calls a loader and awaits it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `globalThis[loader]()` and awaits its promise. `module` names the module in the error
/// a build without it gives.
pub async fn load(loader: &str, module: &str) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let import = js_sys::Reflect::get(&window, &JsValue::from_str(loader))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("this build has no {module}"))?;
    let promise: js_sys::Promise = import
        .call0(&JsValue::NULL)
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

/// A JavaScript error as a sentence.
pub fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
