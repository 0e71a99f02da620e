// Expert reference (Rayon): pull-based power iteration. Each round computes every vertex's
// share p[u] / deg(u) and the dangling mass in one parallel pass, then each vertex sums its
// neighbours' shares (no writes to shared data: every vertex owns its entry).
use parevo_rt::Graph;
use rayon::prelude::*;

pub fn pagerank(g: &Graph, damping: f64, iterations: i32) -> Vec<f64> {
    let n = g.n;
    if n == 0 {
        return Vec::new();
    }
    let mut p = vec![1.0 / n as f64; n];
    let mut share = vec![0.0f64; n];
    for _ in 0..iterations {
        let dangling: f64 = share
            .par_iter_mut()
            .zip(p.par_iter())
            .enumerate()
            .with_min_len(4096)
            .map(|(u, (s, &pu))| {
                let deg = g.degree(u);
                if deg == 0 {
                    *s = 0.0;
                    pu
                } else {
                    *s = pu / deg as f64;
                    0.0
                }
            })
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let share = &share;
        p.par_iter_mut().enumerate().with_min_len(1024).for_each(|(v, pv)| {
            let sum: f64 = g.neighbors(v).iter().map(|&u| share[u as usize]).sum();
            *pv = base + damping * sum;
        });
    }
    p
}
