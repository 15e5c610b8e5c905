//! Go-template calls (`{{ must_env `IMAGE` }}`) in ecspresso configs and definitions.
//!
//! Interim: only recognises that a text holds a template; the scanner with spans replaces it.

/// Does the text hold a `{{ ... }}` template action?
pub fn has_template(text: &str) -> bool {
    text.contains("{{")
}
