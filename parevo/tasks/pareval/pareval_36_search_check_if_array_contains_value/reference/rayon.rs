// Expert reference (Rayon): a parallel `any`, which stops every task soon after one finds it.
use rayon::prelude::*;

pub fn contains(x: &[i32], target: i32) -> bool {
    x.par_chunks(1 << 14).any(|c| c.contains(&target))
}
