// Expert reference (Rayon): private per-task counts merged pairwise when the table is small
// next to the input (no sharing at all), relaxed atomic increments when it is not (a private
// table per task would cost more to clear and merge than the counting itself).
use rayon::prelude::*;
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};

const CHUNK: usize = 1 << 16;

pub fn histogram(values: &[u32], buckets: u32) -> Vec<i64> {
    let b = buckets as usize;
    let chunks = (values.len() + CHUNK - 1) / CHUNK;
    if b * rayon::current_num_threads().max(chunks.min(64)) <= values.len() / 2 {
        return values
            .par_chunks(CHUNK)
            .fold(
                || vec![0i64; b],
                |mut counts, chunk| {
                    for &v in chunk {
                        counts[v as usize] += 1;
                    }
                    counts
                },
            )
            .reduce(
                || vec![0i64; b],
                |mut left, right| {
                    left.iter_mut().zip(right).for_each(|(x, y)| *x += y);
                    left
                },
            );
    }
    let counts: Vec<AtomicI64> = (0..b).into_par_iter().map(|_| AtomicI64::new(0)).collect();
    values.par_iter().with_min_len(4096).for_each(|&v| {
        counts[v as usize].fetch_add(1, Relaxed);
    });
    counts.into_par_iter().map(AtomicI64::into_inner).collect()
}
