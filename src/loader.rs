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

/// A module's function as the engine calls it, with the answers it gave lately: each module's
/// answer is a pure function of the request (the text and the values it was asked for), and a
/// lint run after a keystroke in another file asks the same questions again.
pub struct Answers {
    function: Option<js_sys::Function>,
    kept: std::collections::HashMap<String, String>,
    /// Answers kept at most; then the cache starts over (as it does past [`KEPT_BYTES`]).
    most: usize,
}

/// The requests' and answers' bytes an [`Answers`] keeps at most.
const KEPT_BYTES: usize = 16 << 20;

impl Answers {
    pub fn new(most: usize) -> Answers {
        Answers {
            function: None,
            kept: std::collections::HashMap::new(),
            most,
        }
    }

    /// The loaded module's function (what its loader resolved to).
    pub fn set(&mut self, function: JsValue) -> Result<(), String> {
        self.function = Some(function.dyn_into().map_err(describe)?);
        Ok(())
    }
}

/// Asks the function in `answers` (a thread-local cell), or answers from what it said before;
/// an empty answer (read by the engine as "not done") when there is none or the call throws (a
/// trapped module). No borrow is held while the module runs.
pub fn ask(
    answers: &'static std::thread::LocalKey<std::cell::RefCell<Answers>>,
    request: &str,
) -> String {
    let (known, function) = answers.with(|a| {
        let a = a.borrow();
        (a.kept.get(request).cloned(), a.function.clone())
    });
    if let Some(answer) = known {
        return answer;
    }
    let Some(answer) = function
        .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(request)).ok())
        .and_then(|v| v.as_string())
    else {
        return String::new();
    };
    answers.with(|a| {
        let mut a = a.borrow_mut();
        let bytes: usize = a.kept.iter().map(|(q, r)| q.len() + r.len()).sum();
        if a.kept.len() >= a.most || bytes + request.len() + answer.len() > KEPT_BYTES {
            a.kept.clear();
        }
        a.kept.insert(request.to_string(), answer.clone());
    });
    answer
}
