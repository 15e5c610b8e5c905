//! Small text helpers shared by rules: edit distance for "did you mean".

/// Levenshtein distance counted in characters, with a cap: returns `None` above `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// The candidate closest to `word` (case-insensitive), if it is close enough to be a likely typo:
/// within a third of the word's length, at least 1 and at most 3 edits.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    let max = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .filter_map(|c| edit_distance(&lower, &c.to_ascii_lowercase(), max).map(|d| (d, *c)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("kitten", "sitting", 5), Some(3));
        assert_eq!(
            did_you_mean("memoryReservations", &["memory", "memoryReservation"]),
            Some("memoryReservation")
        );
        assert_eq!(did_you_mean("zzz", &["memory"]), None);
    }
}
