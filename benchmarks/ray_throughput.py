"""Evaluations per minute of one bench, run locally and then on a local Ray cluster, in one run
on this machine; where the Ray run's evaluations went; whether both runs reached the same verdicts.

    python benchmarks/ray_throughput.py [--samples 6] [--nodes 2]

Both runs are `parevo bench --quick` over the same scripted samples (correct, racy and wrong
OpenMP histograms from tests/fixtures/evolve, at 1M timing values), each from a cold cache.
The local run evaluates as bench does by default (two samples at once, timing exclusive). The Ray run starts a cluster
(`ray.cluster_utils.Cluster`): a head without evaluation slots and `--nodes` worker nodes, each
with one `parevo_eval` slot, its own PAREVO_CACHE_DIR and its own CPU-slot directory, as if each
were a machine of its own; they share this machine's cores, so the figure says what the Ray
layer costs and what overlapping two evaluations gains on these cores, not what a cluster of
real machines would gain (there, each node brings its own cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPLIES = ROOT / "tests" / "fixtures" / "evolve"
CYCLE = ("atomic", "racy", "wrong")


def suite(tmp: Path) -> Path:
    """histogram as a task directory of the user's own, with small timing inputs (shipped to the nodes)."""
    from parevo.paths import SUITE_DIR

    root = tmp / "suite"
    shutil.copytree(SUITE_DIR / "histogram", root / "histogram")
    toml = root / "histogram" / "task.toml"
    toml.write_text(toml.read_text().replace("timing = 30000000", "timing = 1000000"))
    return root


def bench(tmp: Path, suite_dir: Path, name: str, samples: int, cache: Path, *extra: str) -> dict:
    script = tmp / "script.json"
    script.write_text(json.dumps([(REPLIES / f"{CYCLE[i % len(CYCLE)]}.md").read_text() for i in range(samples)]))
    env = {**os.environ, "PAREVO_CACHE_DIR": str(cache), "PAREVO_SLOT_DIR": str(cache / "slots")}
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "parevo.cli", "bench", "--suite", str(suite_dir), "--llm",
                        f"scripted:{script}", "--samples", str(samples), "--quick", "--name", name, *extra],
                       cwd=tmp, env=env, capture_output=True, text=True)
    wall = time.monotonic() - start
    if r.returncode != 0:
        sys.exit(f"{name}: bench failed\n{r.stdout}\n{r.stderr}")
    db = sqlite3.connect(tmp / "parevo-bench" / name / "bench.sqlite")
    rows = db.execute("SELECT code, status, stage_reached, result FROM samples WHERE bench_id=?", (name,)).fetchall()
    verdicts = Counter((code, status, stage) for code, status, stage, _ in rows)
    machines = [json.loads(res)["machine"] for *_, res in rows if res]
    nodes = Counter(f"{m.get('host', '-')} {m.get('ray_node', '')[:8]}" for m in machines)
    return {"wall_s": wall, "n": len(rows), "verdicts": verdicts, "nodes": nodes}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=6)
    ap.add_argument("--nodes", type=int, default=2)
    args = ap.parse_args()
    import ray
    from ray.cluster_utils import Cluster

    tmp = Path(tempfile.mkdtemp(prefix="parevo-ray-throughput-"))
    suite_dir = suite(tmp)
    local = bench(tmp, suite_dir, "local", args.samples, tmp / "cache-local")
    store = 80 * 2**20
    cluster = Cluster(initialize_head=True, head_node_args=dict(num_cpus=0, object_store_memory=store,
                                                                include_dashboard=False))
    for i in range(args.nodes):
        d = tmp / f"cache-node{i}"
        cluster.add_node(num_cpus=1, object_store_memory=store, resources={"parevo_eval": 1},
                         env_vars={"PAREVO_CACHE_DIR": str(d), "PAREVO_SLOT_DIR": str(d / "slots")})
    try:
        over_ray = bench(tmp, suite_dir, "ray", args.samples, tmp / "cache-driver", "--ray", cluster.address)
    finally:
        ray.shutdown()
        cluster.shutdown()
    for name, r in (("local", local), ("ray", over_ray)):
        print(f"{name:5}  {r['n']} evaluations in {r['wall_s']:.0f} s: {60 * r['n'] / r['wall_s']:.2f} evaluations/min")
    print(f"ray / local: {local['wall_s'] / over_ray['wall_s']:.2f}x")
    print("ray evaluations per node: " + ", ".join(f"{k}: {v}" for k, v in sorted(over_ray["nodes"].items())))
    print(f"same verdicts for the same programs: {local['verdicts'] == over_ray['verdicts']}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
