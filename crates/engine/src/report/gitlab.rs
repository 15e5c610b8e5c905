//! GitLab Code Quality report: a JSON array of Code Climate issues with unique fingerprints.

use serde_json::{json, Value};

use crate::diagnostic::{Finding, Severity};
use crate::lint::Input;

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
            let category = crate::registry::rule(f.code).map_or("style", |r| match r.category {
                crate::rule::Category::Security => "Security",
                crate::rule::Category::Reliability
                | crate::rule::Category::Syntax
                | crate::rule::Category::Schema => "Bug Risk",
                crate::rule::Category::Sizing | crate::rule::Category::ImageSize => "Performance",
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
