//! Small text helpers shared by rules: edit distance and "did you mean".

/// Edit distance between two short strings: insertions, deletions, substitutions and swaps of two
/// neighbouring characters (`imgae` → `image` is one edit), counted in characters and compared
/// case-insensitively (optimal string alignment).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let width = b.len() + 1;
    // Three rows: i-2, i-1 and i.
    let mut older = vec![0usize; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0usize; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut older, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// The candidate closest to `word`, when it is close enough to be a likely misspelling: at most a
/// third of the word's length in edits (1 to 3). Ties go to the shorter candidate.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len > 64 {
        return None;
    }
    let limit = (len / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("memoryReservations", "memoryReservation"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("CPU", "cpu"), 0);
        assert_eq!(distance("imgae", "image"), 1);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("memoryReservations", ["memory", "memoryReservation"]),
            Some("memoryReservation")
        );
        assert_eq!(suggest("zzz", ["memory"]), None);
        assert_eq!(
            suggest("desiredcount", ["desiredCount", "count"]),
            Some("desiredCount")
        );
    }
}
