//! Inline suppressions, applied centrally after the rules ran (rules never see them).
//!
//! - `# hadolint ignore=DL3008,DL3015` on the line before a Dockerfile instruction (hadolint's
//!   syntax, so existing files keep working); `# hadolint global ignore=DL3003` for the whole file;
//!   `# hadolint stage ignore=DL3008` from the next line to the end of that build stage (the
//!   next `FROM` after the instruction the comment precedes), as hadolint does.
//! - `# ecsplain ignore=CODE[,CODE] -- reason` on the line before (Dockerfile, YAML), or at the end
//!   of a YAML line; `# ecsplain global ignore=CODE -- reason` for the whole file. Jsonnet files
//!   take the same comments with `//`.
//!
//! A suppression that suppresses nothing is itself reported (IN009), as is an ecsplain
//! suppression without a reason (IN010). JSON has no comments: ignore findings there by path,
//! code and JSON pointer in the configuration file.

use crate::input::msg::Arg;

/// The IN009 messages (their Japanese: `rules/input/in009_unused_suppression.ja.msg`).
pub mod in009 {
    crate::messages! {
        "IN009";
        UNUSED = "this suppression of {codes} matches no finding";
        HELP_REMOVE = "remove it, or move it to the line before the finding it should silence";
    }
}

/// The IN010 messages (their Japanese: `rules/input/in010_suppression_without_reason.ja.msg`).
pub mod in010 {
    crate::messages! {
        "IN010";
        NO_REASON = "this suppression gives no reason";
        HELP_REASON = "add ` -- <why this is fine here>` after the codes";
    }
}

use crate::input::diagnostic::Diagnostic;
use crate::input::span::{LineIndex, Span};
use crate::lint::finding::Finding;
use crate::rules::rule::{Category, Kind};

/// How a text of this kind and path writes its comments: `Some(false)` for `#` (Dockerfiles,
/// YAML), `Some(true)` for `//` (Jsonnet), `None` when it has none (JSON).
pub fn comment_style(path: &str, kind: Option<Kind>) -> Option<bool> {
    match kind? {
        Kind::Dockerfile | Kind::Terraform => Some(false),
        Kind::Ecspresso | Kind::TaskDef | Kind::ServiceDef | Kind::CloudFormation => {
            let lower = path.to_ascii_lowercase();
            if lower.ends_with(".jsonnet") || lower.ends_with(".libsonnet") {
                Some(true)
            } else if lower.ends_with(".yml") || lower.ends_with(".yaml") {
                Some(false)
            } else {
                None
            }
        }
    }
}

/// What "ignore here" does for a finding, the same in every front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreHere {
    /// The file's new text: an ignore comment on the line before the finding, in the file's own
    /// comment syntax, indented like that line.
    Comment(String),
    /// JSON has no comments: a per-path ignore in the configuration, at the finding's JSON
    /// pointer (`None`: the whole file).
    Path {
        path: String,
        code: &'static str,
        pointer: Option<String>,
    },
    /// Nothing to offer: a syntax error is fixed, not ignored.
    NotOffered,
}

/// Whether "ignore here" is offered for a finding of this code: not for syntax errors.
pub fn ignore_offered(code: &str) -> bool {
    crate::rules::registry::rule(code).is_some_and(|r| r.category != Category::Syntax)
}

/// "Ignore here" for `finding` in `text` (the input it belongs to, of `kind`).
pub fn ignore_here(finding: &Finding, text: &str, kind: Option<Kind>) -> IgnoreHere {
    if !ignore_offered(finding.code) {
        return IgnoreHere::NotOffered;
    }
    match comment_style(&finding.path, kind) {
        Some(slashes) => IgnoreHere::Comment(insert_ignore_comment(
            text,
            finding.line,
            finding.code,
            if slashes { "//" } else { "#" },
        )),
        None => IgnoreHere::Path {
            path: finding.path.clone(),
            code: finding.code,
            pointer: crate::syntax::json::parse(text)
                .root
                .map(|root| root.pointer_at(finding.span.start))
                .filter(|p| !p.is_empty()),
        },
    }
}

/// `text` with `MARKER ecsplain ignore=CODE -- reason` inserted before 1-based `line`, indented
/// like it, with the text's own line ending.
fn insert_ignore_comment(text: &str, line: u32, code: &str, marker: &str) -> String {
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let comment = format!("{marker} ecsplain ignore={code} -- why this is fine here{ending}");
    let mut out = String::with_capacity(text.len() + comment.len() + 16);
    let mut inserted = false;
    for (n, piece) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line as usize {
            let indent_len = piece.len() - piece.trim_start_matches([' ', '\t']).len();
            out.push_str(&piece[..indent_len]);
            out.push_str(&comment);
            inserted = true;
        }
        out.push_str(piece);
    }
    if !inserted {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(ending);
        }
        out.push_str(&comment);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Hadolint,
    Ecsplain,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pragma {
    pub tool: Tool,
    pub global: bool,
    /// `stage ignore=`: covers the rest of the build stage.
    pub stage: bool,
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// The comment.
    pub span: Span,
    /// The comment shares its line with code (`key: value  # ecsplain ignore=...`).
    pub trailing: bool,
}

/// Finds suppression comments in a text whose comments start with `#` (or `//` for Jsonnet).
pub fn scan(text: &str, slashes: bool) -> Vec<Pragma> {
    let mut out = Vec::new();
    // Every pragma says `ignore`: most texts have none, and need no line-by-line look.
    if !text.contains("ignore") {
        return out;
    }
    let index = LineIndex::new(text);
    for line in 0..index.line_count() {
        let span = index.line_span(line, text);
        let body = span.text(text);
        let marker = if slashes { "//" } else { "#" };
        // Find a comment start outside quotes (good enough for the pragma forms we accept).
        let Some(at) = comment_start(body, marker) else {
            continue;
        };
        let comment = &body[at + marker.len()..];
        let trailing = !body[..at].trim().is_empty();
        let start = span.start as usize + at;
        if let Some(p) = parse_pragma(
            comment.trim_start(),
            Span::new(start, span.end as usize),
            trailing,
        ) {
            out.push(p);
        }
    }
    out
}

fn comment_start(line: &str, marker: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if line[i..].starts_with(marker) => return Some(i),
            None => {}
        }
    }
    None
}

fn parse_pragma(comment: &str, span: Span, trailing: bool) -> Option<Pragma> {
    let (tool, rest) = if let Some(rest) = comment.strip_prefix("hadolint") {
        (Tool::Hadolint, rest)
    } else if let Some(rest) = comment.strip_prefix("ecsplain") {
        (Tool::Ecsplain, rest)
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let (global, rest) = match rest.strip_prefix("global") {
        Some(r) => (true, r.trim_start()),
        None => (false, rest),
    };
    let (stage, rest) = match rest.strip_prefix("stage") {
        Some(r) if !global => (true, r.trim_start()),
        _ => (false, rest),
    };
    let rest = rest
        .strip_prefix("ignore")?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    // hadolint allows a second `#` comment after the codes; ecsplain takes `-- reason`.
    let (codes_text, reason) = match rest.split_once("--") {
        Some((codes, reason)) => (
            codes,
            Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (rest.split('#').next().unwrap_or(""), None),
    };
    let codes: Vec<String> = codes_text
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    if codes.is_empty() {
        return None;
    }
    Some(Pragma {
        tool,
        global,
        stage,
        codes,
        reason,
        span,
        trailing,
    })
}

/// Applies pragmas to the diagnostics of one input. `extents` are the spans of the input's
/// statements in order (Dockerfile instructions); without them, a pragma covers the next
/// non-blank, non-comment line. Returns the diagnostics about the pragmas themselves.
pub fn apply(
    text: &str,
    pragmas: &[Pragma],
    extents: &[Span],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    if pragmas.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let targets: Vec<Option<Span>> = pragmas
        .iter()
        .map(|p| target(text, &index, p, extents))
        .collect();
    let mut used = vec![false; pragmas.len()];
    diagnostics.retain(|d| {
        // Findings about suppressions are never suppressed by them.
        if d.code == crate::input::codes::IN009.code {
            return true;
        }
        for (i, p) in pragmas.iter().enumerate() {
            if !p.codes.iter().any(|c| c == d.code) {
                continue;
            }
            let covers = p.global
                || targets[i].is_some_and(|t| d.span.start >= t.start && d.span.start <= t.end);
            if covers {
                used[i] = true;
                return false;
            }
        }
        true
    });
    let mut out = Vec::new();
    for (i, p) in pragmas.iter().enumerate() {
        // Codes ecsplain does not implement (ShellCheck's SC codes, hadolint rules we have not
        // ported) can never match: they are left alone, so hadolint users' files stay quiet.
        let known = p
            .codes
            .iter()
            .all(|c| crate::rules::registry::rule(c).is_some());
        if !used[i] && known {
            let rule = &crate::input::codes::IN009;
            let codes = Arg::List(p.codes.iter().map(Arg::from).collect());
            let mut d = rule.diag_msg(p.span, crate::msg!(in009::UNUSED, codes = codes));
            d.set_help_msg(crate::msg!(in009::HELP_REMOVE));
            out.push(d);
        }
        if p.tool == Tool::Ecsplain && p.reason.is_none() {
            let rule = &crate::input::codes::IN010;
            let mut d = rule.diag_msg(p.span, crate::msg!(in010::NO_REASON));
            d.set_help_msg(crate::msg!(in010::HELP_REASON));
            out.push(d);
        }
    }
    out
}

/// The span a line pragma covers.
fn target(text: &str, index: &LineIndex, pragma: &Pragma, extents: &[Span]) -> Option<Span> {
    if pragma.global {
        return None;
    }
    let line = index.line_of(pragma.span.start);
    if pragma.trailing {
        return Some(index.line_span(line, text));
    }
    if pragma.stage {
        // From the comment to the next `FROM` after the line the comment precedes.
        let first = (line + 1..index.line_count()).find(|&l| {
            let t = index.line_span(l, text).text(text).trim();
            !t.is_empty() && !t.starts_with('#')
        })?;
        let end = (first + 1..index.line_count())
            .map(|l| index.line_span(l, text))
            .find(|s| {
                let t = s.text(text).trim_start();
                t.get(..5).is_some_and(|k| {
                    k.eq_ignore_ascii_case("FROM ") || k.eq_ignore_ascii_case("FROM\t")
                })
            })
            .map_or(text.len(), |s| s.start as usize);
        return Some(Span::new(pragma.span.end as usize, end));
    }
    if !extents.is_empty() {
        return extents.iter().copied().find(|e| e.start >= pragma.span.end);
    }
    (line + 1..index.line_count())
        .map(|l| index.line_span(l, text))
        .find(|s| {
            let t = s.text(text).trim();
            !t.is_empty() && !t.starts_with('#') && !t.starts_with("//")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragmas_parse_in_both_syntaxes() {
        let text = "# hadolint ignore=DL3008,dl3015 # why\nRUN x\n# ecsplain global ignore=DF001 -- base image sets USER\nkey: v  # ecsplain ignore=EP003\n";
        let p = scan(text, false);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].codes, ["DL3008", "DL3015"]);
        assert_eq!(p[0].tool, Tool::Hadolint);
        assert!(p[1].global && p[1].reason.as_deref() == Some("base image sets USER"));
        assert!(p[2].trailing);
        assert!(scan("x: \"# ecsplain ignore=A\"\n", false).is_empty());
    }

    #[test]
    fn a_pragma_silences_the_next_line_and_reports_unused_ones() {
        let text =
            "# ecsplain ignore=TD999 -- test\nbad: 1\n# ecsplain ignore=TD001 -- test\nok: 2\n";
        let pragmas = scan(text, false);
        let at = text.find("bad").unwrap_or(0);
        let mut diags = vec![Diagnostic::new(
            "TD999",
            crate::input::diagnostic::Severity::Error,
            Span::new(at, at + 3),
            "x",
        )];
        let about = apply(text, &pragmas, &[], &mut diags);
        assert!(diags.is_empty());
        assert_eq!(about.len(), 1);
        assert!(about[0].message.contains("TD001"));
    }

    #[test]
    fn a_stage_pragma_covers_the_rest_of_its_stage() {
        let text =
            "# hadolint stage ignore=DL3008\nFROM a AS b\nRUN one\nRUN two\nFROM c\nRUN three\n";
        let pragmas = scan(text, false);
        assert!(pragmas[0].stage && !pragmas[0].global);
        let diag = |word: &str| {
            let at = text.find(word).unwrap_or(0);
            Diagnostic::new(
                "DL3008",
                crate::input::diagnostic::Severity::Warning,
                Span::new(at, at + 3),
                "x",
            )
        };
        let mut diags = vec![diag("one"), diag("two"), diag("three")];
        apply(text, &pragmas, &[], &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].span.start as usize,
            text.find("three").unwrap_or(0)
        );
    }

    /// "Ignore here" and the suppression reader agree for every kind: the finding is gone after
    /// the edit, and the new comment is not itself reported as unused.
    fn ignored_round_trip(path: &str, text: &str, kind: Kind, code: &str) {
        use crate::{input::Input, lint};
        let report = lint(&[Input::new(path, text, Some(kind))]);
        let finding = report
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{path}: no {code} to ignore"));
        let IgnoreHere::Comment(edited) = ignore_here(finding, text, Some(kind)) else {
            panic!("{path}: a comment was expected");
        };
        let again = lint(&[Input::new(path, edited.as_str(), Some(kind))]);
        let left: Vec<&str> = again.findings.iter().map(|f| f.code).collect();
        assert!(
            !left.contains(&code),
            "{path}: {code} is still there: {edited}"
        );
        assert!(
            !left.contains(&"IN009"),
            "{path}: the comment is unused: {edited}"
        );
    }

    #[test]
    fn ignore_here_writes_a_comment_the_engine_honours() {
        ignored_round_trip(
            "Dockerfile",
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
            Kind::Dockerfile,
            "DL3008",
        );
        ignored_round_trip(
            "ecspresso.yml",
            "region: eu-west-1\ncluster: prod\nservice: web\ntask_definition: td.json\nfilter_command: peco\n",
            Kind::Ecspresso,
            "EP008",
        );
        ignored_round_trip(
            "ecs-task-def.jsonnet",
            "{\n  family: 'web',\n  containerDefinitions: [\n    { name: 'app', image: 'nginx:latest', essential: true },\n  ],\n}\n",
            Kind::TaskDef,
            "TD201",
        );
    }

    #[test]
    fn ignore_here_in_json_is_a_path_ignore_and_never_for_syntax_errors() {
        use crate::{input::Input, lint};
        let text = "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx:latest\", \"essential\": true}]}";
        let report = lint(&[Input::new("td.json", text, Some(Kind::TaskDef))]);
        let finding = report.findings.iter().find(|f| f.code == "TD201");
        let Some(finding) = finding else {
            panic!("no TD201");
        };
        assert_eq!(
            ignore_here(finding, text, Some(Kind::TaskDef)),
            IgnoreHere::Path {
                path: "td.json".to_string(),
                code: "TD201",
                pointer: Some("/containerDefinitions/0/image".to_string()),
            }
        );
        let broken = lint(&[Input::new("td.json", "{\"family\": ", Some(Kind::TaskDef))]);
        let Some(syntax) = broken.findings.first() else {
            panic!("no syntax error");
        };
        assert_eq!(
            ignore_here(syntax, "{\"family\": ", Some(Kind::TaskDef)),
            IgnoreHere::NotOffered
        );
    }

    #[test]
    fn ignore_comments_go_on_the_line_before_with_its_indent_and_line_ending() {
        assert_eq!(
            insert_ignore_comment("FROM debian:12\nRUN apt-get install -y curl\n", 2, "DL3008", "#"),
            "FROM debian:12\n# ecsplain ignore=DL3008 -- why this is fine here\nRUN apt-get install -y curl\n"
        );
        assert!(
            insert_ignore_comment("region: x\r\n  cluster: y\r\n", 2, "EP001", "#")
                .contains("\r\n  # ecsplain ignore=EP001 -- why this is fine here\r\n  cluster")
        );
        assert_eq!(
            insert_ignore_comment("{\n  a: 1\n}", 2, "TD201", "//"),
            "{\n  // ecsplain ignore=TD201 -- why this is fine here\n  a: 1\n}"
        );
    }
}
