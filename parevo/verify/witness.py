"""Witnessed parallelism: did more than one thread really do the work, and through the runtime
the candidate was declared for?

The harness's candidate process starts every thread through its own `pthread_create` (libgomp's
team, oneTBB's workers, std::thread, ParlayLib's scheduler and raw pthreads alike), notes the
library each thread's start routine lives in, and reports the CPU time every thread spent during
each call (`cxx/witness.hpp`). Text in the source plays no part: a `#pragma omp parallel` around
serial code, a region inside `#if 0`, or an OpenMP candidate doing its work on std::thread all
show up here.

A call counts as parallel when threads other than its busiest did at least SHARE of the call's
CPU time, among calls with at least MIN_CALL_NS of it (below that, thread wake-up dominates).
Correctness runs (OpenMP threads wait passively, so an idle thread costs nothing) can prove
parallel work but not its absence: an honest program may run serially below a size cut-off. So
when no check-size call shows it, the timing run at the largest thread count decides, on its
large inputs: there OpenMP's idle threads spin (the default wait policy) for up to some
milliseconds per barrier, so only calls of at least MIN_SPINNING_CALL_NS count, unless the run
waited passively (`EvalConfig.timing_wait_policy`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .harness import CaseRecord

ORIGIN_NAMES = {0: "another library", 1: "OpenMP", 2: "oneTBB", 3: "std::thread", 4: "pthread_create", 16: "MPI rank"}
# A Rust candidate's std (and so Rayon's pool) is linked into the candidate library: its threads
# start there (verify/rustcheck.py keeps std::thread out of a rayon candidate).
# Kokkos's OpenMP backend runs its parallel regions on libgomp's team.
ALLOWED = {"openmp": {1}, "threads": {3, 4}, "tbb": {2}, "parlay": {3}, "rayon": {4}, "kokkos": {1},
           # MPI: the harness reads each rank's process CPU itself (origin 16): a "thread" of the
           # witness is then a rank (cxx/mpi_launch.hpp); verify/ranks.py judges the sharing.
           "mpi": {16}, "mpi+omp": {16}}
MIN_CALL_NS = 200_000
# Short check-size calls carry wake-up noise (a few microseconds per idle thread): they prove
# parallel work only with a clear margin.
CHECK_SHARE = 0.25
MIN_SPINNING_CALL_NS = 50_000_000
# Absence of parallel work is claimed only on strong evidence: an honest program with a long
# serial phase (a suffix array's sequential merge at a small size) still shows ~9%.
SHARE = 0.05
MIN_OFF_BUSIEST_NS = 20_000  # per call: more than waking idle threads costs (thread start-up is not counted)


# The candidate process reports its threads' CPU time; the harness measures the process's own
# CPU clock around each call. A report that exceeds what the process used is forged.
FORGERY_RATIO = 1.25
FORGERY_SLACK_NS = 2_000_000


@dataclass(frozen=True)
class Witness:
    decided: bool  # some call was large enough to judge
    parallel: bool  # some such call had two threads each doing a share of the work
    best_share: float  # the largest share of a call's work done off its busiest thread
    foreign: str = ""  # the model the work was really done through, when it is not the declared one
    forged: str = ""  # why the candidate's own account of its threads cannot be true


def _threads(rec: CaseRecord) -> list[tuple[int, int]]:
    """(origin, cpu ns) of every thread in the record, the calling thread as origin -1."""
    w = rec.witness or {}
    out = [(-1, int(w.get("main", 0)))]
    for item in w.get("threads", []):
        if isinstance(item, list) and len(item) == 2:
            out.append((int(item[0]), int(item[1])))
    return out


def assess(records: Iterable[CaseRecord], model: str, min_call_ns: int = MIN_CALL_NS, share: float = SHARE) -> Witness:
    allowed = ALLOWED.get(model)
    decided = parallel = False
    best = 0.0
    foreign = forged = ""
    for rec in records:
        if not rec.valid or not rec.witness:
            continue
        threads = _threads(rec)
        total = sum(ns for _, ns in threads)
        measured = int(rec.witness.get("process", 0))
        if measured and total > measured * FORGERY_RATIO + FORGERY_SLACK_NS * max(1, len(rec.times)) and not forged:
            forged = (f"its threads claimed {total / 1e6:.1f} ms of CPU time on input family '{rec.family}' "
                      f"({rec.threads} threads) but the process used {measured / 1e6:.1f} ms")
        if rec.threads < 2:
            continue
        if total < min_call_ns * max(1, len(rec.times)):
            continue
        decided = True
        # Work done off the busiest thread (short-lived threads started per phase add up).
        busiest = max(ns for _, ns in threads)
        spread = 1.0 - busiest / total
        best = max(best, spread)
        # Off-busiest work must also be real work, not a helper thread's start and exit.
        off = (total - busiest) / max(1, len(rec.times))
        parallel = parallel or (spread >= share and off >= MIN_OFF_BUSIEST_NS)
        if allowed is not None and not foreign:
            for origin, ns in threads:
                if origin >= 0 and origin not in allowed and ns / total >= SHARE:
                    foreign = ORIGIN_NAMES.get(origin, "another library")
    return Witness(decided, parallel, best, foreign, forged)


def verdict(w: Witness, model: str, where: str) -> str:
    """'' when the evidence is fine (or cannot decide), else the failure message."""
    if w.forged:
        return (f"the candidate process misreported its work ({where}): {w.forged}; a candidate must not "
                f"tamper with the harness's accounting")
    if model not in ALLOWED:
        return ""
    if w.foreign:
        return (f"the candidate was declared as {model} but does its work through {w.foreign} threads ({where}); "
                f"use the declared model's own constructs")
    if w.decided and not w.parallel:
        return (f"no parallel work was observed ({where}): one thread did at least {1 - w.best_share:.0%} of the "
                f"CPU work of every call, so the program is serial however it is annotated")
    return ""

