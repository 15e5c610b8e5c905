//! The one list of rules: every group's checks, joined.

use crate::rules;
use crate::rules::check::Check;
use crate::rules::rule::Rule;

/// Each group's checks, in the order groups are listed here and codes within a group.
const GROUPS: [&[Check]; 6] = [
    rules::input::CHECKS,
    rules::taskdef::CHECKS,
    rules::servicedef::CHECKS,
    rules::dockerfile::CHECKS,
    rules::ecspresso::CHECKS,
    rules::crossfile::CHECKS,
];

pub fn checks() -> impl Iterator<Item = &'static Check> {
    GROUPS.into_iter().flatten()
}

/// Every rule, sorted by code.
pub fn rules() -> Vec<&'static Rule> {
    let mut all: Vec<&'static Rule> = checks().map(Check::rule).collect();
    crate::input::order::sort_by(&mut all, |a, b| code_key(a.code).cmp(&code_key(b.code)));
    all
}

/// Codes sort by prefix, then number (`DL3008` < `DL3020`, `TD2` < `TD10`).
fn code_key(code: &str) -> (&str, u32) {
    let split = code
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(code.len());
    (&code[..split], code[split..].parse().unwrap_or(0))
}

/// A rule by code (case-insensitive) or by name.
pub fn rule(code_or_name: &str) -> Option<&'static Rule> {
    let wanted = code_or_name.trim();
    checks()
        .map(Check::rule)
        .find(|r| r.code.eq_ignore_ascii_case(wanted) || r.name == wanted)
}

/// The rules' share of the texts a build with the feature `external-docs` (the page) leaves out,
/// as the `rule_docs` example prints them and [`crate::rules::rule::set_docs`] takes them back:
/// each rule's [`Rule::docs`] under its code and its [`Rule::summary`] under `summary/<CODE>`
/// ([`crate::rules::rule::SUMMARY_PREFIX`]). Complete in a build that compiled them in (the
/// example's); in a build with `external-docs`, only what was given.
pub fn external_texts() -> Vec<(String, &'static str)> {
    let mut texts = Vec::new();
    for rule in rules() {
        texts.push((rule.code.to_string(), rule.docs()));
        texts.push((
            format!("{}{}", crate::rules::rule::SUMMARY_PREFIX, rule.code),
            rule.summary(),
        ));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(feature = "external-docs"))]
    const HEADINGS: [&str; 5] = [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## References",
    ];

    #[test]
    fn codes_are_unique_and_each_group_is_sorted() {
        let mut seen = std::collections::HashSet::new();
        for rule in checks().map(Check::rule) {
            assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
            assert!(seen.len() == seen.len());
        }
        for group in GROUPS {
            let codes: Vec<_> = group.iter().map(|c| code_key(c.rule().code)).collect();
            let mut sorted = codes.clone();
            sorted.sort();
            assert_eq!(codes, sorted, "a group's CHECKS must be in code order");
        }
        let names: std::collections::HashSet<_> = checks().map(|c| c.rule().name).collect();
        assert_eq!(names.len(), seen.len(), "rule names must be unique");
    }

    /// The readers below the rules report their codes through `input::codes`; the rules
    /// declared `Check::Parser` (`rules/input/`, and EP010) document them. Both must say the same codes and severities.
    #[test]
    fn input_codes_agree_with_rules() {
        use crate::input::codes;
        let mut seen = std::collections::BTreeSet::new();
        for code in codes::ALL {
            assert!(
                seen.insert(code.code),
                "{} twice in input::codes::ALL",
                code.code
            );
            let rule = rule(code.code).unwrap_or_else(|| {
                panic!("{} is in input::codes but no rule declares it", code.code)
            });
            assert_eq!(
                rule.severity, code.severity,
                "{}: input::codes says {}, the rule's declaration {}",
                code.code, code.severity, rule.severity
            );
        }
        let parser_rules: std::collections::BTreeSet<&str> = checks()
            .filter(|c| matches!(c, Check::Parser(_)))
            .map(|c| c.rule().code)
            .collect();
        assert!(parser_rules.len() >= 14, "{parser_rules:?}");
        assert_eq!(
            seen, parser_rules,
            "input::codes must hold exactly the rules declared as Check::Parser"
        );
    }

    #[test]
    #[cfg(not(feature = "external-docs"))]
    fn unsafe_fixes_say_why_in_the_docs() {
        for rule in rules() {
            let says = rule.docs_markdown().contains("## Fix safety");
            let unsafe_fix = rule.fix == crate::rules::rule::Applicability::Unsafe;
            assert_eq!(
                says, unsafe_fix,
                "{}: a rule declared `fix: Unsafe` has a `## Fix safety` section, and only such a rule",
                rule.code
            );
        }
    }

    #[test]
    #[cfg(not(feature = "external-docs"))]
    fn every_rule_is_documented_in_house_style() {
        for rule in rules() {
            let docs = rule.docs_markdown();
            let mut last = 0;
            for heading in HEADINGS {
                let at = docs
                    .find(heading)
                    .unwrap_or_else(|| panic!("{}: missing `{heading}`", rule.code));
                assert!(at >= last, "{}: `{heading}` out of order", rule.code);
                last = at;
            }
            assert!(
                rule.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                rule.code
            );
            let summary = rule.summary();
            assert!(!summary.trim().is_empty(), "{}: no summary", rule.code);
            assert_eq!(summary, rule.summary, "{}", rule.code);
            assert!(
                !summary.contains('\n'),
                "{}: summary is one line",
                rule.code
            );
            let first = summary.chars().next().unwrap_or('x');
            assert!(
                !first.is_uppercase() || summary.starts_with("AWS") || summary.starts_with("ECS"),
                "{}: summary starts in lower case",
                rule.code
            );
            assert!(
                !summary.ends_with('.'),
                "{}: summary has no trailing period",
                rule.code
            );
        }
    }

    /// What `rule_docs` prints for the page: every rule's docs and summary, under their keys.
    #[test]
    #[cfg(not(feature = "external-docs"))]
    fn the_docs_module_carries_every_rules_docs_and_summary() {
        let texts: std::collections::BTreeMap<String, &str> =
            external_texts().into_iter().collect();
        let all = rules();
        assert_eq!(
            texts.len(),
            2 * all.len(),
            "one docs and one summary key per rule"
        );
        for rule in all {
            assert_eq!(texts.get(rule.code), Some(&rule.docs), "{}", rule.code);
            assert!(rule.docs.contains("## What it does"), "{}", rule.code);
            assert_eq!(
                texts.get(&format!("summary/{}", rule.code)),
                Some(&rule.summary),
                "{}",
                rule.code
            );
        }
    }

    /// A page-like build (feature `external-docs`) carries no summary until the docs module
    /// arrives, then reads each one back through `set_docs`, in English and as the fallback of
    /// a language not loaded.
    #[test]
    #[cfg(feature = "external-docs")]
    fn summaries_arrive_with_the_docs() {
        use crate::rules::rule::{self, Lang};
        let all = rules();
        assert!(all.len() > 200, "{}", all.len());
        for rule in &all {
            assert_eq!(
                rule.summary, "",
                "{}: compiled into a page build",
                rule.code
            );
            assert_eq!(rule.summary(), "", "{}", rule.code);
            assert_eq!(rule.summary_in(Lang::Ja), "", "{}", rule.code);
        }
        // Shaped as the docs module is (`rule_docs`): docs under the code, the summary beside.
        let module: std::collections::BTreeMap<String, String> = all
            .iter()
            .flat_map(|r| {
                [
                    (r.code.to_string(), format!(" ## What it does\n {}", r.name)),
                    (format!("summary/{}", r.code), format!("{} summary", r.name)),
                ]
            })
            .collect();
        assert!(rule::set_docs(module));
        assert!(rule::docs_available());
        for rule in &all {
            let want = format!("{} summary", rule.name);
            assert_eq!(rule.summary(), want, "{}", rule.code);
            assert_eq!(rule.summary_in(Lang::En), want, "{}", rule.code);
            assert_eq!(
                rule.summary_in(Lang::Ja),
                want,
                "{}: English until Japanese",
                rule.code
            );
            assert!(rule.docs().contains(rule.name), "{}", rule.code);
        }
        // `external_texts` hands back what was given (the page build's only copy).
        let back: std::collections::BTreeMap<String, &str> = external_texts().into_iter().collect();
        assert_eq!(
            back.get("summary/TD001"),
            Some(&"invalid-fargate-size summary")
        );
    }
}
