"""The Rust (Rayon) expert references against the C++ sequential baselines, side by side with the
OpenMP references, measured in one run on this machine through the whole cascade (parevo's own
`evaluate`, the path `parevo eval` takes) at the tasks' full timing sizes.

    python benchmarks/rust_references.py [--tasks bfs,histogram,...] [--threads 1,2] [--reps 3]

Both models are timed against the same baseline measurement (the baseline timing of a task is
reused across the two evaluations, verify/baselines.py). Correctness and race runs are narrowed
(threads 1-2, one race run) since they are not what is measured here. Printed per task and model:
the speedup at the top thread count (geometric mean over the timing families, as the cascade
reports it) and whether the timing run was contended; then rayon/openmp per task.
"""

from __future__ import annotations

import argparse
import json
import time

from parevo import EvalConfig, evaluate, get_task
from parevo.tasks import builtin_task_ids

DEFAULT_TASKS = [t for t in builtin_task_ids() if "rayon" in get_task(t).spec.references]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", default=",".join(DEFAULT_TASKS))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    sweep = [int(x) for x in args.threads.split(",")]
    cfg = EvalConfig(check_threads=[1, 2], race_threads=[2], race_runs=1, race_timing_size=False, timing_threads=sweep,
                     reps=args.reps, profile=False, compare_reference=False, contention_retimes=1)
    rows = []
    print(f"{'task':<18} {'model':<7} {'status':<6} {'speedup@' + str(max(sweep)):>10} {'eval s':>7}  note", flush=True)
    for tid in args.tasks.split(","):
        task = get_task(tid)
        for model in ("openmp", "rayon"):
            start = time.monotonic()
            r = evaluate(task, task.reference_source(model) or "", model, cfg)
            sp = r.metrics.get("speedup")
            timing = r.stage("timing")
            note = "contended" if timing and timing.metrics.get("contended") else ""
            if r.status != "ok":
                note = r.feedback.splitlines()[0][:90] if r.feedback else r.status
            rows.append({"task": tid, "model": model, "status": r.status, "speedup": sp,
                         "families": (timing.metrics.get("families") if timing else None), "note": note})
            print(f"{tid:<18} {model:<7} {r.status:<6} {sp if sp is None else f'{sp:.2f}x':>10} "
                  f"{time.monotonic() - start:7.1f}  {note}", flush=True)
    print("\nrayon / openmp speedup ratio per task:")
    for tid in args.tasks.split(","):
        sp = {r["model"]: r["speedup"] for r in rows if r["task"] == tid}
        if sp.get("openmp") and sp.get("rayon"):
            print(f"  {tid:<18} openmp {sp['openmp']:.2f}x  rayon {sp['rayon']:.2f}x  ratio {sp['rayon'] / sp['openmp']:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
