// Expert reference (Rayon): the two-pass block scan. Each block's total in parallel, an
// exclusive scan of the (few) totals, then each block scanned from its offset in parallel.
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn prefixSum(x: &[f64]) -> Vec<f64> {
    let block = (x.len() / (4 * rayon::current_num_threads())).max(1 << 14);
    let totals: Vec<f64> = x.par_chunks(block).map(|c| c.iter().sum()).collect();
    let mut offsets = Vec::with_capacity(totals.len());
    let mut acc = 0.0;
    for t in &totals {
        offsets.push(acc);
        acc += t;
    }
    let mut out = vec![0.0; x.len()];
    out.par_chunks_mut(block).zip(x.par_chunks(block)).zip(offsets.par_iter()).for_each(|((o, c), &start)| {
        let mut s = start;
        for (oi, &xi) in o.iter_mut().zip(c) {
            s += xi;
            *oi = s;
        }
    });
    out
}
