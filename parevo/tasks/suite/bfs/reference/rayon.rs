// Expert reference (Rayon): direction-optimising level-synchronous BFS in safe Rust.
// Levels live in atomics (a top-down step claims a vertex with a compare-and-swap); small
// frontiers are expanded serially, large ones switch to bottom-up sweeps where each unvisited
// vertex looks for any parent in the frontier.
use parevo_rt::Graph;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering::Relaxed};

const SERIAL_FRONTIER: usize = 2048;

pub fn bfs_levels(g: &Graph, source: i32) -> Vec<i32> {
    let n = g.n;
    if n == 0 {
        return Vec::new();
    }
    let level: Vec<AtomicI32> = (0..n).into_par_iter().map(|_| AtomicI32::new(-1)).collect();
    level[source as usize].store(0, Relaxed);
    let mut frontier = vec![source];
    let mut depth = 0;
    let mut unexplored = g.num_edges() as i64;
    let in_frontier: Vec<AtomicBool> = (0..n).into_par_iter().map(|_| AtomicBool::new(false)).collect();
    while !frontier.is_empty() {
        let frontier_edges: i64 = frontier.iter().map(|&u| g.degree(u as usize) as i64).sum();
        unexplored -= frontier_edges;
        let next: Vec<i32> = if frontier.len() < SERIAL_FRONTIER && frontier_edges < 16 * SERIAL_FRONTIER as i64 {
            let mut next = Vec::new();
            for &u in &frontier {
                for &v in g.neighbors(u as usize) {
                    if level[v as usize].load(Relaxed) < 0 {
                        level[v as usize].store(depth + 1, Relaxed);
                        next.push(v);
                    }
                }
            }
            next
        } else if frontier_edges * 14 > unexplored {
            frontier.par_iter().for_each(|&u| in_frontier[u as usize].store(true, Relaxed));
            let next: Vec<i32> = (0..n as i32)
                .into_par_iter()
                .with_min_len(1024)
                .filter(|&v| {
                    level[v as usize].load(Relaxed) < 0
                        && g.neighbors(v as usize).iter().any(|&p| in_frontier[p as usize].load(Relaxed))
                })
                .collect();
            next.par_iter().for_each(|&v| level[v as usize].store(depth + 1, Relaxed));
            frontier.par_iter().for_each(|&u| in_frontier[u as usize].store(false, Relaxed));
            next
        } else {
            frontier
                .par_iter()
                .with_min_len(64)
                .flat_map_iter(|&u| {
                    g.neighbors(u as usize).iter().copied().filter(|&v| {
                        level[v as usize].load(Relaxed) < 0
                            && level[v as usize].compare_exchange(-1, depth + 1, Relaxed, Relaxed).is_ok()
                    })
                })
                .collect()
        };
        frontier = next;
        depth += 1;
    }
    level.into_par_iter().map(|l| l.into_inner()).collect()
}
