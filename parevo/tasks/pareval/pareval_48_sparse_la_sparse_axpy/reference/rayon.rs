// Expert reference (Rayon): z cut into blocks, one per task; both sparse vectors are sorted by
// index, so each block finds its own entries by binary search and writes only its own slice.
use parevo_rt::Element;
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn sparseAxpy(alpha: f64, x: &[Element], y: &[Element], n: usize) -> Vec<f64> {
    let block = (n / (4 * rayon::current_num_threads())).max(1 << 12);
    let mut z = vec![0.0; n];
    z.par_chunks_mut(block).enumerate().for_each(|(b, zs)| {
        let lo = b * block;
        let hi = lo + zs.len();
        let range = |v: &[Element]| v.partition_point(|e| e.index < lo)..v.partition_point(|e| e.index < hi);
        for e in &x[range(x)] {
            zs[e.index - lo] += alpha * e.value;
        }
        for e in &y[range(y)] {
            zs[e.index - lo] += e.value;
        }
    });
    z
}
