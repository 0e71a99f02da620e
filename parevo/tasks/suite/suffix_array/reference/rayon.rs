// Expert reference (Rayon): prefix doubling. The first round sorts every suffix by its first
// seven bytes (base 257, 0 marks the end); each later round sorts by the pair
// (rank[i], rank[i + h]) packed into one u64, with Rayon's parallel unstable sort on
// (key, index) pairs. A suffix's rank is the first position of its group in the sorted order,
// found by a parallel prefix maximum over group heads; doubling stops once every group is a
// single suffix.
use rayon::prelude::*;

const BLOCK: usize = 1 << 14;

/// In place: v[j] = max(v[0..=j]), in parallel over blocks.
fn prefix_max(v: &mut [u32]) {
    let block_max: Vec<u32> = v.par_chunks(BLOCK).map(|c| c.iter().copied().max().unwrap_or(0)).collect();
    let mut carry = Vec::with_capacity(block_max.len());
    let mut run = 0u32;
    for m in block_max {
        carry.push(run);
        run = run.max(m);
    }
    v.par_chunks_mut(BLOCK).zip(carry).for_each(|(c, mut run)| {
        for x in c.iter_mut() {
            run = run.max(*x);
            *x = run;
        }
    });
}

/// Sorts (key, index) pairs and returns the suffix order, each suffix's rank, and whether every
/// rank is distinct.
fn rank_round(mut pairs: Vec<(u64, u32)>) -> (Vec<u32>, Vec<u32>, bool) {
    pairs.par_sort_unstable();
    let n = pairs.len();
    let p = &pairs;
    let mut head: Vec<u32> = (0..n)
        .into_par_iter()
        .map(|j| if j == 0 || p[j].0 != p[j - 1].0 { j as u32 } else { 0 })
        .collect();
    let groups = head.par_iter().enumerate().filter(|&(j, &h)| j == 0 || h != 0).count();
    prefix_max(&mut head);
    let order: Vec<u32> = pairs.par_iter().map(|&(_, i)| i).collect();
    // rank[order[j]] = head[j]: the inverse permutation, gathered by sorting (index, rank) pairs.
    let mut inv: Vec<(u32, u32)> = order.par_iter().zip(head.par_iter()).map(|(&i, &r)| (i, r)).collect();
    inv.par_sort_unstable();
    let rank = inv.into_par_iter().map(|(_, r)| r).collect();
    (order, rank, groups == n)
}

pub fn suffix_array(s: &[u8]) -> Vec<i32> {
    let n = s.len();
    if n == 0 {
        return Vec::new();
    }
    let first: Vec<(u64, u32)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let key = (0..7).fold(0u64, |k, j| k * 257 + s.get(i + j).map_or(0, |&b| b as u64 + 1));
            (key, i as u32)
        })
        .collect();
    let (mut order, mut rank, mut done) = rank_round(first);
    let mut h = 7;
    while !done && h < n {
        let r = &rank;
        let pairs: Vec<(u64, u32)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let second = if i + h < n { r[i + h] as u64 + 1 } else { 0 };
                (((r[i] as u64) << 32) | second, i as u32)
            })
            .collect();
        (order, rank, done) = rank_round(pairs);
        h *= 2;
    }
    order.into_par_iter().map(|i| i as i32).collect()
}
