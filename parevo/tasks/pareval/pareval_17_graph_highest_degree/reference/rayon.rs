// Expert reference (Rayon): one row (a vertex's degree) per task, the maximum reduced in parallel.
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn maxDegree(a: &[i32], n: usize) -> i32 {
    if n == 0 {
        return 0;
    }
    a.par_chunks(n).map(|row| row.iter().filter(|&&e| e != 0).count() as i32).max().unwrap_or(0)
}
