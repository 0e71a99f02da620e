// Expert reference (Rayon): every output from its three inputs, in parallel chunks (zero past
// either end).
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn jacobi1D(input: &[f64]) -> Vec<f64> {
    let n = input.len();
    let mut out = vec![0.0; n];
    out.par_iter_mut().enumerate().with_min_len(1 << 14).for_each(|(i, o)| {
        let left = if i > 0 { input[i - 1] } else { 0.0 };
        let right = if i + 1 < n { input[i + 1] } else { 0.0 };
        *o = (left + input[i] + right) / 3.0;
    });
    out
}
