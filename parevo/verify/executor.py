"""Where an evaluation runs: the one seam bench, evolve and corpus call the verifier through.

`LocalExecutor` starts the worker process of `verify/isolated.py` on this machine;
`verify/remote.py`'s `RayExecutor` starts the very same worker on a node of a Ray cluster. Both
take one candidate and return its `EvalResult`, so there is one verifier path whichever runs it;
the caller stays the single writer of its store. An executor owns how many evaluations run at
once (`capacity`), retries what the infrastructure lost (a worker killed by the OOM killer, a
node gone) a bounded number of times, and reports each loss it retried, so that the caller can
record it as an event and never as the candidate's failure.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import NamedTuple, Protocol

from .config import EvalConfig
from .isolated import evaluate_in_worker, worker_killed
from .result import EvalResult


class Retried(NamedTuple):
    kind: str  # worker_killed | node_lost
    detail: str


class Evaluated(NamedTuple):
    result: EvalResult
    retried: list[Retried]  # infrastructure losses retried before `result` came back


class EvalJob(NamedTuple):
    """One candidate to evaluate: what `EvalRequest` carries, less the paths (each side has its own)."""

    task: str  # a built-in id or a task directory
    model: str
    source: str
    config: EvalConfig
    timeout_s: float


class Executor(Protocol):
    name: str  # "local", or "ray <address>" for a person reading a run's events
    capacity: int  # evaluations worth having in flight at once

    async def evaluate(self, job: EvalJob, workdir: Path) -> Evaluated: ...

    def close(self) -> None: ...


class LocalExecutor:
    """Worker processes on this machine, `workers` at a time (timing stays exclusive machine-wide:
    verify/slots.py). A worker killed by a signal nobody in parevo sent is retried once; a second
    kill comes back as the `error` it is."""

    name = "local"

    def __init__(self, workers: int = 1):
        self.capacity = workers
        self._sem = asyncio.Semaphore(workers)

    async def evaluate(self, job: EvalJob, workdir: Path) -> Evaluated:
        retried: list[Retried] = []
        async with self._sem:
            try:
                result = await evaluate_in_worker(job.task, job.model, job.source, job.config, workdir, job.timeout_s)
                if worker_killed(result):
                    retried.append(Retried("worker_killed", result.feedback))
                    result = await evaluate_in_worker(job.task, job.model, job.source, job.config, workdir,
                                                      job.timeout_s)
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
        return Evaluated(result, retried)

    def close(self) -> None:
        pass


def make_executor(ray: str | None, workers: int = 1) -> Executor:
    """`--ray ADDRESS|local` picks a Ray cluster; without it, `workers` local worker processes."""
    if ray is None:
        return LocalExecutor(workers)
    from .remote import RayExecutor

    return RayExecutor.connect(ray)
