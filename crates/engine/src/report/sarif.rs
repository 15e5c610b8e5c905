//! SARIF 2.1.0, as GitHub code scanning reads it: the tool's rules with their documentation,
//! results with repo-relative locations, and `partialFingerprints` so alerts are tracked across
//! pushes.

use serde_json::{json, Map, Value};

use crate::input::diagnostic::Severity;
use crate::input::Input;
use crate::lint::finding::Finding;
use crate::rules::registry;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A repo-relative URI: forward slashes, no leading `./`, reserved and non-ASCII bytes
/// percent-encoded.
pub fn relative_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Renders findings as a SARIF log. `docs_url`, when given, is the base of each rule's page
/// (`<docs_url>#rule/<CODE>`), used as `helpUri`.
pub fn render(findings: &[Finding], inputs: &[Input], docs_url: Option<&str>) -> String {
    let rules = registry::rules();
    let rule_index = |code: &str| rules.iter().position(|r| r.code == code);
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|rule| {
            let docs = rule.docs_markdown();
            let mut r = json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": first_paragraph(&docs) },
                "help": { "text": docs, "markdown": docs },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "tags": [rule.category.as_str(), rule.target.as_str()] }
            });
            if let (Some(base), Some(obj)) = (docs_url, r.as_object_mut()) {
                obj.insert(
                    "helpUri".into(),
                    Value::String(format!("{base}#rule/{}", rule.code)),
                );
            }
            r
        })
        .collect();
    let prints = super::fingerprint::fingerprints(findings, inputs);
    let results: Vec<Value> = findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(f.code));
            if let Some(i) = rule_index(f.code) {
                result.insert("ruleIndex".into(), json!(i));
            }
            result.insert("level".into(), json!(level(f.severity)));
            let mut text = f.message.clone();
            if let Some(help) = &f.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            result.insert("message".into(), json!({ "text": text }));
            result.insert(
                "locations".into(),
                json!([location(
                    &f.path,
                    f.line,
                    f.column,
                    f.end_line,
                    f.end_column,
                    None
                )]),
            );
            if !f.related.is_empty() {
                let related: Vec<Value> = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut loc = location(
                            &r.path,
                            r.line,
                            r.column,
                            r.end_line,
                            r.end_column,
                            Some(&r.message),
                        );
                        if let Some(obj) = loc.as_object_mut() {
                            obj.insert("id".into(), json!(i));
                        }
                        loc
                    })
                    .collect();
                result.insert("relatedLocations".into(), Value::Array(related));
            }
            result.insert(
                "partialFingerprints".into(),
                json!({ "ecsplainFindingHash/v1": print }),
            );
            Value::Object(result)
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "ecsplain",
                "version": crate::VERSION,
                "semanticVersion": crate::VERSION,
                "informationUri": "https://github.com/ecsplain/ecsplain",
                "rules": driver_rules
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn location(
    path: &str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    message: Option<&str>,
) -> Value {
    // SARIF regions are non-empty or end after start; an empty span still marks its column.
    let end_column = if end_line == line && end_column <= column {
        column + 1
    } else {
        end_column
    };
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": relative_uri(path), "uriBaseId": "%SRCROOT%" },
            "region": { "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column }
        }
    });
    if let (Some(m), Some(obj)) = (message, loc.as_object_mut()) {
        obj.insert("message".into(), json!({ "text": m }));
    }
    loc
}

/// The first paragraph under "What it does".
fn first_paragraph(docs: &str) -> String {
    let body = docs
        .split_once("## What it does")
        .map_or(docs, |(_, rest)| rest);
    body.trim_start()
        .split("\n\n")
        .next()
        .unwrap_or("")
        .replace('\n', " ")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_repo_relative_and_encoded() {
        assert_eq!(
            relative_uri("./deploy/task def.json"),
            "deploy/task%20def.json"
        );
        assert_eq!(relative_uri("a\\b.json"), "a/b.json");
    }
}
