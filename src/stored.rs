//! Reading what the page saved in localStorage (drafts, settings, progress), with the engine's
//! JSON reader (`ecsplain_engine::json::to_value`) rather than gloo's typed `get`, so the page's
//! download carries one JSON reader. Values are written with gloo's `LocalStorage::set` (JSON),
//! so old and new pages read each other's entries.

use std::collections::BTreeMap;

use serde_json::Value;

/// The saved JSON under `key`, when there is readable JSON there.
pub fn json(key: &str) -> Option<Value> {
    let text = web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()??;
    ecsplain_engine::json::to_value(&text)
}

/// A saved string.
pub fn string(key: &str) -> Option<String> {
    match json(key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A saved list of strings; `None` when anything in it is not a string.
pub fn strings(key: &str) -> Option<Vec<String>> {
    ecsplain_engine::json::strings(json(key)?.as_array()?)
}

/// A saved map of strings; `None` when any value is not a string.
pub fn string_map(key: &str) -> Option<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    for (k, v) in json(key)?.as_object()? {
        map.insert(k.clone(), v.as_str()?.to_string());
    }
    Some(map)
}
