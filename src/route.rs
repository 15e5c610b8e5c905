//! Permalinks of the teaching views: `#lesson/<id>`, `#rule/<CODE>`, `#example/<id>`, `#learn`
//! and `#checklist`. Pure, so native tests cover it; `app.rs` reads the fragment on load and on
//! `hashchange` and dispatches the matching action. Other fragments (share links) are not ours.

use ecsplain_engine::{learn, registry};

/// Where a fragment leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Learn,
    Lesson(&'static str),
    Rule(&'static str),
    Example(&'static str),
    Checklist,
    /// The sizing view and the CPU and memory explainers (a lesson links to its picture).
    Sizing,
    Explain,
    /// The editors (where the Dockerfile's stage view is).
    Lint,
}

/// The route of a location fragment (with or without its `#`), if it is one of ours and names
/// something that exists.
pub fn parse(fragment: &str) -> Option<Route> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (head, rest) = fragment.split_once('/').unwrap_or((fragment, ""));
    match head {
        "learn" if rest.is_empty() => Some(Route::Learn),
        "checklist" if rest.is_empty() => Some(Route::Checklist),
        "sizing" if rest.is_empty() => Some(Route::Sizing),
        "explain" if rest.is_empty() => Some(Route::Explain),
        "lint" if rest.is_empty() => Some(Route::Lint),
        // The id only: the lessons themselves live in the teaching module.
        "lesson" => learn::lesson_id(rest).map(Route::Lesson),
        "rule" => registry::rule(rest).map(|r| Route::Rule(r.code)),
        // The id only: the examples' files live in the teaching module.
        "example" => learn::example_id(rest).map(Route::Example),
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
        assert_eq!(parse("#lesson/nope"), None);
        assert_eq!(parse("#rule/"), None);
        assert_eq!(parse("#v1.abc"), None);
        assert_eq!(parse(""), None);
    }
}
