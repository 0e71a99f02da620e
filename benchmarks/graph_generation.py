"""How fast the harness generates graph inputs, against the direct versions it replaced,
measured in one run: CSR construction (bucketed vs a direct scatter), the per-repetition
relabelling (permuted blocks vs a full permutation), and a whole rMat graph.

Graph inputs are generated in every timing process before the first call, and varied before
every repetition, so these costs decide how long an evaluation of a graph task takes.

Usage: python benchmarks/graph_generation.py [--vertices 12000000] [--degree 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

from parevo.paths import HARNESS_INCLUDE_DIRS

SOURCE = Path(__file__).with_suffix(".cpp")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vertices", type=int, default=12_000_000)
    ap.add_argument("--degree", type=float, default=10.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exe = Path(tmp) / "graph_generation"
        # -O3, as the harness is built for timing.
        subprocess.run(["g++", "-std=c++20", "-O3", *(f"-I{d}" for d in HARNESS_INCLUDE_DIRS), str(SOURCE), "-o", str(exe)], check=True)
        run = subprocess.run([str(exe), str(args.vertices), str(args.degree)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"benchmark failed (exit {run.returncode}): {run.stdout}{run.stderr}")
    r = json.loads(run.stdout)
    print(f"{r['n']:,} vertices, {r['directed_edges']:,} directed edges (uniform, average degree {args.degree:g})")
    print(f"  CSR construction: direct scatter {r['from_edges_direct_s']:.2f} s, bucketed {r['from_edges_bucketed_s']:.2f} s"
          f" -> {r['from_edges_direct_s'] / r['from_edges_bucketed_s']:.2f}x (same graph: {r['same_graph']})")
    print(f"  relabelling:      full permutation {r['relabel_full_s']:.2f} s, permuted blocks {r['relabel_block_s']:.2f} s"
          f" -> {r['relabel_full_s'] / r['relabel_block_s']:.2f}x")
    print(f"  rMat graph, generated end to end: {r['rmat_total_s']:.2f} s")


if __name__ == "__main__":
    main()
