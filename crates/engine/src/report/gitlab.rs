//! GitLab Code Quality report: a JSON array of Code Climate issues with unique fingerprints.

use serde_json::{json, Value};

use crate::input::diagnostic::Severity;
use crate::input::Input;
use crate::lint::finding::Finding;

pub fn render(findings: &[Finding], inputs: &[Input]) -> String {
    let prints = super::fingerprint::fingerprints(findings, inputs);
    let issues: Vec<Value> = findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let severity = match f.severity {
                Severity::Error => "critical",
                Severity::Warning => "major",
                Severity::Info => "info",
            };
            let category =
                crate::rules::registry::rule(f.code).map_or("style", |r| match r.category {
                    crate::rules::rule::Category::Security => "Security",
                    crate::rules::rule::Category::Reliability
                    | crate::rules::rule::Category::Syntax
                    | crate::rules::rule::Category::Schema => "Bug Risk",
                    crate::rules::rule::Category::Sizing
                    | crate::rules::rule::Category::ImageSize => "Performance",
                    _ => "Style",
                });
            json!({
                "type": "issue",
                "check_name": f.code,
                "description": format!("{}: {}", f.code, f.message),
                "categories": [category],
                "severity": severity,
                "fingerprint": print,
                "location": {
                    "path": f.path.replace('\\', "/").trim_start_matches("./"),
                    "lines": { "begin": f.line, "end": f.end_line.max(f.line) }
                }
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&Value::Array(issues)).unwrap_or_default();
    out.push('\n');
    out
}
