// Expert reference (Rayon): sort a copy in parallel, then keep the first of every run of equal
// keys with an order-preserving parallel filter.
use rayon::prelude::*;

pub fn remove_duplicates(values: &[u64]) -> Vec<u64> {
    let mut sorted = values.to_vec();
    sorted.par_sort_unstable();
    let s = &sorted;
    (0..s.len())
        .into_par_iter()
        .with_min_len(4096)
        .filter(|&i| i == 0 || s[i] != s[i - 1])
        .map(|i| s[i])
        .collect()
}
