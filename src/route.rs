//! The page's one router: every URL fragment the page understands is parsed here, and only here.
//!
//! `#lesson/<id>`, `#rule/<CODE>`, `#example/<id>` (a gallery example, or one of the four panes'
//! examples by its slug), `#learn`, `#checklist`, `#sizing`, `#explain`, `#lint` and share links
//! (`#v1.…`). [`parse`] is pure, so native tests cover it; in the page, `hooks::use_router`
//! reads the fragment on load and on every `hashchange` (one listener) and gives each visit to
//! the components through a context (`context::Router`): the app dispatches the views' routes,
//! the share tools open share links and pane examples and name a link to nothing. [`replace`]
//! is the one place that writes the fragment (a share link in the address bar, or none).
//! Other fragments (`#main`, the skip link's target) are not routes.

use std::rc::Rc;

use ecsplain_engine::{learn, registry, share};

use crate::state::SLUGS;

/// Where a fragment leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Learn,
    Lesson(&'static str),
    Rule(&'static str),
    /// A gallery example (the Learn view's; its files live in the teaching module).
    Example(&'static str),
    /// One of the four panes' examples (`#example/taskdef`, ...): the pane, 0 to 3.
    PaneExample(usize),
    Checklist,
    /// The sizing view and the CPU and memory explainers (a lesson links to its picture).
    Sizing,
    Explain,
    /// The editors (where the Dockerfile's stage view is).
    Lint,
    /// A share link (`#v1.…`), still encoded: the share tools decode it.
    Share(Rc<str>),
    /// A link to a rule, or an example, that does not exist (named in a banner).
    UnknownRule(Rc<str>),
    UnknownExample(Rc<str>),
}

/// The route of a location fragment (with or without its `#`), if it is one of ours.
pub fn parse(fragment: &str) -> Option<Route> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if share::is_share_fragment(fragment) {
        return Some(Route::Share(Rc::from(fragment)));
    }
    let (head, rest) = fragment.split_once('/').unwrap_or((fragment, ""));
    match (head, fragment.contains('/')) {
        ("learn", false) => Some(Route::Learn),
        ("checklist", false) => Some(Route::Checklist),
        ("sizing", false) => Some(Route::Sizing),
        ("explain", false) => Some(Route::Explain),
        ("lint", false) => Some(Route::Lint),
        // The id only: the lessons themselves live in the teaching module.
        ("lesson", true) => learn::lesson_id(rest).map(Route::Lesson),
        ("rule", true) => Some(match registry::rule(rest) {
            Some(rule) => Route::Rule(rule.code),
            None => Route::UnknownRule(Rc::from(rest)),
        }),
        // The id only: the examples' files live in the teaching module.
        ("example", true) => Some(if let Some(id) = learn::example_id(rest) {
            Route::Example(id)
        } else if let Some(pane) = SLUGS.iter().position(|s| *s == rest) {
            Route::PaneExample(pane)
        } else {
            Route::UnknownExample(Rc::from(rest))
        }),
        _ => None,
    }
}

/// The fragment of a lesson's permalink.
pub fn lesson_href(id: &str) -> String {
    format!("#lesson/{id}")
}

/// The fragment of a rule's permalink.
pub fn rule_href(code: &str) -> String {
    format!("#rule/{code}")
}

/// The fragment in the address bar (with its `#`, or empty).
#[cfg(target_arch = "wasm32")]
pub fn current() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without its fragment.
#[cfg(target_arch = "wasm32")]
pub fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Replaces the fragment (without its `#`; `None` drops it) with no `hashchange` event and no
/// history entry, so the router sees no visit.
#[cfg(target_arch = "wasm32")]
pub fn replace(fragment: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let location = w.location();
    let mut url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_lead_to_existing_things_only() {
        assert_eq!(
            parse("#lesson/cpu-shares"),
            Some(Route::Lesson("cpu-shares"))
        );
        assert_eq!(parse("#rule/dl3008"), Some(Route::Rule("DL3008")));
        assert_eq!(
            parse("example/firelens-bad"),
            Some(Route::Example("firelens-bad"))
        );
        assert_eq!(parse("#learn"), Some(Route::Learn));
        assert_eq!(parse("#checklist"), Some(Route::Checklist));
        assert_eq!(parse("#explain"), Some(Route::Explain));
        assert_eq!(parse("#sizing"), Some(Route::Sizing));
        assert_eq!(parse("#lint"), Some(Route::Lint));
        assert_eq!(parse("#lesson/nope"), None);
        assert_eq!(parse("#learn/more"), None);
        assert_eq!(parse("#main"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn share_links_pane_examples_and_unknown_names_are_routes_too() {
        assert_eq!(parse("#v1.abc"), Some(Route::Share(Rc::from("v1.abc"))));
        assert_eq!(parse("#example/dockerfile"), Some(Route::PaneExample(2)));
        assert_eq!(parse("#example/ecspresso"), Some(Route::PaneExample(3)));
        assert_eq!(parse("#rule/"), Some(Route::UnknownRule(Rc::from(""))));
        assert_eq!(
            parse("#rule/XX999"),
            Some(Route::UnknownRule(Rc::from("XX999")))
        );
        assert_eq!(
            parse("#example/nope"),
            Some(Route::UnknownExample(Rc::from("nope")))
        );
    }
}
