// Expert reference (Rayon): a parallel sum (pairwise over chunks) divided by the length.
use rayon::prelude::*;

pub fn average(x: &[f64]) -> f64 {
    let sum: f64 = x.par_chunks(1 << 14).map(|c| c.iter().sum::<f64>()).sum();
    sum / x.len() as f64
}
