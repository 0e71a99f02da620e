"""The Rayon references of the ParEval problems through the quick cascade (the path `parevo eval
TASKDIR reference/rayon.rs --model rayon --quick` takes), one per ParEval category: each one's
status, the stage it reached, its quick speedup over the C++ baseline (small sizes, noisy: the
point is that they pass, not the figure) and the evaluation time, all from this one run. The
timing size is quick's, capped at the task's own (`parevo eval --quick` does not cap it, which
takes an N x N problem such as highest_degree past the memory limit at N = 20000).

    python benchmarks/pareval_rayon_references.py [--tasks pareval_03_dense_la_axpy,...] [--json out.json]

tests/test_pareval_rust.py runs three of them; this script runs them all.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from parevo import EvalConfig, evaluate
from parevo.bench import pareval as pe

DEFAULT_TASKS = [t for t in pe.pareval_task_ids() if "rayon" in pe.get_pareval_task(t).spec.references]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", default=",".join(DEFAULT_TASKS))
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    rows = []
    print(f"{'task':<62} {'status':<6} {'stage':<12} {'speedup':>8} {'eval s':>7}", flush=True)
    for tid in args.tasks.split(","):
        task = pe.get_pareval_task(tid)
        start = time.monotonic()
        # quick's timing size (20000) would be N for the N x N problems (graph, stencil): a 1.6 GB
        # matrix, twice, past the 4 GiB limit; quick never times above the task's own size.
        cfg = EvalConfig.quick()
        r = evaluate(task, task.reference_source("rayon") or "", "rayon", cfg)
        sp = r.metrics.get("speedup")
        last = r.stage_reached or "-"
        rows.append({"task": tid, "status": r.status, "stage": last, "speedup": sp,
                     "seconds": round(time.monotonic() - start, 1),
                     "feedback": None if r.status == "ok" else (r.feedback or "")[:500]})
        shown = "-" if sp is None else f"{sp:.2f}x"
        print(f"{tid:<62} {r.status:<6} {last:<12} {shown:>8} {rows[-1]['seconds']:7.1f}", flush=True)
        if r.status != "ok":
            print("   " + (r.feedback or "").strip().replace("\n", "\n   ")[:1500], flush=True)
    passed = sum(r["status"] == "ok" for r in rows)
    print(f"\n{passed}/{len(rows)} references passed the quick cascade")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0 if passed == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
