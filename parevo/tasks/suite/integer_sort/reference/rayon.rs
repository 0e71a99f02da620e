// Expert reference (Rayon): Rayon's parallel pattern-defeating quicksort on a copy of the keys
// (unstable is fine: equal keys are indistinguishable).
use rayon::prelude::*;

pub fn integer_sort(keys: &[u32]) -> Vec<u32> {
    let mut sorted = keys.to_vec();
    sorted.par_sort_unstable();
    sorted
}
