// Expert reference (Rayon): the O(N^2) transform, one output per task. The twiddles come from
// one table of exp(-2*pi*i*j/N) indexed by (k*n) mod N, so no angle grows with k*n (exact
// indexing keeps every term as accurate as the table).
use parevo_rt::Complex;
use rayon::prelude::*;

pub fn dft(x: &[f64]) -> Vec<Complex> {
    let n = x.len();
    let step = -2.0 * std::f64::consts::PI / n as f64;
    let table: Vec<(f64, f64)> = (0..n).into_par_iter().map(|j| {
        let t = step * j as f64;
        (t.cos(), t.sin())
    }).collect();
    (0..n)
        .into_par_iter()
        .map(|k| {
            let (mut re, mut im, mut j) = (0.0, 0.0, 0usize);
            for &v in x {
                let (c, s) = table[j];
                re += v * c;
                im += v * s;
                j += k;
                if j >= n {
                    j -= n;
                }
            }
            Complex { re, im }
        })
        .collect()
}
