"""Witnessed MPI: do the ranks of an `mpi` / `mpi+omp` candidate really share the work?

What is judged: each rank's process CPU time during each call, read by the trusted harness from
outside the rank (`cxx/mpi_launch.hpp`: the kernel's per-process CPU clock of every rank's pid). A
rank cannot write it, and cannot hide work in another process: ranks may not fork, exec or clone
anything but threads (seccomp), the job has no free slot for MPI_Comm_spawn, and a call after which
the job holds a process that is not a rank fails. What the number includes: everything a rank
does, its waits inside MPI too (Open MPI polls; with more ranks than cores, waiting ranks yield).

The harness gives every rank count the same inputs, so two questions are direct:

1. Did the busiest rank at N ranks still do about all the work one rank does alone? Spinning
   ranks cannot help a program whose rank 0 computes everything: only the busiest rank counts.
2. Did all the ranks together do at least about what one rank does alone? A program that knows
   the rank count and wastes time when it runs alone (inflating the one-rank reference) passes
   the first question only by doing less in total at N ranks than alone.

Only calls of at least MIN_RANK_WORK_NS at one rank decide (below that, start-up and replicated
set-up dominate); each judgement is a mean over calls, so one noisy call cannot decide either way.

Not closed (docs/verifier.md, threat model): a program that wastes time when it runs alone *and*
pads its idle ranks with busy-work passes both; only an absolute reference (the sequential
baseline's work on the same input) would expose it (tests/integrity/programs/c10_mpi/
inflate_and_pad.cpp, a `hole:` program).
"""

from __future__ import annotations

import os
from typing import Iterable

from .harness import CaseRecord

MODELS = {"mpi", "mpi+omp"}
ORIGIN_RANK = 16  # proto::kOriginMPI: one rank's process CPU, read by the harness
MIN_RANK_WORK_NS = 1_000_000
# On average the busiest rank may do at most this much of the one-rank work. Measured here (2
# cores, other jobs running): honest programs 0.40-0.55 at 2 ranks; a rank doing everything
# 0.72-1.1 (its one-rank reference pays a little more for the same loop). With more ranks than
# cores, a rank waiting in a collective polls while the others wait for a core, which inflates an
# honest busiest rank: those rank counts are judged on their own, against OVERSUBSCRIBED_SHARE.
RANK_SHARE = 0.65
OVERSUBSCRIBED_SHARE = 0.85
# All ranks together must do at least this much of what one rank does alone: a program that works
# harder when it runs alone (inflating the one-rank reference) shows less here exactly when its
# busiest rank shows less above, so a program without padding fails one of the two.
TOTAL_SHARE = 0.65
# Above an expert reference that itself exceeds RANK_SHARE at this size, a candidate's busiest rank
# may do this much more (a rank doing everything is near 1.0; ParEval 40's reference, a sort that
# merges at rank 0, measured 0.68-0.74 at its quick size on 2 loaded cores).
REFERENCE_MARGIN = 0.10


def _ranks(rec: CaseRecord) -> list[int]:
    """Each rank's CPU ns in the record (as measured by the harness)."""
    out = []
    for item in (rec.witness or {}).get("threads", []):
        if isinstance(item, list) and len(item) == 2 and int(item[0]) == ORIGIN_RANK:
            out.append(int(item[1]))
    return out


def _by_input(records: Iterable[CaseRecord]) -> dict[tuple[str, int, int], dict[int, list[int]]]:
    """(family, size, seed) -> rank count -> each rank's work."""
    by: dict[tuple[str, int, int], dict[int, list[int]]] = {}
    for rec in records:
        if rec.valid and (work := _ranks(rec)):
            by.setdefault((rec.family, rec.size, rec.seed), {})[rec.threads] = work
    return by


def _mean(xs: list[tuple[float, str, int]]) -> float:
    return sum(x[0] for x in xs) / len(xs) if xs else 0.0


def busiest_share(records: Iterable[CaseRecord], cores: int | None = None) -> float | None:
    """The mean share of the one-rank work that the busiest rank did, over the calls up to the
    core count that are large enough to tell (None: none is)."""
    cores = max(2, cores or os.cpu_count() or 2)
    shares = [max(work) / sum(at[1]) for at in _by_input(records).values() if at.get(1) and sum(at[1]) >= MIN_RANK_WORK_NS
              for n, work in at.items() if 2 <= n <= cores]
    return sum(shares) / len(shares) if shares else None


def sharing(records: Iterable[CaseRecord], cores: int | None = None, reference_share: float | None = None) -> str:
    """'' when the ranks share the work (or no call is large enough to tell), else the failure.

    `reference_share`: the task's expert MPI reference's busiest-rank share on the same inputs,
    where the reference itself is above RANK_SHARE (an algorithm with a serial step at rank 0,
    as a sort that merges there, at a size where that step weighs): the limit for the busiest
    rank is then the reference's share plus REFERENCE_MARGIN, so an honest program is judged as
    the expert's is, and a serial one (about all of the work) still fails."""
    cores = max(2, cores or os.cpu_count() or 2)
    busiest: list[tuple[float, str, int]] = []  # rank counts up to the core count
    crowded: list[tuple[float, str, int]] = []  # more ranks than cores
    total: list[tuple[float, str, int]] = []
    for (family, _, _), at in _by_input(records).items():
        one = at.get(1)
        if not one or sum(one) < MIN_RANK_WORK_NS:
            continue
        for n, work in sorted(at.items()):
            if n >= 2:
                (busiest if n <= cores else crowded).append((max(work) / sum(one), family, n))
                total.append((sum(work) / sum(one), family, n))
    rank_limit = max(RANK_SHARE, reference_share + REFERENCE_MARGIN) if reference_share else RANK_SHARE
    for judged, limit in ((busiest, rank_limit), (crowded, OVERSUBSCRIBED_SHARE)):
        if judged and (mean := _mean(judged)) > limit:
            ratio, family, n = judged[0]
            return (f"the ranks do not share the work: the busiest rank did {mean:.0%} of the work one rank does "
                    f"alone, on average over {len(judged)} calls (input family '{family}' at {n} ranks: {ratio:.0%}); "
                    f"every rank must compute its part (ParEval's \"serial code passes MPI prompts\" must not "
                    f"happen here)")
    if total and (mean := _mean(total)) < TOTAL_SHARE:
        ratio, family, n = total[0]
        return (f"the program works harder when it runs alone than all its ranks do together: the ranks together "
                f"did {mean:.0%} of the work one rank does alone, on average over {len(total)} calls (input family "
                f"'{family}' at {n} ranks: {ratio:.0%}); a program must not behave differently at one rank")
    return ""
