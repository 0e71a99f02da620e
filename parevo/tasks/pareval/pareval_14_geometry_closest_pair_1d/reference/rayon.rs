// Expert reference (Rayon): in sorted order the closest pair is adjacent, so a parallel sort of
// a copy and a parallel minimum over neighbouring gaps.
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn closestPair(x: &[f64]) -> f64 {
    let mut v = x.to_vec();
    v.par_sort_unstable_by(|a, b| a.total_cmp(b));
    v.par_windows(2).map(|w| w[1] - w[0]).reduce(|| f64::INFINITY, f64::min)
}
