"""Isolated evaluation, the way the agent, the benchmark and the corpus call the verifier: a
worker process per candidate (`verify/worker.py`), killable as a group, bounded in time, its
result read from a file. `asyncio` waits on it, so LLM requests of other iterations proceed
meanwhile, and a hung or crashed evaluation never takes its caller down."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

from ..toolchain import lifeline
from .config import EvalConfig
from .result import EvalResult, StageResult
from .worker import EvalRequest

GRACE_S = 5.0


def worker_failure(task: str, model: str, why: str, killed_by: int | None = None) -> EvalResult:
    """An `error` result: parevo's infrastructure lost the evaluation, the candidate did nothing wrong."""
    metrics = {"worker_killed_by": killed_by} if killed_by else {}
    return EvalResult(task=task, task_version=0, model=model, candidate_sha256="",
                      stages=[StageResult(stage="static", status="error", feedback=why, detail=why, metrics=metrics)])


def worker_killed(result: EvalResult) -> bool:
    """The worker died of a signal nobody in parevo sent (the OOM killer, a person): worth
    one more try, since the candidate itself runs in a sandbox under its own caps."""
    first = result.stages[0] if result.stages else None
    return bool(first and first.metrics.get("worker_killed_by"))


async def evaluate_in_worker(task: str, model: str, source: str, config: EvalConfig, workdir: Path,
                             timeout_s: float) -> EvalResult:
    workdir.mkdir(parents=True, exist_ok=True)
    src, out, req = workdir / "candidate.cpp", workdir / "result.json", workdir / "request.json"
    src.write_text(source)
    out.unlink(missing_ok=True)
    req.write_text(EvalRequest(task=task, model=model, source_path=str(src), result_path=str(out),
                               config=config).model_dump_json())
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "parevo.verify.worker", str(req), stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE, start_new_session=True, env=lifeline.child_env())
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout_s)
    except (asyncio.TimeoutError, asyncio.CancelledError) as exc:
        await _kill_group(proc)
        if isinstance(exc, asyncio.CancelledError):
            raise
        return worker_failure(task, model, f"the evaluation worker ran past {timeout_s:.0f} s and was killed")
    if proc.returncode != 0 or not out.is_file():
        # a worker killed outright (the OOM killer, kill -9) cleaned nothing up: its sandboxes
        # died with it, the compiler's children may not have
        await asyncio.to_thread(lifeline.sweep_orphan_cgroups, proc.pid)
        tail = (err or b"").decode(errors="replace")[-1500:]
        if proc.returncode is not None and proc.returncode < 0:
            name = signal.Signals(-proc.returncode).name
            return worker_failure(task, model, f"the evaluation worker was killed by {name} (the kernel's OOM killer, "
                                  f"or a person); not the candidate's doing", killed_by=-proc.returncode)
        return worker_failure(task, model, f"the evaluation worker failed (exit {proc.returncode}):\n{tail}")
    return EvalResult.model_validate(json.loads(out.read_text()))


async def _kill_group(proc: asyncio.subprocess.Process) -> None:
    for sig, wait in ((signal.SIGTERM, GRACE_S), (signal.SIGKILL, None)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            await asyncio.wait_for(proc.wait(), wait)
            return
        except asyncio.TimeoutError:
            continue
