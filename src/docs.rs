//! The rules' documentation and one-line summaries (with the lessons' bodies and the
//! checklist), loaded the first time a view needs them.
//!
//! The page's engine is built with its feature `external-docs`, so these texts (about 35 KB of
//! brotli) are not part of the first download: a view that shows a rule's docs or its summary
//! (`Rule::summary`, `Rule::summary_in`: empty until then) calls [`use_docs`]. `static/build/rule-docs.mjs` writes them, as the
//! engine's `rule_docs` example prints them from the rules' doc comments, into a script module
//! beside the page; `static/boot.js` defines `ecsplainDocs()`, which imports that module from
//! the page's own origin, at an address fixed at build time (called through `crate::loader`):
//! nothing the user typed can travel with the request.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the docs are.
#[derive(Clone, Debug, PartialEq)]
pub enum Docs {
    Loading,
    Ready,
    /// Why they could not be loaded.
    Failed(String),
}

/// The rules' docs for a component: `Ready` at once when they are already loaded, else
/// `Loading` while this component loads them (the browser imports the module once however many
/// ask), then `Ready` or `Failed`.
#[hook]
pub fn use_docs() -> Docs {
    let state = use_state(|| {
        if ecsplain_engine::rule::docs_available() {
            Docs::Ready
        } else {
            Docs::Loading
        }
    });
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            if !ecsplain_engine::rule::docs_available() {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match load().await {
                        Ok(()) => Docs::Ready,
                        Err(e) => Docs::Failed(e),
                    });
                });
            }
            || ()
        });
    }
    (*state).clone()
}

async fn load() -> Result<(), String> {
    let object = crate::loader::load("ecsplainDocs", "documentation module").await?;
    let object: js_sys::Object = object.dyn_into().map_err(crate::loader::describe)?;
    let mut docs = BTreeMap::new();
    for entry in js_sys::Object::entries(&object).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(code), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            docs.insert(code, text);
        }
    }
    ecsplain_engine::rule::set_docs(docs);
    Ok(())
}
