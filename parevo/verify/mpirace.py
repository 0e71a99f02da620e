"""The race stage of an `mpi+omp` candidate: the OpenMP recipe (gcc ThreadSanitizer, LLVM's
libomp with Archer) inside every rank of the MPI job, launched by the race harness through mpirun
as the correctness stage launches it (cxx/mpi_launch.hpp).

Open MPI is not instrumented: its own memory accesses are invisible to the detector (it neither
reports nor orders them), and `ignore_noninstrumented_modules` keeps its calls to intercepted
functions (memcpy into a receive buffer) out of the picture. Races between ranks cannot happen
(ranks share no memory); what is checked is the threads inside each rank.

What runs (one harness run per MPI job, so that every line mpirun tags with a rank belongs to one
rank of one job):
- every rank count of the correctness stage at the threads per rank it ran with (a program may
  branch on the rank count: no count it was judged at goes unchecked), and
- 2 ranks at each of the other race thread counts (OpenMP races are inside a rank; 2 ranks is
  the smallest job with both a rank 0 and another rank, whose code paths may differ).

Every rank must report the harness's canary race before the candidate is loaded (else the
detector is not working: `error`) and after its last call (else the candidate silenced it in
that rank: `fail`), judged rank by rank from mpirun's `--tag-output` lines.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from . import racecheck, races
from .context import EvalContext
from .harness import CANARY_MARK, STDERR_CUT, CaseSpec, HarnessRun, run_harness
from .result import StageResult

RANK_THREADS = 2  # the correctness stage's OpenMP threads per rank (models.py: PAREVO_MPI_RANK_THREADS)
# mpirun's tag (--tag-output, the race build only) before each piece a rank wrote: at the start
# of every line, and also mid-line where the rank wrote one line in several pieces (ThreadSanitizer
# does), or where another rank's piece came in between.
_TAG = re.compile(r"\[\d+,(\d+)\]<std(?:err|out)>:")


@dataclass(frozen=True)
class Job:
    """One harness run of the race build: an MPI job of `ranks` ranks, `threads` OpenMP threads each."""

    ranks: int
    threads: int
    cases: tuple[CaseSpec, ...]
    timing_size: bool = False


def plan(ctx: EvalContext, sizes: list[int]) -> list[Job]:
    rank_counts = ctx.config.check_thread_counts()
    shapes = [(n, RANK_THREADS) for n in rank_counts]
    shapes += [(2, t) for t in sorted(set(ctx.config.race_threads)) if t > 1 and t != RANK_THREADS]
    families = ctx.families()
    jobs = []
    for r in range(ctx.config.race_runs):
        cases = tuple(CaseSpec(c.family, size, c.seed) for size in sizes
                      for c in ctx.cases(families, "race", seed_offset=r))
        jobs += [Job(n, t, cases) for n, t in shapes]
    covered = ctx.size("timing") in sizes and set(ctx.timing_families()[:1]) <= set(families)
    if ctx.config.race_timing_size and ctx.timing_families() and not covered:
        cases = tuple(ctx.cases(ctx.timing_families()[:1], "timing", seed_offset=2000))
        jobs.append(Job(2, RANK_THREADS, cases, timing_size=True))
    return jobs


def by_rank(stderr: str) -> dict[int, str]:
    """Each rank's own output, its pieces rejoined in order with the tags removed. Untagged lines
    (mpirun's, the harness's) are dropped: mpirun tags every line a rank writes, so what follows
    a piece's first newline without a tag of its own is not a rank's."""
    out: dict[int, list[str]] = {}
    parts = _TAG.split(stderr)  # [before the first tag, rank, piece, rank, piece, ...]
    for rank, piece in zip(parts[1::2], parts[2::2]):
        end = piece.find("\n")
        out.setdefault(int(rank), []).append(piece if end < 0 else piece[:end + 1])
    return {r: "".join(pieces) for r, pieces in out.items()}


def canaries(rank_text: str) -> dict[str, int]:
    """How many of the harness's canary races one rank's detector reported, by kind."""
    counts = {k: 0 for k in CANARY_MARK}
    for line in rank_text.splitlines():
        if line.startswith("SUMMARY: ThreadSanitizer: data race"):
            for k, mark in CANARY_MARK.items():
                counts[k] += line.rstrip().endswith(f"in {mark}")
    return counts


def race_stage(ctx: EvalContext, binary: Path, harness: Path, sizes: list[int], params: dict) -> StageResult:
    """The race stage's runs and verdict for an MPI+OpenMP candidate (called by stages.race_stage)."""
    jobs = plan(ctx, sizes)
    params.update(rank_threads=RANK_THREADS, jobs=[list(s) for s in sorted({(j.ranks, j.threads) for j in jobs if not j.timing_size})])
    kinds: set[str] = set()
    for i, job in enumerate(jobs):
        limits = ctx.limits(ctx.config.race_wall_s * max(1, (job.ranks + 1) // 2), sanitizer=True)
        # The memory limit is per rank here: every rank is a whole process holding its own copy of
        # the input (ParEval's MPI problems hand every rank the input) and its own detector shadow.
        # At the timing size 2 ranks of a correct reference (30's prefix sum, 40 M doubles) needed
        # more than 4 GiB under the detector, and a reference failing is the verifier's fault.
        limits = dataclasses.replace(limits, memory_bytes=limits.memory_bytes * job.ranks)
        run = run_harness(harness, binary, list(job.cases), [job.ranks], limits,
                          env=ctx.run_env(passive=True), race=True, files={"archer.supp": racecheck.ARCHER_SUPPRESSIONS},
                          extra_args=("--rank-threads", str(job.threads)))
        ranks = by_rank(run.outcome.stderr)
        reports = [rep for text in ranks.values() for rep in races.parse(text)
                   if not any(mark in rep.text for mark in CANARY_MARK.values())]
        kinds |= {rep.kind for rep in reports}
        metrics = {"checked": True, "runs": i + 1}
        if job.timing_size and not reports and run.outcome.status in ("timeout", "memory"):
            ctx.notes.append(f"the race build could not run at the timing size within the limits "
                             f"({run.outcome.describe()}); it was checked at sizes {sizes}")
            break
        if verdict := _judge(ctx, job, run, ranks, reports, params, metrics):
            return verdict
    detail = f"non-failing sanitizer reports: {', '.join(sorted(kinds))}" if kinds else ""
    return StageResult(stage="race", status="ok", params=params, detail=detail,
                       metrics={"checked": True, "runs": len(jobs)})


def _judge(ctx: EvalContext, job: Job, run: HarnessRun, ranks: dict[int, str], reports: list[races.TsanReport],
           params: dict, metrics: dict) -> StageResult | None:
    """The verdict on one MPI job of the race build, or None when it found nothing."""
    where = f" ({job.ranks} rank{'s' if job.ranks != 1 else ''} x {job.threads} threads)"
    if failing := [rep for rep in reports if rep.fails]:
        return StageResult(stage="race", status="fail", params=params, metrics={**metrics, "reports": len(failing)},
                           feedback=f"ThreadSanitizer reported{where}:\n" + races.summarize(failing, ctx.source_lines))
    if problem := run.failure():
        return StageResult(stage="race", status="fail", params=params, metrics=metrics,
                           feedback=f"under the race detector{where}: {problem}")
    if "earlier bytes dropped]" in run.outcome.stderr[:200] or STDERR_CUT in run.outcome.stderr:
        return StageResult(stage="race", status="fail", params=params, metrics=metrics,
                           feedback="the program wrote so much to stderr that the race detector's output was lost")
    seen = {r: canaries(ranks.get(r, "")) for r in range(job.ranks)}
    if blind := [r for r, c in seen.items() if c["before"] < 1]:
        return StageResult(stage="race", status="error", params=params, metrics=metrics,
                           detail=f"the race detector of MPI rank(s) {blind}{where} did not report the harness's own "
                                  f"canary race before the candidate was loaded: the detector is not working here")
    silenced = [r for r, c in seen.items() if c["after"] < 1]
    if silenced or not all(run.canaries.values()):
        return StageResult(stage="race", status="fail", params=params, metrics=metrics,
                           feedback=f"the race detector stopped reporting in MPI rank(s) {silenced or 'unknown'}{where} "
                                    f"while the candidate ran (the harness's own canary race, run after the "
                                    f"candidate's last call, was not reported): a candidate must not switch off, "
                                    f"redirect or silence the detector")
    return None
