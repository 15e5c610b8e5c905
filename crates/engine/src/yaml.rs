//! YAML with spans, into the same [`Node`](crate::value::Node) tree as JSON.
//!
//! Interim: replaced by the saphyr-based reader.

pub fn parse(_text: &str) -> crate::json::Parsed {
    crate::json::Parsed::default()
}
