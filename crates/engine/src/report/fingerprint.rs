//! Fingerprints that identify a finding across unrelated edits of a file, for SARIF's
//! `partialFingerprints` and GitLab's `fingerprint`.
//!
//! The fingerprint hashes the rule code, the path, the text of the finding's line with its
//! whitespace collapsed, and how many earlier findings of the same code share that line text in the
//! file. Adding or removing lines elsewhere moves the line number but keeps the fingerprint.

use std::collections::HashMap;

use crate::input::span::LineIndex;
use crate::input::Input;
use crate::lint::finding::Finding;

/// 64-bit FNV-1a: small, stable across platforms and versions (unlike `std`'s hasher).
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// One fingerprint per finding, in the same order.
pub fn fingerprints(findings: &[Finding], inputs: &[Input]) -> Vec<String> {
    let indexes: HashMap<usize, LineIndex> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (i, LineIndex::new(&input.text)))
        .collect();
    let mut seen: HashMap<(usize, &str, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let line_text = match (inputs.get(f.file), indexes.get(&f.file)) {
                (Some(input), Some(index)) => {
                    let span = index.line_span((f.line.max(1) - 1) as usize, &input.text);
                    span.text(&input.text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                _ => String::new(),
            };
            let occurrence = seen.entry((f.file, f.code, line_text.clone())).or_insert(0);
            *occurrence += 1;
            let n = occurrence.to_string();
            format!("{:016x}", fnv1a(&[f.code, &f.path, &line_text, &n]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::lint;

    #[test]
    fn fingerprints_survive_unrelated_edits() {
        let text = "{\n \"requiresCompatibilities\": [\"FARGATE\"],\n \"cpu\": \"256\",\n \"memory\": \"4096\"\n}\n";
        let moved = format!("\n\n{text}");
        let a = [Input::new(
            "t.json",
            text,
            Some(crate::input::Kind::TaskDef),
        )];
        let b = [Input::new(
            "t.json",
            moved.as_str(),
            Some(crate::input::Kind::TaskDef),
        )];
        let fa = fingerprints(&lint(&a).findings, &a);
        let fb = fingerprints(&lint(&b).findings, &b);
        assert!(!fa.is_empty());
        assert_eq!(fa, fb);
    }
}
