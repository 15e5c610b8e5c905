//! The JSON contract (documented in the README and kept stable):
//! `{"version": "...", "findings": [{"path", "code", "severity", "message", "line", "column",
//! "end_line", "end_column", "related"?, "help"?, "fix"?}]}`.

use serde::Serialize;

use crate::lint::finding::Finding;

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    findings: &'a [Finding],
}

pub fn render(findings: &[Finding]) -> String {
    let document = Document {
        version: crate::VERSION,
        findings,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_string());
    out.push('\n');
    out
}
