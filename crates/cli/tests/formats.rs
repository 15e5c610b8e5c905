//! Every `--format` on one fixed input (`tests/input/`), snapshot-tested, and checked for what
//! its consumer needs: SARIF valid against the OASIS schema, GitHub workflow commands well formed
//! and escaped, GitLab Code Quality issues with unique fingerprints.
//!
//! Refresh the snapshots with `ECSPLAIN_BLESS=1 cargo test -p ecsplain --test formats`, then
//! read the diff.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{ecsplain, stdout};

const INPUT: &str = "crates/cli/tests/input";

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("ECSPLAIN_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its snapshot (ECSPLAIN_BLESS=1 to refresh):\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

fn lint(format: &str) -> String {
    let o = ecsplain(&["lint", "--format", format, INPUT]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

#[test]
fn text_snapshot() {
    snapshot("lint.txt", &lint("text"));
}

#[test]
fn json_snapshot() {
    let out = lint("json");
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    assert!(doc["findings"].as_array().is_some_and(|f| f.len() >= 3));
    snapshot("lint.json", &out);
}

#[test]
fn sarif_is_valid_and_snapshot() {
    let out = lint("sarif");
    let log: Value = serde_json::from_str(&out).expect("JSON");
    validate_sarif(&log);
    let run = &log["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        assert!(result["ruleId"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("crates/cli/tests/input/"), "{uri}");
        assert!(location["region"]["startLine"]
            .as_u64()
            .is_some_and(|n| n >= 1));
        assert!(result["partialFingerprints"].is_object(), "{result}");
    }
    // Each result points at its rule, and each rule carries its documentation.
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    for rule in rules {
        for key in ["name", "shortDescription", "fullDescription", "help"] {
            assert!(!rule[key].is_null(), "{key} in {rule}");
        }
    }
    // No helpUri unless asked for.
    assert!(!out.contains("helpUri"));
    // The snapshot keeps the results and the rules they name, not the whole rule book (which
    // changes with every rule's documentation) nor rule indexes (which shift with new rules).
    let mut trimmed = log.clone();
    let named: Vec<Value> = rules
        .iter()
        .filter(|r| results.iter().any(|x| x["ruleId"] == r["id"]))
        .map(|r| serde_json::json!({"id": r["id"], "name": r["name"]}))
        .collect();
    trimmed["runs"][0]["tool"]["driver"]["rules"] = Value::Array(named);
    for result in trimmed["runs"][0]["results"]
        .as_array_mut()
        .expect("results")
    {
        result.as_object_mut().expect("result").remove("ruleIndex");
    }
    let text = serde_json::to_string_pretty(&trimmed).expect("JSON");
    snapshot("lint.sarif.trimmed.json", &format!("{text}\n"));

    let o = ecsplain(&[
        "lint",
        "--format=sarif",
        "--docs-url",
        "https://example.com/ecsplain/",
        INPUT,
    ]);
    let log: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    validate_sarif(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let td001 = rules.iter().find(|r| r["id"] == "TD001").expect("TD001");
    let help = td001["helpUri"].as_str().expect("helpUri");
    assert!(
        help.starts_with("https://example.com/ecsplain/") && help.contains("TD001"),
        "{help}"
    );
}

/// Validates against the OASIS SARIF 2.1.0 schema (draft-04), formats asserted too.
fn validate_sarif(log: &Value) {
    let schema: Value =
        serde_json::from_str(include_str!("sarif-schema-2.1.0.json")).expect("the schema is JSON");
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(url, schema).expect("add the schema");
    let index = compiler
        .compile(url, &mut schemas)
        .expect("compile the schema");
    if let Err(error) = schemas.validate(log, index) {
        panic!("SARIF is not valid: {error:#}\n{log:#}");
    }
}

#[test]
fn the_schema_check_catches_mistakes() {
    // A log without `version` and with a bad level must fail, or the check above proves nothing.
    let bad = serde_json::json!({
        "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]
    });
    let result = std::panic::catch_unwind(|| validate_sarif(&bad));
    assert!(result.is_err());
}

#[test]
fn github_lines_are_well_formed() {
    let out = lint("github");
    assert!(!out.is_empty());
    for line in out.lines() {
        check_github_line(line);
    }
    // The fixture's value holds `,`, `:` and `%`: escaped in messages as GitHub requires.
    snapshot("lint.github", &out);
}

/// `::error file=F,line=N,col=N,endLine=N,endColumn=N,title=T::MESSAGE`, properties with
/// `%`, CR, LF, `:` and `,` escaped, the message with `%`, CR and LF escaped.
fn check_github_line(line: &str) {
    let rest = line.strip_prefix("::").unwrap_or_else(|| panic!("{line}"));
    let (command, rest) = rest.split_once(' ').unwrap_or_else(|| panic!("{line}"));
    assert!(["error", "warning", "notice"].contains(&command), "{line}");
    let (properties, message) = rest.split_once("::").unwrap_or_else(|| panic!("{line}"));
    let mut names = Vec::new();
    for property in properties.split(',') {
        let (name, value) = property.split_once('=').unwrap_or_else(|| panic!("{line}"));
        assert!(!value.contains(':'), "unescaped `:` in {property}: {line}");
        check_percent(value, line);
        if ["line", "col", "endLine", "endColumn"].contains(&name) {
            assert!(value.parse::<u32>().is_ok_and(|n| n >= 1), "{line}");
        }
        names.push(name);
    }
    assert_eq!(
        names,
        ["file", "line", "col", "endLine", "endColumn", "title"],
        "{line}"
    );
    assert!(!message.is_empty());
    check_percent(message, line);
}

/// Every `%` starts one of GitHub's escapes.
fn check_percent(s: &str, line: &str) {
    for (at, _) in s.match_indices('%') {
        let escape = s.get(at..at + 3).unwrap_or("");
        assert!(
            ["%25", "%0A", "%0D", "%3A", "%2C"].contains(&escape),
            "bad escape at {at}: {line}"
        );
    }
}

#[test]
fn gitlab_shape_and_unique_fingerprints() {
    let out = lint("gitlab");
    let issues: Value = serde_json::from_str(&out).expect("JSON");
    let issues = issues.as_array().expect("an array of issues");
    assert!(!issues.is_empty());
    let mut prints = std::collections::HashSet::new();
    for issue in issues {
        assert!(issue["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(issue["check_name"].is_string());
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap_or("")));
        assert!(issue["location"]["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("crates/cli/tests/input/")));
        assert!(issue["location"]["lines"]["begin"]
            .as_u64()
            .is_some_and(|n| n >= 1));
        let print = issue["fingerprint"].as_str().expect("fingerprint");
        assert!(
            prints.insert(print.to_string()),
            "duplicate fingerprint {print}"
        );
    }
    snapshot("lint.gitlab.json", &out);
}

#[test]
fn statistics_count_per_code() {
    let doc: Value = serde_json::from_str(&lint("json")).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let o = ecsplain(&["lint", "--statistics", INPUT]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty() || String::from_utf8_lossy(&o.stderr).contains("in 2 files"));
    let text = stdout(&o);
    let mut total = 0;
    let mut last = usize::MAX;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let n: usize = words[0].parse().expect("a count");
        assert!(n <= last, "sorted by count: {text}");
        last = n;
        let code = words[1];
        assert_eq!(
            findings.iter().filter(|f| f["code"] == code).count(),
            n,
            "{code}"
        );
        total += n;
    }
    assert_eq!(total, findings.len());
    snapshot("statistics.txt", &text);

    let o = ecsplain(&["lint", "--statistics", "--format", "json", INPUT]);
    let rows: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let sum: u64 = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(sum as usize, findings.len());
    // Statistics are not a SARIF log.
    assert_eq!(
        ecsplain(&["lint", "--statistics", "--format", "sarif", INPUT])
            .status
            .code(),
        Some(2)
    );
}
