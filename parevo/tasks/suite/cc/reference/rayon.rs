// Expert reference (Rayon): concurrent union-find. Each edge (u, v) with u < v hooks the larger
// root under the smaller with a compare-and-swap on the root's parent (only roots are ever
// hooked, so a failed swap just retries from the new roots); finds halve paths with
// compare-and-swaps too. Labels are the final roots.
use parevo_rt::Graph;
use rayon::prelude::*;
use std::sync::atomic::{AtomicI32, Ordering::Relaxed};

fn find(parent: &[AtomicI32], mut x: i32) -> i32 {
    loop {
        let p = parent[x as usize].load(Relaxed);
        if p == x {
            return x;
        }
        let gp = parent[p as usize].load(Relaxed);
        if gp != p {
            let _ = parent[x as usize].compare_exchange(p, gp, Relaxed, Relaxed);
        }
        x = gp;
    }
}

pub fn connected_components(g: &Graph) -> Vec<i32> {
    let n = g.n;
    let parent: Vec<AtomicI32> = (0..n as i32).into_par_iter().map(AtomicI32::new).collect();
    (0..n).into_par_iter().with_min_len(256).for_each(|u| {
        for &v in g.neighbors(u) {
            if (v as usize) <= u {
                continue;
            }
            let (mut a, mut b) = (u as i32, v);
            loop {
                a = find(&parent, a);
                b = find(&parent, b);
                if a == b {
                    break;
                }
                let (hi, lo) = if a > b { (a, b) } else { (b, a) };
                if parent[hi as usize].compare_exchange(hi, lo, Relaxed, Relaxed).is_ok() {
                    break;
                }
            }
        }
    });
    (0..n as i32).into_par_iter().map(|v| find(&parent, v)).collect()
}
