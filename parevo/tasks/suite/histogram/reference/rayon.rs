// Expert reference (Rayon): two strategies, chosen by the size of the table.
//
// Few buckets (a table that stays in cache, and no more table entries over all tasks than
// values): each task counts its chunk of values into a private table and the tables are summed
// pairwise (fold + reduce); no sharing at all while counting.
//
// Many buckets: a table far bigger than the caches makes every increment a cache miss (and an
// atomic increment there is worse). So the values are first partitioned by their high bits into
// ranges of 2^17 buckets, each chunk of the input into its own per-range lists, and then each
// range of the output (a disjoint `par_chunks_mut` slice, 1 MiB) is counted by one task, from
// every chunk's list for that range, with increments that hit cache. A range that holds far more
// than its share (a hot bucket) is counted by several tasks into private range-sized tables,
// summed into the slice afterwards.
use rayon::prelude::*;

const RANGE_BITS: u32 = 17;
const RANGE: usize = 1 << RANGE_BITS;

fn small_table(values: &[u32], b: usize) -> Vec<i64> {
    let chunk = (values.len() / (4 * rayon::current_num_threads())).max(1 << 14);
    values
        .par_chunks(chunk)
        .fold(
            || vec![0i64; b],
            |mut counts, c| {
                for &v in c {
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
        )
}

pub fn histogram(values: &[u32], buckets: u32) -> Vec<i64> {
    let b = buckets as usize;
    let threads = rayon::current_num_threads();
    if values.len() < 4096 {
        let mut counts = vec![0i64; b];
        for &v in values {
            counts[v as usize] += 1;
        }
        return counts;
    }
    if b <= 1 << 16 && b * 4 * threads <= values.len() {
        return small_table(values, b);
    }
    let ranges = (b + RANGE - 1) / RANGE;
    let chunk = (values.len() / (4 * threads)).max(1 << 16);
    // parts[c][r]: the values of input chunk c that fall in range r.
    let parts: Vec<Vec<Vec<u32>>> = values
        .par_chunks(chunk)
        .map(|c| {
            let mut mine: Vec<Vec<u32>> = vec![Vec::new(); ranges];
            for &v in c {
                mine[(v >> RANGE_BITS) as usize].push(v);
            }
            mine
        })
        .collect();
    let heavy = values.len() / threads / 2;
    let mut counts = vec![0i64; b];
    counts.par_chunks_mut(RANGE).enumerate().for_each(|(r, slice)| {
        let base = r << RANGE_BITS;
        let total: usize = parts.iter().map(|p| p[r].len()).sum();
        if total <= heavy {
            for p in &parts {
                for &v in &p[r] {
                    slice[v as usize - base] += 1;
                }
            }
            return;
        }
        let len = slice.len();
        let private = parts
            .par_iter()
            .flat_map_iter(|p| p[r].chunks(1 << 16))
            .fold(
                || vec![0i64; len],
                |mut t, c| {
                    for &v in c {
                        t[v as usize - base] += 1;
                    }
                    t
                },
            )
            .reduce(
                || vec![0i64; len],
                |mut left, right| {
                    left.iter_mut().zip(right).for_each(|(x, y)| *x += y);
                    left
                },
            );
        slice.iter_mut().zip(private).for_each(|(x, y)| *x += y);
    });
    counts
}
