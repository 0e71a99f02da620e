// Expert reference (Rayon): orient every edge from the lower to the higher (degree, id) rank,
// sort each vertex's out-list, and count each triangle once at its lowest vertex by merging
// sorted out-lists. Hubs keep short out-lists, so the work per vertex stays bounded.
use parevo_rt::Graph;
use rayon::prelude::*;

pub fn triangle_count(g: &Graph) -> i64 {
    let n = g.n;
    let before = |a: usize, b: usize| (g.degree(a), a) < (g.degree(b), b);
    let out: Vec<Vec<i32>> = (0..n)
        .into_par_iter()
        .with_min_len(256)
        .map(|v| {
            let mut up: Vec<i32> = g.neighbors(v).iter().copied().filter(|&u| before(v, u as usize)).collect();
            up.sort_unstable();
            up
        })
        .collect();
    let out = &out;
    (0..n)
        .into_par_iter()
        .with_min_len(64)
        .map(|v| {
            let mine = &out[v];
            let mut count = 0i64;
            for &u in mine {
                let theirs = &out[u as usize];
                let (mut i, mut j) = (0, 0);
                while i < mine.len() && j < theirs.len() {
                    match mine[i].cmp(&theirs[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            count += 1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
            }
            count
        })
        .sum()
}
