//! Sorting with one copy of the algorithm for the whole crate.
//!
//! The standard library's sorts are generic: each element type and comparison gets its own copy of the algorithm,
//! several kilobytes each once its small-slice sorting networks are inlined. The crate sorted about fifteen kinds of
//! lists, and those copies were 77 KB of the browser build's 450 KB of code. Here the algorithm (a stable merge sort of
//! positions) is compiled once and calls the comparison through a `dyn` reference; what each call site instantiates
//! is that comparison and the final reordering, a few hundred bytes.
//!
//! The sort is stable (equal elements keep their order), so its result is the one of `slice::sort_by`, and that of
//! `sort_unstable_by` wherever the order is total. A list already in order (the common case: spans gathered in text
//! order) costs one pass of comparisons and no allocation.

use std::cmp::Ordering;

/// Sorts `v` in ascending order (stable).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// Sorts `v` by the key `key` gives each element (stable; the key is computed at each comparison, as in
/// `slice::sort_unstable_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// Sorts `v` by the comparison `cmp` (stable). `cmp` must be a total order, as for `slice::sort_by`; if it is not,
/// `v` ends up in some order, never with an element lost or duplicated.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let v = &*v;
        sorted_order(v.len(), &mut |i, j| cmp(&v[i], &v[j]) == Ordering::Less)
    };
    if let Some(order) = order {
        permute(v, order);
    }
}

/// The positions `0..n` in the order that sorts them by `less(i, j)` (stable), or `None` when they are in order
/// already. The ascending runs already there (at least `RUN` long, made so by insertion sort) are merged pairwise,
/// bottom-up, between two buffers; lists are often a few sorted runs one after the other (one per sieve), which then
/// take a few passes.
#[cfg_attr(whosaid_small, optimize(size))]
fn sorted_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Option<Vec<usize>> {
    const RUN: usize = 16;
    let mut a: Vec<usize> = (0..n).collect();
    // Run boundaries: run k is a[ends[k - 1]..ends[k]] (ends[0] = 0).
    let mut ends = vec![0];
    let mut i = 0;
    while i < n {
        let start = i;
        i += 1;
        while i < n && !less(i, i - 1) {
            i += 1;
        }
        if i == n && start == 0 {
            return None;
        }
        // Short runs extended by insertion sort (stable: an element moves past strictly greater ones only).
        while i < n.min(start + RUN) {
            let x = a[i];
            let mut j = i;
            while j > start && less(x, a[j - 1]) {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
            i += 1;
        }
        ends.push(i);
    }
    let mut b = vec![0; n];
    while ends.len() > 2 {
        let mut merged = vec![0];
        for pair in ends[1..].chunks(2) {
            let lo = *merged.last().unwrap_or(&0);
            let (mid, hi) = (pair[0], *pair.last().unwrap_or(&pair[0]));
            merged.push(hi);
            if mid == hi || !less(a[mid], a[mid - 1]) {
                // In order already.
                b[lo..hi].copy_from_slice(&a[lo..hi]);
                continue;
            }
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // The left element unless the right one is strictly smaller: equal elements keep their order.
                let take_left = j == hi || (i < mid && !less(a[j], a[i]));
                *slot = if take_left { a[i] } else { a[j] };
                if take_left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        ends = merged;
    }
    Some(a)
}

/// Reorders `v` so that position `k` holds what was at `order[k]` (`order` a permutation of `0..v.len()`), by
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut cur = start;
        while order[cur] != start {
            let next = order[cur];
            v.swap(cur, next);
            order[cur] = cur;
            cur = next;
        }
        order[cur] = cur;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the test needs no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does() {
        for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000, 4097] {
            for (seed, modulo) in [(1, 5), (7, 1_000_000), (99, 2)] {
                let v = numbers(seed + n as u64, n, modulo);
                let mut ours = v.clone();
                sort(&mut ours);
                let mut std = v.clone();
                std.sort_unstable();
                assert_eq!(ours, std, "n={n} modulo={modulo}");
                // Descending, by a comparison.
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| b.cmp(a));
                std.reverse();
                assert_eq!(ours, std, "descending, n={n}");
            }
        }
    }

    #[test]
    fn is_stable_and_keeps_every_element() {
        for n in [5, 20, 300, 2049] {
            // Pairs (key, original position): sorting by the key alone must keep positions in order within a key.
            let keys = numbers(n as u64, n, 7);
            let mut v: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            sort_by_key(&mut v, |p| p.0);
            let mut expected: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            expected.sort_by_key(|p| p.0);
            assert_eq!(v, expected, "n={n}");
        }
        // Elements that are not Copy are moved, not cloned.
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "kiwi", "pear"]);
    }

    #[test]
    fn a_comparison_that_is_not_an_order_loses_nothing() {
        let mut v: Vec<u64> = (0..200).collect();
        let mut flip = false;
        sort_by(&mut v, |_, _| {
            flip = !flip;
            if flip {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        let mut sorted = v.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..200).collect::<Vec<u64>>());
    }
}
