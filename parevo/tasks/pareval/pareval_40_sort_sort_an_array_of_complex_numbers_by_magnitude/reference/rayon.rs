// Expert reference (Rayon): the magnitudes (hypot, as std::abs computes them) computed once in
// parallel, the (magnitude, value) pairs sorted in parallel and written back in place.
use parevo_rt::Complex;
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn sortComplexByMagnitude(x: &mut [Complex]) {
    let mut keyed: Vec<(f64, Complex)> = x.par_iter().map(|z| (z.re.hypot(z.im), *z)).collect();
    keyed.par_sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    x.par_iter_mut().zip(keyed.par_iter()).for_each(|(d, &(_, z))| *d = z);
}
