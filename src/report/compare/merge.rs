//! Lining up run orders: several variants' sequences of keys (requests, checks, variable
//! names) merged into one order that keeps each sequence's order as far as they agree.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Merges several orderings into one: the first as is, then every key the others add, placed
/// right after the known key it followed there (in its own order).
pub fn merge_orders<K: Clone + Eq + Hash>(seqs: &[Vec<K>]) -> Vec<K> {
    let mut merged: Vec<K> = Vec::new();
    let mut known: HashSet<K> = HashSet::new();
    for seq in seqs {
        let mut after: HashMap<Option<K>, Vec<K>> = HashMap::new();
        let mut anchor: Option<K> = None;
        for key in seq {
            if known.contains(key) {
                anchor = Some(key.clone());
            } else {
                after.entry(anchor.clone()).or_default().push(key.clone());
            }
        }
        if after.is_empty() {
            continue;
        }
        let mut out = after.remove(&None).unwrap_or_default();
        for key in merged {
            let added = after.remove(&Some(key.clone()));
            out.push(key);
            out.extend(added.into_iter().flatten());
        }
        known.extend(out.iter().cloned());
        merged = out;
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_order_and_slots_in_extras() {
        let a = vec!["a", "b", "d"];
        let b = vec!["a", "c", "b", "e", "d"];
        let c = vec!["x", "a"];
        assert_eq!(merge_orders(&[a, b, c]), ["x", "a", "c", "b", "e", "d"]);
    }
}
