// Expert reference (Rayon): a private 256-bin table per task (fold), tables summed pairwise.
use rayon::prelude::*;

#[allow(non_snake_case)] // ParEval's name
pub fn pixelCounts(image: &[i32]) -> [usize; 256] {
    image
        .par_chunks(1 << 15)
        .fold(
            || [0usize; 256],
            |mut bins, chunk| {
                for &p in chunk {
                    bins[p as usize] += 1;
                }
                bins
            },
        )
        .reduce(
            || [0usize; 256],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b.iter()) {
                    *x += y;
                }
                a
            },
        )
}
