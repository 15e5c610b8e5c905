//! Stable sorting through one shared copy of the sort.
//!
//! Every `slice::sort_by` call site instantiates the standard library's stable sort for its own
//! element and comparator types: about 3 KB of WebAssembly each, some 50 KB in the page for a
//! dozen call sites. These helpers sort a list of positions once, with a dynamic comparator, then
//! move the elements into that order: one copy of the sort, at the cost of a dynamic call per
//! comparison and one extra allocation. Same results as `sort_by` (stable, never panics).

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The stable order of `n` items under `cmp`, as positions.
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Sorts `items` by `cmp`, stably, like [`slice::sort_by`].
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let positions = {
        let items = &*items;
        order(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => cmp(x, y),
                _ => Ordering::Equal,
            },
        )
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .iter()
            .filter_map(|&at| slots.get_mut(at).and_then(Option::take)),
    );
}

/// Sorts `items` by a key, stably, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like [`slice::sort`].
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, |a, b| a.cmp(b));
}

/// A map of `items`, like `items.into_iter().collect::<BTreeMap<_, _>>()` (a later pair with an
/// equal key replaces the earlier one's value), built by inserting one pair at a time: the
/// standard `FromIterator` sorts the pairs first with the stable sort, which instantiates that
/// sort once more for each key and value type (about 3 KB of WebAssembly each).
pub fn btree_map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in items {
        map.insert(key, value);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 17, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            let mut std = items.clone();
            std.sort_by_key(|&(key, _)| key);
            assert_eq!(ours, std, "length {len}");
            let mut natural = items.clone();
            sort(&mut natural);
            let mut expected = items;
            expected.sort();
            assert_eq!(natural, expected);
        }
    }

    #[test]
    fn btree_map_is_collect() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let std: BTreeMap<&str, i32> = pairs.into_iter().collect();
        assert_eq!(btree_map(pairs), std);
        assert_eq!(btree_map(Vec::<(u8, u8)>::new()), BTreeMap::new());
    }
}
